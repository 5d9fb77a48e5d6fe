/* One connection's state, shared by its parts: session.c (its life, from
 * the key exchange to the end), auth.c (who logs in) and channel.c (what
 * the client asks of its session channel). */
#ifndef SCRIVANO_SERVER_CONN_H
#define SCRIVANO_SERVER_CONN_H

#include <libssh/callbacks.h>
#include <signal.h>
#include <stdint.h>

#include "server/server.h"

#define ENV_MAX 16       /* LANG and LC_* variables kept from the client */
#define ENV_VALUE_MAX 64
#define TERM_MAX 64
/* The largest window believed: bigger ones are clamped, so a client cannot
 * make the UI allocate screens of tens of megabytes. */
#define SIZE_MAX_COLS 500
#define SIZE_MAX_ROWS 300
#define CLOSE_WAIT_MS 2000  /* for the client's answer to our close */
#define RUN_TIMEOUT_S 60    /* libssh's blocking calls once logged in */
/* The UI ends an idle session itself, showing why; the session ends it
 * this much later if the UI did not. */
#define IDLE_BACKSTOP_S 30
/* On SIGTERM the forms get UI_STOP_GRACE_S to close; this much more and
 * they are hung up (the listener waits STOP_WAIT_MS for it all). */
#define STOP_BACKSTOP_S 3

/* Where a keyboard-interactive login stands. */
enum kbdint { KBDINT_NONE, KBDINT_ASKED, KBDINT_OTHER_USER };

/* A connection goes through these in order; C_END stops its loop. */
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
	int attempts;       /* passwords tried */
	int failures;       /* refused keys and passwords, for max-auth-tries */
	enum kbdint kbdint_user; /* a password asked for, and for whom */
	const char *method;      /* how the user logged in, for the log */
	enum over_limit { OVER_NONE, OVER_USER, OVER_ALL } over_limit; /* logged in, but one too many */
	int slot_fd;        /* holds one of the user's session slots */
	int all_slot_fd;    /* holds one of max-sessions' slots */
	char term[TERM_MAX];
	int cols, rows, pty;
	char *env[ENV_MAX + 2]; /* and the server's LANG, and NULL */
	int nenv;
	int shell;                /* the client asked for its shell */
	const char *refusal;      /* msgid: what the client is told... */
	const char *refusal_why;  /* ...and what the log says */
	int client_closed;        /* the client closed the channel */
	int64_t start, login_at;
	int64_t last_key;         /* the client last sent keys then */
	int hard_drop;            /* the client reads nothing: no goodbye */
	int sig_pipe[2];
	volatile sig_atomic_t got_term;
	int64_t stop_deadline; /* the UI was told to stop; hung up after this */
};

/* auth.c: libssh's server callbacks for the ways in, and the message
 * callback for keyboard-interactive. */
int auth_password(ssh_session ssh, const char *user, const char *password, void *userdata);
int auth_message(ssh_session ssh, ssh_message msg, void *userdata);
int auth_pubkey(ssh_session ssh, const char *user, struct ssh_key_struct *key, char state,
		void *userdata);

/* channel.c: the session channel and its requests. */
ssh_channel channel_open(ssh_session ssh, void *userdata);
/* The client's locale for messages, and its charset (NULL: UTF-8). */
const char *client_locale(const struct conn *c);
const char *client_charset(const struct conn *c);
/* Rewrites the client's LANG and LC_* for the UI, which works in UTF-8. */
void client_env_to_utf8(struct conn *c);
int env_value_allowed(const char *v);
/* A message (msgid) to the person at the client, in their language and
 * charset, on the channel's error stream. */
void tell_client(struct conn *c, const char *msgid);

#endif
