/* The option table: defaults, typed values, limits, and config files with
 * "file:line: message" for each mistake. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "tap.h"
#include "util/conf.h"

struct opts {
	char *listen;
	long max_sessions;
	long grace;
	int syslog;
};

static const struct opt_def defs[] = {
	{ "listen", OPT_STRING, offsetof(struct opts, listen), 0, 0, "127.0.0.1:2222", "" },
	{ "max-sessions", OPT_INT, offsetof(struct opts, max_sessions), 1, 1000, "50", "" },
	{ "login-grace-time", OPT_SECONDS, offsetof(struct opts, grace), 1, 3600, "20s", "" },
	{ "syslog", OPT_BOOL, offsetof(struct opts, syslog), 0, 0, "no", "" },
};
#define N ARRAY_LEN(defs)

int
main(void)
{
	struct opts o = { 0 };
	char err[ERR_SIZE], path[] = "/tmp/scrivano-test-conf.XXXXXX";
	struct buf errors = { 0 };
	FILE *f;
	int fd;

	conf_defaults(defs, N, &o);
	is_str(o.listen, "127.0.0.1:2222", "a string default");
	is_int(o.max_sessions, 50, "an integer default");
	is_int(o.grace, 20, "a time default, in seconds");
	is_int(o.syslog, 0, "a yes/no default");

	ok(conf_set(defs, N, &o, "login-grace-time", "5m", err) == 0, "5m is a time");
	is_int(o.grace, 300, "of 300 seconds");
	ok(conf_set(defs, N, &o, "login-grace-time", "1h", err) == 0 && o.grace == 3600, "1h is 3600 s");
	ok(conf_set(defs, N, &o, "login-grace-time", "2h", err) < 0, "2h is over the maximum");
	is_str(err, "login-grace-time: 7200 is out of range (1 to 3600)", "and the message says so");
	ok(conf_set(defs, N, &o, "login-grace-time", "5 min", err) < 0, "'5 min' is no time");
	ok(conf_set(defs, N, &o, "max-sessions", "12x", err) < 0, "12x is no number");
	is_str(err, "max-sessions: '12x' is not a whole number", "and the message says so");
	ok(conf_set(defs, N, &o, "max-sessions", "", err) < 0, "empty is no number");
	ok(conf_set(defs, N, &o, "max-sessions", "0", err) < 0, "0 is below the minimum");
	is_int(o.max_sessions, 50, "a refused value changes nothing");
	ok(conf_set(defs, N, &o, "syslog", "on", err) == 0 && o.syslog == 1, "on is yes");
	ok(conf_set(defs, N, &o, "syslog", "maybe", err) < 0, "maybe is neither");
	ok(conf_set(defs, N, &o, "colour", "red", err) < 0, "an unknown option is refused");
	is_str(err, "unknown option 'colour'", "by name");

	fd = mkstemp(path);
	f = fdopen(fd, "w");
	fputs("# scrivano.conf\n"
	      "listen = \"0.0.0.0:22\"\n"
	      "\n"
	      "max-sessions = lots\n"
	      "  login-grace-time=30s  \n"
	      "this line has no equals sign\n"
	      "colour = red\n"
	      "= 3\n",
	      f);
	fclose(f);
	is_int(conf_load(defs, N, &o, path, &errors), 4, "four mistakes are counted");
	is_str(o.listen, "0.0.0.0:22", "a quoted value is read without its quotes");
	is_int(o.grace, 30, "spaces around names and values are ignored");
	is_int(o.max_sessions, 50, "a bad line changes nothing");
	{
		char *want = xasprintf("%s:4: max-sessions: 'lots' is not a whole number\n"
				       "%s:6: expected 'name = value'\n"
				       "%s:7: unknown option 'colour'\n"
				       "%s:8: an option name is missing before '='\n",
				       path, path, path, path);
		is_str(errors.data, want, "every mistake is reported as file:line: message");
		free(want);
	}
	buf_free(&errors);
	unlink(path);
	is_int(conf_load(defs, N, &o, path, &errors), -1, "a missing file is an error");
	ok(errors.data != NULL && strstr(errors.data, "cannot open") != NULL, "with a message");
	buf_free(&errors);
	conf_free(defs, N, &o);
	ok(o.listen == NULL, "conf_free frees the strings");
	return tap_done();
}
