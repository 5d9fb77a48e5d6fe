/* `scrivano serve`: checks the data directory, the address and the host
 * key, sets up libssh with modern algorithms only, and runs the listener
 * in the foreground, logging to stderr. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "server/server.h"
#include "users/users.h"
#include "util/conf.h"
#include "util/i18n.h"
#include "util/util.h"

#define DEFAULT_DATADIR "scrivano-data"

struct serve_opts {
	char *data, *listen, *service_user, *log;
	long login_grace, max_sessions, max_per_user, penalty_failures, penalty_time;
	long max_startups_addr, idle_timeout, idle_warning, stall_timeout;
	long max_auth_tries, banner_grace;
	char *max_startups;
	char *kex, *ciphers, *macs, *hostkeys, *pubkeys;
	int legacy;
};

#define O(field) offsetof(struct serve_opts, field)
/* Every option of `scrivano serve`, on the command line (--name VALUE) and
 * in a --config file (name = value) alike. The algorithms are only what is
 * safe today, named explicitly so that neither libssh's defaults nor a
 * system-wide configuration can widen them. */
static const struct opt_def serve_defs[] = {
	{ "data", OPT_STRING, O(data), 0, 0, NULL,
	  N_("the data folder (default $SCRIVANO_DATA, else scrivano-data)") },
	{ "listen", OPT_STRING, O(listen), 0, 0, SERVER_DEFAULT_LISTEN,
	  N_("the address and port to listen on") },
	{ "service-user", OPT_STRING, O(service_user), 0, 0, "scrivano",
	  N_("started as root, the user that sessions run as") },
	{ "log", OPT_STRING, O(log), 0, 0, "stderr",
	  N_("where the log goes: stderr or syslog") },
	{ "login-grace", OPT_SECONDS, O(login_grace), 1, 3600, "20s",
	  N_("time from connecting to a running session") },
	{ "max-sessions", OPT_INT, O(max_sessions), 0, 100000, "64",
	  N_("logged-in sessions at once, 0 for no limit") },
	{ "banner-grace", OPT_SECONDS, O(banner_grace), 1, 3600, "5s",
	  N_("time from connecting to the client's SSH banner") },
	{ "max-startups", OPT_STRING, O(max_startups), 0, 0, "40:30:100",
	  N_("connections not logged in yet: START:RATE:FULL, or N") },
	{ "max-startups-per-address", OPT_INT, O(max_startups_addr), 1, 10000, "30",
	  N_("connections not logged in yet from one address, at once") },
	{ "max-per-user", OPT_INT, O(max_per_user), 0, 1000, "4",
	  N_("sessions of one user at once, 0 for no limit") },
	{ "max-auth-tries", OPT_INT, O(max_auth_tries), 1, 100, "6",
	  N_("refused keys and passwords before a connection is closed") },
	{ "penalty-failures", OPT_INT, O(penalty_failures), 0, 1000, "5",
	  N_("failed logins (keys, passwords) that get an address refused, 0 for never") },
	{ "penalty-time", OPT_SECONDS, O(penalty_time), 0, 86400, "5m",
	  N_("how long such an address is refused") },
	{ "idle-timeout", OPT_SECONDS, O(idle_timeout), 0, 7 * 86400, "30m",
	  N_("a session without a key for this long is closed, 0 for never") },
	{ "idle-warning", OPT_SECONDS, O(idle_warning), 1, 86400, "1m",
	  N_("the forms warn this long before that") },
	{ "stall-timeout", OPT_SECONDS, O(stall_timeout), 1, 3600, "60s",
	  N_("a client that reads none of its output for this long is dropped") },
	{ "kex", OPT_STRING, O(kex), 0, 0,
	  "curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,"
	  "diffie-hellman-group18-sha512,diffie-hellman-group14-sha256",
	  N_("key exchange methods, in order of preference") },
	{ "ciphers", OPT_STRING, O(ciphers), 0, 0,
	  "aes256-gcm@openssh.com,aes128-gcm@openssh.com,chacha20-poly1305@openssh.com,"
	  "aes256-ctr,aes128-ctr",
	  N_("ciphers, in order of preference") },
	{ "macs", OPT_STRING, O(macs), 0, 0,
	  "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com",
	  N_("message authentication codes (for the ciphers that need one)") },
	{ "hostkey-algorithms", OPT_STRING, O(hostkeys), 0, 0,
	  "ssh-ed25519,rsa-sha2-512,rsa-sha2-256",
	  N_("how the host key signs, in order of preference") },
	{ "pubkey-algorithms", OPT_STRING, O(pubkeys), 0, 0,
	  "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
	  "sk-ssh-ed25519@openssh.com,sk-ecdsa-sha2-nistp256@openssh.com,"
	  "rsa-sha2-512,rsa-sha2-256",
	  N_("the kinds of user key accepted for login") },
	{ "legacy", OPT_BOOL, O(legacy), 0, 0, "no",
	  N_("also offer diffie-hellman-group14-sha1 and hmac-sha1, for old clients (logged)") },
};
#undef O

