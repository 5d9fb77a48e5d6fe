/* The embedded SSH server, inside: the listener (listener.c) accepts and
 * forks; each connection's process (session.c) speaks SSH and relays the
 * channel to the UI, which runs on a pty (relay.c). */
#ifndef SCRIVANO_SERVER_H
#define SCRIVANO_SERVER_H

#include <libssh/libssh.h>
#include <libssh/server.h>
#include <stdint.h>
#include <sys/types.h>

#define SERVER_DEFAULT_LISTEN "127.0.0.1:2222"
#define SERVER_MAX_ATTEMPTS 3 /* password attempts per connection */
#define SERVER_ADDR_MAX 64    /* an address as text, with room for IPv6 */
/* The legacy set (option legacy, off by default): for old thin clients'
 * emulators that know nothing newer; a session that uses it is logged. */
#define LEGACY_KEX "diffie-hellman-group14-sha1"
#define LEGACY_MAC "hmac-sha1"

/* Everything a connection's process needs, set up by the listener. */
struct server {
	char *datadir;  /* absolute */
	char *self_exe; /* this very program, for the UI */
	const char *lang; /* the server's LANG, for clients that send none */
	ssh_bind bind;  /* algorithms and the host key, shared by sessions */
	int login_grace;      /* seconds from connect to a running shell */
	int max_sessions;     /* logged-in sessions at once, 0 = no limit */
	/* Connections not logged in yet, at once, as sshd's MaxStartups: from
	 * start on, a new one is dropped at random, rate % of them, rising to
	 * all at full. */
	int startups_start, startups_rate, startups_full;
	int banner_grace;     /* seconds for the client's SSH banner */
	int max_startups_addr; /* ...of them from one address */
	int max_per_user;     /* sessions of one user at once, 0 = no limit */
	int max_auth_tries;   /* refused keys and passwords on one connection */
	int penalty_failures; /* failed logins (keys, passwords) from one address... */
	int penalty_seconds;  /* ...refuse it this long; 0 = never */
	int auth_floor_ms;    /* a failed password is answered no sooner */
	int idle_timeout;     /* seconds without a key before a session ends, 0 = never */
	int idle_warning;     /* the warning shows this long before */
	int stall_timeout;    /* seconds a client may leave the forms' output unread */
	int drop;             /* started as root: sessions run as the service user */
	uid_t service_uid;
	gid_t service_gid;
	int report_fd;        /* a session tells the listener about logins */
};

/* What a session reports to the listener through report_fd, one message
 * per write (smaller than PIPE_BUF, so never interleaved). */
enum report_kind { REPORT_FAILURE = 'F', REPORT_SUCCESS = 'S' };
struct report {
	char kind;
	pid_t pid; /* the connection's process */
	char addr[SERVER_ADDR_MAX];
};

/* log.c: one line per event on stderr, with time and process id, written
 * with a single write() so that processes never mix their lines. */
void slog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* From now on the log goes to syslog (1) or to stderr (0). */
void slog_to_syslog(int on);
int slog_is_syslog(void);
/* Copies s into out (size bytes) with control and non-ASCII bytes shown as
 * '?', so that a client's text can never forge a log line; returns out. */
char *slog_clean(char *out, size_t size, const char *s);
/* Monotonic milliseconds, for durations and deadlines. */
int64_t now_ms(void);

/* hostkey.c: DIR/hostkeys/ssh_host_ed25519_key and ssh_host_rsa_key, made
 * on first start; hostkey_load reads the first alone. */
#define HOSTKEY_KINDS 2
struct hostkeys {
	ssh_key key[HOSTKEY_KINDS];
	char *fingerprint[HOSTKEY_KINDS];
	const char *shown[HOSTKEY_KINDS]; /* "ED25519", "RSA" */
};
int hostkey_load(const char *datadir, ssh_key *key, char **fingerprint, char *err);
int hostkeys_load(const char *datadir, struct hostkeys *hk, char *err);
void hostkeys_free(struct hostkeys *hk);
/* Gives the keys to the bind (which frees them), for the connections that
 * follow. */
