/* An invoice as text for people, in a given number of columns (80 by
 * default): parties side by side, lines, VAT summary, totals, payments.
 * What offices ask for when a customer sends "the XML". */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fisc/fatturapa.h"
#include "util/i18n.h"
#include "util/util.h"

#define MIN_WIDTH 60
#define HALF_GAP 2

/* Copies at most cols characters of s into out, control characters (C0,
 * DEL and C1) made spaces; returns the number of characters copied. */
static size_t
take(const char *s, size_t cols, struct buf *out)
{
	size_t n = 0;

	while (*s && n < cols) {
		size_t len = 1;
		unsigned char c = (unsigned char)*s;

		if (c >= 0xc0)
			while ((s[len] & 0xc0) == 0x80)
				len++;
		if (c < 0x20 || c == 0x7f || (c == 0xc2 && (unsigned char)s[1] < 0xa0))
			buf_add(out, " ", 1);
		else
			buf_add(out, s, len);
		s += len;
		n++;
	}
	return n;
}

/* Writes the next piece of *s that fits in cols characters, broken at a
 * space when the text goes on, and moves *s past it. Returns the number of
 * characters written. */
static size_t
wrap_take(const char **s, size_t cols, struct buf *out)
{
	const char *p = *s, *brk = NULL;
	size_t n = 0, nbrk = 0;

	while (*p && n < cols) {
		size_t len = 1;

		if ((unsigned char)*p >= 0xc0)
			while ((p[len] & 0xc0) == 0x80)
				len++;
		if (*p == ' ') {
			brk = p;
			nbrk = n;
		}
		p += len;
		n++;
	}
	if (*p && *p != ' ' && brk && nbrk > 0) {
		p = brk;
		n = nbrk;
	}
	take(*s, n, out);
	while (*p == ' ')
		p++;
	*s = p;
	return n;
}

/* s left-aligned in exactly cols characters. */
static void
cell(struct buf *out, const char *s, size_t cols)
{
	size_t n = take(s ? s : "", cols, out);

	for (; n < cols; n++)
		buf_add(out, " ", 1);
}

/* s left-aligned in at least cols characters: a longer s (a label in
 * another language) is kept whole and pushes what follows. */
static void
lcell(struct buf *out, const char *s, size_t cols)
{
	size_t n = take(s ? s : "", SIZE_MAX, out);

	for (; n < cols; n++)
		buf_add(out, " ", 1);
}

/* s right-aligned in cols characters; a longer s (a price with eight
 * decimals) pushes the line rather than lose digits. */
static void
rcell(struct buf *out, const char *s, size_t cols)
{
	size_t n = utf8_len(s);

	for (; n < cols; n++)
		buf_add(out, " ", 1);
	take(s, SIZE_MAX, out);
}

static void
flush(struct buf *b, FILE *out)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	fprintf(out, "%s\n", b->data ? b->data : "");
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* text wrapped at width columns, the lines after the first indented. */
static void
para(const char *text, size_t indent, int width, FILE *out)
{
	struct buf b = { 0 };
	const char *c = text;

	for (int first = 1; *c; first = 0) {
		if (!first)
			cell(&b, "", indent);
		wrap_take(&c, (size_t)width - (first ? 0 : indent), &b);
		flush(&b, out);
	}
	buf_free(&b);
}

/* A message with a trailing newline (as the catalogue has it) wrapped. */
static void
para_msg(const char *text, int width, FILE *out)
{
	char *t = xstrdup(text);
	size_t n = strlen(t);

	if (n > 0 && t[n - 1] == '\n')
		t[n - 1] = '\0';
	para(t, 2, width, out);
	free(t);
}

static void
rule(int width, char c, FILE *out)
{
	for (int i = 0; i < width; i++)
		fputc(c, out);
	fputc('\n', out);
}

