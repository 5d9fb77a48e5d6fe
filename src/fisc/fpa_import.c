/* Import of purchase invoices from FatturaPA files into a book: finds or
 * creates the supplier by partita IVA, stores each document with its
 * lines, VAT summary, withholdings and payment schedule, and keeps the
 * original file. One transaction per file; a duplicate (same supplier,
 * number and date) refuses the whole file. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>


#include "book/book.h"
#include "fisc/fatturapa.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/util.h"

/* Runs one statement with its parameters, described by types: 't' text,
 * 'i' int64, 'b' blob (pointer, then size_t length). *rowid gets the last
 * insert rowid, or the first column of the first row when there is one
 * (for lookups); returns 1 when a row came back, 0 when none, -1 on error. */
static int
run(sqlite3 *db, long long *rowid, char *err, const char *sql, const char *types, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc, i = 1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return err_set(err, "%s", sqlite3_errmsg(db));
	va_start(ap, types);
	for (const char *t = types; *t; t++, i++) {
		if (*t == 't')
			sqlite3_bind_text(st, i, va_arg(ap, const char *), -1, SQLITE_TRANSIENT);
		else if (*t == 'i')
			sqlite3_bind_int64(st, i, va_arg(ap, long long));
		else {
			const void *p = va_arg(ap, const void *);
			size_t n = va_arg(ap, size_t);

			sqlite3_bind_blob64(st, i, p, n, SQLITE_TRANSIENT);
		}
	}
	va_end(ap);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (rowid)
			*rowid = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		return 1;
	}
	if (rc != SQLITE_DONE) {
		err_set(err, "%s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	if (rowid)
		*rowid = sqlite3_last_insert_rowid(db);
	sqlite3_finalize(st);
	return 0;
}

static const char *
nz(const char *s)
{
	return s ? s : "";
}

/* The name the register keeps: the Denominazione of a company, "Cognome
 * Nome" of a person (as the register derives it when one is typed). */
static const char *
register_name(const struct fpa_party *p, char *buf, size_t size)
{
	if (p->name != NULL && p->name[0] != '\0')
		str_copy(buf, p->name, size);
	else
		snprintf(buf, size, "%s %s", nz(p->last), nz(p->first));
	return buf;
}

/* The supplier by partita IVA (or codice fiscale): found, promoted from
 * customer to both, or created: a company (Denominazione) or a person
 * (Nome and Cognome), with its IdFiscaleIVA, codice fiscale and sede. */
static int
supplier(sqlite3 *db, const struct fpa_party *p, struct fpa_import *res, char *err)
{
	const char *key = p->vat_id[0] ? p->vat_id : p->cf;
	int person = p->name == NULL || p->name[0] == '\0';
	char name[160];
	long long id;
	int rc;

	if (*key == '\0')
		return err_set(err, _("the seller has neither partita IVA nor codice fiscale"));
	rc = run(db, &id, err, "SELECT id FROM parties WHERE piva = ?1 OR (piva = '' AND cf = ?1) "
		 "ORDER BY id LIMIT 1", "t", key);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		res->party_id = id;
		if (run(db, &id, err, "SELECT role FROM parties WHERE id = ?1 AND role = 'C'", "i",
			res->party_id) == 1) {
			res->party_now_both = 1;
			return run(db, NULL, err, "UPDATE parties SET role = 'B', version = version + 1, "
				   "modified = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1",
				   "i", res->party_id);
		}
		return 0;
	}
	res->party_created = 1;
	rc = run(db, &res->party_id, err,
		 "INSERT INTO parties (role, kind, name, last_name, first_name, vat_country, piva, "
		 "cf, address, street_no, city, cap, province, country) "
		 "VALUES ('S', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
		 "ttttttttttttt", person ? "P" : "C", register_name(p, name, sizeof name),
		 person ? nz(p->last) : "", person ? nz(p->first) : "", p->vat_country, p->vat_id,
		 p->cf, nz(p->addr.street), p->addr.civic, nz(p->addr.city), p->addr.cap,
		 p->addr.province, p->addr.country[0] ? p->addr.country : "IT");
	return rc < 0 ? -1 : 0;
}

