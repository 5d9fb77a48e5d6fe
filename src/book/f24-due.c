/* The F24s to pay soon and overdue, for the main menu's line and the due
 * list: one query on f24 (state, due_date), templates left out. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "book/f24.h"
#include "util/i18n.h"
#include "util/util.h"

int
f24_due_summary(struct book *b, const char *today, int days, struct f24_due *out, char *err)
{
	static const char sql[] =
		"SELECT coalesce(sum(due_date >= ?1 AND due_date <= date(?1, ?2)), 0),"
		"       min(CASE WHEN due_date >= ?1 THEN due_date END),"
		"       coalesce(sum(due_date < ?1), 0), min(due_date) "
		"FROM f24 WHERE state = 'T' AND template = 0 AND due_date <> ''";
	sqlite3_stmt *st;
	char span[32];
	const unsigned char *next;
	int rc;

	memset(out, 0, sizeof *out);
	snprintf(span, sizeof span, "+%d days", days);
	if (sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL) != SQLITE_OK)
		return err_set(err, _("the F24s due cannot be read: %s"),
			       sqlite3_errmsg(book_db(b)));
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, span, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->due = sqlite3_column_int(st, 0);
		if ((next = sqlite3_column_text(st, 1)) != NULL)
			str_copy(out->next, (const char *)next, sizeof out->next);
		out->overdue = sqlite3_column_int(st, 2);
		if ((next = sqlite3_column_text(st, 3)) != NULL && out->overdue > 0)
			str_copy(out->oldest, (const char *)next, sizeof out->oldest);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return err_set(err, _("the F24s due cannot be read: %s"),
			       sqlite3_errmsg(book_db(b)));
	return 0;
}
