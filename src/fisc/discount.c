/* Discounts of a line as people type them ("10+5", "€3,50", "M2") and as
 * the book keeps them ("SC 10.00%; SC 5.00%"), both ways, into the model's
 * struct fpa_discount. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "fisc/doc-rules.h"
#include "util/i18n.h"
#include "util/util.h"

#define EURO "\xe2\x82\xac"

/* Takes a currency mark (€ or EUR, any case) off the start or the end of
 * s, in place. 1 when there was one. */
static int
take_currency(char *s)
{
	size_t n = strlen(s);

	if (strncmp(s, EURO, 3) == 0 || strncasecmp(s, "EUR", 3) == 0) {
		memmove(s, s + 3, n - 2);
		str_trim(s);
		return 1;
	}
	if (n >= 3 && (strcmp(s + n - 3, EURO) == 0 || strcasecmp(s + n - 3, "EUR") == 0)) {
		s[n - 3] = '\0';
		str_trim(s);
		return 1;
	}
	return 0;
}

/* A number with a decimal comma or point, as dec_parse wants it. */
static int
number(const char *s, int max_scale, struct dec *out, char *why, size_t whysize)
{
	char t[DEC_BUF];
	int seps = 0;

	if (*s == '\0') {
		str_copy(why, _("no number"), whysize);
		return -1;
	}
	if (strlen(s) >= sizeof t) {
		str_copy(why, _("too long"), whysize);
		return -1;
	}
	for (size_t i = 0; s[i]; i++) {
		t[i] = s[i] == ',' ? '.' : s[i];
		t[i + 1] = '\0';
		if (t[i] == '.')
			seps++;
		else if (!isdigit((unsigned char)t[i])) {
			snprintf(why, whysize, _("'%c' is not part of a number"), s[i]);
			return -1;
		}
	}
	if (seps > 1) {
		str_copy(why, _("one decimal comma at most, no thousands separators"), whysize);
		return -1;
	}
	if (t[0] == '.' || t[strlen(t) - 1] == '.') {
		str_copy(why, _("a digit must come on each side of the decimal comma"), whysize);
		return -1;
	}
	if (dec_parse(t, max_scale, out, NULL) < 0) {
		snprintf(why, whysize, _("at most %d decimals"), max_scale);
		return -1;
	}
	return 0;
}

/* One term, trimmed, into d: 0, or -1 with why. */
static int
term(char *s, struct fpa_discount *d, char *why, size_t whysize)
{
	struct dec hundred = { 10000, 2 };
	int pct_sign = 0, cur;
	size_t n;

	memset(d, 0, sizeof *d);
	str_copy(d->kind, "SC", sizeof d->kind);
	if (*s == 'M' || *s == 'm') {
		str_copy(d->kind, "MG", sizeof d->kind);
		s++;
		str_trim(s);
	}
	cur = take_currency(s);
	n = strlen(s);
	if (n > 0 && s[n - 1] == '%') {
		s[n - 1] = '\0';
		str_trim(s);
		pct_sign = 1;
	}
	if (!cur)
		cur = take_currency(s);
	if (cur && pct_sign) {
		str_copy(why, _("a percentage or an amount, not both"), whysize);
		return -1;
	}
	if (cur) {
		if (number(s, FPA_PRICE_SCALE, &d->amount, why, whysize) < 0)
			return -1;
		if (dec_is_zero(d->amount)) {
			str_copy(why, _("an amount of zero"), whysize);
			return -1;
		}
		d->has_amount = 1;
		return 0;
	}
	if (number(s, 2, &d->pct, why, whysize) < 0)
		return -1;
	if (dec_is_zero(d->pct) || dec_cmp(d->pct, hundred) > 0) {
		str_copy(why, _("a percentage must be above 0 and at most 100"), whysize);
		return -1;
	}
	d->has_pct = 1;
	return 0;
}

