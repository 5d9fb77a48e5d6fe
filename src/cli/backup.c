/* `scrivano book backup` and `scrivano book restore`: one book, or every
 * book of a data folder (the registry's users, as the server finds their
 * books) into a folder of dated copies kept by a retention. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book/backup.h"
#include "cli/cli.h"
#include "commands.h"
#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

#define KEEP_DAILY 7
#define KEEP_MONTHLY 12
#define KEEP_MAX 100000

/* Sizes as a person reads them: whole KiB, rounded up. */
static const char *
size_text(long long bytes, char *out, size_t size)
{
	snprintf(out, size, _("%lld KiB"), (bytes + 1023) / 1024);
	return out;
}

static int
count_arg(const char *opt, const char *value, long *out)
{
	char *end;

	errno = 0;
	*out = value != NULL ? strtol(value, &end, 10) : -1;
	if (value == NULL || errno != 0 || end == value || *end != '\0' || *out < 0 ||
	    *out > KEEP_MAX) {
		cli_fail("book", _("%s takes a number from 0 to %d"), opt, KEEP_MAX);
		return -1;
	}
	return 0;
}

/* ---- retention ---- */

/* The date of name when it is USER-YYYY-MM-DD.sqlite, into date (11
 * bytes): 1, else 0. The date is the fixed tail, so a user whose name
 * ends like a date ("anna-2026") is never taken for another. */
static int
backup_date(const char *name, const char *user, char *date)
{
	size_t u = strlen(user), n = strlen(name);
	const char *d = name + u + 1;
	int y, m, day;

	if (n != u + 1 + 10 + 7 || strncmp(name, user, u) != 0 || name[u] != '-' ||
	    strcmp(d + 10, ".sqlite") != 0)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? d[i] != '-' : d[i] < '0' || d[i] > '9')
			return 0;
	if (sscanf(d, "%4d-%2d-%2d", &y, &m, &day) != 3 || m < 1 || m > 12 || day < 1 || day > 31)
		return 0;
	memcpy(date, d, 10);
	date[10] = '\0';
	return 1;
}

static int
newest_first(const void *a, const void *b)
{
	return -strcmp(*(char *const *)a, *(char *const *)b);
}

/* Removes the user's backups in dir that the retention does not keep: the
 * newest of each of the daily latest days that have one, and the newest
 * of each of the monthly latest months (a file may be both). Each removed
 * one is named on stdout; *removed counts them. 0, or -1 with a message. */
