/* Open items (src/book/items.c, items-calc.c, items-pay.c): the pure
 * arithmetic (ageing at its boundaries, a payment's allocation, the
 * running balance, a bank line's text), the items an issued invoice, a
 * registered purchase and a credit note get, payments partial, over several
 * items and several on one, an entry's delete reopening its items, a bank
 * line's match, and a book migrated with documents already in it. */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/items.h"
#include "book/primanota.h"
#include "book/schema.h"
#include "doc-fixtures.h"

static struct book *book;
static int64_t cust, supp;

/* ---- pure ---- */

static void
ageing(void)
{
	static const struct {
		const char *due;
		int64_t days;
		enum items_age age;
	} cases[] = {
		{ "2026-06-01", -1, ITEMS_NOT_DUE }, { "2026-05-31", 0, ITEMS_AGE_30 },
		{ "2026-05-01", 30, ITEMS_AGE_30 },  { "2026-04-30", 31, ITEMS_AGE_60 },
		{ "2026-04-01", 60, ITEMS_AGE_60 },  { "2026-03-31", 61, ITEMS_AGE_90 },
		{ "2026-03-02", 90, ITEMS_AGE_90 },  { "2026-03-01", 91, ITEMS_AGE_OVER },
	};
	int64_t totals[ITEMS_NAGES] = { 0 };

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int64_t d = items_days_late(cases[i].due, "2026-05-31");
		is_int(d, cases[i].days, "due %s, as of 2026-05-31: %lld days late", cases[i].due,
		       (long long)cases[i].days);
		is_int(items_age_of(d), cases[i].age, "%lld days late: bucket %d",
		       (long long)cases[i].days, cases[i].age);
		items_age_add(totals, cases[i].due, "2026-05-31", 100);
	}
	is_int(totals[ITEMS_NOT_DUE], 100, "not due: one item");
	is_int(totals[ITEMS_AGE_30], 200, "0-30: two items (0 and 30 days)");
	is_int(totals[ITEMS_AGE_60], 200, "31-60: two items (31 and 60 days)");
	is_int(totals[ITEMS_AGE_90], 200, "61-90: two items (61 and 90 days)");
	is_int(totals[ITEMS_AGE_OVER], 100, "over 90: one item (91 days)");
	is_int(items_days_late("2024-02-28", "2024-03-01"), 2, "a leap year's 29 February counts");
	is_int(items_days_late("", "2024-03-01"), 0, "no date: 0 days");
}

static void
allocation(void)
{
	int64_t open[3] = { 10000, 5000, 20000 }, alloc[3];
	int64_t credit[3] = { 10000, -3000, 5000 };

	is_int(items_allocate(open, 3, 12000, alloc), 0, "12000 over 10000, 5000, 20000");
	ok(alloc[0] == 10000 && alloc[1] == 2000 && alloc[2] == 0,
	   "the first whole, the rest on the second (%lld %lld %lld)", (long long)alloc[0],
	   (long long)alloc[1], (long long)alloc[2]);
	is_int(items_allocate(open, 3, 35000, alloc), 0, "exactly what is open");
	ok(alloc[0] == 10000 && alloc[1] == 5000 && alloc[2] == 20000, "each item whole");
	is_int(items_allocate(open, 3, 35001, alloc), -1, "a cent more than is open is refused");
	ok(alloc[0] == 0 && alloc[1] == 0 && alloc[2] == 0, "and nothing is allocated");
	is_int(items_allocate(open, 3, 0, alloc), -1, "nothing paid is refused");
	is_int(items_allocate(open, 3, -100, alloc), -1, "the other sign is refused");
	is_int(items_allocate(credit, 3, 9000, alloc), 0, "a credit among the items");
	ok(alloc[1] == -3000 && alloc[0] == 10000 && alloc[2] == 2000,
	   "the credit taken whole first, then the items in order (%lld %lld %lld)",
	   (long long)alloc[0], (long long)alloc[1], (long long)alloc[2]);
}

