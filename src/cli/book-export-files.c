/* What the whole book's zip holds (book-export.h): every table of the
 * book as CSV, twice (italian/ and plain/, the two styles of the lists'
 * CSV, csv.c), each column's values through the field type a screen gives
 * it (as the lists' export writes them) or as the book keeps them; every
 * file the book keeps (FatturaPA files, SdI's receipts, received
 * originals, attachments, F24 receipts), named in its row's CSV by its
 * path in the zip; the FatturaPA file of each issued invoice that was
 * never exported, made for the zip by the export's own code and kept
 * nowhere else; and the README that says what each file holds. */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/sdi.h"
#include "bridge/doc-received.h"
#include "bridge/fpa-export.h"
#include "cli/book-export.h"
#include "fisc/sdi-msg.h"
#include "ui/csv.h"
#include "ui/export.h"
#include "util/i18n.h"

/* The tables in the README's order, and what each holds; a table not
 * named here (one a later step adds) follows them, by name. */
static const struct {
	const char *table, *about;
} known[] = {
	{ "company", N_("the company profile") },
	{ "parties", N_("customers and suppliers") },
	{ "party_contacts", N_("the contacts of customers and suppliers") },
	{ "articles", N_("articles") },
	{ "stock_moves", N_("stock movements") },
	{ "pn_accounts", N_("the prima nota's cash and bank accounts") },
	{ "pn_entries", N_("the prima nota: every entry of the cash and bank journal") },
	{ "f24", N_("F24 forms") },
	{ "f24_erario", N_("F24 forms: the Erario section's lines") },
	{ "f24_inps", N_("F24 forms: the INPS section's lines") },
	{ "f24_regioni", N_("F24 forms: the Regioni section's lines") },
	{ "f24_locali", N_("F24 forms: the local taxes' lines (IMU and others)") },
	{ "f24_inail", N_("F24 forms: the INAIL section's lines") },
	{ "f24_altri", N_("F24 forms: the other social security bodies' lines") },
	{ "f24_semplificato", N_("F24 semplificato forms: their lines") },
	{ "f24_elide", N_("F24 Elide forms: their lines") },
	{ "f24_receipts", N_("F24 forms: their receipts (the files in f24-receipts/)") },
	{ "documents", N_("documents, sales (direction S) and purchases (direction P): quotes, "
			  "orders, delivery notes, invoices, notes") },
	{ "document_lines", N_("the documents' lines") },
	{ "document_vat", N_("the documents' VAT summaries") },
	{ "document_withholdings", N_("the documents' withholding taxes") },
	{ "document_payments", N_("the documents' payment schedules") },
	{ "document_links", N_("which document was made from which") },
	{ "document_files", N_("the received invoices' original files (in originals/)") },
	{ "document_attachments", N_("the files suppliers attached to their invoices "
				     "(in attachments/)") },
	{ "sdi_files", N_("the FatturaPA files made for the issued invoices (in fatturapa/)") },
	{ "sdi_messages", N_("SdI's receipts and notices about them (in sdi-receipts/)") },
	{ "sdi_message_errors", N_("the errors SdI's rejections name") },
	{ "pec_settings", N_("the PEC settings (the password left out)") },
	{ "custom_values", N_("the values of the fields users added to the screens") },
	{ "history", N_("the history: every change made to the book, who made it and when") },
};

/* The tables that hold files, where their files go and by which name. */
static const struct file_table {
	const char *table, *column;
	enum xgroup group;
	const char *folder;
	const char *name_col; /* the file's own name */
	int unique;           /* that name is unique in the table: no row number before it */
} file_tables[] = {
	{ "sdi_files", "xml", XG_FPA, "fatturapa", "name", 1 },
	{ "sdi_messages", "content", XG_RECEIPT, "sdi-receipts", "file_name", 1 },
	{ "document_files", "content", XG_ORIGINAL, "originals", "name", 0 },
	{ "document_attachments", "content", XG_ATTACHMENT, "attachments", "name", 0 },
	{ "f24_receipts", "content", XG_F24_RECEIPT, "f24-receipts", "name", 0 },
};

struct xfile *
xport_add(struct xport *x, enum xgroup g, char *path, char *about)
{
	struct xfile *f;

	x->files = xreallocarray(x->files, x->nfiles + 1, sizeof *x->files);
	f = &x->files[x->nfiles++];
	*f = (struct xfile){ .path = xport_unique(x, path), .about = about, .group = g };
	x->count[g]++;
	return f;
}

