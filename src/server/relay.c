/* The UI of one session on a pty of its own, and the bytes between the pty
 * master and the SSH channel, moved without ever blocking (what the client
 * sends waits until the pty takes it; the UI's output is read only as fast
 * as the client's window lets it go) and converted between the UI's UTF-8
 * and the client's charset: the one place where bytes cross that edge. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "server/server.h"
#include "term/charset.h"
#include "term/printer.h"
#include "ui/idle.h"
#include "util/i18n.h"
#include "util/util.h"

#define RELAY_BUF 16384
/* Client bytes held here before libssh holds the rest. libssh reopens the
 * client's window on every ssh_channel_read, whatever it still holds, so
 * what it holds is only ever read all at once (when it fits here): then it
 * holds at most its window and a half (1.28 MB + 640 kB in libssh 0.10),
 * which this bound exceeds. Allocated as needed: an idle session holds a
 * few bytes. */
#define RELAY_IN_MAX (2u << 20)
#define CONVERSION_GROWTH 4 /* the most bytes of UTF-8 for one of a charset */
#define HANGUP_WAIT_MS 3000 /* how long a hung-up UI may take to finish */
#define UI_ARGV_MAX 16 /* tui, its book, --relay and the terminal settings */

struct relay {
	int master;
	pid_t pid;
	ssh_event ev;
	ssh_channel chan;
	struct charset_conv *conv; /* NULL when the client's charset is UTF-8 */
	struct printer_unwrap *unwrap; /* printer jobs in the UI's output */
	short events; /* what the master is registered for; 0 = not */
	int ui_eof;   /* the UI's side of the pty is closed */
	int child_changed; /* SIGCHLD came: waitpid may have news */
	int declined; /* client bytes were left with libssh */
	int reaped;
	int status;
	struct buf in; /* from the client, in UTF-8, waiting for the pty */
	size_t in_off;
	struct buf out; /* from the UI, in the client's charset, waiting for its window */
	size_t out_off;
	int64_t stalled_since; /* output waits on a shut window since then; 0 = not */
};

static size_t
pending(const struct buf *b, size_t off)
{
	return b->len - off;
}

/* Drops what has gone from the front of a buffer. */
static void
consumed(struct buf *b, size_t *off, size_t n)
{
	*off += n;
	if (*off < b->len)
		return;
	b->len = *off = 0;
}

/* Moves what waits to the front when adding n more bytes would grow the
 * buffer, so that it never grows past what it may hold (RELAY_IN_MAX and
 * one conversion) however long a client keeps it from draining: a paste of
 * any size costs the same memory. */
static void
compact(struct buf *b, size_t *off, size_t n)
{
	if (*off == 0 || b->len + n < b->cap)
		return;
	memmove(b->data, b->data + *off, b->len - *off);
	b->len -= *off;
	*off = 0;
}

/* In the child: the pty's slave becomes the controlling terminal and the
 * standard streams, nothing else stays open, and the UI replaces us. */
static void __attribute__((noreturn))
ui_exec(int slave, const char *exe, char *const argv[], char *const env[])
{
	char msg[ERR_SIZE];
	sigset_t none;

	setsid();
	ioctl(slave, TIOCSCTTY, 0);
	dup2(slave, STDIN_FILENO);
	dup2(slave, STDOUT_FILENO);
	dup2(slave, STDERR_FILENO);
	if (close_range(3, ~0U, 0) < 0)
		for (int fd = 3; fd < 1024; fd++)
			close(fd);
	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execve(exe, argv, env);
	snprintf(msg, sizeof msg, _("cannot start the forms (%s): %s"), exe, strerror(errno));
	dprintf(STDERR_FILENO, "scrivano: %s\r\n", msg); /* the pty is raw for ssh -tt */
	_exit(127);
}

/* The UI's environment: nothing of the server's but what it needs, and a
 * sanitizer build's options, so that its reports go where they say (a log
 * file), never onto the user's screen. */