/* 2025-03-14 as 14/03/2025. */
static const char *
date_it(const char *iso, char *buf)
{
	if (strlen(iso) != 10)
		return iso;
	snprintf(buf, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	return buf;
}

/* A decimal with a comma, as people here write it. */
static const char *
dec_it(struct dec d, int min, char *buf)
{
	char *dot;

	dec_format(d, min, 8, buf, DEC_BUF);
	if ((dot = strchr(buf, '.')) != NULL)
		*dot = ',';
	return buf;
}

static const char *
money(int64_t cents, char *buf)
{
	return cents_format_it(cents, buf, DEC_BUF);
}

/* The lines of one party's box, for printing two boxes side by side. */
static size_t
party_lines(const struct fpa_party *p, const char *title, char lines[][160])
{
	char name[160];
	size_t n = 0;
	const struct fpa_address *a = &p->addr;

	snprintf(lines[n++], 160, "%s", title);
	snprintf(lines[n++], 160, "%s", fpa_party_name(p, name, sizeof name));
	if (p->vat_id[0])
		snprintf(lines[n++], 160, _("VAT no. %s%s"), p->vat_country, p->vat_id);
	if (p->cf[0])
		snprintf(lines[n++], 160, _("Tax code %s"), p->cf);
	snprintf(lines[n++], 160, "%s%s%s", a->street ? a->street : "", a->civic[0] ? " " : "",
		 a->civic);
	snprintf(lines[n++], 160, "%s %s%s%s%s %s", a->cap, a->city ? a->city : "",
		 a->province[0] ? " (" : "", a->province, a->province[0] ? ")" : "", a->country);
	if (p->regime[0])
		snprintf(lines[n++], 160, _("Tax regime %s %s"), p->regime,
			 fpa_regime_name(p->regime) ? fpa_regime_name(p->regime) : "");
	return n;
}

#define BOX_PIECES 48

/* A box's lines wrapped at cols, each piece a line of out. */
static size_t
box_wrap(char lines[][160], size_t n, size_t cols, char out[][160])
{
	struct buf b = { 0 };
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		const char *s = lines[i];

		do {
			b.len = 0;
			wrap_take(&s, cols, &b);
			str_copy(out[k++], b.data ? b.data : "", 160);
		} while (*s && k < BOX_PIECES);
	}
	buf_free(&b);
	return k;
}

static void
show_parties(const struct fpa_invoice *inv, int width, FILE *out)
{
	char left[8][160], right[8][160], lw[BOX_PIECES][160], rw[BOX_PIECES][160];
	size_t nl = party_lines(&inv->seller, _("Seller"), left);
	size_t nr = party_lines(&inv->buyer, _("Buyer"), right);
	size_t half = (size_t)(width - HALF_GAP) / 2;
	struct buf b = { 0 };

	if (inv->dest[0] && nr < 8)
		snprintf(right[nr++], 160, _("Recipient code %s"), inv->dest);
	if (inv->pec && nr < 8)
		snprintf(right[nr++], 160, "PEC %s", inv->pec);
	nl = box_wrap(left, nl, half, lw);
	nr = box_wrap(right, nr, half, rw);
	for (size_t i = 0; i < nl || i < nr; i++) {
		cell(&b, i < nl ? lw[i] : "", half);
		cell(&b, "", HALF_GAP);
		cell(&b, i < nr ? rw[i] : "", half);
		flush(&b, out);
	}
	buf_free(&b);
}

static const char *
vat_label(int64_t rate, const char *natura, char *buf)
{
	char r[DEC_BUF];

	if (natura[0])
		return strcpy(buf, natura);
	snprintf(buf, DEC_BUF, "%s%%", money(rate, r));
	return buf;
}

static void
show_discounts(const struct fpa_line *l, struct buf *b, FILE *out)
{
	char q[DEC_BUF], t[64];
	size_t lw = 12;

	if (utf8_len(_("surcharge")) + 1 > lw)
		lw = utf8_len(_("surcharge")) + 1;
	if (utf8_len(_("discount")) + 1 > lw)
		lw = utf8_len(_("discount")) + 1;
	for (int k = 0; k < l->ndisc; k++) {
		const struct fpa_discount *s = &l->disc[k];
		int up = strcmp(s->kind, "MG") == 0;

		struct dec size = s->has_amount ? s->amount : s->pct;

		if (size.v < 0) /* a size whatever its sign: Tipo is the direction */
			size.v = -size.v;
		/* Importo, when given, is what the line's arithmetic uses. */
		snprintf(t, sizeof t, "%s %s%s", up ? "+" : "-", dec_it(size, 2, q),
			 s->has_amount ? "" : "%");
		cell(b, "", 4);
		cell(b, up ? _("surcharge") : _("discount"), lw);
		lcell(b, t, 20);
		flush(b, out);
	}
}