static size_t
known_index(const char *table)
{
	for (size_t i = 0; i < ARRAY_LEN(known); i++)
		if (strcmp(known[i].table, table) == 0)
			return i;
	return ARRAY_LEN(known);
}

/* The README's order: the known tables first, as listed, then by name. */
static int
table_order(const void *a, const void *b)
{
	const struct dump_table *ta = a, *tb = b;
	size_t ia = known_index(ta->name), ib = known_index(tb->name);

	return ia != ib ? (ia < ib ? -1 : 1) : strcmp(ta->name, tb->name);
}

/* ---- the columns' field types ---- */

/* Whether kind k keeps its records in table (itself, or through a view
 * of it: its fields of a column's name are that column). */
static int
keeps(const struct record_kind *k, const char *table)
{
	const char *t = k != NULL ? book_dump_table_of(k) : NULL;

	return t != NULL && strcmp(t, table) == 0;
}

/* The field type of a column that no screen shows, by what its record
 * kind checks it with (a document's VAT summary: cents, rates), or named
 * here (the prima nota's signed amount, which its screen shows as Entrate
 * and Uscite): a field of that type, kept in x->typed; NULL for none. */
static const struct screen_field *
typed_field(struct xport *x, const char *table, const char *col)
{
	static const struct {
		int (*check)(const char *v, char *err);
		const char *type;
	} by_check[] = {
		{ check_doc_cents, "money" },
		{ check_doc_rate, "percent" },
		{ check_doc_decimal, "number" },
	};
	static const struct {
		const char *table, *column, *type;
	} named[] = {
		{ "pn_entries", "amount", "money" },
	};
	const struct record_kind *k;
	const char *type = NULL;
	struct screen_field *f;

	for (size_t i = 0; i < ARRAY_LEN(named) && type == NULL; i++)
		if (strcmp(named[i].table, table) == 0 && strcmp(named[i].column, col) == 0)
			type = named[i].type;
	for (size_t i = 0; type == NULL && (k = record_kind_at(i)) != NULL; i++)
		for (size_t c = 0; c <= k->nchildren && type == NULL; c++) {
			const struct record_kind *ck = c == 0 ? k : k->children[c - 1].kind;
			int n = keeps(ck, table) ? record_field_index(ck, col) : -1;

			for (size_t j = 0; n >= 0 && j < ARRAY_LEN(by_check); j++)
				if (ck->fields[n].check == by_check[j].check)
					type = by_check[j].type;
		}
	if (type == NULL || fieldtype_find(type) == NULL)
		return NULL;
	f = xcalloc(1, sizeof *f);
	f->type = fieldtype_find(type);
	x->typed = xreallocarray(x->typed, x->ntyped + 1, sizeof *x->typed);
	x->typed[x->ntyped++] = f;
	return f;
}

/* The screen field that shows column col of table, in the first screen
 * (or grid) whose kind keeps its records in that table, else a field of
 * the type typed_field gives it; NULL: the values are written as the book
 * keeps them. */
static const struct screen_field *
field_of(struct xport *x, const char *table, const char *col)
{
	for (size_t i = 0; i < x->nscreens; i++) {
		const struct screen *s = x->screens[i];

		if (keeps(s->kind, table))
			for (size_t f = 0; f < s->nfields; f++)
				if (!(s->fields[f].flags & SF_CUSTOM) &&
				    strcmp(s->kind->fields[s->fields[f].record_field].name, col) == 0)
					return &s->fields[f];
		for (size_t g = 0; g < s->ngrids; g++) {
			const struct screen_grid *gr = &s->grids[g];

			if (!keeps(gr->kind, table))
				continue;
			for (size_t f = 0; f < gr->nfields; f++)
				if (strcmp(gr->kind->fields[gr->fields[f].record_field].name, col) == 0)
					return &gr->fields[f];
		}
	}
	return typed_field(x, table, col);
}

/* ---- names for the README ---- */

/* How the README names document id ("FAT 1/2026"), into out (64 bytes). */
static const char *
doc_name(struct xport *x, const char *id, char *out)
{
	struct record *doc = NULL;
	char err[ERR_SIZE];
	long long n = id != NULL ? strtoll(id, NULL, 10) : 0;

	snprintf(out, 64, _("document %lld"), n);
	if (n > 0 && record_load(x->b, &documents_kind, n, &doc, err) == 0)
		document_name(doc, out, 64);
	record_free(doc);
	return out;
}