static int
store_file(sqlite3 *db, const char *path, const unsigned char *data, size_t len,
	   const struct fpa_source *src, long long *id, char *err)
{
	const char *base = strrchr(path, '/');
	char hex[65] = "";

	sha256_hex(data, len, hex);
	return run(db, id, err,
		   "INSERT INTO document_files (name, sha256, signed, signature_ok, signer, content) "
		   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", "ttiitb", base ? base + 1 : path, hex,
		   (long long)src->is_signed, (long long)src->sig_verified, src->signer, data, len) < 0
		       ? -1
		       : 0;
}

static void
discounts_text(const struct fpa_line *l, char *buf, size_t size)
{
	char a[DEC_BUF];

	buf[0] = '\0';
	for (int i = 0; i < l->ndisc; i++) {
		const struct fpa_discount *d = &l->disc[i];
		size_t n = strlen(buf);

		snprintf(buf + n, size - n, "%s%s %s%s", i ? "; " : "", d->kind,
			 d->has_pct ? dec_format(d->pct, 2, 8, a, sizeof a)
				    : dec_format(d->amount, 2, 8, a, sizeof a),
			 d->has_pct ? "%" : "");
	}
}

static int
store_lines(sqlite3 *db, long long doc, const struct fpa_body *b, char *err)
{
	char q[DEC_BUF], p[DEC_BUF], t[DEC_BUF], disc[256];

	for (size_t i = 0; i < b->nlines; i++) {
		const struct fpa_line *l = &b->lines[i];

		discounts_text(l, disc, sizeof disc);
		if (run(db, NULL, err,
			"INSERT INTO document_lines (document_id, seq, line_no, description, quantity, "
			"unit, unit_price, discounts, total, vat_rate, natura, ritenuta) VALUES "
			"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", "iiittttttiti", doc,
			(long long)i + 1, (long long)l->number, nz(l->descr),
			l->has_qty ? dec_format(l->qty, 2, 8, q, sizeof q) : "", l->unit,
			dec_format(l->price, 2, 8, p, sizeof p), disc,
			dec_format(l->total, 2, 8, t, sizeof t), (long long)l->rate, l->natura,
			(long long)l->ritenuta) < 0)
			return -1;
	}
	return 0;
}

static int
store_rest(sqlite3 *db, long long doc, const struct fpa_body *b, char *err)
{
	for (size_t i = 0; i < b->nvat; i++) {
		const struct fpa_vat *v = &b->vat[i];
		char esig[2] = { v->esig, '\0' };

		if (run(db, NULL, err, "INSERT INTO document_vat (document_id, seq, vat_rate, natura, "
			"taxable, tax, rounding, esigibilita, norm) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
			"iiitiiitt", doc, (long long)i + 1, (long long)v->rate, v->natura,
			(long long)v->taxable, (long long)v->tax, (long long)v->rounding, esig,
			nz(v->norm)) < 0)
			return -1;
	}
	for (int i = 0; i < b->nwh; i++)
		if (run(db, NULL, err, "INSERT INTO document_withholdings (document_id, seq, type, rate, "
			"amount, causale) VALUES (?1,?2,?3,?4,?5,?6)", "iitiit", doc, (long long)i + 1,
			b->wh[i].type, (long long)b->wh[i].rate, (long long)b->wh[i].amount,
			b->wh[i].causale) < 0)
			return -1;
	for (size_t i = 0; i < b->npay; i++) {
		const struct fpa_payment *p = &b->pay[i];

		if (run(db, NULL, err, "INSERT INTO document_payments (document_id, seq, terms, mode, "
			"due, amount, iban) VALUES (?1,?2,?3,?4,?5,?6,?7)", "iitttit", doc,
			(long long)i + 1, p->terms, p->mode, p->due, (long long)p->amount, p->iban) < 0)
			return -1;
	}
	return 0;
}

static int
store_body(sqlite3 *db, const struct fpa_body *b, size_t bi, long long file_id,
	   struct fpa_import *res, const char *name, char *err)
{
	struct buf causale = { 0 };
	long long doc;
	int split = 0, rc;

