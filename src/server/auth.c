/* Who logs in: a registered public key with a verified signature, or the
 * password, asked for by the client (method "password") or by us (method
 * "keyboard-interactive", which PuTTY and older clients prefer): three
 * password attempts, every failure answered after the same delay. Every
 * refused key counts too, toward max-auth-tries on the connection (so that
 * nobody can try key after key to learn whose they are) and, like a wrong
 * password, toward the listener's penalty for the address. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "server/conn.h"
#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

static void
report(struct conn *c, enum report_kind kind)
{
	struct report rep = { .kind = (char)kind, .pid = getpid() };

	str_copy(rep.addr, c->addr, sizeof rep.addr);
	if (c->srv->report_fd >= 0 && write(c->srv->report_fd, &rep, sizeof rep) < 0)
		slog(_("cannot report to the listener: %s"), strerror(errno));
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

/* Takes one of max slots: a write lock on one byte of DIR/sessions/NAME,
 * which the kernel drops when this process ends, however it ends. Taken at
 * the moment of login, so that a limit holds exactly however many logins
 * are on their way at once. 1 when a slot was free (or there is no limit,
 * or no way to count: said in the log), with *held its descriptor. */
static int
take_slot(struct conn *c, const char *name, int max, int *held)
{
	char *path;
	int fd;

	if (max <= 0)
		return 1;
	path = xasprintf("%s/sessions/%s", c->srv->datadir, name);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		slog(_("cannot count the sessions in %s: %s"), path, strerror(errno));
		free(path);
		return 1;
	}
	free(path);
	for (int i = 0; i < max; i++) {
		struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = i,
				    .l_len = 1 };
		if (fcntl(fd, F_SETLK, &fl) == 0) {
			*held = fd;
			return 1;
		}
	}
	close(fd);
	return 0;
}

/* All sessions' slots (a name no user can have), then the user's own. */
static enum over_limit
take_slots(struct conn *c)
{
	char *mine;
	int ok;

	if (!take_slot(c, ".all.lock", c->srv->max_sessions, &c->all_slot_fd))
		return OVER_ALL;
	mine = xasprintf("%s.lock", c->user);
	ok = take_slot(c, mine, c->srv->max_per_user, &c->slot_fd);
	free(mine);
	return ok ? OVER_NONE : OVER_USER;
}

/* The first name given is the only one this connection may log in as;
 * names are one account whatever their case, so the registered spelling
 * is kept (it names the book, the session slots, the log lines). */
static int
same_user(struct conn *c, const char *user)
{
	char name[USER_NAME_MAX + 1];

	if (c->user == NULL) {
		if (c->reg != NULL && registry_user_name(c->reg, user, name, sizeof name) == 1)
			user = name;
		c->user = xstrdup(user);
		slog_clean(c->shown, sizeof c->shown, user);
	}
	return strcasecmp(user, c->user) == 0;
}

/* One more refused key or password: the listener hears of it, and past
 * max-auth-tries only publickey is listed (refused from now on, as libssh
 * cannot list none) while the session hangs up. */
static void
failed(struct conn *c)
{
	c->failures++;
	report(c, REPORT_FAILURE);
	if (c->failures >= c->srv->max_auth_tries)
		ssh_set_auth_methods(c->ssh, SSH_AUTH_METHOD_PUBLICKEY);
}

static int
tries_left(const struct conn *c)
{
	return c->failures < c->srv->max_auth_tries;
}

/* method: a static string, kept for the logout's log line. */
static int
logged_in(struct conn *c, const char *method, const char *detail)
{
	c->state = C_SETUP;
	c->login_at = now_ms();
	c->method = method;
	c->over_limit = take_slots(c);
	slog(_("login %s from %s port %d (%s%s%s)"), c->shown, c->addr, c->port, method,
	     detail != NULL ? " " : "", detail != NULL ? detail : "");
	report(c, REPORT_SUCCESS);
	return SSH_AUTH_SUCCESS;
}

/* A public key: asked about first (no signature: may this key be used?),
 * then used (libssh has verified the signature). Only a registered key of
 * an unlocked user, and only with a verified signature, logs anyone in. */
