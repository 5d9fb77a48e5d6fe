/* A party's statement (estratto conto, items.h): its documents with their
 * instalments, the payments and settlements that paid them, in date order
 * with the running balance (items_running_balance) and the ageing of what
 * is open; as lines of text (Print, the pager, scrivano items statement),
 * and the items' commands that show it and write its PDF (items-pdf.c). */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/company.h"
#include "book/items-impl.h"
#include "book/items.h"
#include "book/record-store.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

static struct items_stmt_line *
line_add(struct items_statement *s, enum items_stmt_kind kind, const char *date,
	 const char *text, int64_t amount)
{
	struct items_stmt_line *l;

	s->lines = xreallocarray(s->lines, s->n + 1, sizeof *s->lines);
	l = &s->lines[s->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	str_copy(l->date, date, sizeof l->date);
	str_copy(l->text, text, sizeof l->text);
	l->money.amount = amount;
	return l;
}

int
items_party_find(struct book *b, const char *name, int64_t *id, char *err)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	*id = 0;
	if (name[0] >= '1' && name[0] <= '9' && strspn(name, "0123456789") == strlen(name))
		*id = strtoll(name, NULL, 10);
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT id FROM parties WHERE id = ?2 OR name = ?1 COLLATE NOCASE "
			       "UNION ALL SELECT id FROM parties WHERE instr(lower(name), lower(?1)) "
			       "> 0 AND NOT EXISTS (SELECT 1 FROM parties WHERE id = ?2 OR name = ?1 "
			       "COLLATE NOCASE) LIMIT 2",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, *id);
	*id = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			*id = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return record_db_error(b, err);
	if (n == 0) {
		err_set(err, _("there is no customer or supplier %s"), name);
		return REC_GONE;
	}
	if (n > 1) {
		err_set(err, _("more than one customer or supplier is called %s: give more of the "
			       "name, or its number"),
			name);
		*id = 0;
		return REC_INVALID;
	}
	return 0;
}

/* The party's name and the side it has items on, into s. */
static int
stmt_party(struct book *b, int64_t party, char side, struct items_statement *s, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT name, (SELECT side FROM open_items WHERE party_id = ?1 "
			       "AND (?2 = 0 OR side = char(?2)) ORDER BY side DESC LIMIT 1) "
			       "FROM parties WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, party);
	sqlite3_bind_int64(st, 2, side);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		str_copy(s->party, items_col_text(st, 0), sizeof s->party);
		s->side = items_col_text(st, 1)[0];
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set(err, _("there is no customer or supplier number %" PRId64), party);
		return REC_GONE;
	}
	if (rc != SQLITE_ROW)
		return record_db_error(b, err);
	if (s->side == '\0') {
		err_set(err, _("%s has no open items%s"), s->party,
			side == ITEM_RECEIVABLE ? _(" as a customer")
			: side == ITEM_PAYABLE	 ? _(" as a supplier")
						 : "");
		return REC_INVALID;
	}
	return 0;
}

/* What settled the party's items: each entry (its date, description and
 * what it paid of them) and each settlement outside the prima nota, in
 * date order, as (date, text, amount) rows of sql. */
#define SETTLED_SQL                                                                           \
	"SELECT e.date, e.description, sum(l.amount), 1 FROM item_links l "                    \
	"JOIN pn_entries e ON e.id = l.entry_id JOIN open_items i ON i.id = l.item_id "        \
	"WHERE i.party_id = ?1 AND i.side = char(?2) GROUP BY e.id "                           \
	"UNION ALL SELECT l.date, i.doc_text, l.amount, 0 FROM item_links l "                  \
	"JOIN items_list i ON i.id = l.item_id WHERE i.party_id = ?1 AND i.side = char(?2) "   \
	"AND l.entry_id IS NULL AND l.credit_id IS NULL ORDER BY 1"

struct settled {
	char date[11];
	char text[96];
	int64_t amount;
	int entry;
};

static int
settled_read(struct book *b, int64_t party, char side, struct settled **out, size_t *n,
	     char *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b), SETTLED_SQL, -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, party);
	sqlite3_bind_int64(st, 2, side);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct settled *x;
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		x = &(*out)[(*n)++];
		str_copy(x->date, items_col_text(st, 0), sizeof x->date);
		str_copy(x->text, items_col_text(st, 1), sizeof x->text);
		x->amount = sqlite3_column_int64(st, 2);
		x->entry = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	free(*out);
	*out = NULL;
	*n = 0;
	return record_db_error(b, err);
}

