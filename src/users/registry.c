/* The user registry, an SQLite file beside the books, so that the admin
 * commands can change it safely while the server runs. */
#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

struct registry {
	sqlite3 *db;
	char *path;
};

/* A hash of a password nobody knows, checked when the user does not exist
 * so that the answer takes as long as for a real user. */
static const char dummy_hash[] =
	"$y$j9T$OMihWnGYKqncS7ZjyKuFU/$0F9ZhI1FnW.iayha384zxSfuRXcezv92LUA0KFy32r0";

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS users ("
	"  name    TEXT PRIMARY KEY,"
	"  hash    TEXT NOT NULL,"
	"  locked  INTEGER NOT NULL DEFAULT 0,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"PRAGMA user_version = 1;";

int
user_name_valid(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > USER_NAME_MAX || name[0] == '.' || name[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

int
user_name_check(const char *name, char *err)
{
	if (!user_name_valid(name))
		return err_set(err, _("invalid user name '%s': use 1 to %d letters, digits, '.', "
				      "'_' or '-', not starting with '.' or '-'"), name, USER_NAME_MAX);
	return 0;
}

char *
user_book_path(const char *datadir, const char *name)
{
	if (!user_name_valid(name))
		return NULL;
	return xasprintf("%s/books/%s.sqlite", datadir, name);
}

static int
make_dir(const char *path, char *err)
{
	if (mkdir(path, 0700) < 0 && errno != EEXIST)
		return err_set(err, _("cannot create %s: %s"), path, strerror(errno));
	return 0;
}

int
registry_open(const char *datadir, int create, struct registry **out, char *err)
{
	struct registry *r;
	char *books;
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

	if (create) {
		books = xasprintf("%s/books", datadir);
		if (make_dir(datadir, err) < 0 || make_dir(books, err) < 0) {
			free(books);
			return -1;
		}
		free(books);
	}
	r = xcalloc(1, sizeof *r);
	r->path = xasprintf("%s/registry.sqlite", datadir);
	if (sqlite3_open_v2(r->path, &r->db, flags, NULL) != SQLITE_OK) {
		err_set(err, _("cannot open the user registry %s: %s"), r->path,
			r->db ? sqlite3_errmsg(r->db) : "out of memory");
		registry_close(r);
		return -1;
	}
	sqlite3_busy_timeout(r->db, 5000);
	if (sqlite3_exec(r->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(r->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
		err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
		registry_close(r);
		return -1;
	}
	*out = r;
	return 0;
}

void
registry_close(struct registry *r)
{
	if (r == NULL)
		return;
	sqlite3_close_v2(r->db);
	free(r->path);
	free(r);
}

int
registry_add(struct registry *r, const char *name, const char *password, char *err)
{
	sqlite3_stmt *st;
	char *hash;
	int rc;

	if (user_name_check(name, err) < 0)
		return -1;
	if (*password == '\0')
		return err_set(err, _("the password must not be empty"));
	if ((hash = password_hash(password, err)) == NULL)
		return -1;
	if (sqlite3_prepare_v2(r->db, "INSERT INTO users (name, hash) VALUES (?1, ?2)", -1, &st,
			       NULL) != SQLITE_OK) {
		free(hash);
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(hash);
	if (rc == SQLITE_CONSTRAINT)
		return err_set(err, _("user '%s' already exists"), name);
	if (rc != SQLITE_DONE)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	return 0;
}

int
registry_list(struct registry *r, void (*fn)(const char *, int, void *), void *ud, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(r->db, "SELECT name, locked FROM users ORDER BY name", -1, &st,
			       NULL) != SQLITE_OK)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn((const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1), ud);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	return 0;
}

int
registry_check_password(struct registry *r, const char *name, const char *password)
{
	sqlite3_stmt *st;
	char *hash = NULL;
	int locked = 1, ok;

	if (user_name_valid(name) &&
	    sqlite3_prepare_v2(r->db, "SELECT hash, locked FROM users WHERE name = ?1", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			hash = xstrdup((const char *)sqlite3_column_text(st, 0));
			locked = sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
	}
	ok = password_verify(password, hash ? hash : dummy_hash);
	free(hash);
	return ok && !locked;
}