/* Number, description (wrapped), quantity, price, total, VAT. */
static void
show_lines(const struct fpa_body *bd, int width, FILE *out)
{
	size_t dw = (size_t)width - 45;
	struct buf b = { 0 };
	char q[DEC_BUF], p[DEC_BUF], t[DEC_BUF], v[DEC_BUF], num[12];

	lcell(&b, _("No."), 4);
	lcell(&b, _("Description"), dw);
	rcell(&b, _("Quantity"), 9);
	rcell(&b, _("Price"), 12);
	rcell(&b, _("Amount"), 12);
	rcell(&b, _("VAT"), 7);
	flush(&b, out);
	for (size_t i = 0; i < bd->nlines; i++) {
		const struct fpa_line *l = &bd->lines[i];
		const char *d = l->descr ? l->descr : "";

		snprintf(num, sizeof num, "%d", l->number);
		rcell(&b, num, 3);
		cell(&b, " ", 1);
		cell(&b, "", dw - 1 - wrap_take(&d, dw - 1, &b));
		rcell(&b, l->has_qty ? dec_it(l->qty, 2, q) : "", 9);
		rcell(&b, dec_it(l->price, 2, p), 12);
		rcell(&b, dec_it(l->total, 2, t), 12);
		rcell(&b, vat_label(l->rate, l->natura, v), 7);
		flush(&b, out);
		while (*d) {
			cell(&b, "", 4);
			wrap_take(&d, dw - 1, &b);
			flush(&b, out);
		}
		show_discounts(l, &b, out);
	}
	buf_free(&b);
}

/* The summary blocks; a block's RiferimentoNormativo wrapped in what is
 * left of the width. */
#define NORM_COL 45

static void
show_summary(const struct fpa_body *bd, int width, FILE *out)
{
	char a[DEC_BUF], t[DEC_BUF], v[DEC_BUF];
	struct buf b = { 0 };

	fprintf(out, "%s\n", _("VAT summary"));
	cell(&b, "", 2);
	lcell(&b, _("Rate"), 8);
	rcell(&b, _("Taxable"), 16);
	rcell(&b, _("VAT"), 14);
	cell(&b, "", 2);
	lcell(&b, _("Due"), 5);
	flush(&b, out);
	for (size_t i = 0; i < bd->nvat; i++) {
		const struct fpa_vat *x = &bd->vat[i];
		char esig[2] = { x->esig ? x->esig : ' ', '\0' };
		const char *norm = x->norm ? x->norm : "";

		cell(&b, "", 2);
		cell(&b, vat_label(x->rate, x->natura, v), 8);
		rcell(&b, money(x->taxable, a), 16);
		rcell(&b, money(x->tax, t), 14);
		cell(&b, "", 2);
		cell(&b, esig, 3);
		do {
			wrap_take(&norm, (size_t)width - NORM_COL, &b);
			flush(&b, out);
			if (*norm)
				cell(&b, "", NORM_COL);
		} while (*norm);
	}
	buf_free(&b);
}

struct total {
	char label[160];
	int64_t cents;
};

/* The totals' rows: labels in one column as wide as the longest (at least
 * 36, at most what the width leaves), a longer one wrapped with its amount
 * on its last line. */
static void
total_rows(const struct total *t, size_t n, int width, FILE *out)
{
	size_t lw = 36, max = (size_t)width - 2 - 16;
	struct buf b = { 0 };
	char a[DEC_BUF];

	for (size_t i = 0; i < n; i++)
		if (utf8_len(t[i].label) + 1 > lw)
			lw = utf8_len(t[i].label) + 1;
	if (lw > max)
		lw = max;
	for (size_t i = 0; i < n; i++) {
		const char *s = t[i].label;

		for (;;) {
			size_t w;

			cell(&b, "", 2);
			w = wrap_take(&s, lw - 1, &b);
			if (*s == '\0') {
				cell(&b, "", lw - w);
				rcell(&b, money(t[i].cents, a), 16);
				flush(&b, out);
				break;
			}
			flush(&b, out);
		}
	}
	buf_free(&b);
}

static void
add_total(struct total *t, size_t *n, const char *label, int64_t cents)
{
	str_copy(t[*n].label, label, sizeof t[*n].label);
	t[(*n)++].cents = cents;
}

/* From the document total down the rows add up to what is payable: the
 * ritenute, the VAT of the blocks in split payment (EsigibilitaIVA S, not
 * the others'), and, when the payable comes from the payments or from the
 * summary rather than the declared total, the difference. */