static void
settled_line(struct items_statement *s, const struct settled *x)
{
	char text[160];

	if (x->entry)
		str_copy(text, x->text, sizeof text);
	else
		snprintf(text, sizeof text, _("%s marked paid"), x->text);
	line_add(s, x->entry ? STMT_LINE_PAYMENT : STMT_LINE_SETTLED, x->date, text, -x->amount);
}

int
items_statement(struct book *b, int64_t party, char side, const char *as_of,
		struct items_statement *out, char *err)
{
	struct item *it = NULL;
	struct settled *st = NULL;
	size_t n = 0, nst = 0, k = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (as_of != NULL)
		str_copy(out->as_of, as_of, sizeof out->as_of);
	else
		items_as_of(out->as_of);
	if ((rc = stmt_party(b, party, side, out, err)) < 0)
		return rc;
	{
		int64_t args[2] = { party, out->side };
		if (items_query(b, "party_id = ?1 AND side = char(?2) ORDER BY doc_date, document_id, "
				   "seq",
				args, 2, &it, &n, err) < 0 ||
		    settled_read(b, party, out->side, &st, &nst, err) < 0) {
			free(it);
			return REC_ERROR;
		}
	}
	for (size_t i = 0; i < n;) {
		size_t j = i;
		int64_t total = 0;

		while (j < n && it[j].document_id == it[i].document_id)
			total += it[j++].amount;
		/* what settled before this document, then the document and its instalments */
		for (; k < nst && strcmp(st[k].date, it[i].doc_date) < 0; k++)
			settled_line(out, &st[k]);
		line_add(out, STMT_LINE_DOCUMENT, it[i].doc_date, it[i].doc, total);
		for (size_t m = i; m < j; m++) {
			char text[96];
			struct items_stmt_line *l;
			snprintf(text, sizeof text, _("instalment %d of %d"), it[m].seq,
				 it[m].instalments);
			l = line_add(out, STMT_LINE_ITEM, it[m].due, text, 0);
			l->open = it[m].open;
			l->seq = it[m].seq;
			l->of = it[m].instalments;
			l->days = (int)items_days_late(it[m].due, out->as_of);
			if (it[m].open != 0) {
				items_age_add(out->ages, it[m].due, out->as_of, it[m].open);
				if (l->days > 0)
					out->overdue += it[m].open;
			}
		}
		i = j;
	}
	for (; k < nst; k++)
		settled_line(out, &st[k]);
	{
		struct items_line *money = xcalloc(out->n + 1, sizeof *money);
		for (size_t i = 0; i < out->n; i++)
			money[i] = out->lines[i].money;
		items_running_balance(0, money, out->n);
		for (size_t i = 0; i < out->n; i++)
			out->lines[i].money = money[i];
		out->balance = out->n > 0 ? money[out->n - 1].balance : 0;
		free(money);
	}
	free(it);
	free(st);
	return 0;
}

void
items_statement_free(struct items_statement *s)
{
	free(s->lines);
	s->lines = NULL;
	s->n = 0;
}

/* ---- as text ---- */

