/* `scrivano user …`: manage the accounts that may log in. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "commands.h"
#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

#define DEFAULT_DATADIR "scrivano-data"
#define PASSWORD_MAX 1024

/* Reads one line into buf without its newline; 0, or -1 at end of input. */
static int
read_line(FILE *in, char *buf, size_t size)
{
	if (fgets(buf, (int)size, in) == NULL)
		return -1;
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

/* From the terminal with echo off, asked twice; else one line of stdin. */
static int
read_password(char *buf, size_t size, char *err)
{
	struct termios old, quiet;
	char again[PASSWORD_MAX];
	int rc;

	if (!isatty(STDIN_FILENO)) {
		if (read_line(stdin, buf, size) < 0)
			return err_set(err, _("no password on standard input"));
		return 0;
	}
	if (tcgetattr(STDIN_FILENO, &old) < 0)
		return err_set(err, _("cannot read the terminal's settings"));
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	fputs(_("Password: "), stderr);
	rc = read_line(stdin, buf, size);
	if (rc == 0) {
		fputs(_("\nPassword again: "), stderr);
		rc = read_line(stdin, again, sizeof again);
	}
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	if (rc < 0)
		return err_set(err, _("no password given"));
	rc = strcmp(buf, again) == 0 ? 0 : err_set(err, _("the two passwords differ"));
	explicit_bzero(again, sizeof again);
	return rc;
}

static void
print_user(const char *name, int locked, void *ud)
{
	(void)ud;
	printf("%s%s\n", name, locked ? _(" (locked)") : "");
}

static int
user_usage(void)
{
	fprintf(stderr, _("usage: scrivano user add NAME [--data DIR]\n"
			  "       scrivano user list [--data DIR]\n"));
	return 2;
}

int
cmd_user(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *datadir = getenv("SCRIVANO_DATA");
	char err[ERR_SIZE], password[PASSWORD_MAX];
	struct registry *reg;
	const char *verb;
	int c, rc;

	if (datadir == NULL || *datadir == '\0')
		datadir = DEFAULT_DATADIR;
	/* optind 0 resets getopt fully; options may come before or after the
	 * verb and the name, which GNU getopt moves to the end. */
	optind = 0;
	while ((c = getopt_long(argc, argv, "d:h", opts, NULL)) != -1) {
		if (c == 'd')
			datadir = optarg;
		else
			return user_usage();
	}
	if (optind >= argc)
		return user_usage();
	verb = argv[optind++];
	if (strcmp(verb, "add") == 0) {
		if (optind != argc - 1)
			return user_usage();
		if (user_name_check(argv[optind], err) < 0) {
			fprintf(stderr, "scrivano: %s\n", err);
			return 1;
		}
		if (registry_open(datadir, 1, &reg, err) < 0) {
			fprintf(stderr, "scrivano: %s\n", err);
			return 1;
		}
		rc = read_password(password, sizeof password, err);
		if (rc == 0)
			rc = registry_add(reg, argv[optind], password, err);
		explicit_bzero(password, sizeof password);
		registry_close(reg);
		if (rc < 0) {
			fprintf(stderr, "scrivano: %s\n", err);
			return 1;
		}
		printf(_("user %s added\n"), argv[optind]);
		return 0;
	}
	if (strcmp(verb, "list") == 0) {
		if (optind != argc)
			return user_usage();
		if (registry_open(datadir, 0, &reg, err) < 0) {
			fprintf(stderr, "scrivano: %s\n", err);
			return 1;
		}
		rc = registry_list(reg, print_user, NULL, err);
		registry_close(reg);
		if (rc < 0) {
			fprintf(stderr, "scrivano: %s\n", err);
			return 1;
		}
		return 0;
	}
	return user_usage();
}
