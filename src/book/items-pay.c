/* Paying open items (items.h): a new prima nota entry and its links in one
 * transaction (items_pay), an entry already in (a bank line) linked to the
 * items it pays (items_settle_entry), and the items a bank line matches by
 * amount, party and the document's number in its text (items_match_entry). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/items-impl.h"
#include "book/items.h"
#include "book/primanota.h"
#include "book/record-store.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

#define CAUSALE_IN "IC"  /* incasso da cliente (data/causali.txt) */
#define CAUSALE_OUT "PF" /* pagamento a fornitore */

static int
by_due(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->due, y->due);

	return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

/* Items ids, one party's of one side, none paid, none twice, into *out in
 * due order. 0, REC_INVALID, REC_GONE, REC_ERROR. */
static int
items_for_payment(struct book *b, const int64_t *ids, size_t n, struct item **out, char *err)
{
	struct item *it;
	int rc = 0, twice = 0;

	*out = NULL;
	if (n == 0) {
		err_set(err, "%s", _("name the open items to pay"));
		return REC_INVALID;
	}
	it = xcalloc(n, sizeof *it);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if ((rc = items_get(b, ids[i], &it[i], err)) < 0)
			break;
		rc = REC_INVALID;
		for (size_t j = 0; j < i; j++)
			if (it[j].id == it[i].id)
				twice = 1;
		if (twice)
			err_set(err, _("item %" PRId64 " is named twice"), ids[i]);
		else if (it[i].state == ITEM_PAID)
			err_set(err, _("item %" PRId64 " (%s) is paid already"), ids[i], it[i].doc);
		else if (it[i].party_id != it[0].party_id || it[i].side != it[0].side)
			err_set(err, _("item %" PRId64 " is of another party or side than item "
				       "%" PRId64 ": one payment settles one party's items"),
				ids[i], ids[0]);
		else
			rc = 0;
	}
	if (rc < 0) {
		free(it);
		return rc;
	}
	qsort(it, n, sizeof *it, by_due);
	*out = it;
	return 0;
}

/* amount allocated over it[0..n): alloc (n), or REC_INVALID saying why. */
static int
allocate(const struct item *it, size_t n, int64_t amount, int64_t *alloc, char *err)
{
	int64_t *open = xcalloc(n, sizeof *open), net = 0;
	char m[32];
	int rc;

	for (size_t i = 0; i < n; i++)
		net += open[i] = it[i].open;
	rc = items_allocate(open, n, amount, alloc);
	free(open);
	if (rc == 0)
		return 0;
	if (amount == 0)
		err_set(err, "%s", _("the amount paid must not be 0"));
	else
		err_set(err, _("%s is open on these items: the amount paid may not be more, nor "
			       "of the other sign (nothing was written)"),
			cents_format_it(net, m, sizeof m));
	return REC_INVALID;
}

/* "FAT 1/2026 (1/2), FAT 2/2026" of it[0..n) into out (size bytes). */
static void
items_names(const struct item *it, size_t n, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && len + 1 < size; i++) {
		char one[96];
		if (it[i].instalments > 1)
			snprintf(one, sizeof one, "%s (%d/%d)", it[i].doc, it[i].seq,
				 it[i].instalments);
		else
			snprintf(one, sizeof one, "%s", it[i].doc);
		len += (size_t)snprintf(out + len, size - len, "%s%s", i > 0 ? ", " : "", one);
	}
}

static int
links_write(struct book *b, const struct item *it, size_t n, const int64_t *alloc, int64_t entry,
	    char *err)
{
	for (size_t i = 0; i < n; i++)
		if (alloc[i] != 0 && items_link_add(b, it[i].id, entry, 0, alloc[i], NULL, err) < 0)
			return REC_ERROR;
	return 0;
}

