/* The F24 as lines of text (f24-text.h): each section a table whose
 * columns are the model's, amounts right-aligned in Italian grouping. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/f24-text.h"
#include "book/f24.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

/* Where the two amounts end (their right edges) on every section's line. */
#define DEBIT_END 61
#define CREDIT_END 76
#define AMOUNT_WIDTH 14


/* Display columns of UTF-8 s: one per character. */
static size_t
columns(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A line being built: text placed at display columns. */
struct line {
	struct buf b;
	size_t used;
};

/* Puts s at column col (after one blank when the line already reaches it),
 * right-aligned to end at col when right. */
static void
put(struct line *l, size_t col, int right, const char *s)
{
	size_t w = columns(s);

	if (right)
		col = col > w ? col - w : 0;
	if (l->used > 0 && col <= l->used)
		col = l->used + 1;
	for (; l->used < col; l->used++)
		buf_add(&l->b, " ", 1);
	buf_adds(&l->b, s);
	l->used += w;
}

static void
line_emit(struct text_lines *o, struct line *l)
{
	text_lines_add(o, l->b.len > 0 ? l->b.data : "");
	buf_free(&l->b);
	memset(l, 0, sizeof *l);
}

/* Cents as the model prints them ("1.234,56"); "" for an empty value. */
static const char *
amount(const char *cents, char *buf, size_t size)
{
	long long v;
	char *end;

	if (cents == NULL || cents[0] == '\0')
		return "";
	v = strtoll(cents, &end, 10);
	return cents_format_it(v, buf, size);
}

static const char *
money(int64_t cents, char *buf, size_t size)
{
	return cents_format_it(cents, buf, size);
}

/* A section's columns: the field of each, where it starts, and its
 * heading; the amounts come last, at DEBIT_END and CREDIT_END. */
struct col {
	int field;
	size_t at;
	const char *heading;
};

struct section {
	const char *name; /* msgid */
	struct col cols[7];
	size_t ncols;
	int debit, credit;
	const char *letters[2]; /* the model's: TOTALE A, B and SALDO (A-B) */
};

static const struct section sections[F24_NSECTIONS] = {
	[F24_ERARIO] = { N_("ERARIO"),
			 { { ERARIO_CODE, 0, N_("Code") },
			   { ERARIO_RATE, 8, N_("Instal.") },
			   { ERARIO_YEAR, 17, N_("Year") },
			   { ERARIO_OFFICE, 23, N_("Office") },
			   { ERARIO_ACT, 31, N_("Act") } },
			 5, ERARIO_DEBIT, ERARIO_CREDIT, { "A, B", "(A-B)" } },
	[F24_INPS] = { N_("INPS"),
		       { { INPS_SEDE, 0, N_("Sede") },
			 { INPS_CAUSALE, 7, N_("Causale") },
			 { INPS_MATRICOLA, 15, N_("Matricola") },
			 { INPS_FROM, 33, N_("From") },
			 { INPS_TO, 41, N_("To") } },
		       5, INPS_DEBIT, INPS_CREDIT, { "C, D", "(C-D)" } },
	[F24_REGIONI] = { N_("REGIONI"),
			  { { REGIONI_REGION, 0, N_("Region") },
			    { REGIONI_CODE, 8, N_("Code") },
			    { REGIONI_RATE, 16, N_("Instal.") },
			    { REGIONI_YEAR, 25, N_("Year") } },
			  4, REGIONI_DEBIT, REGIONI_CREDIT, { "E, F", "(E-F)" } },
	[F24_LOCALI] = { N_("IMU E ALTRI TRIBUTI LOCALI"),
			 { { LOCALI_ENTE, 0, N_("Ente") },
			   { -1, 6, N_("RVAS") },
			   { LOCALI_NUMERO, 11, N_("Prop.") },
			   { LOCALI_CODE, 17, N_("Code") },
			   { LOCALI_RATE, 24, N_("Instal.") },
			   { LOCALI_YEAR, 33, N_("Year") } },
			 6, LOCALI_DEBIT, LOCALI_CREDIT, { "G, H", "(G-H)" } },
	[F24_INAIL] = { N_("INAIL"),
			{ { INAIL_SEDE, 0, N_("Sede") },
			  { INAIL_DITTA, 7, N_("Ditta") },
			  { INAIL_CC, 16, N_("C.c.") },
			  { INAIL_REF, 21, N_("Reference") },
			  { INAIL_CAUSALE, 31, N_("Causale") } },
			5, INAIL_DEBIT, INAIL_CREDIT, { "I, L", "(I-L)" } },
	[F24_ALTRI] = { N_("ALTRI ENTI PREVIDENZIALI E ASSICURATIVI"),
			{ { ALTRI_ENTE, 0, N_("Ente") },
			  { ALTRI_SEDE, 6, N_("Sede") },
			  { ALTRI_CAUSALE, 13, N_("Causale") },
			  { ALTRI_POSITION, 21, N_("Position") },
			  { ALTRI_FROM, 32, N_("From") },
			  { ALTRI_TO, 40, N_("To") } },
			6, ALTRI_DEBIT, ALTRI_CREDIT, { "M, N", "(M-N)" } },
};

/* The IMU row's four flags as the model's boxes, R V A S, '-' where not set. */
static void
locali_flags(const struct record *row, char out[5])
{
	static const int f[4] = { LOCALI_RAVV, LOCALI_VARIATI, LOCALI_ACCONTO, LOCALI_SALDO };

	for (int i = 0; i < 4; i++)
		out[i] = strcmp(record_get(row, (size_t)f[i]), "1") == 0 ? "RVAS"[i] : '-';
	out[4] = '\0';
}

static void
amounts_line(struct text_lines *o, const char *label, const char *debit, const char *credit)
{
	struct line l = { 0 };

	put(&l, DEBIT_END - AMOUNT_WIDTH - 1, 1, label);
	put(&l, DEBIT_END, 1, debit);
	put(&l, CREDIT_END, 1, credit);
	line_emit(o, &l);
}

static void
section_lines(struct text_lines *o, const struct section *s, const struct record_rows *rs,
	      int64_t debit, int64_t credit, int64_t saldo)
{
	struct line l = { 0 };
	char a[40], b[40];

	text_lines_add(o, _(s->name));
	for (size_t c = 0; c < s->ncols; c++)
		put(&l, s->cols[c].at, 0, _(s->cols[c].heading));
	put(&l, DEBIT_END, 1, _("Debit"));
	put(&l, CREDIT_END, 1, _("Credit"));
	line_emit(o, &l);
	for (size_t r = 0; r < rs->n; r++) {
		const struct record *row = rs->row[r];
		char flags[5];

		for (size_t c = 0; c < s->ncols; c++) {
			if (s->cols[c].field < 0) {
				locali_flags(row, flags);
				put(&l, s->cols[c].at, 0, flags);
			} else
				put(&l, s->cols[c].at, 0, record_get(row, (size_t)s->cols[c].field));
		}
		put(&l, DEBIT_END, 1, amount(record_get(row, (size_t)s->debit), a, sizeof a));
		put(&l, CREDIT_END, 1, amount(record_get(row, (size_t)s->credit), b, sizeof b));
		line_emit(o, &l);
		if (s == &sections[F24_LOCALI] && record_get(row, LOCALI_OPERATION)[0] != '\0') {
			buf_printf(&l.b, "  %s: %s", _("Operation"),
				   record_get(row, LOCALI_OPERATION));
			line_emit(o, &l);
		}
	}
	buf_printf(&l.b, "%s %s", _("Totals"), s->letters[0]);
	amounts_line(o, l.b.data, money(debit, a, sizeof a), money(credit, b, sizeof b));
	l.b.len = 0;
	buf_printf(&l.b, "%s %s", _("Saldo"), s->letters[1]);
	amounts_line(o, l.b.data, money(saldo, a, sizeof a), "");
	buf_free(&l.b);
}

/* YYYY-MM-DD as dd/mm/yyyy; anything else as it is. */
static void
date_it(const char *iso, char out[16])
{
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-')
		snprintf(out, 16, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	else
		str_copy(out, iso, 16);
}

static const char *
state_text(const char *state)
{
	return state[0] == F24_TO_PAY ? _("to pay") : state[0] == F24_PAID ? _("paid") : _("draft");
}

static void
header_lines(struct text_lines *o, const struct record *f)
{
	struct buf b = { 0 };
	char date[16];

	buf_printf(&b, "%s: %s", _("F24"), record_get(f, F24_DESCRIPTION));
	text_lines_add(o, b.data);
	b.len = 0;
	buf_printf(&b, "%s: %s", _("State"), state_text(record_get(f, F24_STATE)));
	if (record_get(f, F24_DUE_DATE)[0] != '\0') {
		date_it(record_get(f, F24_DUE_DATE), date);
		buf_printf(&b, "   %s: %s", _("Due date"), date);
	}
	if (record_get(f, F24_PAID_DATE)[0] != '\0') {
		date_it(record_get(f, F24_PAID_DATE), date);
		buf_printf(&b, "   %s: %s", _("Payment date"), date);
	}
	text_lines_add(o, b.data);
	b.len = 0;
	buf_printf(&b, "%s: %s  %s", _("Contribuente"), record_get(f, F24_CF),
		   record_get(f, F24_NAME));
	if (record_get(f, F24_FIRST_NAME)[0] != '\0')
		buf_printf(&b, " %s", record_get(f, F24_FIRST_NAME));
	text_lines_add(o, b.data);
	if (record_get(f, F24_ADDRESS)[0] != '\0' || record_get(f, F24_CITY)[0] != '\0') {
		b.len = 0;
		buf_printf(&b, "%s: %s", _("Domicilio fiscale"), record_get(f, F24_ADDRESS));
		if (record_get(f, F24_CITY)[0] != '\0')
			buf_printf(&b, "%s%s", record_get(f, F24_ADDRESS)[0] != '\0' ? ", " : "",
				   record_get(f, F24_CITY));
		if (record_get(f, F24_PROVINCE)[0] != '\0')
			buf_printf(&b, " (%s)", record_get(f, F24_PROVINCE));
		text_lines_add(o, b.data);
	}
	if (record_get(f, F24_COOBLIGATO_CF)[0] != '\0') {
		b.len = 0;
		buf_printf(&b, "%s: %s", _("Coobbligato's codice fiscale"),
			   record_get(f, F24_COOBLIGATO_CF));
		if (record_get(f, F24_ID_CODE)[0] != '\0')
			buf_printf(&b, "   %s: %s", _("Codice identificativo"),
				   record_get(f, F24_ID_CODE));
		text_lines_add(o, b.data);
	}
	buf_free(&b);
}

size_t
f24_text(const struct record *f, char ***lines)
{
	struct text_lines o = { 0 };
	struct f24_totals t;
	char a[40];

	f24_totals(f, &t);
	header_lines(&o, f);
	for (size_t s = 0; s < F24_NSECTIONS && f->rows != NULL; s++) {
		if (f->rows[s].n == 0)
			continue;
		text_lines_add(&o, "");
		section_lines(&o, &sections[s], &f->rows[s], t.debit[s], t.credit[s], t.saldo[s]);
		if (s == F24_LOCALI && record_get(f, F24_DETRAZIONE)[0] != '\0')
			amounts_line(&o, _("Detrazione"),
				     amount(record_get(f, F24_DETRAZIONE), a, sizeof a), "");
	}
	text_lines_add(&o, "");
	amounts_line(&o, _("SALDO FINALE EUR"), money(t.saldo_finale, a, sizeof a), "");
	*lines = o.v;
	return o.n;
}

void
f24_text_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
