/* The draft store (src/book/drafts.c) against a temporary book: a draft
 * written and rewritten is read back whole (values, user-added fields,
 * typed texts, child rows with their ids, where the cursor was); only the
 * drafts of sessions that are gone are offered, newest first; a claim takes
 * one for this session once; discard removes it and its items; a draft of
 * a record changed since is refused by the record's own stale check; the
 * record itself is never written by a draft. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book-fixtures.h"
#include "book/drafts.h"
#include "book/parties.h"
#include "book/record.h"
#include "tap.h"
#include "util/util.h"

static struct book *book;
static struct temp_book tb;

static long long
count(const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;

	if (sqlite3_prepare_v2(book_db(book), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* A supplier with one contact, as a form would hold it. */
static struct record *
supplier(void)
{
	struct record *r = record_new(&parties_kind), *c = record_new(&contacts_kind);

	record_set(r, PARTY_ROLE, "S");
	record_set(r, PARTY_NAME, "Cartiera Alpina S.r.l.");
	record_set(r, PARTY_PIVA, "07654321012");
	record_custom_set(r, "vat_reg", "B12");
	record_set(c, CONTACT_NAME, "Marta Gallo");
	record_set(c, CONTACT_PHONE, "011 5551234");
	record_rows_insert(&r->rows[0], 0, c);
	return r;
}

/* An owner that no process is: a number past any pid. */
#define GONE "2147483646:1:"

static void
write_and_read(void)
{
	struct record *r = supplier();
	struct draft *d = draft_new("suppliers", "Suppliers - New", r), **list;
	char err[ERR_SIZE];
	size_t n;

	draft_set_typed(d, "piva", "0765432101");
	d->stop = 2;
	d->pos = 10;
	is_int(draft_write(book, d, err), 0, "a draft is written");
	ok(d->id > 0, "and gets an id");
	is_int(count("SELECT count(*) FROM parties"), 0, "the record itself is not written");
	is_int(draft_orphans(book, &list, &n, err), 0, "the drafts are listed");
	is_int(n, 0, "a draft of this session, which runs, is not an orphan");
	draft_list_free(list, n);

	/* the session is gone: its draft is offered */
	free(d->owner);
	d->owner = xstrdup(GONE);
	record_set(d->image, PARTY_CITY, "Torino");
	d->stop = 25;
	d->line = 0;
	d->col = 2;
	d->pos = 3;
	d->cell = xstrdup("011");
	is_int(draft_write(book, d, err), 0, "written again by the same form");
	is_int(count("SELECT count(*) FROM drafts"), 1, "it is still one draft");
	is_int(draft_orphans(book, &list, &n, err), 0, "the orphans are listed");
	is_int(n, 1, "the draft of a session that is gone is one");
	if (n == 1) {
		struct draft *o = list[0];
		is_str(o->screen, "suppliers", "its screen");
		is_str(o->title, "Suppliers - New", "its title");
		is_int(o->image->id, 0, "a new record's");
		is_str(record_get(o->image, PARTY_NAME), "Cartiera Alpina S.r.l.", "its values");
		is_str(record_get(o->image, PARTY_CITY), "Torino", "as last written");
		is_str(record_custom_get(o->image, "vat_reg"), "B12", "its user-added field");
		is_str(draft_get_typed(o, "piva"), "0765432101", "a field's text as typed");
		is_int(o->image->rows[0].n, 1, "its contact line");
		if (o->image->rows[0].n == 1)
			is_str(record_get(o->image->rows[0].row[0], CONTACT_PHONE), "011 5551234",
			       "with its values");
		ok(o->stop == 25 && o->line == 0 && o->col == 2 && o->pos == 3,
		   "where the cursor was: %d %d %d %zu", o->stop, o->line, o->col, o->pos);
		is_str(o->cell, "011", "and the cell as typed");
		ok(o->saved_at > 0, "when it was written");
		is_int(draft_claim(book, o, err), 1, "this session claims it");
		is_str(o->owner, draft_owner_self(), "it is this session's now");
		struct draft **again;
		size_t m;
		draft_orphans(book, &again, &m, err);
		is_int(m, 0, "and no longer offered to another");
		draft_list_free(again, m);
		/* a second claim by the old owner's name finds it taken */
		free(o->owner);
		o->owner = xstrdup(GONE);
		is_int(draft_claim(book, o, err), 0, "a claim of a draft already taken fails");
		is_int(draft_discard(book, o->id, err), 0, "discard");
	}
	draft_list_free(list, n);
	is_int(count("SELECT count(*) FROM drafts"), 0, "discarded, the draft is gone");
	is_int(count("SELECT count(*) FROM draft_items"), 0, "and its items with it");
	draft_free(d);
	record_free(r);
}