static void
balance(void)
{
	struct items_line l[4] = { { 122000, 0 }, { -61000, 0 }, { 5000, 0 }, { -66000, 0 } };

	items_running_balance(1000, l, 4);
	ok(l[0].balance == 123000 && l[1].balance == 62000 && l[2].balance == 67000 &&
		   l[3].balance == 1000,
	   "the running balance after each line (%lld %lld %lld %lld)", (long long)l[0].balance,
	   (long long)l[1].balance, (long long)l[2].balance, (long long)l[3].balance);
}

static void
texts(void)
{
	ok(items_text_has_number("BONIFICO DA ROSSI SRL SALDO FT 1/2026", "1/2026"),
	   "the number in a bank line's text");
	ok(!items_text_has_number("SALDO FT 11/2026", "1/2026"), "not inside a longer number");
	ok(!items_text_has_number("SALDO FT 1/20261", "1/2026"), "nor followed by a digit");
	ok(items_text_has_number("fattura fpr 12/26 del", "FPR 12/26"), "in any case");
	ok(!items_text_has_number("anything", ""), "an empty number is never found");
	ok(items_text_has_name("BONIFICO DA ROSSI SRL", "Rossi Srl"), "the party's name");
	ok(!items_text_has_name("BONIFICO DA BIANCHI SRL", "Rossi Srl"),
	   "the company form alone is no match");
	ok(!items_text_has_name("ROSSINI", "Rossi"), "a word, not part of one");
	is_int(items_match_score(1, 0, 0, 0), 4, "the amount alone");
	ok(items_match_score(1, 0, 0, 0) < ITEMS_MATCH_MIN, "is not offered");
	ok(items_match_score(1, 0, 0, 1) >= ITEMS_MATCH_MIN, "amount and party are");
	ok(items_match_score(0, 0, 1, 1) >= ITEMS_MATCH_MIN, "number and party are (part paid)");
}

/* ---- documents in the book ---- */

/* A payment row of d: due, cents. */
static void
pay_row(struct record *d, const char *due, const char *cents)
{
	record_row_add(d, DOC_PAYMENTS, "mode", "MP05", "due", due, "amount", cents, NULL);
}

/* An invoice for party of 1000.00 + 22%, dated date, with instalments
 * (due, cents pairs, NULL-ended), issued: its id. */
static int64_t
invoice(const char *kind, int64_t party, const char *date, ...)
{
	struct record *d = fx_draft(kind, party, date);
	char err[ERR_SIZE] = "", warn[DOC_WARN_SIZE] = "";
	const char *due;
	int64_t id;
	va_list ap;

	fx_line(d, "Consulenza", "1.00", "1000.00", "1000.00", 0);
	record_set(d, DOC_TOTAL, "122000");
	record_set(d, DOC_PAYABLE, "122000");
	va_start(ap, date);
	while ((due = va_arg(ap, const char *)) != NULL)
		pay_row(d, due, va_arg(ap, const char *));
	va_end(ap);
	id = fx_save(book, d);
	record_free(d);
	if (document_issue(book, id, NULL, warn, err) < 0)
		ok(0, "issued: %s", err);
	return id;
}

static const char *
q(const char *sql, int64_t id)
{
	return fx_query_id(book, sql, id);
}

static int64_t inv1, inv2, inv3;