static const char *
col_value(const struct dump_table *t, const struct dump_row *r, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].name, name) == 0)
			return r->text[c] != NULL ? r->text[c] : "";
	return "";
}

/* What a file of table ft holds, for its README line (translated). */
static char *
file_about(struct xport *x, const struct file_table *ft, const struct dump_table *t,
	   const struct dump_row *r)
{
	char name[64];
	const char *state;

	if (ft == NULL)
		return xasprintf(_("a file of table %s (row %lld)"), t->name, (long long)r->rowid);
	switch (ft->group) {
	case XG_FPA:
		state = sdi_state_label(col_value(t, r, "state")[0]);
		return xasprintf(_("the FatturaPA file of %s, as the book made and keeps it "
				   "(SdI state: %s)"),
				 doc_name(x, col_value(t, r, "document"), name),
				 state != NULL ? _(state) : col_value(t, r, "state"));
	case XG_RECEIPT:
		return xasprintf(_("SdI's %s about file %s, as received"),
				 sdi_msg_kind_label(col_value(t, r, "kind")),
				 col_value(t, r, "answers"));
	case XG_ORIGINAL:
		return xasprintf(_("a received invoice's original file, as received%s"),
				 strcmp(col_value(t, r, "signed"), "1") == 0 ? _(" (signed)") : "");
	case XG_ATTACHMENT:
		return xasprintf(_("attachment %s of %s, as its supplier sent it"),
				 col_value(t, r, "seq"),
				 doc_name(x, col_value(t, r, "document_id"), name));
	case XG_F24_RECEIPT:
		return xasprintf(_("a receipt of F24 number %s"), col_value(t, r, "f24_id"));
	default:
		return xasprintf(_("a file of table %s (row %lld)"), t->name, (long long)r->rowid);
	}
}

/* A table's or a column's name as part of a path in the zip: a book
 * may hold a table of any name ("../x"), which must not leave its folder. */
static char *
path_part(const char *name)
{
	char *s = xstrdup(name);

	file_safe(s);
	return s;
}

/* The path in the zip of blob column col of row r, its file added. */
static const char *
add_blob(struct xport *x, const struct dump_table *t, size_t col, const struct dump_row *r)
{
	const struct file_table *ft = NULL;
	char why[ERR_SIZE], *path;
	struct xfile *f;

	for (size_t i = 0; i < ARRAY_LEN(file_tables); i++)
		if (strcmp(file_tables[i].table, t->name) == 0 &&
		    strcmp(file_tables[i].column, t->cols[col].name) == 0)
			ft = &file_tables[i];
	if (ft == NULL) {
		char *tn = path_part(t->name), *cn = path_part(t->cols[col].name);

		path = xasprintf("files/%s/%" PRId64 "-%s", tn, r->rowid, cn);
		free(tn);
		free(cn);
	} else {
		char *name = xstrdup(col_value(t, r, ft->name_col));
		int as_sent = attachment_name_ok(name, why);

		/* a name as sent may be no file's name: made one, after the
		 * row's number, as that name may be another row's as sent */
		if (!as_sent)
			file_safe(name);
		if (ft->unique && as_sent)
			path = xasprintf("%s/%s", ft->folder, name);
		else
			path = xasprintf("%s/%" PRId64 "-%s", ft->folder, r->rowid, name);
		free(name);
	}
	f = xport_add(x, ft != NULL ? ft->group : XG_OTHER, path, file_about(x, ft, t, r));
	f->table = t;
	f->col = col;
	f->rowid = r->rowid;
	f->len = strtoll(r->text[col], NULL, 10);
	return f->path;
}

/* ---- the tables as CSV ---- */

struct csv_table {
	struct xport *x;
	const struct dump_table *t;
	const struct screen_field **field; /* per column, or NULL */
	struct buf it, plain;
	size_t rows;
};

static const struct csv_opts italian = { CSV_ITALIAN, 1 }, plain = { CSV_PLAIN, 0 };