static char **
ui_env(const struct ui_spec *spec)
{
	static const char *const passed[] = { "SCRIVANO_SHARE", "SCRIVANO_LOCALEDIR",
					      "SCRIVANO_FATTURAPA", /* the export's XSD */
					      "SCRIVANO_TODAY", /* a fixed today, for tests */
					      "ASAN_OPTIONS",   "UBSAN_OPTIONS",
					      "LSAN_OPTIONS" };
	size_t n = 0, cap = 16;
	char **env = xcalloc(cap, sizeof *env);

	env[n++] = xasprintf("TERM=%s", spec->term);
	env[n++] = xasprintf("HOME=%s", spec->home);
	env[n++] = xstrdup("PATH=/usr/local/bin:/usr/bin:/bin");
	env[n++] = xasprintf("USER=%s", spec->user);
	env[n++] = xasprintf("LOGNAME=%s", spec->user);
	for (size_t i = 0; i < ARRAY_LEN(passed); i++) {
		const char *v = getenv(passed[i]);
		if (v != NULL && *v != '\0')
			env[n++] = xasprintf("%s=%s", passed[i], v);
	}
	if (spec->idle_timeout > 0) { /* the UI counts it and shows the warning */
		env[n++] = xasprintf("%s=%d", UI_IDLE_ENV, spec->idle_timeout);
		env[n++] = xasprintf("%s=%d", UI_IDLE_WARNING_ENV, spec->idle_warning);
	}
	for (size_t i = 0; spec->env[i] != NULL; i++) {
		if (n + 1 >= cap)
			env = xreallocarray(env, cap *= 2, sizeof *env);
		env[n++] = xstrdup(spec->env[i]);
	}
	env[n] = NULL;
	return env;
}

/* scrivano tui --book BOOK --relay, and the terminal's settings: its
 * charset (so that boxes use the terminal's line drawing when it is not
 * UTF-8, and the printer's default), the printer's, the user's keys; then
 * a --shared for each book shared with the user. Newly allocated (the
 * array only). */
static char **
ui_argv(const struct ui_spec *spec)
{
	size_t nshared = 0, n = 0;
	char **argv;

	while (spec->shared != NULL && spec->shared[nshared] != NULL)
		nshared++;
	argv = xcalloc(UI_ARGV_MAX + 2 * nshared + 1, sizeof *argv);

	argv[n++] = (char *)spec->exe;
	argv[n++] = "tui";
	argv[n++] = "--book";
	argv[n++] = (char *)spec->book;
	argv[n++] = "--relay";
	argv[n++] = "--charset";
	argv[n++] = (char *)(spec->charset != NULL ? spec->charset : "UTF-8");
	if (spec->printer_charset != NULL) {
		argv[n++] = "--printer-charset";
		argv[n++] = (char *)spec->printer_charset;
	}
	if (spec->keys != NULL) {
		argv[n++] = "--keys";
		argv[n++] = (char *)spec->keys;
	}
	for (size_t i = 0; i < nshared; i++) {
		argv[n++] = "--shared";
		argv[n++] = spec->shared[i];
	}
	argv[n] = NULL;
	return argv;
}

void
strv_free(char **v)
{
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

static int on_master(socket_t fd, int revents, void *userdata);

/* Registers the master for exactly the events wanted now. Never called
 * from inside a poll callback: libssh's poll loop must not change under
 * its feet. */
static void
update_events(struct relay *r)
{
	short want = 0;

	if (r->master >= 0 && !r->ui_eof) {
		if (pending(&r->out, r->out_off) == 0)
			want |= POLLIN;
		if (pending(&r->in, r->in_off) > 0)
			want |= POLLOUT;
	}
	if (want == r->events)
		return;
	if (r->events != 0)
		ssh_event_remove_fd(r->ev, r->master);
	if (want != 0)
		ssh_event_add_fd(r->ev, r->master, want, on_master, r);
	r->events = want;
}

/* Client → UI: as much as the pty takes now. */
static void
flush_in(struct relay *r)
{
	while (pending(&r->in, r->in_off) > 0) {
		ssize_t n = write(r->master, r->in.data + r->in_off, pending(&r->in, r->in_off));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) { /* the UI is gone: nobody will read this */
			consumed(&r->in, &r->in_off, pending(&r->in, r->in_off));
			return;
		}
		consumed(&r->in, &r->in_off, (size_t)n);
	}
}

/* UI → client: what is waiting, as far as the client's window allows. A
 * client that lets output wait on a shut window is timed from then on; any
 * byte it takes restarts the count. */