static void
documents(void)
{
	char err[ERR_SIZE] = "", warn[DOC_WARN_SIZE] = "";
	struct record *d = fx_draft("FAT", cust, "2026-03-31");
	int64_t draft, fa, nc;

	fx_line(d, "Bozza", "1.00", "10.00", "10.00", 0);
	pay_row(d, "2026-04-30", "1220");
	draft = fx_save(book, d);
	record_free(d);
	is_str(q("SELECT count(*) FROM open_items WHERE document_id = %lld", draft), "0",
	       "a draft has no open items");

	inv1 = invoice("FAT", cust, "2026-03-31", "2026-04-30", "61000", "2026-05-31", "61000",
		       NULL);
	is_str(q("SELECT group_concat(seq || ' ' || side || ' ' || due || ' ' || amount || ' ' || "
		 "state, '; ') FROM open_items WHERE document_id = %lld",
		 inv1),
	       "1 R 2026-04-30 61000 O; 2 R 2026-05-31 61000 O",
	       "an issued invoice of two instalments: two items receivable, open");
	is_str(q("SELECT count(*) FROM open_items WHERE party_id = %lld", cust), "2",
	       "of its customer");
	inv2 = invoice("FAT", cust, "2026-04-15", NULL);
	is_str(q("SELECT due || ' ' || amount FROM open_items WHERE document_id = %lld", inv2),
	       "2026-04-15 122000", "an invoice with no schedule: one item of its payable, due on "
				    "its date");

	d = fx_purchase(supp, "FPR 12/26", "2026-04-02");
	fx_line(d, "Carta", "1.00", "500.00", "500.00", 0);
	record_set(d, DOC_TOTAL, "61000");
	record_set(d, DOC_PAYABLE, "61000");
	pay_row(d, "2026-05-02", "61000");
	fa = fx_save(book, d);
	record_free(d);
	is_str(q("SELECT side || ' ' || due || ' ' || amount FROM open_items WHERE document_id = "
		 "%lld",
		 fa),
	       "P 2026-05-02 61000", "a registered purchase: an item payable");

	/* a credit note of 200.00 + VAT on inv1: the last instalment first */
	d = fx_draft("NC", cust, "2026-04-20");
	fx_line(d, "Storno", "1.00", "200.00", "200.00", 0);
	record_set(d, DOC_TOTAL, "24400");
	record_set(d, DOC_PAYABLE, "24400");
	pay_row(d, "2026-04-20", "24400");
	nc = fx_save(book, d);
	record_free(d);
	if (document_link_add(book, inv1, nc, err) < 0)
		ok(0, "linked: %s", err);
	is_int(document_issue(book, nc, NULL, warn, err), 0, "the credit note is issued: %s", err);
	is_str(q("SELECT amount || ' ' || paid || ' ' || state FROM open_items WHERE document_id "
		 "= %lld",
		 nc),
	       "-24400 -24400 P", "the credit note's item is negative, and wholly offset");
	is_str(q("SELECT group_concat(seq || ' ' || paid || ' ' || state, '; ') FROM open_items "
		 "WHERE document_id = %lld",
		 inv1),
	       "1 0 O; 2 24400 A",
	       "it reduces the invoice's last instalment, now partly paid");
	is_str(q("SELECT count(*) FROM item_links WHERE credit_id IS NOT NULL AND entry_id IS "
		 "NULL AND item_id IN (SELECT id FROM open_items WHERE document_id = %lld)",
		 inv1),
	       "1", "by a link of the credit note's item, no prima nota entry");

	is_int(document_set_state(book, inv2, DOC_STATE_PAID, err), 0, "inv2 marked paid: %s", err);
	is_str(q("SELECT state || ' ' || paid FROM open_items WHERE document_id = %lld", inv2),
	       "P 122000", "an invoice marked Paid settles its item outside the prima nota");
	is_int(document_set_state(book, inv2, DOC_STATE_PAID, err), REC_INVALID,
	       "marking it again is refused");
	is_str(q("SELECT count(*) FROM item_links WHERE item_id IN (SELECT id FROM open_items "
		 "WHERE document_id = %lld)",
		 inv2),
	       "1", "and settles it once");
}


/* ---- payments ---- */

static int64_t banca;

static int64_t
item_of(int64_t doc, int seq)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT id FROM open_items WHERE document_id = %lld AND seq = %d",
		 (long long)doc, seq);
	return strtoll(book_query(book, sql), NULL, 10);
}

static const char *
item_state(int64_t id)
{
	return q("SELECT paid || ' ' || state FROM open_items WHERE id = %lld", id);
}

static int64_t
pay(const int64_t *ids, size_t n, int64_t amount, const char *date, char *err)
{
	struct item_payment p = { .date = date, .amount = amount, .account_id = banca };
	int64_t entry = 0;

	if (items_pay(book, ids, n, &p, &entry, err) < 0)
		return 0;
	return entry;
}

