/* `scrivano serve`: checks the data directory, the address and the host
 * key, sets up libssh with modern algorithms only, and runs the listener
 * in the foreground, logging to stderr. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "server/server.h"
#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

#define DEFAULT_DATADIR "scrivano-data"

/* Only what is safe today, named explicitly so that neither libssh's
 * defaults nor a system-wide configuration can widen it. */
static const struct {
	enum ssh_bind_options_e opt;
	const char *value;
} algorithms[] = {
	{ SSH_BIND_OPTIONS_KEY_EXCHANGE,
	  "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,"
	  "diffie-hellman-group16-sha512,diffie-hellman-group14-sha256" },
	{ SSH_BIND_OPTIONS_CIPHERS_C_S,
	  "aes256-gcm@openssh.com,aes128-gcm@openssh.com,chacha20-poly1305@openssh.com,"
	  "aes256-ctr,aes128-ctr" },
	{ SSH_BIND_OPTIONS_CIPHERS_S_C,
	  "aes256-gcm@openssh.com,aes128-gcm@openssh.com,chacha20-poly1305@openssh.com,"
	  "aes256-ctr,aes128-ctr" },
	{ SSH_BIND_OPTIONS_HMAC_C_S,
	  "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,"
	  "hmac-sha2-512" },
	{ SSH_BIND_OPTIONS_HMAC_S_C,
	  "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,"
	  "hmac-sha2-512" },
	{ SSH_BIND_OPTIONS_HOSTKEY_ALGORITHMS, "ssh-ed25519" },
};

struct serve_args {
	const char *datadir, *listen;
	int login_grace, max_sessions, max_per_user, penalty_failures, penalty_seconds;
};

static int
serve_usage(void)
{
	fprintf(stderr, _("usage: scrivano serve [--data DIR] [--listen ADDR:PORT]\n"
			  "         [--login-grace SECONDS] [--max-sessions N] [--max-per-user N]\n"
			  "         [--penalty FAILURES,SECONDS]\n"));
	return 2;
}

/* A whole number from min to max, or -1. */
static int
parse_count(const char *s, int min, int max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return -1;
	return (int)v;
}

/* FAILURES,SECONDS: so many failed passwords from one address, and it is
 * refused so long. */
static int
parse_penalty(struct serve_args *a, const char *arg)
{
	const char *comma = strchr(arg, ',');
	char *first;

	a->penalty_failures = a->penalty_seconds = -1;
	if (comma != NULL) {
		first = xstrndup(arg, (size_t)(comma - arg));
		a->penalty_failures = parse_count(first, 0, 1000);
		a->penalty_seconds = parse_count(comma + 1, 0, 86400);
		free(first);
	}
	if (a->penalty_failures < 0 || a->penalty_seconds < 0) {
		fprintf(stderr, _("scrivano: --penalty wants FAILURES,SECONDS, such as 5,300 "
				  "(0,0 turns it off)\n"));
		return -1;
	}
	return 0;
}

static int
parse_option(struct serve_args *a, int c, const char *arg)
{
	int *target = NULL, min = 0, max = 100000;

	switch (c) {
	case 'd': a->datadir = arg; return 0;
	case 'l': a->listen = arg; return 0;
	case 'g': target = &a->login_grace; min = 1; max = 3600; break;
	case 'm': target = &a->max_sessions; break;
	case 'u': target = &a->max_per_user; break;
	case 'p': return parse_penalty(a, arg);
	default: return -1;
	}
	if ((*target = parse_count(arg, min, max)) < 0) {
		fprintf(stderr, _("scrivano: '%s' is not a number from %d to %d\n"), arg, min, max);
		return -1;
	}
	return 0;
}

static int
parse_args(struct serve_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "listen", required_argument, NULL, 'l' },
		{ "login-grace", required_argument, NULL, 'g' },
		{ "max-sessions", required_argument, NULL, 'm' },
		{ "max-per-user", required_argument, NULL, 'u' },
		{ "penalty", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "d:l:h", opts, NULL)) != -1)
		if (c == 'h' || c == '?' || parse_option(a, c, optarg) < 0)
			return -1;
	return optind == argc ? 0 : -1;
}

