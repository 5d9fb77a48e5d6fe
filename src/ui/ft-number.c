/* Field types of text and numbers: text, integer, decimal with a scale,
 * money (integer cents) and percent (hundredths), typed the Italian way.
 * The arithmetic is fisc/decimal's; no floating point. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/decimal.h"
#include "ui/ft-impl.h"
#include "util/i18n.h"

/* ---- text ---- */

int
parse_text(const struct ft_params *p, const char *typed, char **value, char *err)
{
	(void)p;
	(void)err;
	*value = ft_trim(typed);
	return 0;
}

char *
format_text(const struct ft_params *p, const char *value)
{
	return ft_plain(p, value);
}

int
validate_text(const struct ft_params *p, const char *value, char *err)
{
	if (!utf8_valid_text(value))
		return err_set(err, "%s", _("holds characters that are not allowed"));
	if (p != NULL && p->max > 0 && utf8_len(value) > p->max)
		return err_set(err, _("is too long (at most %u characters)"), p->max);
	return 0;
}

void
rule_text(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("Text, as typed; blanks at its start and end are dropped."));
}

/* ---- the Italian number reader ---- */

/* Copies typed without blanks and euro signs into out (size bytes). */
static int
squeeze(const char *typed, char *out, size_t size)
{
	size_t n = 0;

	for (const char *s = typed; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		if (strncmp(s, "\xe2\x82\xac", 3) == 0) { /* € */
			s += 2;
			continue;
		}
		if (n + 1 >= size)
			return -1;
		out[n++] = *s;
	}
	out[n] = '\0';
	return 0;
}

static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* 1 when s (n bytes) is digits grouped by dots: 1.234, 12.345.678 (a first
 * group of 1-3 digits not starting with 0, then groups of exactly 3). */
static int
grouped(const char *s, size_t n)
{
	const char *dot = memchr(s, '.', n);
	size_t first;

	if (dot == NULL)
		return 0;
	first = (size_t)(dot - s);
	if (first == 0 || first > 3 || s[0] == '0' || !all_digits(s, first))
		return 0;
	for (const char *g = dot; g < s + n; g += 4)
		if (g + 4 > s + n || g[0] != '.' || !all_digits(g + 1, 3))
			return 0;
	return 1;
}

/* The integer part (dots grouping thousands allowed) without its dots. */
static int
integer_part(const char *s, size_t n, char *out, size_t size)
{
	size_t o = 0;

	if (memchr(s, '.', n) != NULL && !grouped(s, n))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			continue;
		if (s[i] < '0' || s[i] > '9' || o + 1 >= size)
			return -1;
		out[o++] = s[i];
	}
	out[o] = '\0';
	return 0;
}

/* Splits s into its integer and decimal digits by the rule in fieldtype.h. */
static int
split_number(const char *s, char *ip, char *fp, size_t size)
{
	const char *comma = strchr(s, ',');
	const char *dot = strchr(s, '.');
	size_t n = strlen(s);
	const char *sep = NULL;

	if (comma != NULL) {
		if (strchr(comma + 1, ',') != NULL || strchr(comma + 1, '.') != NULL)
			return -1;
		sep = comma;
	} else if (dot != NULL && !grouped(s, n)) {
		if (strchr(dot + 1, '.') != NULL)
			return -1;
		sep = dot;
	}
	if (sep == NULL)
		return integer_part(s, n, ip, size) < 0 ? -1 : (fp[0] = '\0', 0);
	if (integer_part(s, (size_t)(sep - s), ip, size) < 0)
		return -1;
	if (!all_digits(sep + 1, strlen(sep + 1)) || strlen(sep + 1) >= size)
		return -1;
	strcpy(fp, sep + 1);
	return ip[0] == '\0' && fp[0] == '\0' ? -1 : 0;
}

int
ft_number_parse(const char *typed, int scale, int64_t *out, char *err)
{
	char s[64], ip[64], fp[64], xml[140];
	const char *body = s;
	struct dec d;
	int neg = 0;

	if (squeeze(typed, s, sizeof s) < 0)
		return err_set(err, "%s", _("is too long for a number"));
	if (*body == '-' || *body == '+')
		neg = *body++ == '-';
	if (*body == '\0' || split_number(body, ip, fp, sizeof ip) < 0)
		return err_set(err, _("'%s' is not a number (write it like %s)"), typed,
			       scale > 0 ? "1.234,56" : "1234");
	if ((int)strlen(fp) > scale)
		return scale == 0 ? err_set(err, "%s", _("takes no decimals"))
				  : err_set(err, _("takes at most %d decimals"), scale);
	snprintf(xml, sizeof xml, "%s%s%s%s", neg ? "-" : "", ip[0] ? ip : "0", fp[0] ? "." : "",
		 fp);
	if (dec_parse(xml, scale, &d, err) < 0 || dec_round(d, scale, &d) < 0)
		return err_set(err, "%s", _("is too large"));
	*out = d.v;
	return 0;
}