static void
payments(void)
{
	char err[ERR_SIZE] = "", entries[16];
	int64_t a = item_of(inv1, 1), b2 = item_of(inv1, 2), e1, e2, e3, three[3], pair[2];
	struct record *e = NULL;
	int64_t fa_item;

	pn_account_find(book, "Banca", &banca, err);
	e1 = pay(&a, 1, 20000, "2026-05-02", err);
	ok(e1 != 0, "a partial payment of the first instalment: %s", e1 ? "" : err);
	is_str(item_state(a), "20000 A", "the item is partly paid");
	is_str(q("SELECT amount || ' ' || causale || ' ' || party_id || ' ' || (account_id = "
		 "(SELECT id FROM pn_accounts WHERE name = 'Banca')) FROM pn_entries WHERE id = "
		 "%lld",
		 e1),
	       "20000 IC 1 1", "the prima nota entry: in, causale IC, the customer, on Banca");
	is_str(q("SELECT group_concat(item_id || ':' || amount) FROM item_links WHERE entry_id = "
		 "%lld",
		 e1),
	       "1:20000", "linked to the item for what it paid");
	e2 = pay(&a, 1, 41000, "2026-05-10", err);
	ok(e2 != 0, "a second payment of the same item: %s", e2 ? "" : err);
	is_str(item_state(a), "61000 P", "two payments on one item: paid");
	is_str(q("SELECT count(*) FROM item_links WHERE item_id = %lld", a), "2",
	       "with a link to each entry");
	snprintf(entries, sizeof entries, "%s", book_query(book, "SELECT count(*) FROM pn_entries"));
	ok(pay(&b2, 1, 36601, "2026-05-10", err) == 0 && strstr(err, "366,00") != NULL,
	   "a cent more than is open is refused, naming what is open: %s", err);
	ok(pay(&a, 1, 100, "2026-05-10", err) == 0 && strstr(err, "paid already") != NULL,
	   "a paid item is not paid again: %s", err);
	is_str(book_query(book, "SELECT count(*) FROM pn_entries"), entries,
	       "a refused payment writes no entry");

	/* one payment over three instalments */
	inv3 = invoice("FAT", cust, "2026-05-01", "2026-05-31", "10000", "2026-06-30", "10000",
		       "2026-07-31", "10000", NULL);
	three[0] = item_of(inv3, 3);
	three[1] = item_of(inv3, 1);
	three[2] = item_of(inv3, 2);
	e3 = pay(three, 3, 25000, "2026-05-20", err);
	ok(e3 != 0, "one payment of three items, named in any order: %s", e3 ? "" : err);
	ok(strcmp(item_state(item_of(inv3, 1)), "10000 P") == 0 &&
		   strcmp(item_state(item_of(inv3, 2)), "10000 P") == 0 &&
		   strcmp(item_state(item_of(inv3, 3)), "5000 A") == 0,
	   "allocated by due date: the first two paid, the third partly");
	is_str(q("SELECT count(*) || ' ' || sum(amount) FROM item_links WHERE entry_id = %lld", e3),
	       "3 25000", "one entry, three links adding up to it");
	is_str(q("SELECT description FROM pn_entries WHERE id = %lld", e3),
	       "Collected FAT 4/2026 (1/3), FAT 4/2026 (2/3), FAT 4/2026 (3/3), Rossi Srl",
	       "its description names them");

	/* the entry's amount is the items': a change is refused, a delete reopens */
	record_load(book, &primanota_kind, e3, &e, err);
	record_set(e, ENTRY_IN, "30000");
	is_int(record_save(book, e, NULL, err), REC_INVALID,
	       "the amount of an entry that pays items does not change: %s", err);
	record_set(e, ENTRY_IN, "25000");
	record_set(e, ENTRY_DESCRIPTION, "Bonifico Rossi");
	is_int(record_save(book, e, NULL, err), 0, "its description does: %s", err);
	is_int(record_delete(book, e, err), 0, "the payment's entry is deleted: %s", err);
	record_free(e);
	ok(strcmp(item_state(item_of(inv3, 1)), "0 O") == 0 &&
		   strcmp(item_state(item_of(inv3, 2)), "0 O") == 0 &&
		   strcmp(item_state(item_of(inv3, 3)), "0 O") == 0,
	   "its items are open again");
	is_str(q("SELECT count(*) FROM item_links WHERE entry_id = %lld", e3), "0",
	       "and its links are gone");
	record_load(book, &primanota_kind, e1, &e, err);
	is_int(record_delete(book, e, err), 0, "the first payment of the first item deleted");
	record_free(e);
	is_str(item_state(a), "41000 A", "that item is partly paid again, by the other payment");

	/* a supplier's */
	fa_item = strtoll(book_query(book, "SELECT id FROM open_items WHERE side = 'P'"), NULL, 10);
	e1 = pay(&fa_item, 1, 61000, "2026-05-03", err);
	ok(e1 != 0, "a purchase paid: %s", e1 ? "" : err);
	is_str(q("SELECT amount || ' ' || causale FROM pn_entries WHERE id = %lld", e1), "-61000 PF",
	       "out of the bank, causale PF");
	pair[0] = item_of(inv3, 1);
	pair[1] = fa_item;
	ok(pay(pair, 2, 100, "2026-05-03", err) == 0, "a customer's and a supplier's items in one "
						       "payment are refused: %s", err);
	{
		struct item_payment p = { .date = "2026-05-03", .amount = 100, .account_id = 0 };
		ok(items_pay(book, &pair[0], 1, &p, NULL, err) == REC_INVALID,
		   "a payment through no account is refused: %s", err);
	}
}

