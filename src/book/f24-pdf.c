/* The F24 as a PDF (f24-pdf.h): the model's boxes drawn with the drawing
 * layer, one table per section saying where its columns are. The model's
 * printed words are the model's own, in Italian, not translated. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/f24.h"
#include "util/decimal.h"
#include "book/f24-pdf.h"
#include "pdf/pdf.h"
#include "util/util.h"

/* The page, in tenths of a millimetre. */
#define LEFT 100
#define WIDTH 1900
#define BAND 38      /* a section's heading band */
#define HEAD_ROW 62  /* a section's column headings */
#define ROW 50       /* a row of boxes */
#define TOTAL_ROW 55 /* a section's totals */
#define GAP 12
#define AMOUNT 300 /* each of the three amount columns */
#define IDENT (WIDTH - 3 * AMOUNT)

#define FIELD_FLAGS (-2) /* IMU's four flag columns are fields of their own */

struct col {
	int field; /* of the row's kind, or -1: a box left empty */
	int width;
	const char *heading;
};

struct section {
	const char *title;
	size_t boxes; /* rows on the model */
	struct col cols[10];
	size_t ncols;
	int debit, credit;
	const char *letters[3]; /* TOTALE A, B and SALDO (A-B) */
};

static const struct section sections[F24_NSECTIONS] = {
	[F24_ERARIO] = { "SEZIONE ERARIO", 6,
			 { { ERARIO_CODE, 220, "codice tributo" },
			   { ERARIO_RATE, 420, "rateazione/regione/\nprov./mese rif." },
			   { ERARIO_YEAR, 360, "anno di\nriferimento" } },
			 3, ERARIO_DEBIT, ERARIO_CREDIT, { "A", "B", "SALDO (A-B)" } },
	[F24_INPS] = { "SEZIONE INPS", 4,
		       { { INPS_SEDE, 160, "codice\nsede" },
			 { INPS_CAUSALE, 160, "causale\ncontributo" },
			 { INPS_MATRICOLA, 360, "matricola INPS/codice INPS/\nfiliale azienda" },
			 { INPS_FROM, 160, "da\nmm/aaaa" },
			 { INPS_TO, 160, "a\nmm/aaaa" } },
		       5, INPS_DEBIT, INPS_CREDIT, { "C", "D", "SALDO (C-D)" } },
	[F24_REGIONI] = { "SEZIONE REGIONI", 4,
			  { { REGIONI_REGION, 200, "codice\nregione" },
			    { REGIONI_CODE, 240, "codice\ntributo" },
			    { REGIONI_RATE, 300, "rateazione/\nmese rif." },
			    { REGIONI_YEAR, 260, "anno di\nriferimento" } },
			  4, REGIONI_DEBIT, REGIONI_CREDIT, { "E", "F", "SALDO (E-F)" } },
	[F24_LOCALI] = { "SEZIONE IMU E ALTRI TRIBUTI LOCALI", 4,
			 { { LOCALI_ENTE, 160, "codice ente/\ncodice comune" },
			   { LOCALI_RAVV, 80, "Ravv." },
			   { LOCALI_VARIATI, 80, "Immob.\nvariati" },
			   { LOCALI_ACCONTO, 80, "Acc." },
			   { LOCALI_SALDO, 80, "Saldo" },
			   { LOCALI_NUMERO, 100, "numero\nimmobili" },
			   { LOCALI_CODE, 140, "codice\ntributo" },
			   { LOCALI_RATE, 160, "rateazione/\nmese rif." },
			   { LOCALI_YEAR, 120, "anno di\nriferim." } },
			 9, LOCALI_DEBIT, LOCALI_CREDIT, { "G", "H", "SALDO (G-H)" } },
	[F24_INAIL] = { "SEZIONE INAIL", 3,
			{ { INAIL_SEDE, 160, "codice\nsede" },
			  { INAIL_DITTA, 240, "codice\nditta" },
			  { INAIL_CC, 100, "c.c." },
			  { INAIL_REF, 300, "numero di\nriferimento" },
			  { INAIL_CAUSALE, 200, "causale" } },
			5, INAIL_DEBIT, INAIL_CREDIT, { "I", "L", "SALDO (I-L)" } },
	[F24_ALTRI] = { "ALTRI ENTI PREVIDENZIALI E ASSICURATIVI", 2,
			{ { ALTRI_ENTE, 140, "codice\nente" },
			  { ALTRI_SEDE, 160, "codice\nsede" },
			  { ALTRI_CAUSALE, 160, "causale\ncontributo" },
			  { ALTRI_POSITION, 220, "codice\nposizione" },
			  { ALTRI_FROM, 160, "da\nmm/aaaa" },
			  { ALTRI_TO, 160, "a\nmm/aaaa" } },
			6, ALTRI_DEBIT, ALTRI_CREDIT, { "M", "N", "SALDO (M-N)" } },
};