static void
add(struct text_lines *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
add(struct text_lines *o, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	text_lines_add(o, line);
}

/* s cut or padded to w columns (UTF-8), into out. */
static const char *
fit(const char *s, size_t w, char *out, size_t size)
{
	size_t i = 0, cols = 0, o = 0;

	while (s[i] != '\0' && cols < w && o + 5 < size) {
		size_t len = 1;
		while ((s[i + len] & 0xC0) == 0x80)
			len++;
		memcpy(out + o, s + i, len);
		o += len;
		i += len;
		cols++;
	}
	while (cols < w && o + 1 < size) {
		out[o++] = ' ';
		cols++;
	}
	out[o] = '\0';
	return out;
}

const char *
items_side_word(char side)
{
	return side == ITEM_RECEIVABLE ? _("customer") : _("supplier");
}

size_t
items_statement_text(struct book *b, const struct items_statement *s, char ***lines)
{
	struct text_lines o = { 0 };
	struct record *c = NULL;
	char d[DATE_TEXT_SIZE], err[ERR_SIZE], m1[32], m2[32], m3[32], t[128], dt[16];
	static const char *const ages[ITEMS_NAGES] = { N_("Not due"), N_("0-30 days"),
						      N_("31-60 days"), N_("61-90 days"),
						      N_("Over 90 days") };

	if (b != NULL && company_load(b, &c, err) == 0 && record_get(c, COMPANY_NAME)[0] != '\0')
		add(&o, "%s", record_get(c, COMPANY_NAME));
	record_free(c);
	add(&o, _("Statement of account as of %s"), date_text(s->as_of, d));
	add(&o, "%s (%s)", s->party, items_side_word(s->side));
	add(&o, "%s", "");
	add(&o, "%s %s %-10s %10s %10s %10s", fit(_("Date"), 10, dt, sizeof dt),
	    fit(_("Description"), 20, t, sizeof t), _("Due on"),
	    s->side == ITEM_RECEIVABLE ? _("Dr") : _("Cr"),
	    s->side == ITEM_RECEIVABLE ? _("Cr") : _("Dr"), _("Balance"));
	for (size_t i = 0; i < s->n; i++) {
		const struct items_stmt_line *l = &s->lines[i];
		int64_t a = l->money.amount;
		char text[160];

		if (l->kind == STMT_LINE_ITEM) {
			if (l->open == 0)
				snprintf(text, sizeof text, "  %d/%d %s", l->seq, l->of, _("paid"));
			else
				snprintf(text, sizeof text, "  %d/%d %s %s", l->seq, l->of, _("open"),
					 cents_format_it(l->open, m1, sizeof m1));
			add(&o, "%s %s %-10s%s", fit("", 10, dt, sizeof dt), fit(text, 20, t, sizeof t),
			    date_text(l->date, d),
			    l->open != 0 && l->days > 0 ? _(" overdue") : "");
			continue;
		}
		add(&o, "%s %s %-10s %10s %10s %10s", fit(date_text(l->date, d), 10, dt, sizeof dt),
		    fit(l->text, 20, t, sizeof t), "",
		    a > 0 ? cents_format_it(a, m1, sizeof m1) : "",
		    a < 0 ? cents_format_it(-a, m2, sizeof m2) : "",
		    cents_format_it(l->money.balance, m3, sizeof m3));
	}
	add(&o, "%s", "");
	add(&o, _("Balance %s, of which past due %s"), cents_format_it(s->balance, m1, sizeof m1),
	    cents_format_it(s->overdue, m2, sizeof m2));
	{
		char head[128] = "", vals[128] = "";
		size_t hl = 0, vl = 0;
		for (int a = 0; a < ITEMS_NAGES; a++) {
			hl += (size_t)snprintf(head + hl, sizeof head - hl, "%15s", _(ages[a]));
			vl += (size_t)snprintf(vals + vl, sizeof vals - vl, "%15s",
					       cents_format_it(s->ages[a], m1, sizeof m1));
		}
		add(&o, "%s", head);
		add(&o, "%s", vals);
	}
	*lines = o.v;
	return o.n;
}

/* ---- the items' commands and Print ---- */

static int64_t
num(const char *v)
{
	return v[0] != '\0' ? strtoll(v, NULL, 10) : 0;
}

size_t
items_print_book(struct book *b, const struct record *r, char ***lines, char *err)
{
	struct items_statement s;
	size_t n;

	if (items_statement(b, num(record_get(r, ITEM_PARTY)), record_get(r, ITEM_SIDE)[0], NULL,
			    &s, err) < 0)
		return (size_t)-1;
	n = items_statement_text(b, &s, lines);
	items_statement_free(&s);
	return n;
}

size_t
items_show_statement(struct book *b, const struct record *r, char ***lines, char *err)
{
	return items_print_book(b, r, lines, err);
}

void
items_pdf_preset(struct book *b, const struct record *r, char *out)
{
	char *name = xasprintf(_("Statement-%s"), record_get(r, ITEM_PARTY_NAME));
	char day[11];

	(void)b;
	items_as_of(day);
	file_safe(name);
	snprintf(out, ERR_SIZE, "%.*s-%s.pdf", ERR_SIZE - 20, name, day);
	free(name);
}

int
items_pdf_run(struct book *b, const struct record *r, const char *path, int64_t *open_id,
	      char *msg, char *err)
{
	struct items_statement s;
	int rc;

	(void)open_id;
	if ((rc = items_statement(b, num(record_get(r, ITEM_PARTY)), record_get(r, ITEM_SIDE)[0],
				  NULL, &s, err)) < 0)
		return rc;
	rc = items_statement_pdf(b, &s, path, 0, err);
	items_statement_free(&s);
	if (rc == 0)
		snprintf(msg, ERR_SIZE, _("Written to %s"), path);
	return rc;
}