/* What each option's value looks like, in serve_defs' order. */
static const char *const serve_metavars[] = {
	"DIR", "ADDR:PORT", "USER", "WHERE", "TIME", "N", "TIME", "S:R:F", "N", "N",
	"N", "N", "TIME", "TIME", "TIME", "TIME", "LIST", "LIST", "LIST", "LIST", "LIST",
	"yes|no",
};
_Static_assert(ARRAY_LEN(serve_metavars) == ARRAY_LEN(serve_defs), "one metavar per option");

/* Which libssh option each algorithm list sets, and what the legacy set
 * adds to it. */
static const struct {
	enum ssh_bind_options_e opt;
	size_t offset;
	const char *name, *legacy;
} algorithms[] = {
	{ SSH_BIND_OPTIONS_KEY_EXCHANGE, offsetof(struct serve_opts, kex), "kex", LEGACY_KEX },
	{ SSH_BIND_OPTIONS_CIPHERS_C_S, offsetof(struct serve_opts, ciphers), "ciphers", NULL },
	{ SSH_BIND_OPTIONS_CIPHERS_S_C, offsetof(struct serve_opts, ciphers), "ciphers", NULL },
	{ SSH_BIND_OPTIONS_HMAC_C_S, offsetof(struct serve_opts, macs), "macs", LEGACY_MAC },
	{ SSH_BIND_OPTIONS_HMAC_S_C, offsetof(struct serve_opts, macs), "macs", LEGACY_MAC },
	{ SSH_BIND_OPTIONS_HOSTKEY_ALGORITHMS, offsetof(struct serve_opts, hostkeys),
	  "hostkey-algorithms", NULL },
	{ SSH_BIND_OPTIONS_PUBKEY_ACCEPTED_KEY_TYPES, offsetof(struct serve_opts, pubkeys),
	  "pubkey-algorithms", NULL },
};

/* The command line, kept for SIGHUP, and the options it gave at start. */
static int saved_argc;
static char **saved_argv;
static struct serve_opts current;

static void
serve_help(void)
{
	printf(_("usage: scrivano serve [--config FILE] [--OPTION VALUE]...\n\n"
		 "Runs the SSH server in the foreground. A TIME is seconds, or a number\n"
		 "followed by s, m or h; a LIST is names separated by commas.\n\n"));
	printf("  %-30s %s\n", "--config FILE", _("read options from FILE (name = value)"));
	for (size_t i = 0; i < ARRAY_LEN(serve_defs); i++) {
		char *name = xasprintf("--%s %s", serve_defs[i].name, serve_metavars[i]);
		printf("  %-30s %s", name, _(serve_defs[i].help));
		if (serve_defs[i].def != NULL && strlen(serve_defs[i].def) < 20)
			printf(_(" (default %s)"), serve_defs[i].def);
		else if (serve_defs[i].def != NULL)
			printf(_(" (default in scrivano.conf(5))"));
		putchar('\n');
		free(name);
	}
}

/* Options are taken in order, so a later one wins: --config FILE first,
 * then the options it should not decide. 1 for --help. */