/* Rows [first, first + n) of each section are on this page. */
struct slice {
	size_t first[F24_NSECTIONS], n[F24_NSECTIONS];
	int64_t debit[F24_NSECTIONS], credit[F24_NSECTIONS];
	int64_t saldo_finale;
};

static size_t
rows_of(const struct record *f, size_t s)
{
	return f->rows != NULL ? f->rows[s].n : 0;
}

int
f24_pdf_pages(const struct record *f)
{
	size_t pages = 1;

	for (size_t s = 0; s < F24_NSECTIONS; s++) {
		size_t need = (rows_of(f, s) + sections[s].boxes - 1) / sections[s].boxes;
		if (need > pages)
			pages = need;
	}
	return (int)pages;
}

static int64_t
cents_of(const char *v)
{
	return v[0] != '\0' ? strtoll(v, NULL, 10) : 0;
}

static void
slice_page(const struct record *f, size_t page, struct slice *sl)
{
	memset(sl, 0, sizeof *sl);
	for (size_t s = 0; s < F24_NSECTIONS; s++) {
		size_t n = rows_of(f, s), first = page * sections[s].boxes;

		sl->first[s] = first;
		sl->n[s] = first >= n ? 0 : n - first < sections[s].boxes ? n - first
									     : sections[s].boxes;
		for (size_t r = first; r < first + sl->n[s]; r++) {
			sl->debit[s] += cents_of(record_get(f->rows[s].row[r], (size_t)sections[s].debit));
			sl->credit[s] +=
				cents_of(record_get(f->rows[s].row[r], (size_t)sections[s].credit));
		}
		sl->saldo_finale += sl->debit[s] - sl->credit[s];
	}
}

static const char *
amount(int64_t cents, char *buf, size_t size)
{
	return cents_format_it(cents, buf, size);
}

/* A small label at a box's top-left corner, its value below it. */
static void
labelled(struct pdf *p, int x, int y, int w, int h, const char *label, const char *value)
{
	pdf_rect(p, x, y, w, h);
	pdf_font(p, 50, 0);
	pdf_text(p, x + 8, y + 22, PDF_LEFT, label);
	pdf_font(p, 90, 0);
	pdf_cell_text(p, x, y + h / 3, w, h - h / 3, PDF_LEFT, value);
}

