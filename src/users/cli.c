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

/* Reads one line into buf without its newline; 0, -1 at end of input, or
 * -2 when the line does not fit (it is then read to its end and dropped:
 * a password cut short would never log anyone in). */
static int
read_line(FILE *in, char *buf, size_t size)
{
	size_t n;
	int c;

	if (fgets(buf, (int)size, in) == NULL)
		return -1;
	n = strlen(buf);
	if (n == size - 1 && buf[n - 1] != '\n' && !feof(in)) {
		while ((c = fgetc(in)) != EOF && c != '\n')
			;
		explicit_bzero(buf, size);
		return -2;
	}
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
		rc = read_line(stdin, buf, size);
		if (rc == -2)
			return err_set(err, _("the password is too long (at most %zu bytes)"), size - 2);
		if (rc < 0)
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
	if (rc == -2)
		return err_set(err, _("the password is too long (at most %zu bytes)"), size - 2);
	if (rc < 0)
		return err_set(err, _("no password given"));
	rc = strcmp(buf, again) == 0 ? 0 : err_set(err, _("the two passwords differ"));
	explicit_bzero(again, sizeof again);
	return rc;
}

#define KEYS_FILE_MAX (256 * 1024)

static void
print_share(const char *grantee, enum share_mode mode, void *ud)
{
	(void)ud;
	printf("  share=%s:%s", grantee, share_mode_name(mode));
}

/* "anna (locked)  charset=CP850 keys=/srv/anna.keys": the settings that
 * are set follow the name. */
static void
print_user(const char *name, int locked, void *ud)
{
	struct registry *reg = ud;
	char value[1024];

	printf("%s%s", name, locked ? _(" (locked)") : "");
	for (size_t i = 0; i < setting_count(); i++)
		if (registry_setting_get(reg, name, setting_name(i), value, sizeof value) == 1)
			printf("  %s=%s", setting_name(i), value);
	registry_shares_of(reg, name, print_share, NULL, NULL);
	printf("\n");
}

static void
print_key(const struct user_key *k, void *ud)
{
	(void)ud;
	printf("%d  %s  %s  %s\n", k->n, k->type, k->fingerprint ? k->fingerprint : "?",
	       k->comment);
}

/* share and unshare's options: --with ACCOUNT, --read-only, --read-write. */
static struct {
	const char *with;
	int read_only, read_write;
} share_opts;

/* The account --with names, as the registry spells it, into out. */
static int
share_grantee(struct registry *reg, const char *verb, const char *owner, char *out, size_t size,
	      char *err)
{
	if (share_opts.with == NULL)
		return err_set(err,
			       _("%s: give --with ACCOUNT, the account the book of %s is shared with"),
			       verb, owner);
	if (user_name_check(share_opts.with, err) < 0)
		return -1;
	if (registry_user_name(reg, share_opts.with, out, size) != 1)
		return err_set(err, _("no user '%s'"), share_opts.with);
	return 0;
}

static int
verb_share(struct registry *reg, char **args, char *err)
{
	char grantee[USER_NAME_MAX + 1];
	enum share_mode mode = share_opts.read_write ? SHARE_READ_WRITE : SHARE_READ_ONLY;
	int was;

	if (share_opts.read_only && share_opts.read_write)
		return err_set(err, _("share: give --read-only or --read-write, not both"));
	if (!share_opts.read_only && !share_opts.read_write)
		return err_set(err, _("share: give --read-only or --read-write"));
	if (share_grantee(reg, "share", args[0], grantee, sizeof grantee, err) < 0 ||
	    registry_share(reg, args[0], grantee, mode, &was, err) < 0)
		return -1;
	if (was == (int)mode)
		printf(_("the book of %s was already shared with %s, %s\n"), args[0], grantee,
		       share_mode_name(mode));
	else if (was >= 0)
		printf(_("the book of %s is now shared with %s %s (it was %s); a session open on "
			 "it goes on as it was until it ends\n"),
		       args[0], grantee, share_mode_name(mode), share_mode_name((enum share_mode)was));
	else
		printf(_("the book of %s is shared with %s, %s: %s chooses it after login\n"),
		       args[0], grantee, share_mode_name(mode), grantee);
	return 0;
}

static int
verb_unshare(struct registry *reg, char **args, char *err)
{
	char grantee[USER_NAME_MAX + 1];

	if (share_opts.read_only || share_opts.read_write)
		return err_set(err, _("unshare: --read-only and --read-write are for share"));
	if (share_grantee(reg, "unshare", args[0], grantee, sizeof grantee, err) < 0 ||
	    registry_unshare(reg, args[0], grantee, err) < 0)
		return -1;
	printf(_("the book of %s is no longer shared with %s: the next login does not offer it "
		 "(a session open on it now goes on until it ends)\n"),
	       args[0], grantee);
	return 0;
}

