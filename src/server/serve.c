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
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "server/server.h"
#include "users/users.h"
#include "util/conf.h"
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
	{ SSH_BIND_OPTIONS_PUBKEY_ACCEPTED_KEY_TYPES,
	  "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
	  "sk-ssh-ed25519@openssh.com,sk-ecdsa-sha2-nistp256@openssh.com,"
	  "rsa-sha2-512,rsa-sha2-256" },
};

struct serve_opts {
	char *data, *listen;
	long login_grace, max_sessions, max_per_user, penalty_failures, penalty_time;
	long max_startups, max_startups_addr;
};

#define O(field) offsetof(struct serve_opts, field)
/* Every option of `scrivano serve`, on the command line (--name VALUE) and
 * in a --config file (name = value) alike. */
static const struct opt_def serve_defs[] = {
	{ "data", OPT_STRING, O(data), 0, 0, NULL,
	  N_("the data folder (default $SCRIVANO_DATA, else scrivano-data)") },
	{ "listen", OPT_STRING, O(listen), 0, 0, SERVER_DEFAULT_LISTEN,
	  N_("the address and port to listen on") },
	{ "login-grace", OPT_SECONDS, O(login_grace), 1, 3600, "20s",
	  N_("time from connecting to a running session") },
	{ "max-sessions", OPT_INT, O(max_sessions), 0, 100000, "64",
	  N_("logged-in sessions at once, 0 for no limit") },
	{ "max-startups", OPT_INT, O(max_startups), 1, 10000, "10",
	  N_("connections not logged in yet, at once") },
	{ "max-startups-per-address", OPT_INT, O(max_startups_addr), 1, 10000, "3",
	  N_("connections not logged in yet from one address, at once") },
	{ "max-per-user", OPT_INT, O(max_per_user), 0, 1000, "4",
	  N_("sessions of one user at once, 0 for no limit") },
	{ "penalty-failures", OPT_INT, O(penalty_failures), 0, 1000, "5",
	  N_("failed passwords that get an address refused, 0 for never") },
	{ "penalty-time", OPT_SECONDS, O(penalty_time), 0, 86400, "5m",
	  N_("how long such an address is refused") },
};
#undef O

/* What each option's value looks like, in serve_defs' order. */
static const char *const serve_metavars[] = { "DIR", "ADDR:PORT", "TIME", "N", "N", "N",
					      "N", "N", "TIME" };
_Static_assert(ARRAY_LEN(serve_metavars) == ARRAY_LEN(serve_defs), "one metavar per option");

static void
serve_help(void)
{
	printf(_("usage: scrivano serve [--config FILE] [--OPTION VALUE]...\n\n"
		 "Runs the SSH server in the foreground, logging to stderr. A TIME is\n"
		 "seconds, or a number followed by s, m or h.\n\n"));
	printf("  %-30s %s\n", "--config FILE", _("read options from FILE (name = value)"));
	for (size_t i = 0; i < ARRAY_LEN(serve_defs); i++) {
		char *name = xasprintf("--%s %s", serve_defs[i].name, serve_metavars[i]);
		printf("  %-30s %s", name, _(serve_defs[i].help));
		if (serve_defs[i].def != NULL)
			printf(_(" (default %s)"), serve_defs[i].def);
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
prepare(struct server *srv, const struct serve_opts *a, int *fd, char *shown, size_t size,
	char *err)
{
	char *fp, *sessions;
	ssh_key key;

	if (check_datadir(a->data, err) < 0)
		return -1;
	if ((srv->datadir = realpath(a->data, NULL)) == NULL)
		return err_set(err, _("cannot resolve %s: %s"), a->data, strerror(errno));
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
	struct serve_opts o = { 0 };
	struct server srv = { .report_fd = -1, .auth_floor_ms = 300 };
	char err[ERR_SIZE], shown[SERVER_ADDR_MAX + 8];
	const char *env_data = getenv("SCRIVANO_DATA");
	int fd = -1, rc;

	conf_defaults(serve_defs, ARRAY_LEN(serve_defs), &o);
	o.data = xstrdup(env_data != NULL && *env_data != '\0' ? env_data : DEFAULT_DATADIR);
	if ((rc = parse_args(&o, argc, argv, err)) != 0) {
		if (rc > 0)
			serve_help();
		else
			fprintf(stderr, _("scrivano: %s\nusage: scrivano serve [--config FILE] "
					  "[--OPTION VALUE]... (see --help)\n"), err);
		conf_free(serve_defs, ARRAY_LEN(serve_defs), &o);
		return rc > 0 ? 0 : 2;
	}
	srv.lang = getenv("LANG");
	srv.login_grace = (int)o.login_grace;
	srv.max_sessions = (int)o.max_sessions;
	srv.max_per_user = (int)o.max_per_user;
	srv.max_startups = (int)o.max_startups;
	srv.max_startups_addr = (int)o.max_startups_addr;
	srv.penalty_failures = (int)o.penalty_failures;
	srv.penalty_seconds = (int)o.penalty_time;
	ssh_init();
	if (prepare(&srv, &o, &fd, shown, sizeof shown, err) < 0) {
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
	conf_free(serve_defs, ARRAY_LEN(serve_defs), &o);
	ssh_finalize();
	return rc;
}
