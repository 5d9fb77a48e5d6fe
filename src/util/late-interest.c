/* Late-payment interest by D.Lgs. 231/2002 (late-interest.h): the table
 * of half-yearly rates and the interest by day. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/late-interest.h"
#include "util/i18n.h"
#include "util/util.h"

#define TABLE_MAX (64 * 1024)

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "2.15" (digits, a point, two digits) into hundredths: 0, or -1. */
static int
hundredths(const char *s, int *out)
{
	int v = 0, n = 0;

	for (; *s >= '0' && *s <= '9' && n < 4; s++, n++)
		v = v * 10 + (*s - '0');
	if (n == 0 || s[0] != '.' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9' ||
	    s[3] != '\0')
		return -1;
	*out = v * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	return 0;
}

/* One line, not a comment, into *r: 0, or -1 with what is wrong in why. */
static int
parse_line(char *line, struct mora_rate *r, char *why)
{
	char *f[4];
	int n = 0;

	for (char *tok = strtok(line, " \t"); tok != NULL; tok = strtok(NULL, " \t"))
		if (n < 4)
			f[n++] = tok;
		else
			n++;
	if (n != 3)
		return err_set(why, "%s", _("a line is a half-year (2025H2), the ECB rate and the "
					     "late-payment rate (2.15 10.15)"));
	if (strlen(f[0]) != 6 || sscanf(f[0], "%4dH%1d", &r->year, &r->half) != 2 ||
	    r->year < 2000 || r->year > 2999 || (r->half != 1 && r->half != 2))
		return err_set(why, _("'%s' is not a half-year: write 2025H1 or 2025H2"), f[0]);
	if (hundredths(f[1], &r->mro) < 0 || hundredths(f[2], &r->rate) < 0)
		return err_set(why, "%s", _("a rate is a percent with two decimals: 2.15"));
	if (r->rate != r->mro + MORA_POINTS)
		return err_set(why, _("the late-payment rate must be the ECB rate plus 8 points: "
				      "%d.%02d, not %s"),
			       (r->mro + MORA_POINTS) / 100, (r->mro + MORA_POINTS) % 100, f[2]);
	return 0;
}

int
mora_table_parse(const char *text, const char *name, struct mora_table *t, char *err)
{
	const char *p = text;
	int lineno = 0;

	memset(t, 0, sizeof *t);
	while (*p != '\0') {
		const char *end = strchr(p, '\n');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		char *line = xstrndup(p, len), why[ERR_SIZE];
		struct mora_rate r;
		int bad = 0;

		lineno++;
		p += len + (end != NULL);
		str_trim(line);
		if (line[0] == '\0' || line[0] == '#') {
			free(line);
			continue;
		}
		if (parse_line(line, &r, why) < 0)
			bad = 1;
		for (size_t i = 0; !bad && i < t->n; i++)
			if (t->v[i].year == r.year && t->v[i].half == r.half) {
				err_set(why, _("%dH%d is there twice"), r.year, r.half);
				bad = 1;
			}
		free(line);
		if (bad) {
			err_set(err, "%s:%d: %s", name, lineno, why);
			mora_table_free(t);
			return -1;
		}
		t->v = xreallocarray(t->v, t->n + 1, sizeof *t->v);
		t->v[t->n++] = r;
	}
	t->name = xstrdup(name);
	return 0;
}

int
mora_table_load(const char *path, const char *name, struct mora_table *t, char *err)
{
	char *text;
	size_t len;
	int rc;

	memset(t, 0, sizeof *t);
	if (file_read_all(path, TABLE_MAX, &text, &len, err) < 0)
		return -1;
	if (strlen(text) != len) {
		free(text);
		return err_set(err, _("%s: not a text file"), name);
	}
	rc = mora_table_parse(text, name, t, err);
	free(text);
	return rc;
}

int
mora_table_load_shared(struct mora_table *t, char *err)
{
	char *path = share_path(MORA_TABLE);
	int rc = mora_table_load(path, MORA_TABLE, t, err);

	free(path);
	return rc;
}

void
mora_table_free(struct mora_table *t)
{
	free(t->v);
	free(t->name);
	memset(t, 0, sizeof *t);
}

static const struct mora_rate *
find(const struct mora_table *t, int year, int half)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].year == year && t->v[i].half == half)
			return &t->v[i];
	return NULL;
}

static int
missing(const struct mora_table *t, int year, int half, char *err)
{
	return err_set(err, _("no late-payment rate for the half-year from %s/%04d in %s"),
		       half == 1 ? "01/01" : "01/07", year, t->name != NULL ? t->name : MORA_TABLE);
}

int
mora_rate_on(const struct mora_table *t, const char *day, const struct mora_rate **rate,
	     char *err)
{
	int y, m;

	if (iso_day_number(day) == INT64_MIN || sscanf(day, "%4d-%2d", &y, &m) != 2)
		return err_set(err, _("'%s' is not a date YYYY-MM-DD"), day);
	if ((*rate = find(t, y, m <= 6 ? 1 : 2)) == NULL)
		return missing(t, y, m <= 6 ? 1 : 2, err);
	return 0;
}

static int64_t
day_of(int y, int m, int d)
{
	char iso[40];

	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	return iso_day_number(iso);
}

int
mora_interest(const struct mora_table *t, int64_t amount, const char *due, const char *until,
	      int64_t *interest, int64_t *days, char *err)
{
	int64_t from = iso_day_number(due), to = iso_day_number(until), total_days = 0;
	/* a day's share is amount * rate / (10000 * year's days): the sum is
	 * kept over the common denominator 10000 * 365 * 366, exactly */
	const __int128 den = (__int128)10000 * 365 * 366;
	__int128 num = 0;

	if (from == INT64_MIN || to == INT64_MIN)
		return err_set(err, _("'%s' is not a date YYYY-MM-DD"), from == INT64_MIN ? due : until);
	if (amount < 0)
		return err_set(err, "%s", _("late-payment interest is on an amount owed, not a credit"));
	from++; /* the day after the due date */
	for (int y = atoi(due); from <= to && y <= atoi(until); y++)
		for (int h = 1; h <= 2; h++) {
			int64_t hs = day_of(y, h == 1 ? 1 : 7, 1);
			/* 31 December, not the next 1 January less one: 10000-01-01 is no date */
			int64_t he = h == 1 ? day_of(y, 7, 1) - 1 : day_of(y, 12, 31);
			int64_t a = from > hs ? from : hs, z = to < he ? to : he;
			const struct mora_rate *r;

			if (a > z)
				continue;
			if ((r = find(t, y, h)) == NULL)
				return missing(t, y, h, err);
			num += (__int128)amount * r->rate * (z - a + 1) * (leap(y) ? 365 : 366);
			total_days += z - a + 1;
		}
	if ((num + den / 2) / den > INT64_MAX)
		return err_set(err, "%s", _("the late-payment interest is too large: the amount "
					    "or the days late cannot be right"));
	if (interest != NULL)
		*interest = (int64_t)((num + den / 2) / den);
	if (days != NULL)
		*days = total_days;
	return 0;
}