/* The verbs; each gets the registry and its arguments after the verb. */
struct user_verb {
	const char *name;
	int nargs;
	int create; /* may create the data folder and registry */
	int (*run)(struct registry *reg, char **args, char *err);
};

static int
verb_add(struct registry *reg, char **args, char *err)
{
	char password[PASSWORD_MAX];
	int rc;

	if (user_name_check(args[0], err) < 0)
		return -1;
	rc = read_password(password, sizeof password, err);
	if (rc == 0)
		rc = registry_add(reg, args[0], password, err);
	explicit_bzero(password, sizeof password);
	if (rc == 0)
		printf(_("user %s added\n"), args[0]);
	return rc;
}

static int
verb_del(struct registry *reg, char **args, char *err)
{
	if (registry_del(reg, args[0], err) < 0)
		return -1;
	/* The law asks for the books to be kept: deleting an account never
	 * deletes its book. */
	printf(_("user %s deleted; the book books/%s.sqlite is kept\n"), args[0], args[0]);
	return 0;
}

static int
verb_passwd(struct registry *reg, char **args, char *err)
{
	char password[PASSWORD_MAX];
	int rc;

	if (!registry_user_exists(reg, args[0]))
		return err_set(err, _("no user '%s'"), args[0]);
	rc = read_password(password, sizeof password, err);
	if (rc == 0)
		rc = registry_set_password(reg, args[0], password, err);
	explicit_bzero(password, sizeof password);
	if (rc == 0)
		printf(_("password of %s changed\n"), args[0]);
	return rc;
}

static int
verb_lock(struct registry *reg, char **args, char *err)
{
	if (registry_set_locked(reg, args[0], 1, err) < 0)
		return -1;
	printf(_("user %s locked\n"), args[0]);
	return 0;
}

static int
verb_unlock(struct registry *reg, char **args, char *err)
{
	if (registry_set_locked(reg, args[0], 0, err) < 0)
		return -1;
	printf(_("user %s unlocked\n"), args[0]);
	return 0;
}

static int
verb_list(struct registry *reg, char **args, char *err)
{
	(void)args;
	return registry_list(reg, print_user, reg, err);
}

static int
verb_set(struct registry *reg, char **args, char *err)
{
	char value[1024];

	if (registry_setting_set(reg, args[0], args[1], args[2], err) < 0)
		return -1;
	registry_setting_get(reg, args[0], args[1], value, sizeof value);
	printf(_("%s of %s set to %s\n"), args[1], args[0], value);
	return 0;
}

static int
verb_unset(struct registry *reg, char **args, char *err)
{
	if (registry_setting_unset(reg, args[0], args[1], err) < 0)
		return -1;
	printf(_("%s of %s unset\n"), args[1], args[0]);
	return 0;
}

/* Every setting, set or not, with what it means. */
static int
verb_get(struct registry *reg, char **args, char *err)
{
	char value[1024];

	if (user_name_check(args[0], err) < 0)
		return -1;
	if (!registry_user_exists(reg, args[0]))
		return err_set(err, _("no user '%s'"), args[0]);
	for (size_t i = 0; i < setting_count(); i++) {
		int set = registry_setting_get(reg, args[0], setting_name(i), value, sizeof value);
		printf("%-16s %-16s # %s\n", setting_name(i), set == 1 ? value : "-",
		       setting_help(i));
	}
	return 0;
}

static int
verb_key_add(struct registry *reg, char **args, char *err)
{
	const char *origin = strcmp(args[1], "-") == 0 ? _("standard input") : args[1];
	char *text = NULL;
	int added, rc;

	if (strcmp(args[1], "-") == 0)
		rc = file_read_all("/dev/stdin", KEYS_FILE_MAX, &text, NULL, err);
	else
		rc = file_read_all(args[1], KEYS_FILE_MAX, &text, NULL, err);
	if (rc == 0)
		rc = registry_keys_add(reg, args[0], text, origin, &added, err);
	free(text);
	if (rc == 0)
		printf(ngettext("%d key added for %s\n", "%d keys added for %s\n",
				(unsigned long)added),
		       added, args[0]);
	return rc;
}

static int
verb_key_list(struct registry *reg, char **args, char *err)
{
	return registry_keys_list(reg, args[0], print_key, NULL, err);
}