int
items_pay(struct book *b, const int64_t *ids, size_t n, const struct item_payment *p,
	  int64_t *entry_id, char *err)
{
	struct item *it = NULL;
	int64_t *alloc = NULL, entry = 0;
	char names[512], desc[640], ref[512];
	int rc;

	if (entry_id != NULL)
		*entry_id = 0;
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if ((rc = items_for_payment(b, ids, n, &it, err)) < 0)
		return book_finish(b, rc, err);
	alloc = xcalloc(n, sizeof *alloc);
	if ((rc = allocate(it, n, p->amount, alloc, err)) == 0) {
		struct pn_entry e = {
			.account_id = p->account_id, .date = p->date,
			.amount = it[0].side == ITEM_RECEIVABLE ? p->amount : -p->amount,
			.causale = it[0].side == ITEM_RECEIVABLE ? CAUSALE_IN : CAUSALE_OUT,
			.party_id = it[0].party_id,
		};
		items_names(it, n, names, sizeof names);
		if (p->description != NULL && p->description[0] != '\0')
			str_copy(desc, p->description, sizeof desc);
		else
			snprintf(desc, sizeof desc,
				 it[0].side == ITEM_RECEIVABLE ? _("Collected %s, %s")
							       : _("Paid %s, %s"),
				 names, it[0].party);
		desc[utf8_prefix(desc, 200)] = '\0';
		str_copy(ref, p->reference != NULL && p->reference[0] ? p->reference : names,
			 sizeof ref);
		ref[utf8_prefix(ref, 40)] = '\0';
		e.description = desc;
		e.doc_ref = ref;
		if (p->account_id == 0) {
			err_set(err, "%s", _("Account: the cash or bank account it was paid "
					     "through is needed"));
			rc = REC_INVALID;
		} else if ((rc = pn_entry_add(b, &e, &entry, err)) == 0)
			rc = links_write(b, it, n, alloc, entry, err);
	}
	free(alloc);
	free(it);
	if ((rc = book_finish(b, rc, err)) == 0 && entry_id != NULL)
		*entry_id = entry;
	return rc;
}