static void
show_totals(const struct fpa_body *bd, int width, FILE *out)
{
	struct total *t = xcalloc(8 + bd->ncassa + (size_t)bd->nwh, sizeof *t);
	int64_t rest, diff;
	char label[160], r[DEC_BUF];
	size_t n = 0;

	/* a hostile file's figures may overflow: wrapped, never undefined */
	(void)__builtin_sub_overflow(bd->tot.total, bd->tot.withholding, &rest);
	fprintf(out, "%s\n", _("Totals"));
	add_total(t, &n, _("Taxable amount"), bd->tot.taxable);
	add_total(t, &n, _("VAT"), bd->tot.tax);
	for (size_t i = 0; i < bd->ncassa; i++) {
		snprintf(label, sizeof label, _("Social security fund %s"), bd->cassa[i].type);
		add_total(t, &n, label, bd->cassa[i].amount);
	}
	if (bd->bollo_virtual)
		add_total(t, &n, _("Stamp duty (bollo virtuale)"), bd->bollo);
	add_total(t, &n, _("Document total"), bd->tot.total);
	for (int i = 0; i < bd->nwh; i++) {
		snprintf(label, sizeof label, _("Withholding %s %s%% (causale %s)"), bd->wh[i].type,
			 money(bd->wh[i].rate, r), bd->wh[i].causale);
		add_total(t, &n, label, -bd->wh[i].amount);
	}
	for (size_t i = 0; i < bd->nvat; i++)
		if (bd->vat[i].esig == 'S') {
			add_total(t, &n, _("VAT paid by the buyer (split payment)"), -fpa_split_tax(bd));
			(void)__builtin_sub_overflow(rest, fpa_split_tax(bd), &rest);
			break;
		}
	(void)__builtin_sub_overflow(bd->tot.payable, rest, &diff);
	if (diff != 0)
		add_total(t, &n, bd->npay ? _("Difference per the payments (DatiPagamento)")
					  : _("Difference per the VAT summary"),
			  diff);
	add_total(t, &n, _("Amount payable"), bd->tot.payable);
	total_rows(t, n, width, out);
	free(t);
}

/* Terms, mode (its name wrapped in what the width leaves), due date and
 * amount on the mode's last line; the IBAN under them. */
static void
show_payments(const struct fpa_body *bd, int width, FILE *out)
{
	size_t mw = (size_t)width - 2 - 5 - 11 - 14;
	struct buf b = { 0 };
	char a[DEC_BUF], d[11], m[128];

	if (bd->npay == 0)
		return;
	fprintf(out, "%s\n", _("Payments"));
	for (size_t i = 0; i < bd->npay; i++) {
		const struct fpa_payment *p = &bd->pay[i];
		const char *mn = fpa_payment_mode_name(p->mode), *s = m;

		snprintf(m, sizeof m, "%s %s", p->mode, mn ? mn : "");
		cell(&b, "", 2);
		lcell(&b, p->terms, 5);
		for (;;) {
			size_t w = wrap_take(&s, mw - 1, &b);

			if (*s == '\0') {
				cell(&b, "", mw - w);
				break;
			}
			flush(&b, out);
			cell(&b, "", 7);
		}
		cell(&b, p->due[0] ? date_it(p->due, d) : "", 11);
		rcell(&b, money(p->amount, a), 14);
		flush(&b, out);
		if (p->iban[0]) {
			cell(&b, "", 7);
			cell(&b, "IBAN ", 5);
			cell(&b, p->iban, 34);
			flush(&b, out);
		}
	}
	buf_free(&b);
}

static void
show_body(const struct fpa_body *bd, size_t i, size_t n, int width, FILE *out)
{
	const char *tn = fpa_doc_type_name(bd->type);
	char d[11], *t;

	rule(width, '=', out);
	if (n > 1)
		fprintf(out, _("Document %zu of %zu\n"), i + 1, n);
	t = xasprintf(_("%s (%s) no. %s of %s, currency %s\n"), tn ? tn : _("document"), bd->type,
		      bd->number, date_it(bd->date, d), bd->currency);
	para_msg(t, width, out);
	free(t);
	if (bd->rel_id[0]) {
		t = xasprintf(_("Refers to invoice %s of %s\n"), bd->rel_id, date_it(bd->rel_date, d));
		para_msg(t, width, out);
		free(t);
	}
	for (size_t k = 0; k < bd->ncausale; k++)
		para(bd->causale[k], 0, width, out);
	rule(width, '-', out);
	show_lines(bd, width, out);
	rule(width, '-', out);
	show_summary(bd, width, out);
	show_totals(bd, width, out);
	show_payments(bd, width, out);
	if (bd->nattach)
		fprintf(out, _("Attachments: %d (kept in the original file)\n"), bd->nattach);
}

void
fpa_show(const struct fpa_invoice *inv, int width, FILE *out)
{
	char *t;

	if (width < MIN_WIDTH)
		width = MIN_WIDTH;
	t = xasprintf(_("FatturaPA %s, transmission %s%s no. %s\n"),
		      inv->format == FPA_FPA12 ? "FPA12" : "FPR12", inv->tx_country, inv->tx_id,
		      inv->progressivo);
	para_msg(t, width, out);
	free(t);
	rule(width, '=', out);
	show_parties(inv, width, out);
	for (size_t i = 0; i < inv->nbodies; i++)
		show_body(&inv->bodies[i], i, inv->nbodies, width, out);
}
