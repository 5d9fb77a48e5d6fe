/* Self-invoices of reverse charge (integrazioni, TD16 to TD19): a
 * purchase whose supplier does not charge the VAT (Natura N6.x from an
 * Italian supplier, inversione contabile; anything at rate 0 from a
 * supplier abroad) is integrated by a document the company issues, with
 * the supplier as cedente and itself as cessionario, the VAT at the rate
 * the goods or services bear. Each of its lines is linked to the
 * purchase's line it integrates (from_line), the document to the
 * purchase, so a line is integrated once. The arithmetic is the caller's
 * compute, as in the rest of the flow. */
#include "config.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "book/company.h"
#include "book/documents-flow.h"
#include "book/record-store.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

/* The causale of a self-invoice: document content, in Italian as the XML
 * is (not translated): the supplier's invoice, its date, the supplier. */
#define SELF_CAUSALE "Integrazione della fattura n. %s del %s di %s"

/* The member states of the European Union by IdPaese (Greece's VAT prefix
 * EL beside its ISO code GR; XI Northern Ireland, for goods, under the
 * Windsor framework). */
static int
in_eu(const char *c)
{
	static const char eu[] = "AT BE BG CY CZ DE DK EE EL ES FI FR GR HR HU IE IT LT LU LV "
				 "MT NL PL PT RO SE SI SK XI";

	if (strlen(c) != 2)
		return 0;
	for (const char *p = eu;; p += 3) {
		if (p[0] == c[0] && p[1] == c[1])
			return 1;
		if (p[2] == '\0')
			return 0;
	}
}

/* Units of measure of time: a line measured in them is a service. */
static int
time_unit(const char *u)
{
	static const char *const units[] = {
		"h",	"hh",	 "hr",	   "hrs",     "ora",	 "ore",	     "hour", "hours",
		"min",	"g",	 "gg",	   "giorno",  "giorni",	 "giornata", "giornate",
		"day",	"days",	 "mese",   "mesi",    "month",	 "months",   "anno", "anni",
		"year", "years", "settimana", "settimane", "week", "weeks",
	};
	char w[16];
	size_t n = strlen(u);

	while (n > 0 && (u[n - 1] == '.' || isspace((unsigned char)u[n - 1])))
		n--;
	if (n == 0 || n >= sizeof w)
		return 0;
	memcpy(w, u, n);
	w[n] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(units); i++)
		if (strcasecmp(w, units[i]) == 0)
			return 1;
	return 0;
}

/* Goods: a line that names an article, or has a unit of measure that is
 * not of time (pz, kg, m); else a service. The user corrects the type in
 * the draft where this guess is wrong. */
static int
is_goods(const struct record *l)
{
	const char *u = record_get(l, LINE_UNIT);

	return record_get(l, LINE_ARTICLE)[0] != '\0' || (u[0] != '\0' && !time_unit(u));
}

/* ---- who is on either side ---- */

struct side {
	char country[3]; /* IdPaese: the VAT country, else the country */
	char piva[29], cf[17];
	char name[128];
};