static int
parse_args(struct serve_opts *o, int argc, char **argv, char *err)
{
	size_t n = ARRAY_LEN(serve_defs);

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *eq, *value;
		char *name;
		int rc;

		if (!str_starts(arg, "--") || arg[2] == '\0')
			return err_set(err, _("unexpected argument '%s'"), arg);
		if (strcmp(arg, "--help") == 0)
			return 1;
		if ((eq = strchr(arg, '=')) != NULL) {
			name = xstrndup(arg + 2, (size_t)(eq - arg - 2));
			value = eq + 1;
		} else if (i + 1 < argc) {
			name = xstrdup(arg + 2);
			value = argv[++i];
		} else {
			return err_set(err, _("%s wants a value"), arg);
		}
		if (strcmp(name, "config") == 0) {
			struct buf errors = { 0 };
			rc = conf_load(serve_defs, n, o, value, &errors) == 0 ? 0 : -1;
			if (rc < 0)
				err_set(err, "%s", str_trim(errors.data));
			buf_free(&errors);
		} else {
			rc = conf_set(serve_defs, n, o, name, value, err);
		}
		free(name);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* One algorithm list: every name must be one libssh knows (it would skip
 * an unknown one silently), tried one by one on a bind of its own. */
static int
check_algorithms(enum ssh_bind_options_e opt, const char *name, const char *list, char *err)
{
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;

	if (*list == '\0')
		rc = err_set(err, _("%s: the list is empty"), name);
	for (char *a = strtok_r(copy, ",", &save); rc == 0 && a != NULL;
	     a = strtok_r(NULL, ",", &save)) {
		ssh_bind b = ssh_bind_new();
		if (b == NULL || ssh_bind_options_set(b, opt, a) < 0)
			rc = err_set(err, _("%s: '%s' is not an algorithm this server knows"), name, a);
		if (b != NULL)
			ssh_bind_free(b);
	}
	free(copy);
	return rc;
}

/* max-startups: START:RATE:FULL as sshd's MaxStartups (1 <= START <=
 * FULL, RATE a percentage), or N alone for N:100:N. */
static int
parse_startups(const char *s, int *start, int *rate, int *full, char *err)
{
	long v[3];
	int n = 0;
	const char *p = s;

	while (n < 3) {
		char *end;
		if (*p < '0' || *p > '9')
			break;
		v[n++] = strtol(p, &end, 10);
		p = end;
		if (*p != ':')
			break;
		p++;
	}
	if (n == 1 && *p == '\0') {
		v[1] = 100;
		v[2] = v[0];
		n = 3;
	}
	if (n != 3 || *p != '\0' || v[0] < 1 || v[0] > 10000 || v[1] < 1 || v[1] > 100 ||
	    v[2] < v[0] || v[2] > 10000) {
		if (err != NULL)
			err_set(err, _("max-startups: '%s' is not START:RATE:FULL (1 <= START <= "
				       "FULL <= 10000, RATE 1 to 100) nor a number"), s);
		return -1;
	}
	*start = (int)v[0];
	*rate = (int)v[1];
	*full = (int)v[2];
	return 0;
}

/* The values that the table's ranges cannot check. */
static int
check_opts(const struct serve_opts *o, char *err)
{
	int a, b, c;

	if (parse_startups(o->max_startups, &a, &b, &c, err) < 0)
		return -1;
	if (strcmp(o->log, "stderr") != 0 && strcmp(o->log, "syslog") != 0)
		return err_set(err, _("log: '%s' is neither stderr nor syslog"), o->log);
	for (size_t i = 0; i < ARRAY_LEN(algorithms); i++)
		if (check_algorithms(algorithms[i].opt, algorithms[i].name,
				     *(char *const *)((const char *)o + algorithms[i].offset), err) < 0)
			return -1;
	return 0;
}

/* Sets the algorithm lists on a bind (checked before: they all take). */
static int
set_algorithms(ssh_bind bind, const struct serve_opts *o, char *err)
{
	for (size_t i = 0; i < ARRAY_LEN(algorithms); i++) {
		const char *v = *(char *const *)((const char *)o + algorithms[i].offset);
		char *list = o->legacy && algorithms[i].legacy != NULL
				     ? xasprintf("%s,%s", v, algorithms[i].legacy)
				     : xstrdup(v);
		int rc = ssh_bind_options_set(bind, algorithms[i].opt, list);

		if (rc < 0)
			err_set(err, _("libssh refuses the algorithms %s: %s"), list,
				ssh_get_error(bind));
		free(list);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The options that can change while the server runs. */
static void
apply_limits(struct server *srv, const struct serve_opts *o)
{
	srv->login_grace = (int)o->login_grace;
	srv->max_sessions = (int)o->max_sessions;
	srv->max_per_user = (int)o->max_per_user;
	parse_startups(o->max_startups, &srv->startups_start, &srv->startups_rate,
		       &srv->startups_full, NULL);
	srv->banner_grace = (int)o->banner_grace;
	srv->max_startups_addr = (int)o->max_startups_addr;
	srv->max_auth_tries = (int)o->max_auth_tries;
	srv->penalty_failures = (int)o->penalty_failures;
	srv->penalty_seconds = (int)o->penalty_time;
	srv->idle_timeout = (int)o->idle_timeout;
	/* The warning takes at most half of the time allowed. */
	srv->idle_warning = (int)(o->idle_warning < o->idle_timeout / 2 ? o->idle_warning
									  : o->idle_timeout / 2);
	srv->stall_timeout = (int)o->stall_timeout;
}

/* Defaults, then the command line (and its --config); 1 for --help. */
static int
read_opts(struct serve_opts *o, int argc, char **argv, char *err)
{
	const char *env_data = getenv("SCRIVANO_DATA");
	int rc;

	conf_defaults(serve_defs, ARRAY_LEN(serve_defs), o);
	o->data = xstrdup(env_data != NULL && *env_data != '\0' ? env_data : DEFAULT_DATADIR);
	if ((rc = parse_args(o, argc, argv, err)) != 0)
		return rc;
	return check_opts(o, err);
}

/* What the sessions need of the data folder, checked as the user they run
 * as: the registry, readable and writable (SQLite's WAL files go beside
 * it), the books and the sessions' lock files. */
static int
check_datadir(const struct server *srv, char *err)
{
	static const char *const need[] = { "", "/registry.sqlite", "/books" };
	struct registry *reg;
	char *path;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < ARRAY_LEN(need); i++) {
		path = xasprintf("%s%s", srv->datadir, need[i]);
		if (access(path, R_OK | W_OK) == 0)
			rc = 0;
		else if (errno == ENOENT && i == 1)
			rc = err_set(err, _("no user registry in %s: add a user first with "
					    "'scrivano user add NAME --data %s'"), srv->datadir,
				     srv->datadir);
		else
			rc = err_set(err, "%s: %s", path, strerror(errno));
		free(path);
	}
	if (rc == 0 && registry_open(srv->datadir, 0, &reg, err) == 0)
		registry_close(reg);
	else
		rc = -1;
	path = xasprintf("%s/sessions", srv->datadir);
	if (rc == 0 && mkdir(path, 0700) < 0 && errno != EEXIST)
		rc = err_set(err, _("cannot create %s: %s"), path, strerror(errno));
	else if (rc == 0 && access(path, R_OK | W_OK | X_OK) < 0)
		rc = err_set(err, "%s: %s", path, strerror(errno));
	free(path);
	return rc;
}

/* A file of the data folder that others than its owner may read or write
 * (mode bits in mask) is refused, as sshd's StrictModes refuses a shared
 * authorized_keys: the registry holds the password hashes, a book someone
 * else's accounts. A file that is not there is no problem. */
static int
check_private(const char *path, mode_t mask, int is_dir, char *err)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return 0;
	if ((st.st_mode & mask) == 0)
		return 0;
	if (is_dir)
		return err_set(err, _("%s may be changed by others (mode %03o): make it private "
				      "with chmod 700 %s"), path, (unsigned)(st.st_mode & 0777), path);
	return err_set(err, _("%s may be read or changed by others (mode %03o): make it "
			      "private with chmod 600 %s"), path, (unsigned)(st.st_mode & 0777),
		       path);
}

/* The registry and every book, with their WAL files. */
static int
check_private_files(const char *datadir, char *err)
{
	static const char *const tails[] = { "", "-wal", "-shm" };
	char *books = xasprintf("%s/books", datadir), *path;
	struct dirent *e;
	DIR *d;
	int rc = 0;

	if (check_private(datadir, 022, 1, err) < 0 || check_private(books, 022, 1, err) < 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < ARRAY_LEN(tails); i++) {
		path = xasprintf("%s/registry.sqlite%s", datadir, tails[i]);
		rc = check_private(path, 077, 0, err);
		free(path);
	}
	if (rc == 0 && (d = opendir(books)) != NULL) {
		while (rc == 0 && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' || strstr(e->d_name, ".sqlite") == NULL)
				continue;
			path = xasprintf("%s/%s", books, e->d_name);
			rc = check_private(path, 077, 0, err);
			free(path);
		}
		closedir(d);
	}
	free(books);
	return rc;
}

/* Started as root, the data folder is checked as the service user, and a
 * failure says how to give it the folder. */
static int
check_datadir_as_service(const struct server *srv, const char *user, char *err)
{
	char why[ERR_SIZE];

	if (priv_run_as_service(srv, check_datadir, why) == 0)
		return 0;
	if (!srv->drop)
		return err_set(err, "%s", why);
	return err_set(err, _("the service user %s cannot use the data folder (%s); give it "
			      "the folder: chown -R %s: %s && chown -R root: %s/hostkeys"),
		       user, why, user, srv->datadir, srv->datadir);
}

static ssh_bind
make_bind(struct hostkeys *hk, const struct serve_opts *o, char *err)
{
	ssh_bind bind = ssh_bind_new();
	bool no_config = false;

	if (bind == NULL) {
		err_set(err, _("out of memory"));
		return NULL;
	}
	/* Never read /etc/ssh/libssh_server_config: we say what we serve. */
	ssh_bind_options_set(bind, SSH_BIND_OPTIONS_PROCESS_CONFIG, &no_config);
	/* SSH-2.0-scrivano_0.1: the program, not the library's version (which
	 * scanners compare wrongly, 0.10 < 0.7, and flag old CVEs for). */
	ssh_bind_options_set(bind, SSH_BIND_OPTIONS_BANNER, PACKAGE "_" PACKAGE_VERSION);
	if (set_algorithms(bind, o, err) < 0 || hostkeys_use(bind, hk, err) < 0) {
		ssh_bind_free(bind);
		return NULL;
	}
	return bind;
}

static char *
self_exe(char *err)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);

	if (n <= 0) {
		err_set(err, _("cannot find this program's own file: %s"), strerror(errno));
		return NULL;
	}
	buf[n] = '\0';
	return xstrdup(buf);
}