static void
newest_first(void)
{
	struct record *r = supplier();
	struct draft *a = draft_new("suppliers", "A", r), *b = draft_new("customers", "B", r);
	struct draft **list;
	char err[ERR_SIZE];
	size_t n;

	free(a->owner);
	a->owner = xstrdup(GONE);
	free(b->owner);
	b->owner = xstrdup(GONE);
	draft_write(book, a, err);
	draft_write(book, b, err);
	/* a is older */
	sqlite3_exec(book_db(book), "UPDATE drafts SET saved_at = saved_at - 60 WHERE title = 'A'",
		     NULL, NULL, NULL);
	draft_orphans(book, &list, &n, err);
	ok(n == 2 && strcmp(list[0]->title, "B") == 0 && strcmp(list[1]->title, "A") == 0,
	   "two sessions' drafts are both kept, newest first");
	draft_list_free(list, n);
	draft_discard(book, a->id, err);
	draft_discard(book, b->id, err);
	draft_free(a);
	draft_free(b);
	record_free(r);
}

/* A draft of a record someone saved since: the record's own check refuses
 * it, and the other change stays. */
static void
stale(void)
{
	struct record *r = supplier(), *now;
	struct draft *d, **list;
	char err[ERR_SIZE];
	size_t bad, n;

	is_int(record_save(book, r, &bad, err), 0, "a supplier saved: %s", err);
	if (r->id == 0) {
		record_free(r);
		return;
	}
	d = draft_new("suppliers", "Suppliers - Edit", r);
	free(d->owner);
	d->owner = xstrdup(GONE);
	record_set(d->image, PARTY_CITY, "Ivrea");
	draft_write(book, d, err);
	/* someone else saves the record */
	is_int(record_load(book, &parties_kind, r->id, &now, err), 0, "loaded again");
	record_set(now, PARTY_CITY, "Biella");
	is_int(record_save(book, now, &bad, err), 0, "someone else saves it");
	draft_orphans(book, &list, &n, err);
	is_int(n, 1, "the draft is offered");
	if (n == 1) {
		is_int(list[0]->image->version, r->version, "with the version it was typed on");
		is_int(record_save(book, list[0]->image, &bad, err), REC_CONFLICT,
		       "saving it is refused as a change over someone else's");
	}
	record_free(now);
	record_load(book, &parties_kind, r->id, &now, err);
	is_str(record_get(now, PARTY_CITY), "Biella", "the other change stays");
	record_free(now);
	draft_list_free(list, n);
	draft_discard(book, d->id, err);
	draft_free(d);
	record_free(r);
}

static void
owners(void)
{
	ok(draft_owner_alive(draft_owner_self()), "this session is alive: %s", draft_owner_self());
	ok(!draft_owner_alive(GONE), "a process that does not exist is not");
	ok(!draft_owner_alive("garbage"), "nor is an owner that is not one");
	char *other = xasprintf("%ld:1:x", (long)getpid());
	ok(!draft_owner_alive(other), "nor one of an earlier boot of the machine");
	free(other);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	owners();
	write_and_read();
	newest_first();
	stale();
	temp_book_close(&tb, book);
	return tap_done();
}