static int
party_side(struct book *b, const char *party, struct side *s, char *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(s, 0, sizeof *s);
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT coalesce(nullif(vat_country, ''), country), piva, cf, name "
			       "FROM parties WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, party, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		str_copy(s->country, (const char *)sqlite3_column_text(st, 0), sizeof s->country);
		str_copy(s->piva, (const char *)sqlite3_column_text(st, 1), sizeof s->piva);
		str_copy(s->cf, (const char *)sqlite3_column_text(st, 2), sizeof s->cf);
		str_copy(s->name, (const char *)sqlite3_column_text(st, 3), sizeof s->name);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
document_self_check(struct book *b, const struct record *r, char *err)
{
	const struct doc_kind *k = doc_kind_find(record_get(r, DOC_KIND));
	const char *type = record_get(r, DOC_TYPE);
	struct record *c = NULL;
	struct side s;
	char msg[ERR_SIZE];
	int rc;

	if (k == NULL || (k->flags & DK_SELF) == 0 || record_get(r, DOC_PARTY)[0] == '\0')
		return 0;
	if ((rc = party_side(b, record_get(r, DOC_PARTY), &s, err)) <= 0)
		return rc; /* none: party_ok says so */
	msg[0] = '\0';
	if (strcmp(type, "TD16") == 0 && strcmp(s.country, "IT") != 0)
		snprintf(msg, sizeof msg,
			 _("TD16 integrates the reverse charge of an Italian supplier: %s is of %s; "
			   "a supplier abroad is integrated by TD17 (services), TD18 (goods from "
			   "the EU) or TD19 (goods already in Italy)"),
			 s.name, s.country);
	else if (strcmp(type, "TD16") != 0 && strcmp(s.country, "IT") == 0)
		snprintf(msg, sizeof msg,
			 _("with TipoDocumento %s the supplier cannot be Italian (IdPaese IT), and "
			   "SdI refuses it (00473): %s is Italian, so its reverse charge is TD16"),
			 type, s.name);
	else if (strcmp(type, "TD18") == 0 && !in_eu(s.country))
		snprintf(msg, sizeof msg,
			 _("TD18 integrates goods bought in another country of the European Union: "
			   "%s is of %s; goods from outside it already in Italy are TD19"),
			 s.name, s.country);
	if (msg[0] != '\0')
		return record_invalid(r, DOC_TYPE, NULL, msg, err);
	if (company_load(b, &c, err) < 0)
		return REC_ERROR;
	if ((s.piva[0] != '\0' && strcmp(s.piva, record_get(c, COMPANY_PIVA)) == 0) ||
	    (s.cf[0] != '\0' && strcmp(s.cf, record_get(c, COMPANY_CF)) == 0))
		rc = record_invalid(r, DOC_PARTY, NULL,
				    _("the supplier of a self-invoice is not the company itself "
				      "(SdI refuses it, 00471)"),
				    err);
	else
		rc = 0;
	record_free(c);
	return rc;
}

/* ---- the links ---- */

int
document_integrated(struct book *b, int64_t id, int64_t *purchase, char number[24],
		    char date[11], char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT d.id, d.number, d.date FROM document_links k JOIN documents "
			       "d ON d.id = k.from_id WHERE k.to_id = ?1 AND d.kind = 'FA' "
			       "ORDER BY d.id LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*purchase = sqlite3_column_int64(st, 0);
		str_copy(number, (const char *)sqlite3_column_text(st, 1), 24);
		str_copy(date, (const char *)sqlite3_column_text(st, 2), 11);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* The newest self-invoice made of purchase id, as messages name it
 * ("AUT 1/2026", "AUT draft 7"), or "" when none. */
static int
last_self_invoice(struct book *b, int64_t id, char *out, size_t size, char *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT d.id, d.number FROM document_links k JOIN documents d ON "
			       "d.id = k.to_id WHERE k.from_id = ?1 AND d.kind = 'AUT' ORDER BY "
			       "d.id DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 1);

		if (n[0] != '\0')
			snprintf(out, size, "AUT %s", n);
		else
			snprintf(out, size, _("%s draft %" PRId64), "AUT",
				 (int64_t)sqlite3_column_int64(st, 0));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* ---- the making ---- */

/* The ids of purchase id's lines to integrate, in their order. */
static int
lines_to_integrate(struct book *b, int64_t id, int64_t **ids, size_t *n, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*ids = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT l.id FROM documents JOIN document_lines l ON l.document_id "
			       "= documents.id JOIN parties p ON p.id = documents.party_id WHERE "
			       "documents.id = ?1 AND " DOC_TO_INTEGRATE_WHERE " ORDER BY l.seq",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

static int
listed(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* The VAT rate of the article line l names, when it has one above 0, as
 * the book's text ("1000"); else rate. */
static int
line_rate(struct book *b, const struct record *l, int64_t rate, char out[24], char *err)
{
	const char *art = record_get(l, LINE_ARTICLE);
	sqlite3_stmt *st;
	int rc;

	snprintf(out, 24, "%" PRId64, rate);
	if (art[0] == '\0')
		return 0;
	if (sqlite3_prepare_v2(book_db(b), "SELECT vat_rate FROM articles WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, art, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    sqlite3_column_int64(st, 0) > 0)
		snprintf(out, 24, "%" PRId64, (int64_t)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* DD/MM/YYYY of an ISO date, as the Italian text of the document. */
static const char *
date_it(const char *iso, char out[11])
{
	if (strlen(iso) != 10)
		return iso;
	snprintf(out, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	return out;
}

int
document_self_fill(struct book *b, struct record *d, char *err)
{
	struct record *c = NULL;
	const char *sdi;
	struct side s;
	int rc;

	if (company_load(b, &c, err) < 0)
		return REC_ERROR;
	sdi = record_get(c, COMPANY_SDI);
	record_set(d, DOC_SDI, sdi[0] != '\0' ? sdi : "0000000");
	record_set(d, DOC_PEC, sdi[0] != '\0' ? "" : record_get(c, COMPANY_PEC));
	record_free(c);
	record_set(d, DOC_SPLIT, "0");
	record_set(d, DOC_PA_OFFICE, "");
	record_set(d, DOC_INTENT, "");
	if (record_get(d, DOC_PARTY)[0] == '\0' ||
	    (rc = party_side(b, record_get(d, DOC_PARTY), &s, err)) == 0)
		return 0;
	if (rc < 0)
		return rc;
	/* the cedente's regime: ordinary for an Italian supplier that
	 * applies the reverse charge, "other" (RF18) for one abroad */
	record_set(d, DOC_REGIME, strcmp(s.country, "IT") == 0 ? "RF01" : "RF18");
	if (strcmp(s.country, "IT") == 0)
		record_set(d, DOC_TYPE, "TD16");
	else if (strcmp(record_get(d, DOC_TYPE), "TD16") == 0)
		record_set(d, DOC_TYPE, "TD17");
	return 0;
}

/* The header: the supplier, the type, where SdI delivers it, the
 * causale. */
static int
self_header(struct book *b, struct record *d, const struct record *p, const struct side *s,
	    const char *type, const char *date, char *err)
{
	char it[11], *causale;
	int rc;

	record_set(d, DOC_KIND, "AUT");
	record_set(d, DOC_DIRECTION, "S");
	record_set(d, DOC_STATE, DOC_STATE_DRAFT);
	record_set(d, DOC_DATE, date);
	record_set(d, DOC_PARTY, record_get(p, DOC_PARTY));
	record_set(d, DOC_CURRENCY, record_get(p, DOC_CURRENCY));
	if ((rc = document_self_fill(b, d, err)) < 0)
		return rc;
	record_set(d, DOC_TYPE, type);
	causale = xasprintf(SELF_CAUSALE, record_get(p, DOC_NUMBER),
			    date_it(record_get(p, DOC_DATE), it), s->name);
	record_set(d, DOC_CAUSALE, causale);
	free(causale);
	return 0;
}

/* The lines of p listed in ids of one class (the first's: goods or
 * services) for a foreign supplier, all for an Italian one, into d. *goods
 * says which class was taken. */
static int
self_lines(struct book *b, struct record *d, const struct record *p, const int64_t *ids,
	   size_t n, int domestic, int64_t rate, int *goods, char *err)
{
	const struct record_rows *lines = &p->rows[DOC_LINES];
	struct record_rows *out = &d->rows[DOC_LINES];
	char no[16], from[24], vat[24];
	int first = 1, rc;

	*goods = 0;
	for (size_t i = 0; i < lines->n; i++) {
		const struct record *l = lines->row[i];
		struct record *m;

		if (!listed(ids, n, l->id))
			continue;
		if (first)
			*goods = is_goods(l);
		first = 0;
		if (!domestic && is_goods(l) != *goods)
			continue;
		if ((rc = line_rate(b, l, rate, vat, err)) < 0)
			return rc;
		m = record_copy(l);
		m->id = 0;
		m->version = 0;
		snprintf(no, sizeof no, "%zu", out->n + 1);
		snprintf(from, sizeof from, "%" PRId64, l->id);
		record_set(m, LINE_NO, no);
		record_set(m, LINE_FROM, from);
		record_set(m, LINE_VAT_RATE, vat);
		record_set(m, LINE_NATURA, "");
		record_set(m, LINE_NORM, "");
		record_set(m, LINE_RITENUTA, "0");
		record_rows_insert(out, out->n, m);
	}
	return 0;
}

/* Purchase p may be integrated: a registered purchase invoice with lines
 * left to integrate (ids). */
static int
integrable(struct book *b, const struct record *p, size_t n, char *err)
{
	char name[64], last[64];

	document_name(p, name, sizeof name);
	if (strcmp(record_get(p, DOC_KIND), "FA") != 0) {
		err_set(err, _("%s is not a purchase invoice: a self-invoice integrates a "
			       "purchase"),
			name);
		return REC_INVALID;
	}
	if (strcmp(record_get(p, DOC_STATE), DOC_STATE_DRAFT) == 0) {
		err_set(err, _("%s is a draft: a purchase is integrated once registered"), name);
		return REC_INVALID;
	}
	if (n > 0)
		return 0;
	if (last_self_invoice(b, p->id, last, sizeof last, err) < 0)
		return REC_ERROR;
	if (last[0] != '\0')
		err_set(err, _("every line of %s to integrate is already on self-invoice %s"), name,
			last);
	else
		err_set(err, _("%s has no lines to integrate: a self-invoice integrates lines of "
			       "Natura N6.1 to N6.9 (reverse charge), or at VAT rate 0 from a "
			       "supplier abroad"),
			name);
	return REC_INVALID;
}

static int
integrate_in(struct book *b, const struct doc_integrate *c, struct record **out, char *err)
{
	struct record *p = NULL, *d;
	struct record_fault f;
	int64_t *ids = NULL, rate = c->rate < 0 ? DOC_SELF_RATE : c->rate;
	size_t n = 0;
	struct side s;
	char date[11];
	const char *type;
	int rc, goods, domestic;

	if ((rc = record_load(b, &documents_kind, c->purchase, &p, err)) < 0) {
		if (rc == REC_GONE)
			err_set(err, _("there is no document number %" PRId64), c->purchase);
		return rc;
	}
	if ((rc = lines_to_integrate(b, p->id, &ids, &n, err)) < 0 ||
	    (rc = integrable(b, p, n, err)) < 0)
		goto out;
	if ((rc = party_side(b, record_get(p, DOC_PARTY), &s, err)) < 0)
		goto out;
	domestic = strcmp(s.country, "IT") == 0;
	if (c->date != NULL)
		str_copy(date, c->date, sizeof date);
	else
		util_today(date);
	*out = d = record_new(&documents_kind);
	if ((rc = self_lines(b, d, p, ids, n, domestic, rate, &goods, err)) < 0)
		goto out;
	type = c->type != NULL ? c->type
	       : domestic      ? "TD16"
	       : !goods	       ? "TD17"
	       : in_eu(s.country) ? "TD18"
				  : "TD19";
	if ((rc = self_header(b, d, p, &s, type, date, err)) < 0)
		goto out;
	rc = REC_INVALID;
	if (c->compute != NULL && c->compute(d, err) < 0)
		goto out;
	if ((rc = record_save_ex(b, d, &f, err)) < 0)
		goto out;
	rc = document_link_add(b, p->id, d->id, err);
out:
	free(ids);
	record_free(p);
	return rc;
}

int
document_integrate(struct book *b, const struct doc_integrate *c, int64_t *new_id, char *err)
{
	struct record *d = NULL;
	int rc;

	if (c->rate == 0 || c->rate > 10000) {
		err_set(err, "%s", _("a self-invoice's VAT rate is above 0 and at most 100"));
		return REC_INVALID;
	}
	if (c->type != NULL && !doc_kind_takes_type(doc_kind_find("AUT"), c->type)) {
		err_set(err, _("%s is not a self-invoice's type: TD16, TD17, TD18 or TD19"),
			c->type);
		return REC_INVALID;
	}
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	rc = integrate_in(b, c, &d, err);
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	else
		*new_id = d->id;
	record_free(d);
	return rc;
}

int
document_self_rate_parse(const char *typed, int64_t *rate, char *err)
{
	char buf[DEC_BUF], *p;
	struct dec d;
	size_t n;

	str_copy(buf, typed, sizeof buf);
	p = str_trim(buf);
	n = strlen(p);
	if (n > 0 && p[n - 1] == '%')
		p[--n] = '\0';
	for (char *q = p; *q != '\0'; q++)
		if (*q == ',')
			*q = '.';
	if (strlen(typed) >= sizeof buf || dec_parse(str_trim(p), 2, &d, NULL) < 0 ||
	    dec_to_cents(d, rate) < 0 || *rate <= 0 || *rate > 10000)
		return err_set(err, _("'%s' is not a VAT rate: a percentage above 0, such as 22 or "
				      "10"),
			       typed);
	return 0;
}