/* Whether s is an integer as SQLite writes one (a number cell). */
static int
integer_text(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int
add_row(void *arg, const struct dump_row *r, char *err)
{
	struct csv_table *c = arg;
	const struct dump_table *t = c->t;

	(void)err;
	for (size_t i = 0; i < t->ncols; i++) {
		const struct screen_field *f = c->field[i];
		const char *v = r->text[i] != NULL ? r->text[i] : "";
		char *it = NULL, *pl = NULL;
		int number = 0;

		if (t->cols[i].blob)
			v = r->text[i] != NULL ? add_blob(c->x, t, i, r) : "";
		else if (f != NULL && v[0] != '\0') {
			it = screen_field_show(f, NULL, v);
			pl = screen_field_plain(f, NULL, v);
			number = (f->type->flags & FT_NUMBER) != 0;
		} else
			number = integer_text(v);
		csv_cell(&c->it, &italian, it != NULL ? it : v, number, i == 0);
		csv_cell(&c->plain, &plain, pl != NULL ? pl : v, number, i == 0);
		free(it);
		free(pl);
	}
	csv_end_row(&c->it);
	csv_end_row(&c->plain);
	c->rows++;
	c->x->rows++;
	if (c->x->rows % EXPORT_PROGRESS_ROWS == 0)
		xport_progress(c->x, _("Exporting %s: %zu rows so far..."), t->name, c->x->rows);
	return 0;
}

static int
table_csv(struct xport *x, const struct dump_table *t, char *err)
{
	struct csv_table c = { x, t, xcalloc(t->ncols ? t->ncols : 1, sizeof *c.field),
			       { 0 }, { 0 }, 0 };
	size_t k = known_index(t->name);
	struct xfile *f;
	char *about, *tn;
	int rc;

	csv_begin(&c.it, &italian);
	csv_begin(&c.plain, &plain);
	for (size_t i = 0; i < t->ncols; i++) {
		c.field[i] = field_of(x, t->name, t->cols[i].name);
		csv_cell(&c.it, &italian, t->cols[i].name, 0, i == 0);
		csv_cell(&c.plain, &plain, t->cols[i].name, 0, i == 0);
	}
	csv_end_row(&c.it);
	csv_end_row(&c.plain);
	rc = book_dump_rows(x->b, t, add_row, &c, err);
	free(c.field);
	if (rc < 0) {
		buf_free(&c.it);
		buf_free(&c.plain);
		return -1;
	}
	about = k < ARRAY_LEN(known) ? xstrdup(_(known[k].about))
				     : xasprintf(_("table %s of the book"), t->name);
	tn = path_part(t->name);
	f = xport_add(x, XG_CSV, xasprintf("italian/%s.csv", tn),
		      xasprintf(ngettext("%s (%zu row)", "%s (%zu rows)", c.rows), about, c.rows));
	f->bytes = c.it;
	f->len = (int64_t)c.it.len;
	f = xport_add(x, XG_CSV, xasprintf("plain/%s.csv", tn), NULL);
	free(tn);
	f->bytes = c.plain;
	f->len = (int64_t)c.plain.len;
	x->count[XG_CSV]--; /* the two files of a table count once */
	x->csv_tables++;
	free(about);
	return 0;
}

/* ---- the invoices never exported ---- */

static void
note(struct xport *x, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (s != NULL)
		text_lines_add(&x->notes, s);
	free(s);
}

static int
unsent_files(struct xport *x, char *err)
{
	int64_t *docs = NULL, next;
	size_t n = 0;
	char name[64];

	if (sdi_documents_unfiled(x->b, &docs, &n, err) < 0)
		return -1;
	if (n > 0 && x->xsd == NULL)
		note(x, ngettext("%zu issued invoice was never exported, and its FatturaPA file "
				 "could not be made: %s",
				 "%zu issued invoices were never exported, and their FatturaPA files "
				 "could not be made: %s", n),
		     n, x->xsd_err);
	if (n > 0 && x->xsd != NULL && sdi_file_next_id(x->b, &next, err) < 0) {
		free(docs);
		return -1;
	}
	/* each its own progressivo, after the book's: none is taken in the book */
	for (size_t i = 0; i < n && x->xsd != NULL; i++) {
		struct fpa_report r = { 0 };
		char fname[64], why[ERR_SIZE], *xml = NULL;
		size_t len = 0;
		int rc = fpa_export_unstored(x->b, docs[i], next + (int64_t)i, x->xsd, fname, &xml,
					     &len, &r, why);
		char num[24];

		snprintf(num, sizeof num, "%" PRId64, docs[i]);
		if (rc < 0)
			note(x, _("%s was never exported, and its FatturaPA file could not be made: %s"),
			     doc_name(x, num, name), why);
		else {
			struct xfile *f = xport_add(
				x, XG_FPA_UNSENT, xasprintf("fatturapa/unsent/%s", fname),
				xasprintf(_("the FatturaPA file of %s, made for this export: the "
					    "document was never exported nor sent to SdI, and the "
					    "book keeps no file of it"),
					  doc_name(x, num, name)));
			buf_add(&f->bytes, xml, len);
			f->len = (int64_t)len;
		}
		free(xml);
		fpa_report_free(&r);
	}
	free(docs);
	return 0;
}

int
xport_collect(struct xport *x, char *err)
{
	if (book_dump_tables(x->b, &x->tables, &x->ntables, err) < 0)
		return -1;
	qsort(x->tables, x->ntables, sizeof *x->tables, table_order);
	for (size_t i = 0; i < x->ntables; i++)
		if (table_csv(x, &x->tables[i], err) < 0)
			return -1;
	return unsent_files(x, err);
}

/* ---- the README ---- */

static void
group_files(struct buf *out, const struct xport *x, enum xgroup g, const char *heading)
{
	if (x->count[g] == 0)
		return;
	buf_printf(out, "\n%s\n", heading);
	for (size_t i = 0; i < x->nfiles; i++)
		if (x->files[i].group == g && x->files[i].about != NULL)
			buf_printf(out, "  %s: %s\n", x->files[i].path, x->files[i].about);
}

void
xport_readme(struct xport *x)
{
	struct buf t = { 0 };
	struct xfile *f;

	buf_printf(&t, _("The whole book %s, as it was on %s (schema version %d), exported by "
			 "scrivano %s.\n"),
		   x->book_path, x->when, x->version, PACKAGE_VERSION);
	buf_adds(&t, _("Every file here is of that one moment: the book was read in one "
		       "transaction, while its sessions went on.\n"));
	buf_printf(&t, "\n%s\n", _("Registers and journals: each table of the book twice, with "
				   "a header row of its columns' names:"));
	buf_printf(&t, "  %s\n", _("italian/*.csv  for spreadsheets: cells separated by ';', "
				   "numbers 1.234,56, dates dd/mm/yyyy, with a UTF-8 byte order "
				   "mark;"));
	buf_printf(&t, "  %s\n", _("plain/*.csv    for programs: cells separated by ',', "
				   "numbers 1234.56, dates YYYY-MM-DD."));
	buf_printf(&t, "  %s\n", _("Amounts, rates, quantities, dates and yes/no are written as "
				   "the lists' CSV writes them; a link to another record (a "
				   "customer, an article) is that record's number, its id column; "
				   "times are in UTC. A column holding a file gives the file's path "
				   "in this zip."));
	for (size_t i = 0; i < x->nfiles; i++) {
		f = &x->files[i];
		if (f->group == XG_CSV && f->about != NULL)
			buf_printf(&t, "  %s, %s: %s\n", f->path, x->files[i + 1].path, f->about);
	}
	group_files(&t, x, XG_FPA, _("FatturaPA files, as the book made and keeps them:"));
	group_files(&t, x, XG_FPA_UNSENT,
		    _("FatturaPA files made for this export, of issued invoices never exported "
		      "(not sent to SdI; their progressivo is not taken in the book, and a file "
		      "exported later may take it):"));
	group_files(&t, x, XG_RECEIPT, _("SdI's receipts and notices, as received:"));
	group_files(&t, x, XG_ORIGINAL, _("The received invoices' original files (the .p7m "
					  "when signed):"));
	group_files(&t, x, XG_ATTACHMENT, _("The files suppliers attached to their invoices:"));
	group_files(&t, x, XG_F24_RECEIPT, _("The F24 forms' receipts:"));
	group_files(&t, x, XG_OTHER, _("Other files the book keeps:"));
	if (x->notes.n > 0) {
		buf_printf(&t, "\n%s\n", _("Not in this zip:"));
		for (size_t i = 0; i < x->notes.n; i++)
			buf_printf(&t, "  %s\n", x->notes.v[i]);
	}
	buf_printf(&t, "\n%s\n", _("Left out, as not the book's entries: the drafts of forms "
				   "not saved yet, and the prima nota's running totals (computed "
				   "from its entries)."));
	f = xport_add(x, XG_README, xstrdup("README.txt"), NULL);
	f->bytes = t;
	f->len = (int64_t)t.len;
}
