/* One SSH connection, in a process of its own: key exchange, login by
 * public key or password, one session channel with its pty, and the UI
 * started on the client's shell request; anything else gets a clear
 * refusal. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libssh/callbacks.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "server/server.h"
#include "term/charset.h"
#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

#define ENV_MAX 16       /* LANG and LC_* variables kept from the client */
#define ENV_VALUE_MAX 64
#define TERM_MAX 64
#define SIZE_MAX_CELLS 1000 /* the largest width or height believed */
#define CLOSE_WAIT_MS 2000  /* for the client's answer to our close */
#define RUN_TIMEOUT_S 60    /* libssh's blocking calls once logged in */

enum conn_state { C_LOGIN, C_SETUP, C_UI, C_END };

struct conn {
	struct server *srv;
	ssh_session ssh;
	ssh_event ev;
	ssh_channel chan;
	struct ssh_server_callbacks_struct scb;
	struct ssh_channel_callbacks_struct ccb;
	struct registry *reg;
	struct relay *relay;
	enum conn_state state;
	char addr[SERVER_ADDR_MAX];
	int port;
	char *user;         /* the name given at the first attempt */
	char shown[48];     /* the same, safe for the log */
	int attempts;
	int over_limit;     /* logged in, but the user has too many sessions */
	int slot_fd;        /* holds one of the user's session slots */
	char term[TERM_MAX];
	int cols, rows, pty;
	char *env[ENV_MAX + 2]; /* and the server's LANG, and NULL */
	int nenv;
	int shell;                /* the client asked for its shell */
	const char *refusal;      /* msgid: what the client is told... */
	const char *refusal_why;  /* ...and what the log says */
	int client_closed;        /* the client closed the channel */
	int64_t start, login_at;
	int sig_pipe[2];
	volatile sig_atomic_t got_term;
};

static struct conn *sig_conn; /* for the signal handler's pipe */

static void
on_signal(int sig)
{
	unsigned char c = (unsigned char)sig;
	int saved = errno;

	if (sig == SIGTERM)
		sig_conn->got_term = 1;
	if (write(sig_conn->sig_pipe[1], &c, 1) < 0) {
		/* the pipe is full: a wake-up is already on its way */
	}
	errno = saved;
}

static int
on_sig_pipe(socket_t fd, int revents, void *userdata)
{
	unsigned char buf[64];

	(void)revents;
	(void)userdata;
	while (read(fd, buf, sizeof buf) > 0)
		;
	return 0;
}

static void
report(struct conn *c, enum report_kind kind)
{
	struct report rep = { .kind = (char)kind };

	str_copy(rep.addr, c->addr, sizeof rep.addr);
	if (c->srv->report_fd >= 0 && write(c->srv->report_fd, &rep, sizeof rep) < 0)
		slog(_("cannot report to the listener: %s"), strerror(errno));
}

/* "12.3 s" from milliseconds, without floating point. */
static const char *
duration(char *buf, size_t size, int64_t ms)
{
	snprintf(buf, size, "%lld.%lld s", (long long)(ms / 1000), (long long)(ms % 1000 / 100));
	return buf;
}