static void
date_it(const char *iso, char out[16])
{
	if (strlen(iso) == 10)
		snprintf(out, 16, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	else
		str_copy(out, iso, 16);
}

/* A field of the F24 by name, "" where the kind has none (the bank's
 * details belong to the payment). */
static const char *
field_named(const struct record *f, const char *name)
{
	int i = record_field_index(f->kind, name);

	return i >= 0 ? record_get(f, (size_t)i) : "";
}

static int
heading(struct pdf *p, int y, int page, int pages)
{
	char buf[64];

	pdf_font(p, 70, 0);
	pdf_text(p, LEFT, y + 30, PDF_LEFT, "Agenzia delle Entrate");
	pdf_font(p, 130, 1);
	pdf_text(p, LEFT, y + 80, PDF_LEFT, "MODELLO DI PAGAMENTO UNIFICATO");
	pdf_font(p, 280, 1);
	pdf_text(p, LEFT + WIDTH, y + 95, PDF_RIGHT, "F24");
	pdf_font(p, 70, 0);
	pdf_text(p, LEFT, y + 125, PDF_LEFT,
		 "DELEGA IRREVOCABILE A: ____________________  AGENZIA ____________  "
		 "PROV. ____   PER L'ACCREDITO ALLA TESORERIA COMPETENTE");
	if (pages > 1) {
		snprintf(buf, sizeof buf, "Modello %d di %d", page, pages);
		pdf_font(p, 80, 1);
		pdf_text(p, LEFT + WIDTH - 350, y + 30, PDF_RIGHT, buf);
	}
	return y + 140;
}

static int
contribuente(struct pdf *p, const struct record *f, int y)
{
	const char *cf = record_get(f, F24_CF);
	int h = 2 * 70 + 60 + BAND, x = LEFT, cw = 55;
	char prov[8];

	pdf_box(p, LEFT, y, WIDTH, h, BAND, 70, "CONTRIBUENTE");
	y += BAND;
	pdf_font(p, 50, 0);
	pdf_text(p, x + 8, y + 22, PDF_LEFT, "CODICE FISCALE");
	pdf_font(p, 90, 1);
	for (int i = 0; i < 16; i++) {
		char c[2] = { i < (int)strlen(cf) ? cf[i] : '\0', '\0' };
		pdf_rect(p, x + 300 + i * cw, y + 5, cw, 50);
		pdf_cell_text(p, x + 300 + i * cw, y + 5, cw, 50, PDF_CENTER, c);
	}
	y += 60;
	labelled(p, x, y, 1100, 70, "cognome, denominazione o ragione sociale",
		 record_get(f, F24_NAME));
	labelled(p, x + 1100, y, WIDTH - 1100, 70, "nome", record_get(f, F24_FIRST_NAME));
	y += 70;
	str_copy(prov, record_get(f, F24_PROVINCE), sizeof prov);
	labelled(p, x, y, 700, 70, "DOMICILIO FISCALE  comune", record_get(f, F24_CITY));
	labelled(p, x + 700, y, 150, 70, "prov.", prov);
	labelled(p, x + 850, y, WIDTH - 850, 70, "via e numero civico",
		 record_get(f, F24_ADDRESS));
	return y + 70 + GAP;
}

static int
coobbligato(struct pdf *p, const struct record *f, int y)
{
	labelled(p, LEFT, y, 1300, 60,
		 "codice fiscale del coobbligato, erede, genitore, tutore o curatore fallimentare",
		 record_get(f, F24_COOBLIGATO_CF));
	labelled(p, LEFT + 1300, y, WIDTH - 1300, 60, "codice identificativo",
		 record_get(f, F24_ID_CODE));
	return y + 60 + GAP;
}

/* A row's value in column c: IMU's flags as an X. */
static const char *
cell_value(const struct record *row, const struct col *c)
{
	const char *v = record_get(row, (size_t)c->field);

	if (row->kind == &f24_locali_kind &&
	    (c->field == LOCALI_RAVV || c->field == LOCALI_VARIATI || c->field == LOCALI_ACCONTO ||
	     c->field == LOCALI_SALDO))
		return strcmp(v, "1") == 0 ? "X" : "";
	return v;
}

/* The section's totals row: its extra boxes on the left (Erario's codice
 * ufficio and atto, IMU's identificativo operazione and detrazione), then
 * TOTALE with the debits and credits, and the saldo. */
static void
totals_row(struct pdf *p, const struct record *f, size_t s, const struct slice *sl, int y)
{
	const struct section *sec = &sections[s];
	int ax = LEFT + IDENT;
	char a[40];
	const struct record_rows *rs = f->rows != NULL ? &f->rows[s] : NULL;
	const char *v1 = "", *v2 = "";

	for (size_t r = sl->first[s]; rs != NULL && r < sl->first[s] + sl->n[s]; r++) {
		const struct record *row = rs->row[r];
		if (s == F24_ERARIO && v1[0] == '\0')
			v1 = record_get(row, ERARIO_OFFICE);
		if (s == F24_ERARIO && v2[0] == '\0')
			v2 = record_get(row, ERARIO_ACT);
		if (s == F24_LOCALI && v1[0] == '\0')
			v1 = record_get(row, LOCALI_OPERATION);
	}
	if (s == F24_LOCALI)
		v2 = record_get(f, F24_DETRAZIONE)[0] != '\0'
			     ? amount(cents_of(record_get(f, F24_DETRAZIONE)), a, sizeof a)
			     : "";
	if (s == F24_ERARIO) {
		labelled(p, LEFT, y, 250, TOTAL_ROW, "codice ufficio", v1);
		labelled(p, LEFT + 250, y, 450, TOTAL_ROW, "codice atto", v2);
	} else if (s == F24_LOCALI) {
		labelled(p, LEFT, y, 450, TOTAL_ROW, "identificativo operazione", v1);
		labelled(p, LEFT + 450, y, 300, TOTAL_ROW, "detrazione", v2);
	}
	pdf_font(p, 70, 1);
	pdf_text(p, ax - 20, y + 37, PDF_RIGHT, "TOTALE");
	pdf_font(p, 50, 1);
	pdf_text(p, ax + 10, y + 18, PDF_LEFT, sec->letters[0]);
	pdf_text(p, ax + AMOUNT + 10, y + 18, PDF_LEFT, sec->letters[1]);
	pdf_text(p, ax + 2 * AMOUNT + 10, y + 18, PDF_LEFT, sec->letters[2]);
	pdf_font(p, 90, 1);
	for (int k = 0; k < 3; k++)
		pdf_rect(p, ax + k * AMOUNT, y, AMOUNT, TOTAL_ROW);
	if (sl->n[s] == 0) /* the model's boxes left empty, as for a section not used */
		return;
	pdf_cell_text(p, ax, y + 15, AMOUNT, TOTAL_ROW - 15, PDF_RIGHT,
		      amount(sl->debit[s], a, sizeof a));
	pdf_cell_text(p, ax + AMOUNT, y + 15, AMOUNT, TOTAL_ROW - 15, PDF_RIGHT,
		      amount(sl->credit[s], a, sizeof a));
	pdf_cell_text(p, ax + 2 * AMOUNT, y + 15, AMOUNT, TOTAL_ROW - 15, PDF_RIGHT,
		      amount(sl->debit[s] - sl->credit[s], a, sizeof a));
}

static int
section(struct pdf *p, const struct record *f, size_t s, const struct slice *sl, int y)
{
	const struct section *sec = &sections[s];
	int widths[12], x = LEFT, ax = LEFT + IDENT;
	int h = BAND + HEAD_ROW + (int)sec->boxes * ROW + TOTAL_ROW;
	char a[40];

	pdf_box(p, LEFT, y, WIDTH, h, BAND, 70, sec->title);
	y += BAND;
	pdf_font(p, 55, 0);
	for (size_t c = 0; c < sec->ncols; c++) {
		widths[c] = sec->cols[c].width;
		pdf_cell_text(p, x, y, widths[c], HEAD_ROW, PDF_CENTER, sec->cols[c].heading);
		x += widths[c];
	}
	pdf_cell_text(p, ax, y, AMOUNT, HEAD_ROW, PDF_CENTER, "importi a debito\nversati");
	pdf_cell_text(p, ax + AMOUNT, y, AMOUNT, HEAD_ROW, PDF_CENTER,
		      "importi a credito\ncompensati");
	widths[sec->ncols] = AMOUNT;
	widths[sec->ncols + 1] = AMOUNT;
	pdf_grid(p, LEFT, y + HEAD_ROW, widths, sec->ncols + 2, ROW, sec->boxes);
	pdf_fill(p, ax + 2 * AMOUNT, y, AMOUNT, HEAD_ROW + (int)sec->boxes * ROW, 93);
	pdf_font(p, 90, 0);
	for (size_t r = 0; r < sl->n[s]; r++) {
		const struct record *row = f->rows[s].row[sl->first[s] + r];
		int ry = y + HEAD_ROW + (int)r * ROW;

		x = LEFT;
		for (size_t c = 0; c < sec->ncols; c++) {
			pdf_cell_text(p, x, ry, widths[c], ROW, PDF_CENTER,
				      cell_value(row, &sec->cols[c]));
			x += widths[c];
		}
		if (record_get(row, (size_t)sec->debit)[0] != '\0')
			pdf_cell_text(p, ax, ry, AMOUNT, ROW, PDF_RIGHT,
				      amount(cents_of(record_get(row, (size_t)sec->debit)), a,
					     sizeof a));
		if (record_get(row, (size_t)sec->credit)[0] != '\0')
			pdf_cell_text(p, ax + AMOUNT, ry, AMOUNT, ROW, PDF_RIGHT,
				      amount(cents_of(record_get(row, (size_t)sec->credit)), a,
					     sizeof a));
	}
	totals_row(p, f, s, sl, y + HEAD_ROW + (int)sec->boxes * ROW);
	return y + h - BAND + GAP;
}

static int
saldo_finale(struct pdf *p, const struct slice *sl, int y)
{
	char a[40];
	int x = LEFT + IDENT + AMOUNT;

	pdf_font(p, 80, 1);
	pdf_text(p, x - 30, y + 45, PDF_RIGHT, "SALDO FINALE");
	pdf_box(p, x, y, 2 * AMOUNT, 70, 0, 0, NULL);
	pdf_font(p, 70, 1);
	pdf_text(p, x + 20, y + 45, PDF_LEFT, "EURO");
	pdf_font(p, 110, 1);
	pdf_cell_text(p, x + AMOUNT, y, AMOUNT, 70, PDF_RIGHT, amount(sl->saldo_finale, a, sizeof a));
	return y + 70 + GAP;
}

static void
estremi(struct pdf *p, const struct record *f, int y)
{
	char date[16] = "";

	if (record_get(f, F24_STATE)[0] == F24_PAID)
		date_it(record_get(f, F24_PAID_DATE), date);
	pdf_box(p, LEFT, y, WIDTH, BAND + 70, BAND, 60,
		"ESTREMI DEL VERSAMENTO (DA COMPILARE A CURA DI BANCA/POSTE/AGENTE DELLA "
		"RISCOSSIONE)");
	y += BAND;
	labelled(p, LEFT, y, 400, 70, "DATA", date);
	labelled(p, LEFT + 400, y, 700, 70, "CODICE BANCA/POSTE/AGENTE DELLA RISCOSSIONE",
		 field_named(f, "bank"));
	labelled(p, LEFT + 1100, y, 400, 70, "ABI", field_named(f, "abi"));
	labelled(p, LEFT + 1500, y, 400, 70, "CAB/SPORTELLO", field_named(f, "cab"));
}

int
f24_pdf_write(const struct record *f, FILE *out, char *err)
{
	int pages = f24_pdf_pages(f);
	char *title = xasprintf("F24 - %s", record_get(f, F24_DESCRIPTION));
	struct pdf *p = pdf_new(out, title, err);
	struct slice sl;

	free(title);
	if (p == NULL)
		return -1;
	for (int page = 0; page < pages; page++) {
		int y = 80;

		if (page > 0)
			pdf_next_page(p);
		slice_page(f, (size_t)page, &sl);
		y = heading(p, y, page + 1, pages);
		y = contribuente(p, f, y);
		y = coobbligato(p, f, y);
		for (size_t s = 0; s < F24_NSECTIONS; s++)
			y = section(p, f, s, &sl, y);
		y = saldo_finale(p, &sl, y);
		estremi(p, f, y);
	}
	return pdf_finish(p, err);
}

static int
write_f24(FILE *out, void *f, char *err)
{
	return f24_pdf_write(f, out, err);
}

int
f24_pdf_file(struct book *b, int64_t id, const char *path, int replace, char *err)
{
	struct record *f;
	int rc;

	rc = record_load(b, &f24_kind, id, &f, err);
	if (rc == REC_GONE)
		err_set(err, _("there is no F24 %" PRId64), id);
	if (rc < 0)
		return rc;
	rc = file_write_whole(path, replace, write_f24, f, err);
	record_free(f);
	return rc < 0 ? REC_ERROR : 0;
}

void
f24_pdf_preset(struct book *b, const struct record *r, char *out)
{
	char *name = xasprintf("F24-%" PRId64 "-%s", r->id, record_get(r, F24_DESCRIPTION));

	(void)b;
	file_safe(name);
	snprintf(out, ERR_SIZE, "%.*s.pdf", ERR_SIZE - 5, name);
	free(name);
}

int
f24_pdf_run(struct book *b, const struct record *r, const char *path, int64_t *open_id,
	    char *msg, char *err)
{
	int rc;

	(void)open_id;
	rc = f24_pdf_file(b, r->id, path, 0, err);
	if (rc == 0)
		snprintf(msg, ERR_SIZE, _("Written to %s"), path);
	return rc;
}