int
items_entry_linked(struct book *b, int64_t entry, int64_t *linked, size_t *nitems, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*linked = 0;
	*nitems = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT coalesce(sum(amount), 0), count(*) FROM item_links "
			       "WHERE entry_id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, entry);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*linked = sqlite3_column_int64(st, 0);
		*nitems = (size_t)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

static int64_t
cents_of(const char *v)
{
	return v[0] != '\0' ? strtoll(v, NULL, 10) : 0;
}

/* Entry id as the prima nota keeps it: its signed amount in *amount. 0,
 * REC_INVALID (a transfer's leg, an F24's, or linked already), REC_GONE,
 * REC_ERROR. */
static int
entry_for_items(struct book *b, int64_t id, struct record **out, int64_t *amount, char *err)
{
	int64_t linked;
	size_t nitems;
	int rc = record_load(b, &primanota_kind, id, out, err);

	if (rc < 0) {
		if (rc == REC_GONE)
			err_set(err, _("there is no prima nota entry number %" PRId64), id);
		return rc;
	}
	*amount = cents_of(record_get(*out, ENTRY_IN)) - cents_of(record_get(*out, ENTRY_OUT));
	if (record_get(*out, ENTRY_TO_ACCOUNT)[0] != '\0' || record_get(*out, ENTRY_F24)[0] != '\0') {
		err_set(err, "%s", _("a transfer or an F24's payment pays no open items"));
		rc = REC_INVALID;
	} else if ((rc = items_entry_linked(b, id, &linked, &nitems, err)) == 0 && nitems > 0) {
		err_set(err, _("this entry pays open items already (%zu): delete it to undo that"),
			nitems);
		rc = REC_INVALID;
	}
	if (rc < 0) {
		record_free(*out);
		*out = NULL;
	}
	return rc;
}

int
items_settle_entry(struct book *b, int64_t entry, const int64_t *ids, size_t n, char *err)
{
	struct record *e = NULL;
	struct item *it = NULL;
	int64_t *alloc = NULL, amount;
	char party[24];
	int rc;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if ((rc = entry_for_items(b, entry, &e, &amount, err)) < 0 ||
	    (rc = items_for_payment(b, ids, n, &it, err)) < 0) {
		record_free(e);
		return book_finish(b, rc, err);
	}
	alloc = xcalloc(n, sizeof *alloc);
	if (it[0].side == ITEM_PAYABLE)
		amount = -amount;
	if ((rc = allocate(it, n, amount, alloc, err)) == 0 &&
	    (rc = links_write(b, it, n, alloc, entry, err)) == 0) {
		const char *causale = record_get(e, ENTRY_CAUSALE);
		int changed = 0;
		if (causale[0] == '\0' || strcmp(causale, PN_CAUSALE_UNSORTED) == 0) {
			record_set(e, ENTRY_CAUSALE,
				   it[0].side == ITEM_RECEIVABLE ? CAUSALE_IN : CAUSALE_OUT);
			changed = 1;
		}
		if (record_get(e, ENTRY_PARTY)[0] == '\0') {
			snprintf(party, sizeof party, "%" PRId64, it[0].party_id);
			record_set(e, ENTRY_PARTY, party);
			changed = 1;
		}
		if (changed)
			rc = record_save(b, e, NULL, err);
	}
	free(alloc);
	free(it);
	record_free(e);
	return book_finish(b, rc, err);
}

/* ---- a bank line's match ---- */

/* The best offer so far. */
struct offer {
	int score;
	char due[11];
	size_t first, n; /* of the candidates' array */
};

static void
consider(struct offer *best, int score, const struct item *c, size_t first, size_t n)
{
	if (score < ITEMS_MATCH_MIN)
		return;
	if (score > best->score || (score == best->score && strcmp(c[first].due, best->due) < 0)) {
		best->score = score;
		str_copy(best->due, c[first].due, sizeof best->due);
		best->first = first;
		best->n = n;
	}
}

/* The offer's words: "FAT 1/2026 (Rossi Srl), instalment 1 of 2 due
 * 19/04/2026: 610,00". */
static void
offer_text(const struct item *c, size_t n, int64_t amount, char *text)
{
	char m[32], d[DATE_TEXT_SIZE];

	if (n == 1 && c[0].instalments > 1)
		snprintf(text, ERR_SIZE, _("%s (%s), instalment %d of %d due %s: %s"), c[0].doc,
			 c[0].party, c[0].seq, c[0].instalments, date_text(c[0].due, d),
			 cents_format_it(amount, m, sizeof m));
	else if (n == 1)
		snprintf(text, ERR_SIZE, _("%s (%s) due %s: %s"), c[0].doc, c[0].party,
			 date_text(c[0].due, d), cents_format_it(amount, m, sizeof m));
	else
		snprintf(text, ERR_SIZE, _("%s (%s), %zu instalments from %s: %s"), c[0].doc,
			 c[0].party, n, date_text(c[0].due, d), cents_format_it(amount, m, sizeof m));
}

int
items_match_entry(struct book *b, int64_t entry, int64_t *ids, size_t max, size_t *n,
		  char *text, char *err)
{
	struct record *e = NULL;
	struct item *c = NULL;
	struct offer best = { 0 };
	int64_t amount, party = 0, side;
	char *words;
	size_t nc;
	int rc;

	*n = 0;
	text[0] = '\0';
	if ((rc = entry_for_items(b, entry, &e, &amount, err)) < 0)
		return rc == REC_ERROR ? REC_ERROR : 0;
	words = xasprintf("%s %s %s", record_get(e, ENTRY_DESCRIPTION), record_get(e, ENTRY_DOC_REF),
			  record_get(e, ENTRY_NOTES));
	party = cents_of(record_get(e, ENTRY_PARTY));
	record_free(e);
	side = amount > 0 ? ITEM_RECEIVABLE : ITEM_PAYABLE;
	if (amount < 0)
		amount = -amount;
	if (items_query(b, "side = char(?1) AND state <> 'P' AND open > 0 ORDER BY "
			   "document_id, due, id",
			&side, 1, &c, &nc, err) < 0) {
		free(words);
		return REC_ERROR;
	}
	for (size_t i = 0; i < nc;) {
		size_t j = i;
		int64_t doc_open = 0;
		const char *sp = strchr(c[i].doc, ' ');
		int number = items_text_has_number(words, sp != NULL ? sp + 1 : c[i].doc);
		int named = (party != 0 && party == c[i].party_id) ||
			    items_text_has_name(words, c[i].party);

		while (j < nc && c[j].document_id == c[i].document_id)
			doc_open += c[j++].open;
		/* an instalment of that amount; the whole document's; or, named by
		 * its number and party, part of it (allocated by due date) */
		for (size_t k = i; k < j; k++)
			if (c[k].open == amount)
				consider(&best, items_match_score(1, 0, number, named), c, k, 1);
		if (j - i > 1 && doc_open == amount)
			consider(&best, items_match_score(0, 1, number, named), c, i, j - i);
		else if (amount < doc_open)
			consider(&best, items_match_score(0, 0, number, named), c, i, j - i);
		i = j;
	}
	if (best.score > 0) {
		for (size_t k = 0; k < best.n && k < max; k++)
			ids[k] = c[best.first + k].id;
		*n = best.n < max ? best.n : max;
		offer_text(&c[best.first], best.n, amount, text);
	}
	free(c);
	free(words);
	return 0;
}