/* ---- a bank line's match ---- */

static void
bank_match(void)
{
	char err[ERR_SIZE] = "", text[ERR_SIZE] = "";
	int64_t ids[8], line, pos, part;
	size_t n;
	struct pn_entry e = { .account_id = banca, .date = "2026-06-03", .amount = 36600,
			      .description = "BONIFICO DA ROSSI SRL SALDO FATTURA 1/2026",
			      .reconciled = 1 };

	pn_entry_add(book, &e, &line, err);
	is_int(items_match_entry(book, line, ids, 8, &n, text, err), 0, "a bank line matched");
	ok(n == 1 && ids[0] == item_of(inv1, 2), "to the instalment open by that amount, of the "
						 "party it names: %s",
	   text);
	is_int(items_settle_entry(book, line, ids, n, err), 0, "accepted: %s", err);
	is_str(item_state(item_of(inv1, 2)), "61000 P", "the item is paid (with the credit note)");
	is_str(q("SELECT causale || ' ' || coalesce(party_id, '') FROM pn_entries WHERE id = %lld",
		 line),
	       "IC 1", "the entry takes the causale and the party");
	is_int(items_settle_entry(book, line, ids, n, err), REC_INVALID,
	       "an entry links once: %s", err);
	is_int(items_match_entry(book, line, ids, 8, &n, text, err), 0, "matched again");
	is_int(n, 0, "no offer for an entry that pays items already");

	e.amount = -4590;
	e.description = "POS 1234 ESSELUNGA";
	pn_entry_add(book, &e, &pos, err);
	items_match_entry(book, pos, ids, 8, &n, text, err);
	is_int(n, 0, "a line naming nothing open matches nothing");

	e.amount = 12000;
	e.description = "BONIFICO ROSSI ACCONTO FT 4/2026";
	pn_entry_add(book, &e, &part, err);
	items_match_entry(book, part, ids, 8, &n, text, err);
	ok(n == 3 && ids[0] == item_of(inv3, 1), "less than a document's items, with its number "
						  "and party: offered over them: %s",
	   text);
	is_int(items_settle_entry(book, part, ids, n, err), 0, "accepted: %s", err);
	ok(strcmp(item_state(item_of(inv3, 1)), "10000 P") == 0 &&
		   strcmp(item_state(item_of(inv3, 2)), "2000 A") == 0,
	   "by due date");
}