/* The data directory must hold a registry, or nobody could log in. */
static int
check_datadir(const char *datadir, char *err)
{
	char *path = xasprintf("%s/registry.sqlite", datadir);
	struct registry *reg;
	struct stat st;
	int rc = 0;

	if (stat(path, &st) < 0)
		rc = err_set(err, _("no user registry in %s: add a user first with "
				    "'scrivano user add NAME --data %s'"), datadir, datadir);
	else if (registry_open(datadir, 0, &reg, err) < 0)
		rc = -1;
	else
		registry_close(reg);
	free(path);
	return rc;
}

static ssh_bind
make_bind(ssh_key key, char *err)
{
	ssh_bind bind = ssh_bind_new();
	bool no_config = false;

	if (bind == NULL) {
		err_set(err, _("out of memory"));
		return NULL;
	}
	/* Never read /etc/ssh/libssh_server_config: we say what we serve. */
	ssh_bind_options_set(bind, SSH_BIND_OPTIONS_PROCESS_CONFIG, &no_config);
	for (size_t i = 0; i < ARRAY_LEN(algorithms); i++) {
		if (ssh_bind_options_set(bind, algorithms[i].opt, algorithms[i].value) < 0) {
			err_set(err, _("libssh refuses the algorithms %s: %s"), algorithms[i].value,
				ssh_get_error(bind));
			ssh_bind_free(bind);
			return NULL;
		}
	}
	if (ssh_bind_options_set(bind, SSH_BIND_OPTIONS_IMPORT_KEY, key) < 0) {
		err_set(err, _("libssh refuses the host key: %s"), ssh_get_error(bind));
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
prepare(struct server *srv, const struct serve_args *a, int *fd, char *shown, size_t size,
	char *err)
{
	char *fp, *sessions;
	ssh_key key;

	if (check_datadir(a->datadir, err) < 0)
		return -1;
	if ((srv->datadir = realpath(a->datadir, NULL)) == NULL)
		return err_set(err, _("cannot resolve %s: %s"), a->datadir, strerror(errno));
	sessions = xasprintf("%s/sessions", srv->datadir);
	if (mkdir(sessions, 0700) < 0 && errno != EEXIST) {
		err_set(err, _("cannot create %s: %s"), sessions, strerror(errno));
		free(sessions);
		return -1;
	}
	free(sessions);
	if ((srv->self_exe = self_exe(err)) == NULL)
		return -1;
	if (listener_open(a->listen, fd, shown, size, err) < 0)
		return -1;
	if (hostkey_load(srv->datadir, &key, &fp, err) < 0)
		return -1;
	if ((srv->bind = make_bind(key, err)) == NULL) {
		ssh_key_free(key);
		free(fp);
		return -1;
	}
	slog(_("host key %s"), fp);
	free(fp);
	return 0;
}

int
cmd_serve(int argc, char **argv)
{
	struct serve_args a = {
		.datadir = getenv("SCRIVANO_DATA"), .listen = SERVER_DEFAULT_LISTEN,
		.login_grace = 20, .max_sessions = 64, .max_per_user = 4,
		.penalty_failures = 5, .penalty_seconds = 300,
	};
	struct server srv = { .report_fd = -1, .auth_floor_ms = 300 };
	char err[ERR_SIZE], shown[SERVER_ADDR_MAX + 8];
	int fd = -1, rc;

	if (a.datadir == NULL || *a.datadir == '\0')
		a.datadir = DEFAULT_DATADIR;
	if (parse_args(&a, argc, argv) < 0)
		return serve_usage();
	srv.login_grace = a.login_grace;
	srv.max_sessions = a.max_sessions;
	srv.max_per_user = a.max_per_user;
	srv.penalty_failures = a.penalty_failures;
	srv.penalty_seconds = a.penalty_seconds;
	ssh_init();
	if (prepare(&srv, &a, &fd, shown, sizeof shown, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		rc = 1;
	} else {
		slog(_("listening on %s, data in %s"), shown, srv.datadir);
		rc = listener_run(&srv, fd);
	}
	if (fd >= 0)
		close(fd);
	if (srv.bind != NULL)
		ssh_bind_free(srv.bind);
	free(srv.datadir);
	free(srv.self_exe);
	ssh_finalize();
	return rc;
}