/* Everything that can be wrong is found before the first connection. */
static int
prepare(struct server *srv, const struct serve_opts *a, int *fd, char *shown, size_t size,
	char *err)
{
	struct hostkeys hk;

	if (priv_service_user(srv, a->service_user, err) < 0)
		return -1;
	if ((srv->datadir = realpath(a->data, NULL)) == NULL && errno == ENOENT)
		return err_set(err, _("no user registry in %s: add a user first with "
				      "'scrivano user add NAME --data %s'"), a->data, a->data);
	if (srv->datadir == NULL)
		return err_set(err, _("cannot use the data folder %s: %s"), a->data, strerror(errno));
	if (check_datadir_as_service(srv, a->service_user, err) < 0 ||
	    check_private_files(srv->datadir, err) < 0)
		return -1;
	if ((srv->self_exe = self_exe(err)) == NULL)
		return -1;
	/* The host keys first (made on the first start, which takes a while
	 * for RSA): once the port accepts, every connection gets its banner
	 * at once. */
	if (hostkeys_load(srv->datadir, &hk, err) < 0)
		return -1;
	if ((srv->bind = make_bind(&hk, a, err)) == NULL) {
		hostkeys_free(&hk);
		return -1;
	}
	if (listener_open(a->listen, fd, shown, size, err) < 0) {
		hostkeys_free(&hk);
		return -1;
	}
	/* The fingerprints are for whoever starts the server: on stderr even
	 * when the log goes to syslog. */
	for (size_t i = 0; i < HOSTKEY_KINDS; i++) {
		if (slog_is_syslog())
			fprintf(stderr, _("scrivano: host key %s (%s)\n"), hk.fingerprint[i],
				hk.shown[i]);
		slog(_("host key %s (%s)"), hk.fingerprint[i], hk.shown[i]);
	}
	hostkeys_free(&hk);
	return 0;
}