/* ---- the kind the screens use: its commands, its form's save ---- */

static const struct record_command *
command(const char *name)
{
	for (size_t i = 0; i < items_kind.ncommands; i++)
		if (strcmp(items_kind.commands[i].name, name) == 0)
			return &items_kind.commands[i];
	return NULL;
}

static void
kind_commands(void)
{
	const struct record_command *all = command("pay-all"), *st = command("statement"),
				    *asof = command("as-of");
	struct record *r = NULL, *f = record_new(&item_payment_kind);
	char err[ERR_SIZE] = "", msg[ERR_SIZE] = "", **lines = NULL, want[64];
	int64_t id = item_of(inv3, 2), open_id = 0;
	size_t n;
	int found = 0;

	ok(all != NULL && st != NULL && asof != NULL, "the items' commands are there");
	if (all == NULL || st == NULL || asof == NULL || record_load(book, &items_kind, id, &r, err) < 0)
		return;
	is_str(record_get(r, ITEM_DOC_TEXT), "FAT 4/2026", "an item reads its document's name");
	is_int(all->prepare(book, r, f, err), 0, "Pay with the party's others fills its form");
	snprintf(want, sizeof want, "%lld %lld %lld", (long long)item_of(inv1, 1),
		 (long long)item_of(inv3, 2), (long long)item_of(inv3, 3));
	is_str(record_get(f, ITEMPAY_ITEMS), want, "with every open item of the party, by due date");
	is_str(record_get(f, ITEMPAY_OPEN), "38000", "and what is open of them");
	is_str(record_get(f, ITEMPAY_AMOUNT), "38000", "offered as the amount");
	snprintf(want, sizeof want, "%lld", (long long)id);
	record_set(f, ITEMPAY_ITEM, want); /* the command's link, as the form sets it */
	record_set(f, ITEMPAY_DATE, "2026-06-01");
	is_int(record_save(book, f, NULL, err), 0, "saving the form pays them: %s", err);
	ok(strcmp(item_state(item_of(inv1, 1)), "61000 P") == 0 &&
		   strcmp(item_state(item_of(inv3, 2)), "10000 P") == 0 &&
		   strcmp(item_state(item_of(inv3, 3)), "10000 P") == 0,
	   "all three paid by the form's save");
	record_free(f);
	record_free(r);

	record_load(book, &items_kind, id, &r, err);
	n = st->show(book, r, &lines, err);
	for (size_t i = 0; i < n && n != (size_t)-1; i++) {
		found += strstr(lines[i], "FAT 4/2026") != NULL && strstr(lines[i], "300,00") != NULL;
		found += strstr(lines[i], "Balance 0,00, of which past due 0,00") != NULL;
		free(lines[i]);
	}
	free(lines);
	is_int(found, 2, "Statement shows the invoice and the balance, nothing open now");
	is_int(asof->run(book, r, "31/07/2026", &open_id, msg, err), 0, "Ageing as of a day: %s",
	       msg);
	is_str(q("SELECT items_as_of() || ' ' || items_days('2026-07-01', 1) || ' ' || "
		 "coalesce(items_aged('2026-07-01', 500, 1), '-') || ' ' || "
		 "coalesce(items_aged('2026-07-01', 500, 2), '-') FROM open_items WHERE id = %lld",
		 id),
	       "2026-07-31 30 500 -", "the lists' functions count from it");
	asof->run(book, r, "", &open_id, msg, err);
	is_str(book_query(book, "SELECT items_as_of()"), "2026-05-31", "empty: today again");
	record_set(r, ITEM_DUE, "2026-07-15");
	record_set(r, ITEM_NOTES, "promised by phone");
	is_int(record_save(book, r, NULL, err), 0, "an item's due date and notes change: %s", err);
	is_str(q("SELECT due || ' ' || notes FROM open_items WHERE id = %lld", id),
	       "2026-07-15 promised by phone", "as saved");
	is_int(record_delete(book, r, err), REC_INVALID, "an item is not deleted: %s", err);
	record_free(r);
}


