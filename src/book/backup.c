/* Backups of a book (SQLite's online backup), the check every copy passes,
 * and the restore of one in the place of a book. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "book/backup.h"
#include "book/book.h"
#include "book/schema.h"
#include "util/i18n.h"
#include "util/util.h"

/* How long a backup waits, in all, for a lock a writer holds. */
#define BUSY_MS 30000

static int
db_open(const char *path, int flags, sqlite3 **db, char *err)
{
	if (sqlite3_open_v2(path, db, flags | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		err_set(err, _("cannot open %s: %s"), path,
			*db ? sqlite3_errmsg(*db) : "out of memory");
		sqlite3_close(*db);
		*db = NULL;
		return -1;
	}
	sqlite3_extended_result_codes(*db, 1);
	sqlite3_busy_timeout(*db, 5000);
	return 0;
}

/* The first column of the first row of sql, as text into out; SQLite's
 * result code (SQLITE_ROW when there is one). */
static int
first_text(sqlite3 *db, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	out[0] = '\0';
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		str_copy(out, (const char *)sqlite3_column_text(st, 0), size);
	if (rc != SQLITE_ROW)
		rc = sqlite3_errcode(db);
	sqlite3_finalize(st);
	return rc;
}

/* The first table that a book of this schema version has and db lacks,
 * newly allocated, or NULL. The tables of a version are those its steps
 * make in an empty database in memory, so nothing here names them. */
static char *
missing_table(sqlite3 *db, int version, char *err)
{
	sqlite3 *mem = NULL;
	sqlite3_stmt *mine = NULL, *theirs = NULL;
	char *missing = NULL;
	int rc = SQLITE_OK;

	if (sqlite3_open(":memory:", &mem) != SQLITE_OK)
		rc = SQLITE_NOMEM;
	for (int n = 1; rc == SQLITE_OK && n <= version; n++)
		rc = sqlite3_exec(mem, schema_step(n), NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(mem, "SELECT name FROM sqlite_master WHERE type = 'table'"
					" ORDER BY name", -1, &mine, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table'"
					" AND name = ?1", -1, &theirs, NULL);
	while (rc == SQLITE_OK && missing == NULL && sqlite3_step(mine) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(mine, 0);

		sqlite3_reset(theirs);
		sqlite3_bind_text(theirs, 1, name, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(theirs);
		if (rc == SQLITE_DONE)
			missing = xstrdup(name);
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (rc != SQLITE_OK && missing == NULL) {
		/* the tables could not be compared: as good as missing */
		err_set(err, "%s", sqlite3_errstr(rc));
		missing = xstrdup("?");
	}
	sqlite3_finalize(mine);
	sqlite3_finalize(theirs);
	sqlite3_close(mem);
	return missing;
}

/* The first problem integrity_check names, in place: its first line but
 * for the heading "*** in database main ***". */
static const char *
first_problem(char *text)
{
	char *p = str_starts(text, "*** ") && strchr(text, '\n') ? strchr(text, '\n') + 1 : text;

	p[strcspn(p, "\n")] = '\0';
	return p;
}

/* What book_file_check and book_file_recognize ask of the file at path,
 * opened with flags: the integrity check only when integrity. */
static int
check_file(const char *path, const char *name, int flags, int integrity, int *version,
	   char *err)
{
	sqlite3 *db;
	char text[256], why[ERR_SIZE] = "";
	char *missing = NULL;
	int rc = -1, want = book_schema_version(), got;

	*version = 0;
	if (db_open(path, flags, &db, err) < 0)
		return -1;
	if (((got = first_text(db, "PRAGMA user_version", text, sizeof text)) & 0xff) == SQLITE_NOTADB)
		err_set(err, _("%s is not a scrivano book: it is not an SQLite database"), name);
	else if (got != SQLITE_ROW)
		err_set(err, _("%s is damaged: %s"), name, sqlite3_errmsg(db));
	else if ((*version = atoi(text)) > want)
		err_set(err, _("%s has schema version %d; this scrivano knows up to %d: "
			       "use a newer scrivano"), name, *version, want);
	else if (integrity && first_text(db, "PRAGMA integrity_check", text, sizeof text) != SQLITE_ROW)
		err_set(err, _("%s fails its integrity check: %s"), name, sqlite3_errmsg(db));
	else if (integrity && strcmp(text, "ok") != 0)
		err_set(err, _("%s fails its integrity check: %s"), name, first_problem(text));
	else if (*version < 1)
		err_set(err, _("%s is an SQLite database but not a scrivano book "
			       "(it has no schema version)"), name);
	else if ((missing = missing_table(db, *version, why)) != NULL)
		err_set(err, _("%s is not a scrivano book: it lacks table %s of schema version %d%s%s"),
			name, missing, *version, why[0] ? ": " : "", why);
	else
		rc = 0;
	free(missing);
	sqlite3_close(db);
	return rc;
}

int
book_file_check(const char *path, const char *name, int *version, char *err)
{
	return check_file(path, name, SQLITE_OPEN_READWRITE, 1, version, err);
}

int
book_file_recognize(const char *path, int *version, char *err)
{
	return check_file(path, path, SQLITE_OPEN_READONLY, 0, version, err);
}

/* The whole book in one step: no writer's commit in between can restart
 * it. A lock a writer holds (rollback mode) is waited for. */
static int
copy_pages(sqlite3 *from, sqlite3 *to, const char *src, char *err)
{
	sqlite3_backup *bk = sqlite3_backup_init(to, "main", from, "main");
	int64_t end = mono_ms() + BUSY_MS;
	int rc;

	if (bk == NULL)
		return err_set(err, _("cannot back up %s: %s"), src, sqlite3_errmsg(to));
	do {
		rc = sqlite3_backup_step(bk, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(100);
	} while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && mono_ms() < end);
	sqlite3_backup_finish(bk);
	if ((rc & 0xff) == SQLITE_NOTADB)
		return err_set(err, _("%s is not a scrivano book: it is not an SQLite database"), src);
	if (rc != SQLITE_DONE)
		return err_set(err, _("cannot back up %s: %s"), src,
			       sqlite3_errcode(from) != SQLITE_OK ? sqlite3_errmsg(from)
								  : sqlite3_errstr(rc));
	return 0;
}

/* 1 when a and b name the same file. */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

int
book_backup(const char *src, const char *out, int replace, long long *size, int *version,
	    char *err)
{
	sqlite3 *from = NULL, *to = NULL;
	char *tmp = NULL, mode[16];
	struct stat st;
	int fd, rc = -1;

	if (same_file(src, out))
		return err_set(err, _("%s is the book itself"), out);
	if (!replace && access(out, F_OK) == 0)
		return err_set(err, _("%s already exists"), out);
	if ((fd = file_temp_beside(out, &tmp, err)) < 0)
		return -1;
	close(fd);
	if (db_open(src, SQLITE_OPEN_READWRITE, &from, err) == 0 &&
	    db_open(tmp, SQLITE_OPEN_READWRITE, &to, err) == 0 &&
	    copy_pages(from, to, src, err) == 0) {
		/* a file of its own: no -wal beside it to lose */
		if (first_text(to, "PRAGMA journal_mode = DELETE", mode, sizeof mode) != SQLITE_ROW ||
		    strcmp(mode, "delete") != 0)
			err_set(err, _("cannot back up %s: %s"), src, sqlite3_errmsg(to));
		else
			rc = 0;
	}
	sqlite3_close(from);
	sqlite3_close(to);
	if (rc == 0)
		rc = book_file_check(tmp, out, version, err);
	if (rc == 0 && stat(tmp, &st) < 0)
		rc = err_set(err, "%s: %s", tmp, strerror(errno));
	if (rc == 0) {
		*size = (long long)st.st_size;
		rc = file_install(tmp, out, replace, err);
	}
	if (rc < 0)
		file_temp_remove(tmp);
	free(tmp);
	return rc;
}

/* Copies the bytes of file from to the open descriptor fd. */
static int
copy_bytes(const char *from, int fd, char *err)
{
	char chunk[65536];
	int in = open(from, O_RDONLY | O_CLOEXEC);
	ssize_t got = 0;

	if (in < 0)
		return err_set(err, _("cannot read %s: %s"), from, strerror(errno));
	while ((got = read(in, chunk, sizeof chunk)) > 0) {
		for (ssize_t done = 0, put; done < got; done += put)
			if ((put = write(fd, chunk + done, (size_t)(got - done))) < 0) {
				close(in);
				return err_set(err, "%s", strerror(errno));
			}
	}
	if (got < 0)
		err_set(err, _("cannot read %s: %s"), from, strerror(errno));
	close(in);
	return got < 0 ? -1 : 0;
}

/* 1 when path has a WAL file beside it with frames in it. */
static int
has_wal(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat st;
	int rc = stat(wal, &st) == 0 && st.st_size > 0;

	free(wal);
	return rc;
}

static const char *const companions[] = { "-wal", "-journal" };

/* Moves the book's WAL and rollback journal, where there are any, to the
 * names of kept (back = 0), or back again; the shared-memory index is
 * only removed (SQLite rebuilds it). */
static int
move_companions(const char *file, const char *kept, int back, char *err)
{
	for (size_t i = 0; i < ARRAY_LEN(companions); i++) {
		char *a = xasprintf("%s%s", back ? kept : file, companions[i]);
		char *b = xasprintf("%s%s", back ? file : kept, companions[i]);
		int rc = access(a, F_OK) == 0 ? rename(a, b) : 0;

		if (rc < 0)
			err_set(err, "%s: %s", a, strerror(errno));
		free(a);
		free(b);
		if (rc < 0)
			return -1;
	}
	if (!back) {
		char *shm = xasprintf("%s-shm", file);

		unlink(shm);
		free(shm);
	}
	return 0;
}

/* The book file under a new name beside it: a hard link, so that file
 * keeps its name (the old book or the new, never none). */
static char *
keep_old(const char *file, char *err)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int n = 1; n < 100; n++) {
		char *kept = n == 1 ? xasprintf("%s.replaced-%s", file, stamp)
				    : xasprintf("%s.replaced-%s-%d", file, stamp, n);

		if (link(file, kept) == 0)
			return kept;
		free(kept);
		if (errno != EEXIST)
			break;
	}
	err_set(err, _("cannot keep the book %s under another name: %s"), file, strerror(errno));
	return NULL;
}

/* The temporary copy made like the book it replaces: its mode, and its
 * owner when root restores a service user's book (where there is no book
 * yet, the folder's owner, the mode the temporary has: 0600). */
static void
own_like(int fd, const char *file)
{
	char *dir = path_folder(file);
	struct stat st;
	int ok;

	if (stat(file, &st) == 0)
		ok = fchmod(fd, st.st_mode & 0777) == 0;
	else
		ok = stat(dir, &st) == 0;
	/* a failure leaves the copy as mkstemp made it, the restorer's, 0600 */
	if (ok && geteuid() == 0 && fchown(fd, st.st_uid, st.st_gid) < 0)
		ok = 0;
	free(dir);
}

static int
put_in_place(const char *tmp, const char *file, char **kept, char *err)
{
	int busy, lock = book_lock(file, 1, &busy, err);

	if (lock < 0)
		return -1;
	*kept = NULL;
	if (access(file, F_OK) == 0 && (*kept = keep_old(file, err)) == NULL)
		goto fail;
	if (*kept != NULL && move_companions(file, *kept, 0, err) < 0)
		goto undo;
	if (file_install(tmp, file, 1, err) == 0) {
		close(lock);
		return 0;
	}
	if (*kept != NULL)
		move_companions(file, *kept, 1, NULL);
undo:
	if (*kept != NULL)
		unlink(*kept);
	free(*kept);
	*kept = NULL;
fail:
	close(lock);
	return -1;
}

int
book_restore(const char *backup, const char *file, char **kept, int *version, char *err)
{
	char *tmp = NULL;
	struct stat st;
	int fd, rc;

	*kept = NULL;
	if (stat(backup, &st) < 0)
		return err_set(err, _("cannot read %s: %s"), backup, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return err_set(err, _("%s is not a file"), backup);
	if (same_file(backup, file))
		return err_set(err, _("%s is the book itself"), backup);
	if (has_wal(backup))
		return err_set(err, _("%s has a WAL file beside it: it is a copy of a book in use, "
				      "not a backup (make one with scrivano book backup)"), backup);
	if ((fd = file_temp_beside(file, &tmp, err)) < 0)
		return -1;
	own_like(fd, file);
	rc = copy_bytes(backup, fd, err);
	if (close(fd) < 0 && rc == 0)
		rc = err_set(err, "%s: %s", tmp, strerror(errno));
	if (rc == 0)
		rc = book_file_check(tmp, backup, version, err);
	if (rc == 0)
		rc = put_in_place(tmp, file, kept, err);
	if (rc < 0) {
		char *side = xasprintf("%s-journal", tmp);

		file_temp_remove(tmp);
		unlink(side); /* a hot journal the check rolled back leaves none; to be sure */
		free(side);
	}
	free(tmp);
	return rc;
}