static void
send_out(struct relay *r)
{
	while (pending(&r->out, r->out_off) > 0) {
		uint32_t win = ssh_channel_window_size(r->chan);
		size_t n = pending(&r->out, r->out_off);
		int rc;

		if (win == 0 && r->stalled_since == 0)
			r->stalled_since = now_ms();
		if (win == 0 || ssh_channel_is_closed(r->chan))
			return;
		r->stalled_since = 0;
		rc = ssh_channel_write(r->chan, r->out.data + r->out_off,
				       (uint32_t)(n < win ? n : win));
		if (rc == SSH_ERROR) { /* the client is gone; the session sees it */
			consumed(&r->out, &r->out_off, n);
			return;
		}
		consumed(&r->out, &r->out_off, (size_t)rc);
	}
}

/* The UI's output, split by printer_unwrap_feed: screen text is converted
 * to the client's charset; a printer job is already in the printer's and
 * goes out as it is (see printer.h for why it travels in-band). */
static void
out_screen(void *ud, const char *p, size_t n)
{
	struct relay *r = ud;

	if (r->conv != NULL)
		charset_out(r->conv, p, n, &r->out);
	else
		buf_add(&r->out, p, n);
}

static void
out_job(void *ud, const char *p, size_t n)
{
	struct relay *r = ud;

	buf_add(&r->out, p, n);
}

/* Reads the UI's output once the last is sent, at most a buffer (the
 * client's window, when it is open), so that what waits for a client is
 * bounded and a shut window is noticed with output waiting; notes the end
 * of the UI's side (EIO once the slave is closed, or nothing left once it
 * is reaped). */
static void
read_out(struct relay *r)
{
	char buf[RELAY_BUF];
	uint32_t win;
	ssize_t n;

	if (r->ui_eof || pending(&r->out, r->out_off) > 0)
		return;
	win = ssh_channel_window_size(r->chan);
	n = read(r->master, buf, win > 0 && win < sizeof buf ? win : sizeof buf);
	if (n > 0) {
		compact(&r->out, &r->out_off, (size_t)n * CONVERSION_GROWTH);
		printer_unwrap_feed(r->unwrap, buf, (size_t)n, out_screen, out_job, r);
		send_out(r);
	} else if (n == 0 || (errno != EAGAIN && errno != EINTR) || r->reaped) {
		r->ui_eof = 1;
	}
}

static int
on_master(socket_t fd, int revents, void *userdata)
{
	struct relay *r = userdata;

	(void)fd;
	if (revents & POLLOUT)
		flush_in(r);
	if (revents & (POLLIN | POLLHUP | POLLERR))
		read_out(r);
	return 0;
}

int
relay_start(struct relay **out, const struct ui_spec *spec, ssh_event ev, ssh_channel chan,
	    char *err)
{
	struct winsize ws = { .ws_row = (unsigned short)spec->rows,
			      .ws_col = (unsigned short)spec->cols };
	char **argv;
	struct charset_conv *conv = NULL;
	struct termios tio;
	struct relay *r;
	int master, slave;
	char **env;
	pid_t pid;

	if (spec->charset != NULL && (conv = charset_open(spec->charset, err)) == NULL)
		return -1;
	if (conv != NULL && charset_is_utf8(conv)) {
		charset_close(conv);
		conv = NULL;
	}
	if (openpty(&master, &slave, NULL, NULL, &ws) < 0) {
		charset_close(conv);
		return err_set(err, _("cannot open a pty: %s"), strerror(errno));
	}
	if (tcgetattr(slave, &tio) == 0) {
		tio.c_iflag |= IUTF8;
		tcsetattr(slave, TCSANOW, &tio);
	}
	fcntl(master, F_SETFD, FD_CLOEXEC);
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
	env = ui_env(spec);
	argv = ui_argv(spec);
	if ((pid = fork()) < 0) {
		free(argv);
		strv_free(env);
		charset_close(conv);
		close(master);
		close(slave);
		return err_set(err, _("cannot start the forms: %s"), strerror(errno));
	}
	if (pid == 0)
		ui_exec(slave, spec->exe, argv, env);
	free(argv);
	strv_free(env);
	close(slave);
	r = xcalloc(1, sizeof *r);
	r->master = master;
	r->pid = pid;
	r->ev = ev;
	r->chan = chan;
	r->conv = conv;
	r->unwrap = printer_unwrap_new();
	update_events(r);
	*out = r;
	return 0;
}

