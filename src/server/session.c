/* One SSH connection, in a process of its own (already the service user's
 * when the server runs as root): key exchange, login by public key or
 * password, one session channel with its pty, and the UI started on the
 * client's shell request; anything else gets a clear refusal. Once the UI
 * runs: a client that reads nothing for too long is dropped, and an idle
 * session ends (the UI warns and closes; a backstop here). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libssh/callbacks.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "server/conn.h"
#include "term/keymap.h"
#include "term/termtype.h"
#include "ui/actions.h"
#include "ui/idle.h"
#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

static struct conn *sig_conn; /* for the signal handler's pipe */

/* The banner grace: SIGALRM during the key exchange. A client that has not
 * sent its SSH banner by then has its socket shut (libssh's wait ends),
 * and the alarm is set again for the last guard, whose default action ends
 * the process. */
static ssh_session banner_ssh;
static int banner_fd = -1;
static unsigned banner_rest;
static volatile sig_atomic_t banner_late;

/* A client is silent when it has sent nothing: no banner read yet and no
 * byte waiting. On a loaded machine this process may not have read a
 * banner that came in time: that client is not the one the grace is for. */
static void
on_banner_alarm(int sig)
{
	char b;

	(void)sig;
	if (ssh_get_clientbanner(banner_ssh) == NULL && /* reads a field: safe here */
	    recv(banner_fd, &b, 1, MSG_PEEK | MSG_DONTWAIT) <= 0) {
		banner_late = 1;
		shutdown(banner_fd, SHUT_RDWR);
	}
	signal(SIGALRM, SIG_DFL);
	alarm(banner_rest);
}

static void
banner_watch(struct conn *c, int fd)
{
	unsigned last = (unsigned)c->srv->login_grace + 10;

	if (c->srv->banner_grace <= 0 || c->srv->banner_grace >= c->srv->login_grace)
		return;
	banner_ssh = c->ssh;
	banner_fd = fd;
	banner_rest = last - (unsigned)c->srv->banner_grace;
	signal(SIGALRM, on_banner_alarm);
	alarm((unsigned)c->srv->banner_grace);
}

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
	struct conn *c = userdata;
	unsigned char buf[64];
	ssize_t n;

	(void)revents;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] == SIGCHLD && c->relay != NULL)
				relay_sigchld(c->relay);
	return 0;
}