int
auth_pubkey(ssh_session ssh, const char *user, struct ssh_key_struct *key, char state,
	       void *userdata)
{
	struct conn *c = userdata;
	char *b64 = NULL, *fp;
	int known, rc;

	(void)ssh;
	if (c->attempts >= SERVER_MAX_ATTEMPTS || !tries_left(c))
		return SSH_AUTH_DENIED;
	if (!same_user(c, user) || c->reg == NULL ||
	    (state != SSH_PUBLICKEY_STATE_NONE && state != SSH_PUBLICKEY_STATE_VALID) ||
	    ssh_pki_export_pubkey_base64(key, &b64) != SSH_OK) {
		failed(c);
		return SSH_AUTH_DENIED;
	}
	known = registry_has_key(c->reg, c->user, b64);
	fp = key_fingerprint(ssh_key_type_to_char(ssh_key_type(key)), b64);
	ssh_string_free_char(b64);
	if (!known) {
		slog(_("refused public key %s for %s from %s port %d (failure %d of %d)"),
		     fp != NULL ? fp : "?", c->shown, c->addr, c->port, c->failures + 1,
		     c->srv->max_auth_tries);
		free(fp);
		failed(c);
		return SSH_AUTH_DENIED;
	}
	if (state == SSH_PUBLICKEY_STATE_NONE) {
		free(fp);
		return SSH_AUTH_SUCCESS; /* this key would do: the client signs next */
	}
	rc = logged_in(c, "publickey", fp != NULL ? fp : "?");
	free(fp);
	return rc;
}

/* A password, given either way: the name may not change between attempts
 * (checking a changed one against nobody's hash keeps the answer's timing
 * the same), and every failure is answered after the same delay. */
static int
try_password(struct conn *c, const char *user, const char *password, const char *method)
{
	int64_t t0 = now_ms();
	int ok;

	if (c->attempts >= SERVER_MAX_ATTEMPTS || !tries_left(c))
		return SSH_AUTH_DENIED; /* one more before our hang-up arrived */
	c->attempts++;
	ok = c->reg != NULL && password != NULL &&
	     registry_check_password(c->reg, user != NULL && same_user(c, user) ? c->user : "",
				     password);
	if (ok)
		return logged_in(c, method, NULL);
	sleep_until(t0 + c->srv->auth_floor_ms);
	slog(_("failed %s for %s from %s port %d (attempt %d of %d)"), method, c->shown, c->addr,
	     c->port, c->attempts, SERVER_MAX_ATTEMPTS);
	failed(c);
	/* After the last attempt nothing can continue, but libssh cannot list
	 * no method at all: it lists publickey alone (refused from now on), so
	 * that the client stops asking for a password that would go nowhere;
	 * the disconnect follows at once. */
	if (c->attempts >= SERVER_MAX_ATTEMPTS)
		ssh_set_auth_methods(c->ssh, SSH_AUTH_METHOD_PUBLICKEY);
	return SSH_AUTH_DENIED;
}

int
auth_password(ssh_session ssh, const char *user, const char *password, void *userdata)
{
	(void)ssh;
	return try_password(userdata, user, password, "password");
}

/* keyboard-interactive, first message: the client names the user; we ask
 * one question, the password, without echo. */
static void
kbdint_ask(struct conn *c, ssh_message msg)
{
	const char *user = ssh_message_auth_user(msg);
	const char *prompts[] = { _("Password: ") };
	char echo[] = { 0 };

	if (c->attempts >= SERVER_MAX_ATTEMPTS || !tries_left(c) || user == NULL) {
		ssh_message_reply_default(msg);
		return;
	}
	/* A changed name is asked for its password all the same, and then
	 * checked against nobody's: the same answer in the same time. */
	c->kbdint_user = same_user(c, user) ? KBDINT_ASKED : KBDINT_OTHER_USER;
	ssh_message_auth_interactive_request(msg, "", "", 1, prompts, echo);
}

/* keyboard-interactive, the answers: one, the password. */
static void
kbdint_answer(struct conn *c, ssh_session ssh, ssh_message msg)
{
	const char *password = NULL;
	int asked = c->kbdint_user;

	c->kbdint_user = KBDINT_NONE;
	if (asked != KBDINT_NONE && ssh_userauth_kbdint_getnanswers(ssh) == 1)
		password = ssh_userauth_kbdint_getanswer(ssh, 0);
	if (asked == KBDINT_NONE) {
		ssh_message_reply_default(msg);
		return;
	}
	if (try_password(c, asked == KBDINT_ASKED ? c->user : NULL, password,
			 "keyboard-interactive") == SSH_AUTH_SUCCESS)
		ssh_message_auth_reply_success(msg, 0);
	else
		ssh_message_reply_default(msg);
}

/* libssh hands us the messages its server callbacks do not take: the
 * keyboard-interactive ones are ours, anything else gets its default
 * answer (a refusal). */
int
auth_message(ssh_session ssh, ssh_message msg, void *userdata)
{
	struct conn *c = userdata;

	if (ssh_message_type(msg) != SSH_REQUEST_AUTH ||
	    ssh_message_subtype(msg) != SSH_AUTH_METHOD_INTERACTIVE || c->state != C_LOGIN)
		return 1;
	if (ssh_message_auth_kbdint_is_response(msg))
		kbdint_answer(c, ssh, msg);
	else
		kbdint_ask(c, msg);
	return 0;
}