/* Takes client bytes while there is room, in UTF-8 for the pty. */
static size_t
take_input(struct relay *r, const void *data, size_t len)
{
	size_t held = pending(&r->in, r->in_off);

	if (held >= RELAY_IN_MAX) {
		r->declined = 1;
		return 0;
	}
	if (len > RELAY_IN_MAX - held) {
		len = RELAY_IN_MAX - held;
		r->declined = 1;
	}
	compact(&r->in, &r->in_off, len * CONVERSION_GROWTH);
	if (r->conv != NULL)
		charset_in(r->conv, data, len, &r->in);
	else
		buf_add(&r->in, data, len);
	flush_in(r);
	return len;
}

size_t
relay_input(struct relay *r, const void *data, size_t len)
{
	if (r->ui_eof || r->master < 0)
		return len; /* nobody left to read it */
	return take_input(r, data, len);
}

void
relay_resize(struct relay *r, int cols, int rows)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	if (r->master >= 0)
		ioctl(r->master, TIOCSWINSZ, &ws);
}

static void
try_reap(struct relay *r)
{
	if (!r->reaped && waitpid(r->pid, &r->status, WNOHANG) == r->pid)
		r->reaped = 1;
}

/* What the client sent while our buffer was full is still with libssh;
 * it is read only once all of it fits here (see RELAY_IN_MAX): reading a
 * part would reopen the client's window over the rest, and a paste would
 * pile up in libssh's buffer. */
static void
pull_input(struct relay *r)
{
	int avail;

	/* Only after a refusal: asking libssh costs a poll() when it holds
	 * nothing, on every key. */
	if (!r->declined)
		return;
	while (!r->ui_eof && (avail = ssh_channel_poll(r->chan, 0)) > 0 &&
	       (size_t)avail <= RELAY_IN_MAX - pending(&r->in, r->in_off)) {
		char *tmp = xmalloc((size_t)avail);
		int n = ssh_channel_read_nonblocking(r->chan, tmp, (uint32_t)avail, 0);

		if (n > 0)
			take_input(r, tmp, (size_t)n);
		free(tmp);
		if (n <= 0)
			break;
	}
	if (r->ui_eof || ssh_channel_poll(r->chan, 0) <= 0)
		r->declined = 0;
}

int
relay_step(struct relay *r)
{
	send_out(r);
	flush_in(r);
	pull_input(r);
	/* waitpid only when SIGCHLD said something changed, or the UI's side
	 * is closed: not twice on every key. */
	if (r->child_changed || r->ui_eof) {
		r->child_changed = 0;
		try_reap(r);
	}
	/* Once the UI is gone, whatever it left in the pty still goes out. */
	if (r->reaped)
		read_out(r);
	update_events(r);
	return !(r->ui_eof && r->reaped && pending(&r->out, r->out_off) == 0);
}

void
relay_sigchld(struct relay *r)
{
	r->child_changed = 1;
}

int64_t
relay_stalled_ms(const struct relay *r)
{
	int64_t ms;

	if (r->stalled_since == 0 || pending(&r->out, r->out_off) == 0)
		return 0;
	ms = now_ms() - r->stalled_since;
	return ms > 0 ? ms : 1; /* stalled from this very moment is stalled */
}

int
relay_status(const struct relay *r)
{
	return r->status;
}

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

void
relay_signal(struct relay *r, int sig)
{
	if (!r->reaped)
		kill(r->pid, sig);
}

void
relay_hangup(struct relay *r)
{
	if (r->events != 0)
		ssh_event_remove_fd(r->ev, r->master);
	r->events = 0;
	/* Closing the master hangs up the UI's terminal: it gets SIGHUP as the
	 * terminal's controlling process, and so does its process group. */
	close(r->master);
	r->master = -1;
	if (r->reaped)
		return;
	kill(-r->pid, SIGHUP);
	for (int waited = 0; !r->reaped && waited < HANGUP_WAIT_MS; waited += 20) {
		try_reap(r);
		if (!r->reaped)
			sleep_ms(20);
	}
	if (!r->reaped) {
		kill(-r->pid, SIGKILL);
		kill(r->pid, SIGKILL);
		if (waitpid(r->pid, &r->status, 0) == r->pid)
			r->reaped = 1;
	}
}

void
relay_free(struct relay *r)
{
	if (r == NULL)
		return;
	if (r->events != 0)
		ssh_event_remove_fd(r->ev, r->master);
	if (r->master >= 0)
		close(r->master);
	charset_close(r->conv);
	printer_unwrap_free(r->unwrap);
	buf_free(&r->in);
	buf_free(&r->out);
	free(r);
}