/* ---- Ri.Ba.'s mark ---- */

static void
presented(void)
{
	char err[ERR_SIZE] = "";
	int64_t inv = invoice("FAT", cust, "2026-05-10", "2026-06-30", "50000", NULL);
	int64_t it = item_of(inv, 1), fa_item;

	is_int(items_set_presented(book, it, "2026-06-05", err), 0, "an item presented: %s", err);
	is_str(q("SELECT state || ' ' || presented FROM open_items WHERE id = %lld", it),
	       "R 2026-06-05", "is R, with the day");
	is_int(items_set_presented(book, it, NULL, err), 0, "unpaid (insoluto): no longer");
	is_str(q("SELECT state || ' ' || coalesce(presented, '-') FROM open_items WHERE id = %lld",
		 it),
	       "O -", "open again");
	items_set_presented(book, it, "2026-06-05", err);
	ok(pay(&it, 1, 50000, "2026-06-30", err) != 0, "a presented item paid: %s", err);
	is_str(q("SELECT state FROM open_items WHERE id = %lld", it), "P", "is paid");
	is_int(items_set_presented(book, it, NULL, err), REC_INVALID,
	       "a paid one is not moved: %s", err);
	fa_item = strtoll(book_query(book, "SELECT id FROM open_items WHERE side = 'P'"), NULL, 10);
	is_int(items_set_presented(book, fa_item, "2026-06-05", err), REC_INVALID,
	       "a payable is never presented: %s", err);
	is_int(items_set_presented(book, it, "05/06/2026", err), REC_INVALID,
	       "the day is YYYY-MM-DD: %s", err);
}

/* A customer's name of 121 characters (its field's most: a person's
 * surname and first name of 60 each) of 4 bytes each but the space between
 * them: whole in its items, their list and the statement, never cut
 * mid-character. */
static void
long_name(void)
{
	char err[ERR_SIZE] = "", half[60 * 4 + 1] = "", name[121 * 4 + 1], **lines = NULL;
	struct record *p = record_new(&parties_kind);
	struct items_statement s;
	struct item *it = NULL, one;
	size_t n = 0, nl;
	int64_t party, inv;
	int whole = 0, valid = 1;

	for (int i = 0; i < 60; i++)
		strcat(half, "\xf0\x9d\x94\xb8"); /* U+1D538, a double-struck A */
	snprintf(name, sizeof name, "%s %s", half, half);
	record_set(p, PARTY_ROLE, "C");
	record_set(p, PARTY_KIND, "P");
	record_set(p, PARTY_FIRST_NAME, half);
	record_set(p, PARTY_LAST_NAME, half);
	record_set(p, PARTY_PIVA, "09876543217");
	ok(record_save(book, p, NULL, err) == 0 && strcmp(record_get(p, PARTY_NAME), name) == 0 &&
		   utf8_len(name) == 121,
	   "a person of 121 characters saved %s", err);
	party = p->id;
	record_free(p);
	if (party == 0)
		return;
	inv = invoice("FAT", party, "2026-05-20", "2026-06-30", "122000", NULL);
	ok(items_list(book, party, ITEM_RECEIVABLE, 1, &it, &n, err) == 0 && n == 1 &&
		   strcmp(it[0].party, name) == 0,
	   "the item list names the party whole (%zu bytes) %s", n == 1 ? strlen(it[0].party) : 0,
	   err);
	free(it);
	ok(items_get(book, item_of(inv, 1), &one, err) == 0 && strcmp(one.party, name) == 0,
	   "so does the item read alone %s", err);
	ok(items_statement(book, party, '\0', "2026-05-31", &s, err) == 0 &&
		   strcmp(s.party, name) == 0,
	   "the statement names the party whole %s", err);
	nl = items_statement_text(book, &s, &lines);
	for (size_t i = 0; i < nl; i++) {
		valid &= utf8_valid_text(lines[i]);
		whole |= strstr(lines[i], name) != NULL;
	}
	ok(nl > 0 && valid && whole, "the statement's text UTF-8, the name whole in it");
	for (size_t i = 0; i < nl; i++)
		free(lines[i]);
	free(lines);
	items_statement_free(&s);
}