static void
sleep_until(int64_t when)
{
	int64_t left = when - now_ms();
	struct timespec ts;

	if (left <= 0)
		return;
	ts.tv_sec = (time_t)(left / 1000);
	ts.tv_nsec = (long)(left % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Takes one of the user's session slots: a write lock on one byte of
 * DIR/sessions/NAME.lock, which the kernel drops when this process ends,
 * however it ends. 1 when a slot was free (or there is no limit). */
static int
take_slot(struct conn *c)
{
	char *path;
	int fd;

	if (c->srv->max_per_user <= 0)
		return 1;
	path = xasprintf("%s/sessions/%s.lock", c->srv->datadir, c->user);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	free(path);
	if (fd < 0) {
		slog(_("cannot count the sessions of %s: %s"), c->shown, strerror(errno));
		return 1;
	}
	for (int i = 0; i < c->srv->max_per_user; i++) {
		struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = i,
				    .l_len = 1 };
		if (fcntl(fd, F_SETLK, &fl) == 0) {
			c->slot_fd = fd;
			return 1;
		}
	}
	close(fd);
	return 0;
}

/* The first name given is the only one this connection may log in as. */
static int
same_user(struct conn *c, const char *user)
{
	if (c->user == NULL) {
		c->user = xstrdup(user);
		slog_clean(c->shown, sizeof c->shown, user);
	}
	return strcmp(user, c->user) == 0;
}

static int
logged_in(struct conn *c, const char *how)
{
	c->state = C_SETUP;
	c->login_at = now_ms();
	c->over_limit = !take_slot(c);
	slog(_("login %s from %s port %d (%s)"), c->shown, c->addr, c->port, how);
	report(c, REPORT_SUCCESS);
	return SSH_AUTH_SUCCESS;
}

/* A public key: asked about first (no signature: may this key be used?),
 * then used (libssh has verified the signature). Only a registered key of
 * an unlocked user, and only with a verified signature, logs anyone in. */
static int
on_auth_pubkey(ssh_session ssh, const char *user, struct ssh_key_struct *key, char state,
	       void *userdata)
{
	struct conn *c = userdata;
	char *b64 = NULL, *fp, *how;
	int known, rc;

	(void)ssh;
	if (c->attempts >= SERVER_MAX_ATTEMPTS || !same_user(c, user) || c->reg == NULL ||
	    (state != SSH_PUBLICKEY_STATE_NONE && state != SSH_PUBLICKEY_STATE_VALID) ||
	    ssh_pki_export_pubkey_base64(key, &b64) != SSH_OK)
		return SSH_AUTH_DENIED;
	known = registry_has_key(c->reg, user, b64);
	fp = known ? key_fingerprint(ssh_key_type_to_char(ssh_key_type(key)), b64) : NULL;
	ssh_string_free_char(b64);
	if (!known || state == SSH_PUBLICKEY_STATE_NONE) {
		free(fp);
		return known ? SSH_AUTH_SUCCESS : SSH_AUTH_DENIED;
	}
	how = xasprintf("publickey %s", fp != NULL ? fp : "?");
	rc = logged_in(c, how);
	free(how);
	free(fp);
	return rc;
}

static int
on_auth_password(ssh_session ssh, const char *user, const char *password, void *userdata)
{
	struct conn *c = userdata;
	int64_t t0 = now_ms();
	int ok;

	(void)ssh;
	if (c->attempts >= SERVER_MAX_ATTEMPTS)
		return SSH_AUTH_DENIED; /* one more before our hang-up arrived */
	c->attempts++;
	/* The name may not change between attempts; checking a changed one
	 * against nobody's hash keeps the answer's timing the same. */
	ok = c->reg != NULL &&
	     registry_check_password(c->reg, same_user(c, user) ? user : "", password);
	if (ok)
		return logged_in(c, "password");
	/* Every failure is answered after the same delay, whoever it is for. */
	sleep_until(t0 + c->srv->auth_floor_ms);
	slog(_("failed password for %s from %s port %d (attempt %d of %d)"), c->shown, c->addr,
	     c->port, c->attempts, SERVER_MAX_ATTEMPTS);
	report(c, REPORT_FAILURE);
	/* After the last attempt nothing can continue, but libssh cannot list
	 * no method at all: it lists publickey alone (refused from now on), so
	 * that the client stops asking for a password that would go nowhere;
	 * the disconnect follows at once. */
	if (c->attempts >= SERVER_MAX_ATTEMPTS)
		ssh_set_auth_methods(c->ssh, SSH_AUTH_METHOD_PUBLICKEY);
	return SSH_AUTH_DENIED;
}

static int
on_data(ssh_session ssh, ssh_channel chan, void *data, uint32_t len, int is_stderr,
	void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	if (is_stderr || c->relay == NULL)
		return (int)len; /* nothing reads it yet: dropped */
	return (int)relay_input(c->relay, data, len);
}

static void
on_close(ssh_session ssh, ssh_channel chan, void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	c->client_closed = 1;
}

static int
clamp_cells(int n, int fallback)
{
	return n <= 0 ? fallback : n > SIZE_MAX_CELLS ? SIZE_MAX_CELLS : n;
}

/* A TERM name is letters, digits and a few signs: anything else would be
 * a trick on terminfo's paths. */
static int
term_valid(const char *t)
{
	size_t n = strlen(t);

	if (n == 0 || n >= TERM_MAX || t[0] == '.')
		return 0;
	return strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-._") == n;
}

static int
on_pty_request(ssh_session ssh, ssh_channel chan, const char *term, int cols, int rows, int px,
	       int py, void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	(void)px;
	(void)py;
	if (c->pty || c->shell)
		return -1;
	c->pty = 1;
	str_copy(c->term, term_valid(term) ? term : "vt100", sizeof c->term);
	c->cols = clamp_cells(cols, 80);
	c->rows = clamp_cells(rows, 24);
	return 0;
}

static int
on_window_change(ssh_session ssh, ssh_channel chan, int cols, int rows, int px, int py,
		 void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	(void)px;
	(void)py;
	c->cols = clamp_cells(cols, c->cols);
	c->rows = clamp_cells(rows, c->rows);
	if (c->relay != NULL)
		relay_resize(c->relay, c->cols, c->rows);
	return 0;
}

static int
env_name_allowed(const char *name)
{
	if (strcmp(name, "LANG") == 0)
		return 1;
	return str_starts(name, "LC_") && name[3] != '\0' &&
	       strspn(name + 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == strlen(name + 3);
}

static int
env_value_allowed(const char *v)
{
	size_t n = strlen(v);

	return n > 0 && n < ENV_VALUE_MAX &&
	       strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-@") == n;
}

static int
on_env(ssh_session ssh, ssh_channel chan, const char *name, const char *value, void *userdata)
{
	struct conn *c = userdata;
	size_t n = strlen(name);

	(void)ssh;
	(void)chan;
	if (c->shell || !env_name_allowed(name) || !env_value_allowed(value))
		return 1;
	for (int i = 0; i < c->nenv; i++) {
		if (strncmp(c->env[i], name, n) == 0 && c->env[i][n] == '=') {
			free(c->env[i]);
			c->env[i] = xasprintf("%s=%s", name, value);
			return 0;
		}
	}
	if (c->nenv >= ENV_MAX)
		return 1;
	c->env[c->nenv++] = xasprintf("%s=%s", name, value);
	return 0;
}

/* A request the session cannot serve is accepted, so that the client
 * reads why on its channel, and then closed. */
static int
refuse(struct conn *c, const char *msgid, const char *why)
{
	if (c->shell || c->refusal != NULL)
		return 1;
	c->refusal = msgid;
	c->refusal_why = why;
	return 0;
}

static int
on_shell(ssh_session ssh, ssh_channel chan, void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	if (!c->pty)
		return refuse(c, N_("the forms need a terminal: connect with 'ssh -t'."),
			      N_("shell without a terminal refused"));
	if (c->shell || c->refusal != NULL)
		return 1;
	c->shell = 1;
	return 0;
}

static int
on_exec(ssh_session ssh, ssh_channel chan, const char *command, void *userdata)
{
	(void)ssh;
	(void)chan;
	(void)command;
	return refuse(userdata, N_("no commands are run here: connect without one to use the "
				   "forms."), N_("command refused"));
}

static int
on_subsystem(ssh_session ssh, ssh_channel chan, const char *subsystem, void *userdata)
{
	(void)ssh;
	(void)chan;
	(void)subsystem;
	return refuse(userdata, N_("no subsystems (such as sftp) are offered here: connect "
				   "without one to use the forms."), N_("subsystem refused"));
}

static ssh_channel
on_channel_open(ssh_session ssh, void *userdata)
{
	struct conn *c = userdata;

	if (c->state != C_SETUP || c->chan != NULL)
		return NULL;
	c->chan = ssh_channel_new(ssh);
	if (c->chan == NULL)
		return NULL;
	ssh_callbacks_init(&c->ccb);
	c->ccb.userdata = c;
	c->ccb.channel_data_function = on_data;
	c->ccb.channel_close_function = on_close;
	c->ccb.channel_pty_request_function = on_pty_request;
	c->ccb.channel_pty_window_change_function = on_window_change;
	c->ccb.channel_env_request_function = on_env;
	c->ccb.channel_shell_request_function = on_shell;
	c->ccb.channel_exec_request_function = on_exec;
	c->ccb.channel_subsystem_request_function = on_subsystem;
	ssh_set_channel_callbacks(c->chan, &c->ccb);
	return c->chan;
}

/* The language the client asked for (LC_ALL, LC_MESSAGES, then LANG), for
 * the messages written to it; NULL when it named none. */
static const char *
client_locale(const struct conn *c)
{
	static const char *const vars[] = { "LC_ALL=", "LC_MESSAGES=", "LANG=" };

	for (size_t v = 0; v < ARRAY_LEN(vars); v++)
		for (int i = 0; i < c->nenv; i++)
			if (str_starts(c->env[i], vars[v]))
				return c->env[i] + strlen(vars[v]);
	return NULL;
}

/* The client's charset, as its locale says (LC_ALL, LC_CTYPE, then LANG);
 * NULL for UTF-8 or a charset we do not convert. */
static const char *
client_charset(const struct conn *c)
{
	static const char *const vars[] = { "LC_ALL=", "LC_CTYPE=", "LANG=" };

	for (size_t v = 0; v < ARRAY_LEN(vars); v++)
		for (int i = 0; i < c->nenv; i++)
			if (str_starts(c->env[i], vars[v]))
				return charset_from_locale(c->env[i] + strlen(vars[v]));
	return NULL;
}

/* The UI works in UTF-8 whatever the client's charset, which the relay
 * converts: "it_IT.ISO-8859-15" or "it_IT@euro" become "it_IT.UTF-8". */
static void
env_to_utf8(struct conn *c)
{
	for (int i = 0; i < c->nenv; i++) {
		char *eq = strchr(c->env[i], '=');
		const char *cs = charset_from_locale(eq + 1);

		if (cs != NULL && strcmp(cs, "UTF-8") != 0) {
			char *fixed = xasprintf("%.*s.UTF-8", (int)(strcspn(c->env[i], ".@")),
						c->env[i]);
			free(c->env[i]);
			c->env[i] = fixed;
		}
	}
}

/* UTF-8 text to the client's error stream, in the client's charset. */
static void
write_client(struct conn *c, const char *text)
{
	const char *cs = client_charset(c);
	struct charset_conv *conv = cs != NULL ? charset_open(cs, NULL) : NULL;
	struct buf out = { 0 };

	if (conv != NULL)
		charset_out(conv, text, strlen(text), &out);
	else
		buf_adds(&out, text);
	ssh_channel_write_stderr(c->chan, out.data, (uint32_t)out.len);
	buf_free(&out);
	charset_close(conv);
}

/* Writes a message for the person at the client, in their language, on
 * the channel's error stream. */
static void
tell_client(struct conn *c, const char *msgid)
{
	const char *loc = client_locale(c), *old = getenv("LANGUAGE");
	char *saved = old != NULL ? xstrdup(old) : NULL, *text;
	char lang[16];

	if (loc != NULL) {
		size_t n = strcspn(loc, ".@");
		snprintf(lang, sizeof lang, "%.*s", (int)(n < sizeof lang ? n : sizeof lang - 1),
			 loc);
		setenv("LANGUAGE", strcmp(lang, "C") == 0 || strcmp(lang, "POSIX") == 0 ? "en" : lang,
		       1);
	}
	text = xasprintf("scrivano: %s\r\n", _(msgid));
	if (saved != NULL)
		setenv("LANGUAGE", saved, 1);
	else
		unsetenv("LANGUAGE");
	free(saved);
	write_client(c, text);
	free(text);
}

/* Runs the poll loop until the client has closed the channel, or a while. */
static void
wait_client_close(struct conn *c)
{
	int64_t until = now_ms() + CLOSE_WAIT_MS;

	while (!c->client_closed && ssh_is_connected(c->ssh) && now_ms() < until)
		if (ssh_event_dopoll(c->ev, 100) == SSH_ERROR)
			break;
}

/* Exit status (or signal) from a wait status, EOF, close: the way a
 * session ends. */
static void
close_channel(struct conn *c, int status)
{
	if (WIFSIGNALED(status)) {
		const char *name = sigabbrev_np(WTERMSIG(status));
		ssh_channel_request_send_exit_signal(c->chan, name != NULL ? name : "KILL",
						     WCOREDUMP(status) != 0, "", "");
	} else {
		ssh_channel_request_send_exit_status(c->chan, WEXITSTATUS(status));
	}
	ssh_channel_send_eof(c->chan);
	ssh_channel_close(c->chan);
	wait_client_close(c);
}

static void
log_logout(struct conn *c, const char *why)
{
	char d[32];

	slog(_("logout %s from %s port %d after %s: %s"), c->shown, c->addr, c->port,
	     duration(d, sizeof d, now_ms() - c->login_at), why);
}

static void
end_refused(struct conn *c, const char *msgid, const char *why)
{
	tell_client(c, msgid);
	close_channel(c, W_EXITCODE(1, 0));
	log_logout(c, _(why));
	c->state = C_END;
}

static void
start_ui(struct conn *c)
{
	char err[ERR_SIZE];
	char *book = user_book_path(c->srv->datadir, c->user);
	struct ui_spec spec = {
		.exe = c->srv->self_exe, .book = book, .user = c->user,
		.home = c->srv->datadir, .term = c->term, .env = c->env,
		.cols = c->cols, .rows = c->rows,
	};

	spec.charset = client_charset(c);
	/* A client that names no language gets the server's. */
	if (client_locale(c) == NULL && c->srv->lang != NULL && env_value_allowed(c->srv->lang))
		c->env[c->nenv++] = xasprintf("LANG=%s", c->srv->lang);
	env_to_utf8(c);

	if (relay_start(&c->relay, &spec, c->ev, c->chan, err) < 0) {
		slog(_("cannot start the forms for %s: %s"), c->shown, err);
		free(book);
		end_refused(c, N_("the forms cannot start now; please tell the administrator."),
			    N_("the forms did not start"));
		return;
	}
	free(book);
	c->state = C_UI;
}

/* The UI has ended: its status goes to the client, then the session ends. */
static void
end_ui(struct conn *c)
{
	int status = relay_status(c->relay);
	char why[64];

	close_channel(c, status);
	if (WIFSIGNALED(status))
		snprintf(why, sizeof why, _("the forms ended by signal %d"), WTERMSIG(status));
	else
		snprintf(why, sizeof why, _("the forms ended with status %d"), WEXITSTATUS(status));
	log_logout(c, why);
	c->state = C_END;
}

static void
end_before_login(struct conn *c, const char *why, const char *to_client)
{
	slog(_("connection from %s port %d closed before login: %s"), c->addr, c->port, why);
	ssh_session_set_disconnect_message(c->ssh, to_client);
	c->state = C_END;
}

/* The client went away (or the server is stopping) while logged in. */
static void
end_gone(struct conn *c, const char *why)
{
	if (c->relay != NULL)
		relay_hangup(c->relay);
	log_logout(c, why);
	c->state = C_END;
}

/* One step of the session after each poll round. */
static void
conn_step(struct conn *c, int gone)
{
	if (c->state == C_LOGIN || (c->state == C_SETUP && gone)) {
		if (gone && c->state == C_LOGIN)
			slog(_("connection from %s port %d closed before login: %s"), c->addr,
			     c->port, _("the client left"));
		else if (gone)
			log_logout(c, _("the client left"));
		else if (c->got_term)
			end_before_login(c, _("the server is stopping"), "server stopping");
		else if (c->attempts >= SERVER_MAX_ATTEMPTS)
			end_before_login(c, _("too many failed passwords"),
					 "too many authentication failures");
		else if (now_ms() - c->start >= (int64_t)c->srv->login_grace * 1000)
			end_before_login(c, _("login grace time over"), "login grace time over");
		if (gone)
			c->state = C_END;
		return;
	}
	if (c->state == C_SETUP) {
		if (c->got_term)
			end_gone(c, _("the server is stopping"));
		else if (c->over_limit && (c->shell || c->refusal != NULL))
			end_refused(c, N_("too many sessions are open for this user; close one "
					  "and try again."), N_("too many sessions of this user"));
		else if (c->refusal != NULL)
			end_refused(c, c->refusal, c->refusal_why);
		else if (c->shell)
			start_ui(c);
		else if (now_ms() - c->start >= (int64_t)c->srv->login_grace * 1000)
			end_gone(c, _("no shell asked for in time"));
		return;
	}
	if (gone || c->client_closed) {
		end_gone(c, _("the client left"));
	} else if (c->got_term) {
		relay_hangup(c->relay);
		tell_client(c, N_("the server is stopping; your session is closed."));
		close_channel(c, relay_status(c->relay));
		log_logout(c, _("the server is stopping"));
		c->state = C_END;
	} else if (!relay_step(c->relay)) {
		end_ui(c);
	}
}

/* How long the next poll may wait: the login deadline, or a second. */
static int
poll_timeout(const struct conn *c)
{
	int64_t left;

	if (c->state == C_UI)
		return 1000;
	left = c->start + (int64_t)c->srv->login_grace * 1000 - now_ms();
	return left <= 0 ? 0 : left > 1000 ? 1000 : (int)left;
}

static int
setup_signals(struct conn *c)
{
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESTART };

	if (pipe2(c->sig_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		return -1;
	sig_conn = c;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	return 0;
}

/* libssh: our bind's algorithms and key, a deadline for every wait, public
 * keys and passwords as the ways in, and our callbacks. */
static int
setup_ssh(struct conn *c, int fd)
{
	long timeout = c->srv->login_grace;

	c->ssh = ssh_new();
	if (c->ssh == NULL)
		return -1;
	ssh_options_set(c->ssh, SSH_OPTIONS_TIMEOUT, &timeout);
	if (ssh_bind_accept_fd(c->srv->bind, c->ssh, fd) != SSH_OK) {
		slog(_("connection from %s port %d failed: %s"), c->addr, c->port,
		     ssh_get_error(c->srv->bind));
		return -1;
	}
	ssh_set_auth_methods(c->ssh, SSH_AUTH_METHOD_PUBLICKEY | SSH_AUTH_METHOD_PASSWORD);
	ssh_callbacks_init(&c->scb);
	c->scb.userdata = c;
	c->scb.auth_pubkey_function = on_auth_pubkey;
	c->scb.auth_password_function = on_auth_password;
	c->scb.channel_open_request_session_function = on_channel_open;
	ssh_set_server_callbacks(c->ssh, &c->scb);
	return 0;
}

static void
run_loop(struct conn *c)
{
	long timeout = RUN_TIMEOUT_S;
	int logged_in = 0;

	while (c->state != C_END) {
		int rc = ssh_event_dopoll(c->ev, poll_timeout(c));
		int gone = rc == SSH_ERROR || !ssh_is_connected(c->ssh) ||
			   (ssh_get_status(c->ssh) & (SSH_CLOSED | SSH_CLOSED_ERROR)) != 0;

		conn_step(c, gone);
		if (!logged_in && c->state == C_UI) {
			logged_in = 1;
			ssh_options_set(c->ssh, SSH_OPTIONS_TIMEOUT, &timeout);
			alarm(0);
		}
	}
}

static void
conn_free(struct conn *c)
{
	relay_free(c->relay);
	if (c->ev != NULL) {
		ssh_event_remove_fd(c->ev, c->sig_pipe[0]);
		if (c->ssh != NULL)
			ssh_event_remove_session(c->ev, c->ssh);
		ssh_event_free(c->ev);
	}
	if (c->chan != NULL)
		ssh_channel_free(c->chan);
	if (c->ssh != NULL) {
		if (ssh_is_connected(c->ssh))
			ssh_disconnect(c->ssh);
		ssh_free(c->ssh);
	}
	registry_close(c->reg);
	for (int i = 0; i < c->nenv; i++)
		free(c->env[i]);
	if (c->slot_fd >= 0)
		close(c->slot_fd);
	free(c->user);
}

int
session_run(struct server *srv, int fd, const char *addr, int port)
{
	struct conn c = { .srv = srv, .port = port, .slot_fd = -1, .start = now_ms() };
	char err[ERR_SIZE];

	str_copy(c.addr, addr, sizeof c.addr);
	str_copy(c.shown, "?", sizeof c.shown);
	if (setup_signals(&c) < 0) {
		close(fd);
		return 1;
	}
	/* A last guard: whatever happens, a connection that never gets to its
	 * forms does not outlive the grace time by much. */
	alarm((unsigned)srv->login_grace + 10);
	if (registry_open(srv->datadir, 0, &c.reg, err) < 0)
		slog(_("connection from %s port %d: %s"), c.addr, c.port, err);
	if (setup_ssh(&c, fd) < 0) {
		if (c.ssh == NULL)
			close(fd);
		conn_free(&c);
		return 1;
	}
	if (ssh_handle_key_exchange(c.ssh) != SSH_OK) {
		const char *why = ssh_get_error(c.ssh);
		if (now_ms() - c.start >= (int64_t)srv->login_grace * 1000)
			why = _("login grace time over");
		else if (why == NULL || *why == '\0')
			why = _("the key exchange failed");
		slog(_("connection from %s port %d closed before login: %s"), c.addr, c.port, why);
		conn_free(&c);
		return 1;
	}
	/* Until now SIGTERM simply ended us, in the middle of the key exchange
	 * as anywhere; from now on it ends the session cleanly. */
	sigaction(SIGTERM, &(struct sigaction){ .sa_handler = on_signal, .sa_flags = SA_RESTART },
		  NULL);
	c.ev = ssh_event_new();
	if (c.ev == NULL || ssh_event_add_session(c.ev, c.ssh) != SSH_OK ||
	    ssh_event_add_fd(c.ev, c.sig_pipe[0], POLLIN, on_sig_pipe, &c) != SSH_OK) {
		slog(_("connection from %s port %d: out of memory"), c.addr, c.port);
		conn_free(&c);
		return 1;
	}
	run_loop(&c);
	conn_free(&c);
	return 0;
}
