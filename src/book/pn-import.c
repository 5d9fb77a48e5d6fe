/* Bank statements into the prima nota: a statement read by src/bank matched
 * to one account's entries (bank/match.c) through the functions of
 * primanota.h, all in one transaction, so a refusal half-way adds nothing. */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "book/book.h"
#include "book/pn-impl.h"
#include "bank/match.h"
#include "book/items.h"
#include "book/primanota.h"
#include "util/i18n.h"
#include "util/util.h"

/* How many movements between two calls of the progress function. */
#define PN_IMPORT_PROGRESS 200

struct import_ctx {
	struct book *b;
	int64_t account;
	size_t done, total, payments;
	int items; /* the book has open items a new entry may pay */
	void (*progress)(void *arg, size_t done, size_t total);
	void *arg;
};

static int
cb_seen(void *ctx, const char *ref, int *seen, char *err)
{
	struct import_ctx *c = ctx;
	int rc;

	if (c->progress != NULL && c->done > 0 && c->done % PN_IMPORT_PROGRESS == 0)
		c->progress(c->arg, c->done, c->total);
	c->done++;
	if ((rc = pn_import_ref_seen(c->b, c->account, ref, err)) < 0)
		return rc;
	*seen = rc;
	return 0;
}

static int
cb_find(void *ctx, int64_t cents, const char *date, int days, int64_t *id, char *err)
{
	struct import_ctx *c = ctx;

	return pn_find_unreconciled(c->b, c->account, cents, date, days, id, err);
}

static int
cb_reconcile(void *ctx, int64_t id, const char *ref, char *err)
{
	struct import_ctx *c = ctx;

	return pn_mark_reconciled(c->b, id, ref, err);
}

/* The first 200 characters of s (an entry's description holds no more),
 * into out (PN_DESC_SIZE bytes). */
#define PN_DESC_CHARS 200
#define PN_DESC_SIZE (PN_DESC_CHARS * 4 + 1)

static void
cut_chars(const char *s, char *out)
{
	size_t i = utf8_prefix(s, PN_DESC_CHARS);

	memcpy(out, s, i);
	out[i] = '\0';
}

static int
cb_add(void *ctx, const struct stmt_movement *m, char *err)
{
	struct import_ctx *c = ctx;
	char desc[PN_DESC_SIZE], text[ERR_SIZE];
	const char *d = m->text[0] != '\0' ? m->text : m->party[0] != '\0' ? m->party : m->ref;
	struct pn_entry e = { 0 };
	int64_t id, ids[1];
	size_t n;
	int rc;

	cut_chars(d, desc);
	e.account_id = c->account;
	e.date = m->booking;
	e.value_date = strcmp(m->value, m->booking) != 0 ? m->value : NULL;
	e.description = desc;
	e.amount = m->cents;
	e.causale = PN_CAUSALE_UNSORTED;
	e.reconciled = 1;
	e.import_ref = m->ref;
	if ((rc = pn_entry_add(c->b, &e, &id, err)) < 0)
		return rc;
	/* offered, not taken: the user accepts it (items.h) */
	if (!c->items)
		return 0;
	if (items_match_entry(c->b, id, ids, 1, &n, text, err) < 0)
		return REC_ERROR;
	if (n > 0)
		c->payments++;
	return 0;
}

/* An IBAN without blanks, in upper case, into out (35 bytes). */
static void
iban_plain(const char *s, char *out)
{
	size_t n = 0;

	for (; *s != '\0' && n < 34; s++)
		if (!isspace((unsigned char)*s))
			out[n++] = (char)toupper((unsigned char)*s);
	out[n] = '\0';
}

/* The account called name, open, and the statement's own when the file
 * names one. */
static int
import_account(struct book *b, const char *name, const struct statement *st, int64_t *id,
	       char *err)
{
	struct pn_account_info a;
	char mine[35], theirs[35];
	int rc;

	if ((rc = pn_account_find(b, name, id, err)) < 0)
		return rc;
	if ((rc = pn_account_info(b, *id, &a, err)) < 0)
		return rc;
	if (a.closed) {
		err_set(err, _("account %s is closed: nothing was imported"), a.name);
		return REC_INVALID;
	}
	iban_plain(a.iban, mine);
	iban_plain(st->iban, theirs);
	if (theirs[0] != '\0' && mine[0] != '\0' && strcmp(mine, theirs) != 0) {
		err_set(err, _("the file is a statement of IBAN %s, but account %s has IBAN %s: "
			       "nothing was imported"),
			theirs, a.name, mine);
		return REC_INVALID;
	}
	return 0;
}

int
pn_import(struct book *b, const char *account_name, const struct statement *st,
	  void (*progress)(void *arg, size_t done, size_t total), void *arg,
	  struct stmt_counts *counts, char *err)
{
	static const struct stmt_book_ops ops = { cb_seen, cb_find, cb_reconcile, cb_add };
	struct import_ctx c = { b, 0, 0, st->n, 0, 0, progress, arg };
	int rc;

	memset(counts, 0, sizeof *counts);
	if ((rc = import_account(b, account_name, st, &c.account, err)) < 0)
		return rc;
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if ((c.items = items_any_open(b, err)) < 0) {
		book_rollback(b);
		return REC_ERROR;
	}
	if ((rc = statement_match(st, &ops, &c, counts, err)) < 0) {
		book_rollback(b);
		memset(counts, 0, sizeof *counts);
		return rc;
	}
	if (book_commit(b, err) < 0) {
		memset(counts, 0, sizeof *counts);
		return REC_ERROR;
	}
	counts->payments = c.payments;
	return 0;
}
