/* Who logs in: a registered public key with a verified signature, or the
 * password (three attempts, every failure answered after the same delay);
 * the listener hears of each so that it can penalize an address. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
int
auth_pubkey(ssh_session ssh, const char *user, struct ssh_key_struct *key, char state,
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

int
auth_password(ssh_session ssh, const char *user, const char *password, void *userdata)
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
