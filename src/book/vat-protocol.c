/* The protocol numbers of the purchases register: each purchase invoice
 * and self-invoice of reverse charge, once registered, takes the next
 * number of its date's year (table vat_protocols), in the transaction that
 * registers it; registered documents are never deleted, so the numbers
 * have no gaps. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/documents.h"
#include "book/record-store.h"
#include "book/vat-book.h"

int
vat_protocol_due(const char *kind, const char *state)
{
	return (strcmp(kind, "FA") == 0 || strcmp(kind, "AUT") == 0) &&
	       strcmp(state, DOC_STATE_DRAFT) != 0;
}

int
vat_protocol_of(struct book *b, int64_t id, int *year, int64_t *number, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT year, number FROM vat_protocols WHERE document_id = ?1", -1,
			       &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*year = sqlite3_column_int(st, 0);
		*number = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
vat_protocol_take(struct book *b, const struct record *doc, char *err)
{
	sqlite3_stmt *st;
	int64_t number;
	int year, rc;

	if (doc->id <= 0 ||
	    !vat_protocol_due(record_get(doc, DOC_KIND), record_get(doc, DOC_STATE)))
		return 0;
	if ((rc = vat_protocol_of(b, doc->id, &year, &number, err)) != 0)
		return rc < 0 ? rc : 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT INTO vat_protocols (document_id, year, number) SELECT ?1, ?2, "
			       "coalesce(max(number), 0) + 1 FROM vat_protocols WHERE year = ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, doc->id);
	sqlite3_bind_int(st, 2, atoi(record_get(doc, DOC_DATE)));
	return record_step_done(b, st, err);
}
