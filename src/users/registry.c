/* The user registry, an SQLite file beside the books, so that the admin
 * commands can change it safely while the server runs. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
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

/* Registry migrations, as in the books: step N brings user_version to N. */
static const char *const registry_steps[] = {
	/* 1: accounts */
	"CREATE TABLE users ("
	"  name    TEXT PRIMARY KEY,"
	"  hash    TEXT NOT NULL,"
	"  locked  INTEGER NOT NULL DEFAULT 0,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");",
	/* 2: public keys, in OpenSSH's authorized_keys form */
	"CREATE TABLE user_keys ("
	"  user    TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,"
	"  n       INTEGER NOT NULL,"
	"  type    TEXT NOT NULL,"
	"  blob    TEXT NOT NULL,"
	"  comment TEXT NOT NULL DEFAULT '',"
	"  added   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  PRIMARY KEY (user, n),"
	"  UNIQUE (user, blob)"
	");",
	/* 3: per-user settings (settings.c: charset, printer-charset, keys) */
	"CREATE TABLE user_settings ("
	"  user    TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,"
	"  name    TEXT NOT NULL,"
	"  value   TEXT NOT NULL,"
	"  PRIMARY KEY (user, name)"
	");",
	/* 4: books shared with other accounts (shares.c) */
	"CREATE TABLE shares ("
	"  owner   TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,"
	"  grantee TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,"
	"  mode    TEXT NOT NULL CHECK (mode IN ('read-only', 'read-write')),"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  PRIMARY KEY (owner, grantee),"
	"  CHECK (owner <> grantee)"
	");"
	"CREATE INDEX shares_by_grantee ON shares (grantee, owner);",
};

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
registry_exec(struct registry *r, const char *sql, char *err)
{
	if (sqlite3_exec(r->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	return 0;
}

static int
registry_version(struct registry *r)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(r->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static int
registry_migrate(struct registry *r, char *err)
{
	int want = (int)ARRAY_LEN(registry_steps), have;
	char sql[48];

	if (registry_version(r) == want)
		return 0;
	if (registry_exec(r, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	if ((have = registry_version(r)) < 0 || have > want) {
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
		return err_set(err, _("user registry %s: unknown version %d (this scrivano knows %d)"),
			       r->path, have, want);
	}
	for (int n = have + 1; n <= want; n++)
		if (registry_exec(r, registry_steps[n - 1], err) < 0) {
			sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", want);
	if (registry_exec(r, sql, err) < 0 || registry_exec(r, "COMMIT", err) < 0) {
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
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
	if (registry_exec(r, "PRAGMA journal_mode = WAL", err) < 0 ||
	    registry_exec(r, "PRAGMA foreign_keys = ON", err) < 0 || registry_migrate(r, err) < 0) {
		registry_close(r);
		return -1;
	}
	*out = r;
	return 0;
}

struct sqlite3 *
registry_db(struct registry *r)
{
	return r->db;
}

const char *
registry_path(const struct registry *r)
{
	return r->path;
}

int
registry_error(struct registry *r, char *err)
{
	return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
}

int
registry_run(struct registry *r, const char *sql, const char *p1, const char *p2,
	     const char *p3, char *err)
{
	const char *p[] = { p1, p2, p3 };
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
		return registry_error(r, err);
	for (int i = 0; i < 3; i++)
		if (p[i] != NULL)
			sqlite3_bind_text(st, i + 1, p[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : registry_error(r, err);
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
	/* One account per name whatever its case: ALICE is alice. */
	if (sqlite3_prepare_v2(r->db,
			       "INSERT INTO users (name, hash) SELECT ?1, ?2 WHERE NOT EXISTS"
			       " (SELECT 1 FROM users WHERE name = ?1 COLLATE NOCASE)",
			       -1, &st, NULL) != SQLITE_OK) {
		free(hash);
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(hash);
	if (rc == SQLITE_CONSTRAINT || (rc == SQLITE_DONE && sqlite3_changes(r->db) == 0)) {
		char had[USER_NAME_MAX + 1];
		if (registry_user_name(r, name, had, sizeof had) == 1 && strcmp(had, name) != 0)
			return err_set(err, _("user '%s' already exists as '%s' (names differ by more "
					      "than case)"), name, had);
		return err_set(err, _("user '%s' already exists"), name);
	}
	if (rc != SQLITE_DONE)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	return 0;
}

int
registry_user_name(struct registry *r, const char *name, char *out, size_t size)
{
	sqlite3_stmt *st;
	int found = 0;

	if (!user_name_valid(name) ||
	    sqlite3_prepare_v2(r->db, "SELECT name FROM users WHERE name = ?1 COLLATE NOCASE"
			       " ORDER BY name = ?1 DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		str_copy(out, (const char *)sqlite3_column_text(st, 0), size);
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
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

/* Runs one statement that changes the row of an existing user: the name is
 * bound as ?1 and text as ?2. Reports an unknown user. */
static int
change_user(struct registry *r, const char *sql, const char *name, const char *text, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (user_name_check(name, err) < 0)
		return -1;
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (text != NULL)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	if (sqlite3_changes(r->db) == 0)
		return err_set(err, _("no user '%s'"), name);
	return 0;
}

int
registry_del(struct registry *r, const char *name, char *err)
{
	return change_user(r, "DELETE FROM users WHERE name = ?1", name, NULL, err);
}

int
registry_set_locked(struct registry *r, const char *name, int locked, char *err)
{
	return change_user(r,
			   locked ? "UPDATE users SET locked = 1 WHERE name = ?1"
				  : "UPDATE users SET locked = 0 WHERE name = ?1",
			   name, NULL, err);
}

int
registry_set_password(struct registry *r, const char *name, const char *password, char *err)
{
	char *hash;
	int rc;

	if (*password == '\0')
		return err_set(err, _("the password must not be empty"));
	if ((hash = password_hash(password, err)) == NULL)
		return -1;
	rc = change_user(r, "UPDATE users SET hash = ?2 WHERE name = ?1", name, hash, err);
	free(hash);
	return rc;
}

int
registry_user_exists(struct registry *r, const char *name)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(r->db, "SELECT 1 FROM users WHERE name = ?1", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

int
registry_is_locked(struct registry *r, const char *name)
{
	sqlite3_stmt *st;
	int locked = 1;

	if (sqlite3_prepare_v2(r->db, "SELECT locked FROM users WHERE name = ?1", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			locked = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return locked;
}

static int
insert_key(struct registry *r, const char *name, const struct user_key *k, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(r->db,
			       "INSERT INTO user_keys (user, n, type, blob, comment) VALUES (?1,"
			       " (SELECT coalesce(max(n), 0) + 1 FROM user_keys WHERE user = ?1),"
			       " ?2, ?3, ?4)",
			       -1, &st, NULL) != SQLITE_OK)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, k->blob, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, k->comment, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT)
		return err_set(err, _("user '%s' has this key already"), name);
	if (rc != SQLITE_DONE)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	return 0;
}

int
registry_keys_add(struct registry *r, const char *name, const char *text, const char *origin,
		  int *added, char *err)
{
	char line_err[ERR_SIZE];
	const char *p = text;
	int lineno = 0, rc = 0;

	*added = 0;
	if (user_name_check(name, err) < 0)
		return -1;
	if (!registry_user_exists(r, name))
		return err_set(err, _("no user '%s'"), name);
	if (registry_exec(r, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	while (*p != '\0' && rc == 0) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		struct user_key k;
		int parsed = authorized_key_parse(line, &k, line_err);

		lineno++;
		if (parsed < 0 || (parsed == 0 && insert_key(r, name, &k, line_err) < 0))
			rc = err_set(err, "%s:%d: %s", origin, lineno, line_err);
		else if (parsed == 0)
			(*added)++;
		if (parsed == 0)
			user_key_free(&k);
		free(line);
		p += n + (p[n] == '\n');
	}
	if (rc == 0 && *added == 0)
		rc = err_set(err, _("%s: no key found"), origin);
	if (rc == 0 && registry_exec(r, "COMMIT", err) == 0)
		return 0;
	sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
	*added = 0;
	return -1;
}

int
registry_keys_list(struct registry *r, const char *name,
		   void (*fn)(const struct user_key *, void *), void *ud, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (!registry_user_exists(r, name))
		return err_set(err, _("no user '%s'"), name);
	if (sqlite3_prepare_v2(r->db,
			       "SELECT n, type, blob, comment FROM user_keys WHERE user = ?1 ORDER BY n",
			       -1, &st, NULL) != SQLITE_OK)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct user_key k = {
			.n = sqlite3_column_int(st, 0),
			.type = xstrdup((const char *)sqlite3_column_text(st, 1)),
			.blob = xstrdup((const char *)sqlite3_column_text(st, 2)),
			.comment = xstrdup((const char *)sqlite3_column_text(st, 3)),
		};
		k.fingerprint = key_fingerprint(k.type, k.blob);
		fn(&k, ud);
		user_key_free(&k);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	return 0;
}

int
registry_key_del(struct registry *r, const char *name, int n, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (!registry_user_exists(r, name))
		return err_set(err, _("no user '%s'"), name);
	if (sqlite3_prepare_v2(r->db, "DELETE FROM user_keys WHERE user = ?1 AND n = ?2", -1, &st,
			       NULL) != SQLITE_OK)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, n);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return err_set(err, _("user registry %s: %s"), r->path, sqlite3_errmsg(r->db));
	if (sqlite3_changes(r->db) == 0)
		return err_set(err, _("user '%s' has no key number %d"), name, n);
	return 0;
}

int
registry_has_key(struct registry *r, const char *name, const char *blob)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(r->db,
			       "SELECT 1 FROM user_keys k JOIN users u ON u.name = k.user"
			       " WHERE k.user = ?1 AND k.blob = ?2 AND u.locked = 0",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, blob, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}