static int
retention(const char *dir, const char *user, long daily, long monthly, int *removed, char *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **dates = NULL, date[11], month[8] = "";
	size_t n = 0;
	long months = 0;
	int rc = 0;

	if (d == NULL)
		return err_set(err, "%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL)
		if (backup_date(e->d_name, user, date)) {
			dates = xreallocarray(dates, n + 1, sizeof *dates);
			dates[n++] = xstrdup(date);
		}
	closedir(d);
	qsort(dates, n, sizeof *dates, newest_first);
	for (size_t i = 0; i < n; i++) {
		int keep = (long)i < daily;

		if (strncmp(dates[i], month, 7) != 0) { /* the newest of its month */
			str_copy(month, dates[i], 8);
			keep |= months++ < monthly;
		}
		if (!keep) {
			char *path = xasprintf("%s/%s-%s.sqlite", dir, user, dates[i]);

			if (unlink(path) == 0) {
				printf(_("%s: removed by retention: %s\n"), user, path);
				(*removed)++;
			} else if (rc == 0)
				rc = err_set(err, _("cannot remove %s: %s"), path, strerror(errno));
			free(path);
		}
		free(dates[i]);
	}
	free(dates);
	return rc;
}

/* ---- every book of a data folder ---- */

struct names {
	char **v;
	size_t n;
};

static void
add_name(const char *name, int locked, void *ud)
{
	struct names *names = ud;

	(void)locked; /* a locked account's book is backed up all the same */
	names->v = xreallocarray(names->v, names->n + 1, sizeof *names->v);
	names->v[names->n++] = xstrdup(name);
}

static void
names_free(struct names *names)
{
	for (size_t i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
}

struct tally {
	int done, removed, failed;
	long long bytes;
};

static void
backup_user(const char *data, const char *to, const char *user, const char *today, long daily,
	    long monthly, struct tally *t)
{
	char *book = user_book_path(data, user), *out = NULL, err[ERR_SIZE], sz[32];
	long long size = 0;
	int version;

	if (book == NULL) {
		printf(_("%s: FAILED: not a valid account name\n"), user);
		t->failed++;
		return;
	}
	if (access(book, F_OK) != 0)
		printf(_("%s: no book yet (%s): nothing to back up\n"), user, book);
	else {
		out = xasprintf("%s/%s-%s.sqlite", to, user, today);
		if (book_backup(book, out, 1, &size, &version, err) < 0) {
			printf(_("%s: FAILED: %s\n"), user, err);
			t->failed++;
		} else {
			printf(_("%s: backed up to %s (%s, schema version %d, checked)\n"), user, out,
			       size_text(size, sz, sizeof sz), version);
			t->done++;
			t->bytes += size;
			/* the old ones go only now that the new one is checked */
			if (retention(to, user, daily, monthly, &t->removed, err) < 0) {
				printf(_("%s: FAILED: %s\n"), user, err);
				t->failed++;
			}
		}
	}
	free(out);
	free(book);
}

static int
backup_data(const char *data, const char *to, long daily, long monthly)
{
	struct registry *r;
	struct names names = { 0 };
	struct tally t = { 0 };
	char err[ERR_SIZE], today[11], sz[32];
	struct stat st;
	int rc;

	if (registry_open(data, 0, &r, err) < 0) {
		cli_fail("book", "%s", err);
		return 1;
	}
	rc = registry_list(r, add_name, &names, err);
	registry_close(r);
	if (rc < 0) {
		cli_fail("book", "%s", err);
		names_free(&names);
		return 1;
	}
	if (mkdir(to, 0700) < 0 && errno != EEXIST) {
		cli_fail("book", "%s: %s", to, strerror(errno));
		names_free(&names);
		return 1;
	}
	if (stat(to, &st) < 0 || !S_ISDIR(st.st_mode)) {
		cli_fail("book", _("%s is not a folder"), to);
		names_free(&names);
		return 1;
	}
	util_today(today);
	for (size_t i = 0; i < names.n; i++)
		backup_user(data, to, names.v[i], today, daily, monthly, &t);
	names_free(&names);
	printf(_("books backed up: %d (%s); removed by retention: %d; failed: %d\n"), t.done,
	       size_text(t.bytes, sz, sizeof sz), t.removed, t.failed);
	fflush(stdout);
	return t.failed > 0 ? 1 : 0;
}

/* ---- the commands ---- */

int
cmd_book_backup(int argc, char **argv)
{
	const char *data = NULL, *to = NULL, *pos[2] = { NULL, NULL };
	long daily = KEEP_DAILY, monthly = KEEP_MONTHLY;
	int force = 0, npos = 0, kept_opts = 0;
	char err[ERR_SIZE], sz[32];
	long long size;
	int version;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--data") == 0 && v != NULL)
			data = argv[++i];
		else if (strcmp(a, "--to") == 0 && v != NULL)
			to = argv[++i];
		else if (strcmp(a, "--keep-daily") == 0 || strcmp(a, "--keep-monthly") == 0) {
			if (count_arg(a, v, strcmp(a, "--keep-daily") == 0 ? &daily : &monthly) < 0)
				return 2;
			kept_opts = 1;
			i++;
		} else if (strcmp(a, "--force") == 0)
			force = 1;
		else if (a[0] != '-' && npos < 2)
			pos[npos++] = a;
		else
			return -1;
	}
	if (data != NULL || to != NULL) {
		if (data == NULL || to == NULL || npos > 0 || force)
			return -1;
		if (daily < 1) {
			cli_fail("book", _("--keep-daily must keep at least the new backup (1)"));
			return 2;
		}
		return backup_data(data, to, daily, monthly);
	}
	if (npos != 2 || kept_opts)
		return -1;
	if (access(pos[0], F_OK) != 0) {
		cli_fail("book", _("no book %s"), pos[0]);
		return 1;
	}
	if (book_backup(pos[0], pos[1], force, &size, &version, err) < 0) {
		cli_fail("book", "%s", err);
		return 1;
	}
	printf(_("book %s backed up to %s (%s, schema version %d, checked)\n"), pos[0], pos[1],
	       size_text(size, sz, sizeof sz), version);
	return 0;
}

int
cmd_book_restore(int argc, char **argv)
{
	char err[ERR_SIZE], *kept = NULL;
	int version;

	if (argc != 3)
		return -1;
	if (book_restore(argv[1], argv[2], &kept, &version, err) < 0) {
		cli_fail("book", _("%s; nothing was changed"), err);
		return 1;
	}
	printf(_("book %s restored from %s (schema version %d)\n"), argv[2], argv[1], version);
	if (kept != NULL)
		printf(_("the book it replaced is kept as %s\n"), kept);
	else
		printf(_("there was no book %s before\n"), argv[2]);
	free(kept);
	return 0;
}