int hostkeys_use(ssh_bind bind, struct hostkeys *hk, char *err);

/* serve.c: SIGHUP; reads the options again (the command line and its
 * --config file) and applies those that can change for new connections. */
void serve_reload(struct server *srv);

/* privdrop.c: started as root, a connection's process becomes the service
 * user before it reads a byte from the client. */
int priv_service_user(struct server *srv, const char *name, char *err);
int priv_drop(const struct server *srv, char *err);
/* Runs fn as the service user (in a child process, when started as root),
 * passing back its message; fn's result, or -1. */
int priv_run_as_service(const struct server *srv, int (*fn)(const struct server *, char *),
			char *err);

/* strictkex.c: chacha20-poly1305 only with strict key exchange. watch()
 * before the key exchange, check() after it (0, or -1 with a message). */
void strictkex_watch(void);

/* random.c: OpenSSL's random bytes (libssh's, for this process) from the
 * kernel's getrandom, as sshd has them; -1 if OpenSSL's own stay. */
int random_from_kernel(void);
int strictkex_check(ssh_session ssh, char *err);
int strictkex_allowed(const char *cipher_in, const char *cipher_out, int strict);

/* listener.c */
/* The percentage of new connections dropped with out connections logging
 * in (max-startups START:RATE:FULL): none below START, RATE % at START,
 * rising linearly to all at FULL. startups_drop decides for one new
 * connection from a draw of random(): dropped when draw % 100 falls below
 * that percentage. */
int startups_drop_percent(const struct server *srv, size_t out);
int startups_drop(const struct server *srv, size_t out, unsigned draw);
int listener_open(const char *spec, int *fd, char *shown, size_t size, char *err);
int listener_run(struct server *srv, int fd);

/* session.c: serves one accepted connection to its end; returns the
 * process's exit status. */
int session_run(struct server *srv, int fd, const char *addr, int port);

/* relay.c: the UI on a pty, and the bytes between it and the channel. */
struct relay;
struct ui_spec {
	const char *exe, *book, *user, *home, *term;
	const char *charset; /* the client's; NULL or UTF-8: no conversion */
	const char *printer_charset; /* the user's setting, or NULL */
	const char *keys; /* the user's own key file, or NULL */
	int idle_timeout, idle_warning; /* seconds, for the UI to count */
	char *const *env; /* LANG=… and LC_*=… from the client */
	/* the books shared with the user, "OWNER:MODE:FILE" (scrivano tui's
	 * --shared), NULL-terminated; NULL when none */
	char *const *shared;
	int cols, rows;
};
/* Frees a NULL-terminated array of strings and the array (NULL: nothing). */
void strv_free(char **v);
int relay_start(struct relay **out, const struct ui_spec *spec, ssh_event ev,
		ssh_channel chan, char *err);
/* Bytes from the client for the UI; returns how many were taken (the rest
 * stays with libssh, which holds the client back). */
size_t relay_input(struct relay *r, const void *data, size_t len);
void relay_resize(struct relay *r, int cols, int rows);
/* After each poll round: moves what can move and sets what to wait for.
 * Returns 1 while the UI runs, 0 once it has ended and its output is sent. */
int relay_step(struct relay *r);
/* SIGCHLD came: the next step asks waitpid about the UI. */
void relay_sigchld(struct relay *r);
/* Milliseconds for which output has waited for a client that takes none
 * (its window stays shut); 0 while it reads. */
int64_t relay_stalled_ms(const struct relay *r);
/* The UI's wait status once relay_step returned 0. */
int relay_status(const struct relay *r);
/* The client is gone: hangs up the pty, waits for the UI (killing it if
 * it lingers) and frees everything. */
void relay_hangup(struct relay *r);
/* Sends sig to the UI's process (SIGTERM: the server is stopping). */
void relay_signal(struct relay *r, int sig);
void relay_free(struct relay *r);

#endif
