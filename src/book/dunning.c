/* Dunning's storage (dunning.h): a letter made from a customer's overdue
 * items with their late-payment interest, recorded in dunning_letters and
 * dunning_lines, read back as it was sent. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/book.h"
#include "book/dunning.h"
#include "book/items-impl.h"
#include "book/items.h"
#include "book/record-store.h"
#include "util/late-interest.h"
#include "util/i18n.h"
#include "util/util.h"

void
dunning_letter_free(struct dunning_letter *l)
{
	free(l->lines);
	memset(l, 0, sizeof *l);
}

static int
party_name(struct book *b, int64_t party, char *name, size_t size, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b), "SELECT name, role FROM parties WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, party);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		str_copy(name, items_col_text(st, 0), size);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return record_db_error(b, err);
	err_set(err, _("there is no customer number %" PRId64), party);
	return REC_GONE;
}

int
dunning_prepare(struct book *b, int64_t party, int level, const char *date,
		struct dunning_letter *out, char *err)
{
	struct mora_table t;
	struct item *it;
	size_t n;
	char today[11], d[DATE_TEXT_SIZE];
	int rc;

	memset(out, 0, sizeof *out);
	if (level < 1 || level > DUNNING_LEVELS) {
		err_set(err, _("a reminder letter's level is 1, 2 or 3, not %d"), level);
		return REC_INVALID;
	}
	if (date == NULL || date[0] == '\0') {
		util_today(today);
		date = today;
	}
	if (iso_day_number(date) == INT64_MIN) {
		err_set(err, _("'%s' is not a date YYYY-MM-DD"), date);
		return REC_INVALID;
	}
	if ((rc = party_name(b, party, out->party, sizeof out->party, err)) < 0)
		return rc;
	if (items_list(b, party, ITEM_RECEIVABLE, 1, &it, &n, err) < 0)
		return REC_ERROR;
	if (mora_table_load_shared(&t, err) < 0) {
		free(it);
		return REC_INVALID;
	}
	out->party_id = party;
	out->level = level;
	str_copy(out->date, date, sizeof out->date);
	rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct dunning_line *l;

		if (it[i].open <= 0 || strcmp(it[i].due, date) >= 0)
			continue;
		out->lines = xreallocarray(out->lines, out->n + 1, sizeof *out->lines);
		l = &out->lines[out->n++];
		memset(l, 0, sizeof *l);
		l->item_id = it[i].id;
		str_copy(l->doc, it[i].doc, sizeof l->doc);
		l->seq = it[i].seq;
		l->of = it[i].instalments;
		str_copy(l->due, it[i].due, sizeof l->due);
		l->open = it[i].open;
		if (mora_interest(&t, l->open, l->due, date, &l->interest, &l->days, err) < 0)
			rc = REC_INVALID;
		out->open += l->open;
		out->interest += l->interest;
	}
	mora_table_free(&t);
	free(it);
	if (rc == 0 && out->n == 0) {
		err_set(err, _("%s has nothing overdue on %s: no reminder letter"), out->party,
			date_text(date, d));
		rc = REC_INVALID;
	}
	if (rc < 0)
		dunning_letter_free(out);
	return rc;
}

int
dunning_record(struct book *b, struct dunning_letter *l, char *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT INTO dunning_letters (party_id, level, date, open, interest) "
			       "VALUES (?1, ?2, ?3, ?4, ?5)",
			       -1, &st, NULL) != SQLITE_OK)
		return book_finish(b, record_db_error(b, err), err);
	sqlite3_bind_int64(st, 1, l->party_id);
	sqlite3_bind_int(st, 2, l->level);
	sqlite3_bind_text(st, 3, l->date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, l->open);
	sqlite3_bind_int64(st, 5, l->interest);
	if ((rc = record_step_done(b, st, err)) < 0)
		return book_finish(b, rc, err);
	l->id = sqlite3_last_insert_rowid(book_db(b));
	for (size_t i = 0; i < l->n && rc == 0; i++) {
		const struct dunning_line *x = &l->lines[i];
		if (sqlite3_prepare_v2(book_db(b),
				       "INSERT INTO dunning_lines (letter_id, item_id, doc, seq, "
				       "instalments, due, open, days, interest) "
				       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
				       -1, &st, NULL) != SQLITE_OK)
			return book_finish(b, record_db_error(b, err), err);
		sqlite3_bind_int64(st, 1, l->id);
		sqlite3_bind_int64(st, 2, x->item_id);
		sqlite3_bind_text(st, 3, x->doc, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, x->seq);
		sqlite3_bind_int(st, 5, x->of);
		sqlite3_bind_text(st, 6, x->due, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 7, x->open);
		sqlite3_bind_int64(st, 8, x->days);
		sqlite3_bind_int64(st, 9, x->interest);
		rc = record_step_done(b, st, err);
	}
	if (rc < 0)
		l->id = 0;
	return book_finish(b, rc < 0 ? rc : 0, err);
}

static int
lines_load(struct book *b, struct dunning_letter *l, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT item_id, doc, seq, instalments, due, open, days, interest "
			       "FROM dunning_lines WHERE letter_id = ?1 ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, l->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dunning_line *x;
		l->lines = xreallocarray(l->lines, l->n + 1, sizeof *l->lines);
		x = &l->lines[l->n++];
		memset(x, 0, sizeof *x);
		x->item_id = sqlite3_column_int64(st, 0);
		str_copy(x->doc, items_col_text(st, 1), sizeof x->doc);
		x->seq = sqlite3_column_int(st, 2);
		x->of = sqlite3_column_int(st, 3);
		str_copy(x->due, items_col_text(st, 4), sizeof x->due);
		x->open = sqlite3_column_int64(st, 5);
		x->days = sqlite3_column_int64(st, 6);
		x->interest = sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

#define LETTER_COLUMNS                                                                     \
	"l.id, l.party_id, p.name, l.level, l.date, l.open, l.interest FROM dunning_letters l " \
	"JOIN parties p ON p.id = l.party_id "

static void
letter_read(sqlite3_stmt *st, struct dunning_letter *l)
{
	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(st, 0);
	l->party_id = sqlite3_column_int64(st, 1);
	str_copy(l->party, items_col_text(st, 2), sizeof l->party);
	l->level = sqlite3_column_int(st, 3);
	str_copy(l->date, items_col_text(st, 4), sizeof l->date);
	l->open = sqlite3_column_int64(st, 5);
	l->interest = sqlite3_column_int64(st, 6);
}

int
dunning_history(struct book *b, int64_t party, struct dunning_letter **out, size_t *n,
		char *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT " LETTER_COLUMNS "WHERE ?1 = 0 OR l.party_id = ?1 "
			       "ORDER BY l.date, l.id",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, party);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		letter_read(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		rc = record_db_error(b, err);
	else
		rc = 0;
	for (size_t i = 0; i < *n && rc == 0; i++)
		rc = lines_load(b, &(*out)[i], err);
	if (rc < 0) {
		for (size_t i = 0; i < *n; i++)
			dunning_letter_free(&(*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int
dunning_load(struct book *b, int64_t id, struct dunning_letter *out, char *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(book_db(b), "SELECT " LETTER_COLUMNS "WHERE l.id = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		letter_read(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set(err, _("there is no reminder letter number %" PRId64), id);
		return REC_GONE;
	}
	if (rc != SQLITE_ROW)
		return record_db_error(b, err);
	if ((rc = lines_load(b, out, err)) < 0)
		dunning_letter_free(out);
	return rc;
}

int
dunning_last(struct book *b, int64_t party, int64_t *id, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT id FROM dunning_letters WHERE party_id = ?1 "
			       "ORDER BY date DESC, id DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, party);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
dunning_next_level(struct book *b, int64_t party, int *level, char *err)
{
	struct dunning_letter l;
	int64_t id;
	int rc;

	*level = 1;
	if (dunning_last(b, party, &id, err) < 0)
		return REC_ERROR;
	if (id == 0)
		return 0;
	if ((rc = dunning_load(b, id, &l, err)) < 0)
		return rc;
	*level = l.level < DUNNING_LEVELS ? l.level + 1 : DUNNING_LEVELS;
	dunning_letter_free(&l);
	return 0;
}