/* ---- a book migrated with documents in it ---- */

static void
migration(void)
{
	struct temp_book t;
	struct book *b2;
	sqlite3 *db;
	char err[ERR_SIZE], sql[64];
	int step = 0;

	for (int s = 1; s <= schema_step_count() && step == 0; s++)
		if (strstr(schema_step(s), "CREATE TABLE open_items (") != NULL)
			step = s;
	ok(step > 0, "the open items' step is among the schema's");
	str_copy(t.dir, TEMP_DIR_TEMPLATE, sizeof t.dir);
	if (mkdtemp(t.dir) == NULL)
		return;
	t.path = xasprintf("%s/book.sqlite", t.dir);
	sqlite3_open(t.path, &db);
	for (int s = 1; s < step; s++)
		sqlite3_exec(db, schema_step(s), NULL, NULL, NULL);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", step - 1);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_exec(db,
		     "INSERT INTO parties (id, role, name, piva) VALUES (1, 'C', 'Rossi', "
		     "'01234567897');"
		     "INSERT INTO documents (id, direction, kind, state, party_id, type, number, date,"
		     "  total, payable, numbering, year, seq) VALUES"
		     "  (1, 'S', 'FAT', 'I', 1, 'TD01', '1/2026', '2026-01-10', 20000, 20000, 'F', 2026, 1),"
		     "  (2, 'S', 'FAT', 'P', 1, 'TD01', '2/2026', '2026-01-11', 5000, 5000, 'F', 2026, 2),"
		     "  (3, 'S', 'NC', 'I', 1, 'TD04', '3/2026', '2026-01-12', 3000, 3000, 'F', 2026, 3),"
		     "  (4, 'S', 'FAT', 'D', 1, 'TD01', '', '2026-01-13', 100, 100, '', NULL, NULL);"
		     "INSERT INTO document_payments (document_id, seq, mode, due, amount, paid) VALUES"
		     "  (1, 1, 'MP05', '2026-02-10', 10000, '2026-02-09'),"
		     "  (1, 2, 'MP05', '2026-03-10', 10000, NULL);"
		     "INSERT INTO document_links (from_id, to_id) VALUES (1, 3);",
		     NULL, NULL, NULL);
	sqlite3_close(db);
	if (book_open(t.path, &b2, err) < 0) {
		ok(0, "the old book opens: %s", err);
		return;
	}
	is_str(book_query(b2, "SELECT group_concat(document_id || ':' || seq || ' ' || due || ' ' "
			      "|| amount || ' ' || paid || ' ' || state, '; ') FROM (SELECT * FROM "
			      "open_items ORDER BY document_id, seq)"),
	       "1:1 2026-02-10 10000 10000 P; 1:2 2026-03-10 10000 3000 A; "
	       "2:1 2026-01-11 5000 5000 P; 3:1 2026-01-12 -3000 -3000 P",
	       "migrated: the issued invoices' items, the paid row and the paid invoice settled, "
	       "the credit note offset on the last instalment, no draft's");
	is_str(book_query(b2, "SELECT count(*) FROM item_links WHERE entry_id IS NOT NULL"), "0",
	       "with no prima nota entry");
	book_close(b2);
	book_files_remove(t.dir, "book.sqlite");
	free(t.path);
	rmdir(t.dir);
}

int
main(void)
{
	struct temp_book t;

	setenv("SCRIVANO_TODAY", "2026-05-31", 1);
	ageing();
	allocation();
	balance();
	texts();
	if ((book = temp_book_open(&t)) == NULL)
		return tap_done();
	cust = fx_customer(book, "Rossi Srl", "01234567897");
	supp = fx_supplier(book, "Carta Bianchi Spa", "IT", "IT", "00743110157");
	documents();
	payments();
	bank_match();
	kind_commands();
	presented();
	long_name();
	temp_book_close(&t, book);
	migration();
	return tap_done();
}