/* The options fixed at start; a reload that changes one says so. */
static void
note_fixed(const struct serve_opts *o)
{
	static const size_t fixed[] = { offsetof(struct serve_opts, data),
					offsetof(struct serve_opts, listen),
					offsetof(struct serve_opts, service_user),
					offsetof(struct serve_opts, log) };

	for (size_t i = 0; i < ARRAY_LEN(fixed); i++) {
		const char *was = *(char *const *)((const char *)&current + fixed[i]);
		const char *now = *(char *const *)((const char *)o + fixed[i]);
		for (size_t d = 0; d < ARRAY_LEN(serve_defs); d++)
			if (serve_defs[d].offset == fixed[i] && strcmp(was, now) != 0)
				slog(_("reload: %s changes only when the server restarts"),
				     serve_defs[d].name);
	}
}

void
serve_reload(struct server *srv)
{
	struct serve_opts o = { 0 };
	char err[ERR_SIZE];

	if (read_opts(&o, saved_argc, saved_argv, err) != 0) {
		slog(_("reload: %s; keeping the options in use"), err);
	} else if (set_algorithms(srv->bind, &o, err) < 0) {
		slog(_("reload: %s; keeping the options in use"), err);
		set_algorithms(srv->bind, &current, err);
	} else {
		note_fixed(&o);
		apply_limits(srv, &o);
		slog(_("reload: options read again, for new connections"));
	}
	conf_free(serve_defs, ARRAY_LEN(serve_defs), &o);
}