static int
verb_key_del(struct registry *reg, char **args, char *err)
{
	char *end;
	long n = strtol(args[1], &end, 10);

	if (*args[1] == '\0' || *end != '\0' || n < 1 || n > 1000000)
		return err_set(err, _("'%s' is not a key number (see scrivano user key list)"),
			       args[1]);
	if (registry_key_del(reg, args[0], (int)n, err) < 0)
		return -1;
	printf(_("key %ld of %s deleted\n"), n, args[0]);
	return 0;
}

static const struct user_verb verbs[] = {
	{ "add", 1, 1, verb_add },
	{ "del", 1, 0, verb_del },
	{ "passwd", 1, 0, verb_passwd },
	{ "lock", 1, 0, verb_lock },
	{ "unlock", 1, 0, verb_unlock },
	{ "list", 0, 0, verb_list },
	{ "set", 3, 0, verb_set },
	{ "unset", 2, 0, verb_unset },
	{ "get", 1, 0, verb_get },
	{ "key add", 2, 0, verb_key_add },
	{ "key list", 1, 0, verb_key_list },
	{ "key del", 2, 0, verb_key_del },
	{ "share", 1, 0, verb_share },
	{ "unshare", 1, 0, verb_unshare },
};

static int
user_usage(void)
{
	fprintf(stderr, _("usage: scrivano user add|del|passwd|lock|unlock NAME [--data DIR]\n"
			  "       scrivano user list [--data DIR]\n"
			  "       scrivano user key add NAME FILE|-  [--data DIR]\n"
			  "       scrivano user key list NAME [--data DIR]\n"
			  "       scrivano user key del NAME N [--data DIR]\n"));
	fprintf(stderr, _("       scrivano user set NAME charset|printer-charset|keys VALUE "
			  "[--data DIR]\n"
			  "       scrivano user unset NAME SETTING [--data DIR]\n"
			  "       scrivano user get NAME [--data DIR]\n"));
	fprintf(stderr, _("       scrivano user share NAME --with ACCOUNT --read-only|--read-write "
			  "[--data DIR]\n"
			  "       scrivano user unshare NAME --with ACCOUNT [--data DIR]\n"));
	return 2;
}

/* Finds the verb named by the words at argv[i] ("key add" takes two). */
static const struct user_verb *
find_verb(int argc, char **argv, int *i)
{
	for (size_t v = 0; v < ARRAY_LEN(verbs); v++) {
		const char *name = verbs[v].name, *sp = strchr(name, ' ');
		if (sp == NULL && strcmp(argv[*i], name) == 0) {
			(*i)++;
			return &verbs[v];
		}
		if (sp != NULL && *i + 1 < argc && strncmp(argv[*i], name, (size_t)(sp - name)) == 0 &&
		    argv[*i][sp - name] == '\0' && strcmp(argv[*i + 1], sp + 1) == 0) {
			*i += 2;
			return &verbs[v];
		}
	}
	return NULL;
}

int
cmd_user(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "with", required_argument, NULL, 'w' },
		{ "read-only", no_argument, NULL, 'r' },
		{ "read-write", no_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *datadir = getenv("SCRIVANO_DATA");
	const struct user_verb *verb;
	struct registry *reg;
	char err[ERR_SIZE], name[USER_NAME_MAX + 1];
	int c, i, rc;

	if (datadir == NULL || *datadir == '\0')
		datadir = DEFAULT_DATADIR;
	/* optind 0 resets getopt fully; options may come before or after the
	 * verb and the name, which GNU getopt moves to the end. */
	optind = 0;
	share_opts.with = NULL;
	share_opts.read_only = share_opts.read_write = 0;
	while ((c = getopt_long(argc, argv, "d:h", opts, NULL)) != -1) {
		if (c == 'd')
			datadir = optarg;
		else if (c == 'w')
			share_opts.with = optarg;
		else if (c == 'r')
			share_opts.read_only = 1;
		else if (c == 'W')
			share_opts.read_write = 1;
		else
			return user_usage();
	}
	i = optind;
	if (i >= argc || (verb = find_verb(argc, argv, &i)) == NULL || argc - i != verb->nargs)
		return user_usage();
	/* the share options belong to share and unshare alone */
	if ((share_opts.with != NULL || share_opts.read_only || share_opts.read_write) &&
	    verb->run != verb_share && verb->run != verb_unshare)
		return user_usage();
	if (verb->create && user_name_check(argv[i], err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	if (registry_open(datadir, verb->create, &reg, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	/* ALICE names the account alice. */
	if (!verb->create && verb->nargs > 0 &&
	    registry_user_name(reg, argv[i], name, sizeof name) == 1)
		argv[i] = name;
	rc = verb->run(reg, argv + i, err);
	registry_close(reg);
	if (rc < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	return 0;
}