char *
ft_number_format(int64_t v, int scale, int min_dec, int group)
{
	char plain[DEC_BUF], out[DEC_BUF * 2];
	const char *s = dec_format((struct dec){ v, scale }, min_dec, scale, plain, sizeof plain);
	const char *dot = strchr(s, '.');
	size_t n = dot ? (size_t)(dot - s) : strlen(s), o = 0, start = 0;

	if (s[0] == '-') {
		out[o++] = '-';
		start = 1;
	}
	for (size_t i = start; i < n; i++) {
		if (group && i > start && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = s[i];
	}
	if (dot != NULL) {
		out[o++] = ',';
		for (const char *f = dot + 1; *f != '\0'; f++)
			out[o++] = *f;
	}
	out[o] = '\0';
	return xstrdup(out);
}

int
ft_is_integer(const char *s)
{
	const char *d = s[0] == '-' ? s + 1 : s;
	size_t n = strlen(d);

	if (n == 0 || n > 19 || !all_digits(d, n) || (d[0] == '0' && n > 1))
		return 0;
	return !(s[0] == '-' && strcmp(d, "0") == 0);
}

int
ft_to_int64(const char *s, int64_t *out)
{
	char err[ERR_SIZE];
	struct dec d;

	if (!ft_is_integer(s) || dec_parse(s, 0, &d, err) < 0)
		return -1;
	*out = d.v;
	return 0;
}

/* ---- integer, decimal, money, percent ---- */

static int
parse_scaled(const char *typed, int scale, char **value, char *err)
{
	char *t = ft_trim(typed);
	int64_t v;
	int rc = 0;

	if (t[0] == '\0')
		*value = xstrdup("");
	else if ((rc = ft_number_parse(t, scale, &v, err)) == 0)
		*value = xasprintf("%lld", (long long)v);
	free(t);
	return rc;
}

static char *
format_scaled(const char *value, int scale, int min_dec, int group)
{
	int64_t v;

	if (ft_to_int64(value, &v) < 0)
		return xstrdup(value);
	return ft_number_format(v, scale, min_dec, group);
}

/* As format_scaled without grouping, with a decimal point (plain CSV). */
static char *
plain_scaled(const char *value, int scale, int min_dec)
{
	char *s = format_scaled(value, scale, min_dec, 0), *comma = strchr(s, ',');

	if (comma != NULL)
		*comma = '.';
	return s;
}

static int
validate_scaled(const char *value, char *err)
{
	int64_t v;

	return ft_to_int64(value, &v) == 0 ? 0 : err_set(err, "%s", _("is not a number"));
}

static int
scale_of(const struct ft_params *p)
{
	return p == NULL ? 0 : p->scale < 0 ? 0 : p->scale > DEC_MAX_SCALE ? DEC_MAX_SCALE : p->scale;
}

int
parse_integer(const struct ft_params *p, const char *typed, char **value, char *err)
{
	(void)p;
	return parse_scaled(typed, 0, value, err);
}

char *
format_integer(const struct ft_params *p, const char *value)
{
	(void)p;
	return format_scaled(value, 0, 0, 0);
}

char *
plain_integer(const struct ft_params *p, const char *value)
{
	(void)p;
	return plain_scaled(value, 0, 0);
}

int
validate_integer(const struct ft_params *p, const char *value, char *err)
{
	(void)p;
	return validate_scaled(value, err);
}

void
rule_integer(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A whole number, such as 1234 or 1.234 (dots may group thousands); a "
			"leading - makes it negative."));
}

int
parse_decimal(const struct ft_params *p, const char *typed, char **value, char *err)
{
	return parse_scaled(typed, scale_of(p), value, err);
}

/* Trailing zeros are trimmed down to two decimals (or the scale, when less). */
char *
format_decimal(const struct ft_params *p, const char *value)
{
	int s = scale_of(p);

	return format_scaled(value, s, s < 2 ? s : 2, 1);
}

char *
plain_decimal(const struct ft_params *p, const char *value)
{
	int s = scale_of(p);

	return plain_scaled(value, s, s < 2 ? s : 2);
}

int
validate_decimal(const struct ft_params *p, const char *value, char *err)
{
	(void)p;
	return validate_scaled(value, err);
}

void
rule_decimal(const struct ft_params *p, struct buf *out)
{
	buf_printf(out,
		   _("A number with a comma before its decimals, such as 1,5 or 1.234,125 (dots "
		     "group thousands); decimals: at most %d."),
		   scale_of(p));
}

int
parse_money(const struct ft_params *p, const char *typed, char **value, char *err)
{
	(void)p;
	return parse_scaled(typed, 2, value, err);
}

char *
format_money(const struct ft_params *p, const char *value)
{
	(void)p;
	return format_scaled(value, 2, 2, 1);
}

char *
plain_money(const struct ft_params *p, const char *value)
{
	(void)p;
	return plain_scaled(value, 2, 2);
}

int
validate_money(const struct ft_params *p, const char *value, char *err)
{
	(void)p;
	return validate_scaled(value, err);
}

void
rule_money(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("An amount in euro, to the cent: 1.234,56; also typed 1234,5, 1234.50 "
			"or 1234."));
}

int
parse_percent(const struct ft_params *p, const char *typed, char **value, char *err)
{
	char *t = ft_trim(typed);
	size_t n = strlen(t);
	int rc;

	(void)p;
	if (n > 0 && t[n - 1] == '%')
		t[n - 1] = '\0';
	rc = parse_scaled(t, 2, value, err);
	free(t);
	return rc;
}

char *
format_percent(const struct ft_params *p, const char *value)
{
	(void)p;
	return format_scaled(value, 2, 2, 0);
}

char *
plain_percent(const struct ft_params *p, const char *value)
{
	(void)p;
	return plain_scaled(value, 2, 2);
}

/* 0 to 100 per cent. */
int
validate_percent(const struct ft_params *p, const char *value, char *err)
{
	int64_t v;

	(void)p;
	if (ft_to_int64(value, &v) < 0)
		return err_set(err, "%s", _("is not a number"));
	if (v < 0 || v > 10000)
		return err_set(err, "%s", _("must be from 0 to 100"));
	return 0;
}

void
rule_percent(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A percentage from 0 to 100, with at most two decimals: 22, 22,5 or "
			"22%."));
}