int
fpa_discounts_parse(const char *text, struct fpa_discount *out, int max, int *n, char *err)
{
	char t[FPA_DISCOUNT_TEXT], why[ERR_SIZE / 2], *p, *next;
	struct fpa_discount d[FPA_MAX_DISCOUNTS];
	int k = 0;

	if (strlen(text) >= sizeof t)
		return err_set(err, _("the discounts are too long (at most %d characters)"),
			       FPA_DISCOUNT_TEXT - 1);
	str_copy(t, text, sizeof t);
	if (*str_trim(t) == '\0') {
		*n = 0;
		return 0;
	}
	for (p = t; p; p = next) {
		char raw[FPA_DISCOUNT_TEXT];

		next = strchr(p, '+');
		if (next)
			*next++ = '\0';
		str_copy(raw, p, sizeof raw);
		str_trim(p);
		if (k == max || k == FPA_MAX_DISCOUNTS)
			return err_set(err, _("at most %d discounts in cascade"),
				       max < FPA_MAX_DISCOUNTS ? max : FPA_MAX_DISCOUNTS);
		if (*p == '\0')
			return err_set(err, _("discount %d is empty: write them like 10+5"), k + 1);
		if (term(p, &d[k], why, sizeof why) < 0)
			return err_set(err, _("discount %d ('%s'): %s; write them like 10+5, "
					      "10,5%%, €3,50 or M2 (an increase)"),
				       k + 1, str_trim(raw), why);
		k++;
	}
	memcpy(out, d, (size_t)k * sizeof *d);
	*n = k;
	return 0;
}

/* d's number the Italian way: "10", "10,5", "3,50". */
static const char *
it_number(struct dec d, int min, int max, char *buf, size_t size)
{
	dec_format(d, min, max, buf, size);
	for (char *p = buf; *p; p++)
		if (*p == '.')
			*p = ',';
	return buf;
}

/* A discount's figure as the line's arithmetic uses it (fpa_discount_apply):
 * Importo when given, else Percentuale, by its size, as Tipo is the
 * direction. 1 for a percentage. */
static int
size_of(const struct fpa_discount *d, struct dec *out)
{
	*out = d->has_amount ? d->amount : d->pct;
	if (out->v < 0)
		out->v = -out->v;
	return !d->has_amount;
}

char *
fpa_discounts_short(const struct fpa_discount *d, int n, char *buf, size_t size)
{
	struct buf out = { 0 };
	char num[DEC_BUF];
	int first = 1;

	for (int i = 0; i < n; i++) {
		struct dec v;

		if (!d[i].has_pct && !d[i].has_amount)
			continue;
		buf_printf(&out, "%s%s", first ? "" : "+", strcmp(d[i].kind, "MG") == 0 ? "M" : "");
		if (size_of(&d[i], &v))
			buf_adds(&out, it_number(v, 0, 2, num, sizeof num));
		else
			buf_printf(&out, EURO "%s", it_number(v, 2, 8, num, sizeof num));
		first = 0;
	}
	str_copy(buf, out.data ? out.data : "", size);
	buf_free(&out);
	return buf;
}

char *
fpa_discounts_canon(const struct fpa_discount *d, int n, char *buf, size_t size)
{
	struct buf out = { 0 };
	char num[DEC_BUF];

	for (int i = 0; i < n; i++) {
		struct dec v;
		int pct = size_of(&d[i], &v);

		buf_printf(&out, "%s%s %s%s", i ? "; " : "", d[i].kind,
			   dec_format(v, 2, 8, num, sizeof num), pct ? "%" : "");
	}
	str_copy(buf, out.data ? out.data : "", size);
	buf_free(&out);
	return buf;
}

int
fpa_discounts_from_canon(const char *text, struct fpa_discount *out, int max, int *n, char *err)
{
	const char *p = text;
	int k = 0;

	while (*p != '\0') {
		size_t len = strcspn(p, ";"), nl;
		struct fpa_discount *d = &out[k];
		char num[DEC_BUF];

		if (k == max || len < 4 || (strncmp(p, "SC ", 3) && strncmp(p, "MG ", 3)))
			return err_set(err, _("discounts must read like \"SC 10.00%%; MG 1.50\": '%s'"),
				       text);
		nl = len - 3 - (p[len - 1] == '%');
		if (nl == 0 || nl >= sizeof num)
			return err_set(err, _("discounts must read like \"SC 10.00%%; MG 1.50\": '%s'"),
				       text);
		memset(d, 0, sizeof *d);
		memcpy(d->kind, p, 2);
		memcpy(num, p + 3, nl);
		num[nl] = '\0';
		d->has_pct = p[len - 1] == '%';
		d->has_amount = !d->has_pct;
		if (dec_parse(num, FPA_PRICE_SCALE, d->has_pct ? &d->pct : &d->amount, NULL) < 0)
			return err_set(err, _("discounts must read like \"SC 10.00%%; MG 1.50\": '%s'"),
				       text);
		k++;
		p += len;
		p += strspn(p, "; ");
	}
	*n = k;
	return 0;
}