int
cmd_serve(int argc, char **argv)
{
	struct server srv = { .report_fd = -1, .auth_floor_ms = 300 };
	char err[ERR_SIZE], shown[SERVER_ADDR_MAX + 8];
	int fd = -1, rc;

	if ((rc = read_opts(&current, argc, argv, err)) != 0) {
		if (rc > 0)
			serve_help();
		else
			fprintf(stderr, _("scrivano: %s\nusage: scrivano serve [--config FILE] "
					  "[--OPTION VALUE]... (see --help)\n"), err);
		conf_free(serve_defs, ARRAY_LEN(serve_defs), &current);
		return rc > 0 ? 0 : 2;
	}
	saved_argc = argc;
	saved_argv = argv;
	srv.lang = getenv("LANG");
	apply_limits(&srv, &current);
	slog_to_syslog(strcmp(current.log, "syslog") == 0);
	ssh_init();
	if (prepare(&srv, &current, &fd, shown, sizeof shown, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		rc = 1;
	} else {
		if (slog_is_syslog())
			fprintf(stderr, _("scrivano: listening on %s, data in %s; the log goes to "
					  "syslog\n"), shown, srv.datadir);
		slog(_("listening on %s, data in %s"), shown, srv.datadir);
		rc = listener_run(&srv, fd);
	}
	if (fd >= 0)
		close(fd);
	if (srv.bind != NULL)
		ssh_bind_free(srv.bind);
	free(srv.datadir);
	free(srv.self_exe);
	conf_free(serve_defs, ARRAY_LEN(serve_defs), &current);
	slog_to_syslog(0);
	ssh_finalize();
	return rc;
}