	rc = run(db, &doc, err, "SELECT id FROM documents WHERE direction = 'P' AND party_id = ?1 "
		 "AND number = ?2 AND date = ?3", "itt", res->party_id, b->number, b->date);
	if (rc != 0) {
		char day[DATE_TEXT_SIZE];
		return rc < 0 ? -1 : err_set(err, _("%s: already imported: no. %s of %s from %s "
						    "(document %lld); nothing imported from this file"),
					      name, b->number, date_text(b->date, day), res->supplier, doc);
	}
	for (size_t i = 0; i < b->nvat; i++)
		split |= b->vat[i].esig == 'S';
	for (size_t i = 0; i < b->ncausale; i++) {
		buf_adds(&causale, i ? "\n" : "");
		buf_adds(&causale, b->causale[i]);
	}
	rc = run(db, &doc, err, "INSERT INTO documents (direction, party_id, type, number, date, "
		 "currency, taxable, tax, total, withholding, bollo, payable, split_payment, causale, "
		 "file_id, file_body) VALUES ('P',?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
		 "ittttiiiiiiitii", res->party_id, b->type, b->number, b->date,
		 b->currency[0] ? b->currency : "EUR", (long long)b->tot.taxable, (long long)b->tot.tax,
		 (long long)b->tot.total, (long long)b->tot.withholding, (long long)b->tot.bollo,
		 (long long)b->tot.payable, (long long)split, causale.data ? causale.data : "",
		 file_id, (long long)bi + 1);
	buf_free(&causale);
	if (rc < 0 || store_lines(db, doc, b, err) < 0 || store_rest(db, doc, b, err) < 0)
		return -1;
	res->documents++;
	return 0;
}

static int
import_parsed(struct book *bk, const char *path, const char *data, size_t len,
	      const struct fpa_source *src, const struct fpa_invoice *inv, struct fpa_import *res,
	      char *err)
{
	sqlite3 *db = book_db(bk);
	long long file_id;
	char sub[ERR_SIZE];

	fpa_party_name(&inv->seller, res->supplier, sizeof res->supplier);
	if (book_begin(bk, err) < 0)
		return -1;
	if (supplier(db, &inv->seller, res, sub) < 0 ||
	    store_file(db, path, (const unsigned char *)data, len, src, &file_id, sub) < 0)
		goto fail;
	res->file_id = file_id;
	for (size_t i = 0; i < inv->nbodies; i++)
		if (store_body(db, &inv->bodies[i], i, file_id, res, path, sub) < 0)
			goto fail;
	return book_commit(bk, err);
fail:
	book_rollback(bk);
	memset(res, 0, sizeof *res);
	if (strncmp(sub, path, strlen(path)) == 0)
		return err_set(err, "%s", sub);
	return err_set(err, _("%s: not imported: %s"), path, sub);
}

int
fpa_import_file(struct book *bk, const char *path, struct fpa_import *res, struct fpa_report *r,
		char *err)
{
	struct fpa_source src = { 0 };
	struct fpa_invoice *inv = NULL;
	char *data;
	size_t len;
	int rc;

	memset(res, 0, sizeof *res);
	if (file_read_all(path, FPA_MAX_FILE, &data, &len, err) < 0)
		return -1;
	if (fpa_source_from_file_data(path, (const unsigned char *)data, len, &src, err) < 0 ||
	    fpa_read_memory(src.xml, src.len, path, &inv, r, err) < 0) {
		if (strncmp(err, path, strlen(path)) != 0) {
			char sub[ERR_SIZE];

			str_copy(sub, err, sizeof sub);
			err_set(err, "%s: %s", path, sub);
		}
		fpa_source_free(&src);
		free(data);
		return -1;
	}
	fpa_check(inv, r);
	res->signed_file = src.is_signed;
	res->sig_verified = src.sig_verified;
	rc = import_parsed(bk, path, data, len, &src, inv, res, err);
	res->signed_file = src.is_signed;
	res->sig_verified = src.sig_verified;
	fpa_invoice_free(inv);
	fpa_source_free(&src);
	free(data);
	return rc;
}
