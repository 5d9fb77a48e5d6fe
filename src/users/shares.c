/* Books shared with other accounts: an accountant let into a client's
 * book, read-only or read-write (`scrivano user share`), kept in table
 * shares of the registry. The session offers them after login. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

const char *
share_mode_name(enum share_mode m)
{
	return m == SHARE_READ_WRITE ? "read-write" : "read-only";
}

/* Both accounts exist and differ: names come as the registry spells them. */
static int
check_pair(struct registry *r, const char *owner, const char *grantee, char *err)
{
	if (user_name_check(owner, err) < 0 || user_name_check(grantee, err) < 0)
		return -1;
	if (!registry_user_exists(r, owner))
		return err_set(err, _("no user '%s'"), owner);
	if (!registry_user_exists(r, grantee))
		return err_set(err, _("no user '%s'"), grantee);
	if (strcmp(owner, grantee) == 0)
		return err_set(err, _("'%s' cannot share a book with itself: it is its own"), owner);
	return 0;
}

/* The mode of owner's share with grantee: 0 or 1, -1 when none, -2 when
 * the registry fails. */
static int
share_get(struct registry *r, const char *owner, const char *grantee)
{
	sqlite3_stmt *st;
	int mode = -1;

	if (sqlite3_prepare_v2(registry_db(r),
			       "SELECT mode FROM shares WHERE owner = ?1 AND grantee = ?2", -1, &st,
			       NULL) != SQLITE_OK)
		return -2;
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, grantee, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		mode = strcmp((const char *)sqlite3_column_text(st, 0), "read-write") == 0
			       ? SHARE_READ_WRITE
			       : SHARE_READ_ONLY;
	sqlite3_finalize(st);
	return mode;
}

int
registry_share(struct registry *r, const char *owner, const char *grantee, enum share_mode mode,
	       int *was, char *err)
{
	if (check_pair(r, owner, grantee, err) < 0)
		return -1;
	if ((*was = share_get(r, owner, grantee)) == -2)
		return registry_error(r, err);
	return registry_run(r,
			    "INSERT INTO shares (owner, grantee, mode) VALUES (?1, ?2, ?3)"
			    " ON CONFLICT (owner, grantee) DO UPDATE SET mode = excluded.mode",
			    owner, grantee, share_mode_name(mode), err);
}

int
registry_unshare(struct registry *r, const char *owner, const char *grantee, char *err)
{
	int mode;

	if (check_pair(r, owner, grantee, err) < 0)
		return -1;
	if ((mode = share_get(r, owner, grantee)) == -2)
		return registry_error(r, err);
	if (mode == -1)
		return err_set(err, _("the book of %s is not shared with %s"), owner, grantee);
	return registry_run(r, "DELETE FROM shares WHERE owner = ?1 AND grantee = ?2", owner,
			    grantee, NULL, err);
}

/* Calls fn for every share whose column `by` is name, ordered by the
 * other account. */
static int
each_share(struct registry *r, const char *sql, const char *name,
	   void (*fn)(const char *, enum share_mode, void *), void *ud, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(registry_db(r), sql, -1, &st, NULL) != SQLITE_OK)
		return registry_error(r, err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn((const char *)sqlite3_column_text(st, 0),
		   strcmp((const char *)sqlite3_column_text(st, 1), "read-write") == 0
			   ? SHARE_READ_WRITE
			   : SHARE_READ_ONLY,
		   ud);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : registry_error(r, err);
}

int
registry_shared_with(struct registry *r, const char *grantee,
		     void (*fn)(const char *, enum share_mode, void *), void *ud, char *err)
{
	return each_share(r, "SELECT owner, mode FROM shares WHERE grantee = ?1 ORDER BY owner",
			  grantee, fn, ud, err);
}

int
registry_shares_of(struct registry *r, const char *owner,
		   void (*fn)(const char *, enum share_mode, void *), void *ud, char *err)
{
	return each_share(r, "SELECT grantee, mode FROM shares WHERE owner = ?1 ORDER BY grantee",
			  owner, fn, ud, err);
}
