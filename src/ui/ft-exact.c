/* Field types of a document's values that the book keeps as exact text:
 * "number", a decimal kept as the book writes it ("1234.50", at least two
 * decimals, at most the scale, 8 when not given: quantities and unit
 * prices), and "discounts", a line's discounts typed in cascade ("10+5")
 * and kept as the book's "SC 10.00%; SC 5.00%" (the fiscal core's syntax,
 * fisc/doc-rules.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fisc/doc-rules.h"
#include "ui/ft-impl.h"
#include "util/decimal.h"
#include "util/i18n.h"

#define EXACT_SCALE 8
#define EXACT_MIN_DEC 2

static int
exact_scale(const struct ft_params *p)
{
	return p == NULL || p->scale < 0 ? EXACT_SCALE : p->scale;
}

/* A canonical value: the book's decimal text at 2 to scale decimals. */
static int
exact_canonical(const char *value, int scale, struct dec *d)
{
	char buf[DEC_BUF];
	int min = scale < EXACT_MIN_DEC ? scale : EXACT_MIN_DEC;

	if (dec_parse(value, scale, d, NULL) < 0)
		return -1;
	return strcmp(dec_format(*d, min, scale, buf, sizeof buf), value) == 0 ? 0 : -1;
}

int
parse_exact(const struct ft_params *p, const char *typed, char **value, char *err)
{
	char *t = ft_trim(typed), buf[DEC_BUF];
	int scale = exact_scale(p), rc = 0;
	int64_t v;

	if (t[0] == '\0')
		*value = xstrdup("");
	else if ((rc = ft_number_parse(t, scale, &v, err)) == 0)
		*value = xstrdup(dec_format((struct dec){ v, scale },
					    scale < EXACT_MIN_DEC ? scale : EXACT_MIN_DEC, scale,
					    buf, sizeof buf));
	free(t);
	return rc;
}

char *
format_exact(const struct ft_params *p, const char *value)
{
	int scale = exact_scale(p);
	struct dec d;

	if (exact_canonical(value, scale, &d) < 0 || dec_round(d, scale, &d) < 0)
		return xstrdup(value);
	return ft_number_format(d.v, scale, scale < EXACT_MIN_DEC ? scale : EXACT_MIN_DEC, 1);
}

char *
plain_exact(const struct ft_params *p, const char *value)
{
	(void)p;
	return xstrdup(value);
}

int
validate_exact(const struct ft_params *p, const char *value, char *err)
{
	struct dec d;

	return exact_canonical(value, exact_scale(p), &d) == 0
		       ? 0
		       : err_set(err, "%s", _("is not a number"));
}

void
rule_exact(const struct ft_params *p, struct buf *out)
{
	buf_printf(out,
		   _("A number with a comma before its decimals, such as 2 or 1.234,5 (dots "
		     "group thousands), kept exactly; decimals: at most %d."),
		   exact_scale(p));
}

/* ---- discounts ---- */

int
parse_discounts(const struct ft_params *p, const char *typed, char **value, char *err)
{
	struct fpa_discount d[FPA_MAX_DISCOUNTS];
	char buf[FPA_DISCOUNT_TEXT], *t = ft_trim(typed);
	int n = 0, rc = 0;

	(void)p;
	if (t[0] == '\0')
		*value = xstrdup("");
	else if ((rc = fpa_discounts_parse(t, d, FPA_MAX_DISCOUNTS, &n, err)) == 0)
		*value = xstrdup(fpa_discounts_canon(d, n, buf, sizeof buf));
	free(t);
	return rc < 0 ? -1 : 0;
}

char *
format_discounts(const struct ft_params *p, const char *value)
{
	struct fpa_discount d[FPA_MAX_DISCOUNTS];
	char buf[FPA_DISCOUNT_TEXT], err[ERR_SIZE];
	int n = 0;

	(void)p;
	if (fpa_discounts_from_canon(value, d, FPA_MAX_DISCOUNTS, &n, err) < 0)
		return xstrdup(value);
	return xstrdup(fpa_discounts_short(d, n, buf, sizeof buf));
}

int
validate_discounts(const struct ft_params *p, const char *value, char *err)
{
	struct fpa_discount d[FPA_MAX_DISCOUNTS];
	int n = 0;

	(void)p;
	return fpa_discounts_from_canon(value, d, FPA_MAX_DISCOUNTS, &n, err) < 0 ? -1 : 0;
}

void
rule_discounts(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("Discounts in cascade joined by +: 10 is 10% off, 10+5 is 10% then 5% "
			"of what is left, €3,50 takes 3,50 off each unit, M5 adds 5%."));
}