/* "12.3 s" from milliseconds, without floating point. */
static const char *
duration(char *buf, size_t size, int64_t ms)
{
	snprintf(buf, size, "%lld.%lld s", (long long)(ms / 1000), (long long)(ms % 1000 / 100));
	return buf;
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
 * session ends. Forms ended by a signal are told as exit-signal, and also
 * as the status a shell would give (128 + the signal), since OpenSSH's
 * client and many others read exit-status alone. */
static void
close_channel(struct conn *c, int status)
{
	if (WIFSIGNALED(status)) {
		const char *name = sigabbrev_np(WTERMSIG(status));
		ssh_channel_request_send_exit_signal(c->chan, name != NULL ? name : "KILL",
						     WCOREDUMP(status) != 0, "", "");
		ssh_channel_request_send_exit_status(c->chan, 128 + WTERMSIG(status));
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

	slog(_("logout %s from %s port %d (%s) after %s: %s"), c->shown, c->addr, c->port,
	     c->method != NULL ? c->method : "?", duration(d, sizeof d, now_ms() - c->login_at),
	     why);
}

static void
end_refused(struct conn *c, const char *msgid, const char *why)
{
	tell_client(c, msgid);
	close_channel(c, W_EXITCODE(1, 0));
	log_logout(c, _(why));
	c->state = C_END;
}

/* The user's own settings for the terminal, when set, win over what the
 * client sent (its LANG names no charset for PuTTY and many old clients). */
struct term_settings {
	char charset[32], printer[32], keys[1024];
};

static void
user_terminal_settings(struct conn *c, struct ui_spec *spec, struct term_settings *ts)
{
	if (registry_setting_get(c->reg, c->user, "charset", ts->charset, sizeof ts->charset) == 1)
		spec->charset = ts->charset;
	if (registry_setting_get(c->reg, c->user, "printer-charset", ts->printer,
				 sizeof ts->printer) == 1)
		spec->printer_charset = ts->printer;
	if (registry_setting_get(c->reg, c->user, "keys", ts->keys, sizeof ts->keys) == 1)
		spec->keys = ts->keys;
}

/* The forms read the same shared key files, and go on with the built-in
 * keys when one has a mistake, showing it; the log gets it here, where it
 * is kept (the forms' own output goes to the user's screen only). */
static void
log_key_problems(struct conn *c)
{
	struct keymap *km = keymap_new(action_names, ACT_COUNT);
	struct buf errs = { 0 };
	char line[ERR_SIZE];

	if (keymap_load_term(km, c->term, NULL, &errs, NULL) > 0) {
		const char *p = errs.data;
		while (*p != '\0') {
			size_t n = strcspn(p, "\n");
			snprintf(line, sizeof line, "%.*s", (int)n, p);
			slog(_("session of %s (TERM %s): %s; the built-in keys are in use"), c->shown,
			     c->term, line);
			p += n + (p[n] == '\n');
		}
	}
	buf_free(&errs);
	keymap_free(km);
}

/* The books shared with the user, as scrivano tui's --shared takes them
 * ("anna:read-only:DIR/books/anna.sqlite"): the registry names them, the
 * owner's name is the registry's (a valid account name, so the path is
 * DIR/books/NAME.sqlite and nothing else), and the forms open each as
 * its mode says (book_open_as). */
struct shared_list {
	const char *datadir;
	char **v;
	size_t n;
};

static void
add_shared(const char *owner, enum share_mode mode, void *ud)
{
	struct shared_list *l = ud;
	char *path = user_book_path(l->datadir, owner);

	if (path == NULL)
		return;
	l->v = xreallocarray(l->v, l->n + 2, sizeof *l->v);
	l->v[l->n++] = xasprintf("%s:%s:%s", owner, share_mode_name(mode), path);
	l->v[l->n] = NULL;
	free(path);
}

static char **
shared_books(struct conn *c)
{
	struct shared_list l = { c->srv->datadir, NULL, 0 };
	char err[ERR_SIZE];

	if (registry_shared_with(c->reg, c->user, add_shared, &l, err) < 0)
		slog(_("session of %s: the books shared with it cannot be read: %s"), c->shown,
		     err);
	return l.v;
}

static void
start_ui(struct conn *c)
{
	struct term_settings ts;
	char err[ERR_SIZE], **shared;
	char *book = user_book_path(c->srv->datadir, c->user);
	struct ui_spec spec = {
		.exe = c->srv->self_exe, .book = book, .user = c->user,
		.home = c->srv->datadir, .term = c->term, .env = c->env,
		.cols = c->cols, .rows = c->rows,
		.idle_timeout = c->srv->idle_timeout, .idle_warning = c->srv->idle_warning,
	};

	spec.charset = client_charset(c);
	spec.shared = shared = shared_books(c);
	user_terminal_settings(c, &spec, &ts);
	/* A client that names no language gets the server's. */
	if (client_locale(c) == NULL && c->srv->lang != NULL && env_value_allowed(c->srv->lang))
		c->env[c->nenv++] = xasprintf("LANG=%s", c->srv->lang);
	client_env_to_utf8(c);
	log_key_problems(c);

	if (relay_start(&c->relay, &spec, c->ev, c->chan, err) < 0) {
		slog(_("cannot start the forms for %s: %s"), c->shown, err);
		free(book);
		strv_free(shared);
		end_refused(c, N_("the forms cannot start now; please tell the administrator."),
			    N_("the forms did not start"));
		return;
	}
	free(book);
	strv_free(shared);
	c->last_key = now_ms();
	c->state = C_UI;
}

/* The UI has ended: its status goes to the client, then the session ends. */
static void end_stopping(struct conn *c);

static void
end_ui(struct conn *c)
{
	int status = relay_status(c->relay);
	char why[64];

	if (WIFEXITED(status) && WEXITSTATUS(status) == UI_EXIT_STOP) {
		end_stopping(c);
		return;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == UI_EXIT_IDLE) {
		tell_client(c, N_("your session was closed: no key was pressed for too long."));
		close_channel(c, status);
		snprintf(why, sizeof why, _("idle for %d s"), c->srv->idle_timeout);
		log_logout(c, why);
		c->state = C_END;
		return;
	}
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

/* SIGTERM from the listener: the UI (if any) closed or hung up, the client told. */
static void
end_stopping(struct conn *c)
{
	if (c->relay != NULL)
		relay_hangup(c->relay);
	if (c->chan != NULL) {
		tell_client(c, N_("the server is stopping; your session is closed."));
		close_channel(c, c->relay != NULL ? relay_status(c->relay) : W_EXITCODE(1, 0));
	}
	ssh_session_set_disconnect_message(c->ssh, "server stopping");
	log_logout(c, _("the server is stopping"));
	c->state = C_END;
}

static int
grace_over(const struct conn *c)
{
	return now_ms() - c->start >= (int64_t)c->srv->login_grace * 1000;
}

/* Not logged in yet: the client may leave, fail too often or take too
 * long, or the server may be stopping. */
static void
step_login(struct conn *c, int gone)
{
	if (gone) {
		slog(_("connection from %s port %d closed before login: %s"), c->addr, c->port,
		     _("the client left"));
		c->state = C_END;
	} else if (c->got_term) {
		end_before_login(c, _("the server is stopping"), "server stopping");
	} else if (c->attempts >= SERVER_MAX_ATTEMPTS) {
		end_before_login(c, _("too many failed passwords"),
				 "too many authentication failures");
	} else if (c->failures >= c->srv->max_auth_tries) {
		end_before_login(c, _("too many refused keys and passwords"),
				 "too many authentication failures");
	} else if (grace_over(c)) {
		end_before_login(c, _("login grace time over"), "login grace time over");
	}
}

/* Logged in, the UI not started: what has the client asked for? */
static void
step_setup(struct conn *c, int gone)
{
	if (gone)
		end_gone(c, _("the client left"));
	else if (c->got_term)
		end_stopping(c);
	else if (c->over_limit == OVER_USER && (c->shell || c->refusal != NULL))
		end_refused(c, N_("too many sessions are open for this user; close one and try "
				  "again."), N_("too many sessions of this user"));
	else if (c->over_limit == OVER_ALL && (c->shell || c->refusal != NULL))
		end_refused(c, N_("the most sessions allowed are open; try again later."),
			    N_("the most sessions allowed are open"));
	else if (c->refusal != NULL)
		end_refused(c, c->refusal, c->refusal_why);
	else if (c->shell)
		start_ui(c);
	else if (grace_over(c))
		end_gone(c, _("no shell asked for in time"));
}

/* No key for longer than the UI should have allowed (it warns and ends
 * the session itself): a hung UI does not hold its session for ever. */
static int
idle_over(const struct conn *c)
{
	return c->srv->idle_timeout > 0 &&
	       now_ms() - c->last_key > (int64_t)(c->srv->idle_timeout + IDLE_BACKSTOP_S) * 1000;
}

/* A client that takes none of its output: it gets no goodbye (that would
 * wait on it too), the connection is simply cut. */
static void
end_stalled(struct conn *c)
{
	char why[96];

	snprintf(why, sizeof why, _("the client read nothing for %d s"), c->srv->stall_timeout);
	c->hard_drop = 1;
	end_gone(c, why);
}

/* The UI runs: relay, until it ends, the client leaves or stalls, the
 * session is idle too long, or we stop. */
static void
step_ui(struct conn *c, int gone)
{
	if (gone || c->client_closed) {
		end_gone(c, _("the client left"));
	} else if (c->got_term && c->stop_deadline == 0) {
		/* the forms warn, give the user time to save, and close */
		relay_signal(c->relay, SIGTERM);
		c->stop_deadline = now_ms() + (UI_STOP_GRACE_S + STOP_BACKSTOP_S) * 1000;
	} else if (c->got_term && now_ms() > c->stop_deadline) {
		end_stopping(c);
	} else if (!relay_step(c->relay)) {
		end_ui(c);
	} else if (relay_stalled_ms(c->relay) >= (int64_t)c->srv->stall_timeout * 1000) {
		end_stalled(c);
	} else if (idle_over(c)) {
		end_gone(c, _("idle, and the forms did not close"));
	}
}

/* One step of the session after each poll round, by its state. */
static void (*const steps[])(struct conn *c, int gone) = {
	[C_LOGIN] = step_login,
	[C_SETUP] = step_setup,
	[C_UI] = step_ui,
};

/* Once the forms run, the next poll waits for the first of the deadlines
 * that can pass without any event (the idle backstop, a stalled client,
 * the stop): an idle session costs no wake-ups; every other change comes
 * as an event (a key, the forms' output, a signal through the pipe). */
#define UI_POLL_MAX_MS 60000

static int
ui_poll_timeout(const struct conn *c)
{
	int64_t now = now_ms(), wait = UI_POLL_MAX_MS, stalled = relay_stalled_ms(c->relay);

	if (c->srv->idle_timeout > 0) {
		int64_t at = c->last_key + (int64_t)(c->srv->idle_timeout + IDLE_BACKSTOP_S) * 1000;
		wait = at - now < wait ? at - now : wait;
	}
	if (stalled > 0 && (int64_t)c->srv->stall_timeout * 1000 - stalled < wait)
		wait = (int64_t)c->srv->stall_timeout * 1000 - stalled;
	if (c->stop_deadline != 0 && c->stop_deadline - now < wait)
		wait = c->stop_deadline - now;
	return wait < 0 ? 0 : (int)wait + 1;
}

/* How long the next poll may wait: the login deadline, or a second. */
static int
poll_timeout(const struct conn *c)
{
	int64_t left;

	if (c->state == C_UI)
		return ui_poll_timeout(c);
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
 * keys and passwords (asked by the client or by us) as the ways in, and
 * our callbacks. */
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
	ssh_set_auth_methods(c->ssh, SSH_AUTH_METHOD_PUBLICKEY | SSH_AUTH_METHOD_PASSWORD |
					     SSH_AUTH_METHOD_INTERACTIVE);
	ssh_set_message_callback(c->ssh, auth_message, c);
	ssh_callbacks_init(&c->scb);
	c->scb.userdata = c;
	c->scb.auth_pubkey_function = auth_pubkey;
	c->scb.auth_password_function = auth_password;
	c->scb.channel_open_request_session_function = channel_open;
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

		steps[c->state](c, gone);
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
		if (c->hard_drop && ssh_get_fd(c->ssh) >= 0)
			shutdown(ssh_get_fd(c->ssh), SHUT_RDWR);
		if (ssh_is_connected(c->ssh))
			ssh_disconnect(c->ssh);
		ssh_free(c->ssh);
	}
	registry_close(c->reg);
	for (int i = 0; i < c->nenv; i++)
		free(c->env[i]);
	if (c->slot_fd >= 0)
		close(c->slot_fd);
	if (c->all_slot_fd >= 0)
		close(c->all_slot_fd);
	free(c->user);
}

/* A client that took the legacy set is named in the log: the admin sees
 * who still needs it. */
static void
log_legacy(const struct conn *c)
{
	const char *used[] = { ssh_get_kex_algo(c->ssh), ssh_get_hmac_in(c->ssh),
			       ssh_get_hmac_out(c->ssh) };

	for (size_t i = 0; i < ARRAY_LEN(used); i++) {
		if (used[i] == NULL || (strcmp(used[i], LEGACY_KEX) != 0 &&
					strcmp(used[i], LEGACY_MAC) != 0))
			continue;
		slog(_("connection from %s port %d uses the legacy %s"), c->addr, c->port, used[i]);
		if (i == 1 && used[2] != NULL && strcmp(used[1], used[2]) == 0)
			break; /* the same MAC both ways: said once */
	}
}

int
session_run(struct server *srv, int fd, const char *addr, int port)
{
	struct conn c = { .srv = srv, .port = port, .slot_fd = -1, .all_slot_fd = -1,
			  .start = now_ms() };
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
	strictkex_watch();
	banner_watch(&c, fd);
	if (ssh_handle_key_exchange(c.ssh) != SSH_OK) {
		const char *why = ssh_get_error(c.ssh);
		char late[64];
		if (banner_late) {
			snprintf(late, sizeof late, _("no SSH banner in %d s"), srv->banner_grace);
			why = late;
		} else if (now_ms() - c.start >= (int64_t)srv->login_grace * 1000)
			why = _("login grace time over");
		else if (why == NULL || *why == '\0')
			why = _("the key exchange failed");
		slog(_("connection from %s port %d closed before login: %s"), c.addr, c.port, why);
		conn_free(&c);
		return 1;
	}
	if (strictkex_check(c.ssh, err) < 0) {
		slog(_("connection from %s port %d refused: %s"), c.addr, c.port, err);
		ssh_session_set_disconnect_message(c.ssh, err);
		conn_free(&c);
		return 1;
	}
	log_legacy(&c);
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
