/* The date field type: kept as YYYY-MM-DD, shown dd/mm/yyyy, typed the
 * ways Italian accounting programs have always allowed (a lone day, +N and
 * -N days from today, d/m/yy, ddmmyyyy...). "Today" is fieldtype_today(). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ft-impl.h"
#include "util/i18n.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2199

struct ymd {
	int y, m, d;
};

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int
real_day(struct ymd t)
{
	return t.y >= YEAR_MIN && t.y <= YEAR_MAX && t.m >= 1 && t.m <= 12 && t.d >= 1 &&
	       t.d <= month_days(t.y, t.m);
}

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian,
 * counted in 400-year eras of 146097 days). */
static long
days_from_civil(struct ymd t)
{
	long y = t.m <= 2 ? t.y - 1 : t.y;
	long era = y / 400, yoe = y - era * 400;
	long doy = (153L * (t.m + (t.m > 2 ? -3 : 9)) + 2) / 5 + t.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static struct ymd
civil_from_days(long z)
{
	long era, doe, yoe, doy, mp;
	struct ymd t;

	z += 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	t.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	t.y = (int)(yoe + era * 400 + (t.m <= 2));
	return t;
}

static struct ymd
today(void)
{
	struct ymd t;

	fieldtype_today(&t.y, &t.m, &t.d);
	return t;
}

/* A two-digit year: the one from 80 years back to 19 ahead of today. */
static int
full_year(int yy)
{
	int now = today().y, y = now - now % 100 + yy;

	if (y > now + 19)
		y -= 100;
	else if (y <= now - 81)
		y += 100;
	return y;
}

static int
number(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Digits alone: d, dd, ddmm, ddmmyy, ddmmyyyy. */
static int
digits_only(const char *s, struct ymd *t)
{
	size_t n = strlen(s);
	struct ymd now = today();

	*t = now;
	switch (n) {
	case 1:
	case 2:
		t->d = number(s, n);
		return 0;
	case 4:
	case 6:
	case 8:
		t->d = number(s, 2);
		t->m = number(s + 2, 2);
		if (n == 6)
			t->y = full_year(number(s + 4, 2));
		else if (n == 8)
			t->y = number(s + 4, 4);
		return 0;
	default:
		return -1;
	}
}

/* Up to three runs of digits split by '/', '.' or '-'. */
static int
parts(const char *s, const char *v[3], size_t len[3])
{
	int k = 0;

	for (;;) {
		size_t n = strspn(s, "0123456789");
		if (n == 0 || n > 4 || k == 3)
			return -1;
		v[k] = s;
		len[k++] = n;
		s += n;
		if (*s == '\0')
			return k;
		if (strchr("/.-", *s) == NULL)
			return -1;
		s++;
	}
}

/* d/m, d/m/yy, d/m/yyyy, and the ISO yyyy-mm-dd of pasted dates. */
static int
with_separators(const char *s, struct ymd *t)
{
	const char *v[3];
	size_t len[3];
	int k = parts(s, v, len);

	*t = today();
	if (k < 2 || len[1] > 2)
		return -1;
	if (k == 3 && len[0] == 4) {
		if (len[2] > 2)
			return -1;
		*t = (struct ymd){ number(v[0], 4), number(v[1], len[1]), number(v[2], len[2]) };
		return 0;
	}
	if (len[0] > 2)
		return -1;
	t->d = number(v[0], len[0]);
	t->m = number(v[1], len[1]);
	if (k == 3) {
		if (len[2] == 2)
			t->y = full_year(number(v[2], 2));
		else if (len[2] == 4)
			t->y = number(v[2], 4);
		else
			return -1;
	}
	return 0;
}

/* +N and -N days from today. */
static int
relative(const char *s, struct ymd *t)
{
	size_t n = strspn(s + 1, "0123456789");

	if (n == 0 || n > 5 || s[1 + n] != '\0')
		return -1;
	*t = civil_from_days(days_from_civil(today()) +
			     (s[0] == '-' ? -1L : 1L) * number(s + 1, n));
	return 0;
}

int
ft_date_parse(const char *typed, char *out, char *err)
{
	char *s = ft_code(typed);
	struct ymd t;
	int rc;

	if (s[0] == '\0') {
		out[0] = '\0';
		free(s);
		return 0;
	}
	if (s[0] == '+' || s[0] == '-')
		rc = relative(s, &t);
	else if (strspn(s, "0123456789") == strlen(s))
		rc = digits_only(s, &t);
	else
		rc = with_separators(s, &t);
	free(s);
	if (rc < 0)
		return err_set(err, _("is not a date (write it like 21/11/2026)"));
	if (!real_day(t)) {
		if (t.y < YEAR_MIN || t.y > YEAR_MAX)
			return err_set(err, _("the year must be from %d to %d"), YEAR_MIN,
				       YEAR_MAX);
		return err_set(err, _("%02d/%02d/%04d is not a day of the calendar"), t.d, t.m,
			       t.y);
	}
	snprintf(out, 11, "%04d-%02d-%02d", t.y, t.m, t.d);
	return 0;
}

int
parse_date(const struct ft_params *p, const char *typed, char **value, char *err)
{
	char out[11];

	(void)p;
	if (ft_date_parse(typed, out, err) < 0)
		return -1;
	*value = xstrdup(out);
	return 0;
}

static int
iso(const char *v, struct ymd *t)
{
	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-' || strspn(v, "0123456789") != 4 ||
	    strspn(v + 5, "0123456789") != 2 || strspn(v + 8, "0123456789") != 2)
		return -1;
	*t = (struct ymd){ number(v, 4), number(v + 5, 2), number(v + 8, 2) };
	return real_day(*t) ? 0 : -1;
}

char *
format_date(const struct ft_params *p, const char *value)
{
	struct ymd t;

	(void)p;
	if (iso(value, &t) < 0)
		return xstrdup(value);
	return xasprintf("%02d/%02d/%04d", t.d, t.m, t.y);
}

int
validate_date(const struct ft_params *p, const char *value, char *err)
{
	struct ymd t;

	(void)p;
	return iso(value, &t) == 0 ? 0 : err_set(err, "%s", _("is not a date of the calendar"));
}

void
rule_date(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A date, dd/mm/yyyy; also typed d/m/yy, ddmmyyyy, d/m (this year), a "
			"day alone (this month), or +N and -N for N days from today."));
}

char *
offer_date(const struct ft_params *p)
{
	struct ymd t = today();

	(void)p;
	return xasprintf("%04d-%02d-%02d", t.y, t.m, t.d);
}
