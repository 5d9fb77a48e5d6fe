/* The payment schedule from the terms as offices write them ("30/60/90
 * DFFM", "60 FM+10", "0"): due dates from the document date, amounts in
 * cents that add up to what is payable, each with its method and IBAN. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fisc/doc-rules.h"
#include "util/i18n.h"
#include "util/util.h"

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
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int
ymd_parse(const char *s, struct ymd *t)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	t->y = atoi(s);
	t->m = atoi(s + 5);
	t->d = atoi(s + 8);
	if (t->y < 1900 || t->m < 1 || t->m > 12 || t->d < 1 || t->d > month_days(t->y, t->m))
		return -1;
	return 0;
}

static void
add_days(struct ymd *t, int n)
{
	t->d += n;
	while (t->d > month_days(t->y, t->m)) {
		t->d -= month_days(t->y, t->m);
		if (++t->m > 12) {
			t->m = 1;
			t->y++;
		}
	}
}

static void
add_months(struct ymd *t, int n)
{
	t->m += n;
	t->y += (t->m - 1) / 12;
	t->m = (t->m - 1) % 12 + 1;
}

struct terms {
	int days[FPA_MAX_INSTALMENTS];
	int n;
	int fm;              /* fine mese */
	int extra;           /* days after the month's end */
};

static const char terms_hint[] = N_("write terms like 30/60/90, 60 DF, 30/60 FM, 90 DFFM+10 or 0 "
				    "(at sight)");

/* The next word of s (letters, digits, '+', '.'), upper case, into w. */
static const char *
word(const char *s, char *w, size_t size)
{
	size_t n = 0;

	s += strspn(s, " \t");
	while (*s && !isspace((unsigned char)*s) && *s != '/' && *s != '-') {
		if (n + 1 < size)
			w[n++] = (char)toupper((unsigned char)*s);
		s++;
	}
	w[n] = '\0';
	return s;
}

static int
parse_days(const char **sp, struct terms *t, const char *text, char *err)
{
	const char *s = *sp;

	for (;;) {
		char *end;
		long v;

		s += strspn(s, " \t");
		if (!isdigit((unsigned char)*s))
			return err_set(err, _("terms '%s': a number of days is missing; %s"), text,
				       _(terms_hint));
		v = strtol(s, &end, 10);
		if (end - s > 3)
			return err_set(err, _("terms '%s': at most 999 days; %s"), text, _(terms_hint));
		if (t->n == FPA_MAX_INSTALMENTS)
			return err_set(err, _("terms '%s': at most %d instalments"), text,
				       FPA_MAX_INSTALMENTS);
		if (t->n > 0 && v <= t->days[t->n - 1])
			return err_set(err, _("terms '%s': each number of days must be more than the "
					      "one before"), text);
		t->days[t->n++] = (int)v;
		s = end + strspn(end, " \t");
		if (*s != '/' && *s != '-')
			break;
		s++;
	}
	*sp = s;
	return 0;
}

static int
parse_terms(const char *text, struct terms *t, char *err)
{
	const char *s = text, *after;
	char w[32];

	memset(t, 0, sizeof *t);
	s += strspn(s, " \t");
	after = word(s, w, sizeof w);
	if (*s == '\0' || strcmp(w, "VISTA") == 0) {
		t->n = 1;
		if (*s != '\0' && after[strspn(after, " \t")] != '\0')
			return err_set(err, _("terms '%s': %s"), text, _(terms_hint));
		return 0;
	}
	if (parse_days(&s, t, text, err) < 0)
		return -1;
	s = word(s, w, sizeof w);
	if (strcmp(w, "GG") == 0)
		s = word(s, w, sizeof w);
	if (strcmp(w, "DF") == 0)
		s = word(s, w, sizeof w);
	else if (str_starts(w, "FM") || str_starts(w, "DFFM")) {
		char *plus = w + (w[0] == 'D' ? 4 : 2), *end;

		t->fm = 1;
		if (*plus == '\0' && *(s + strspn(s, " \t")) == '+') {
			s = word(s, w, sizeof w);
			plus = w;
		}
		if (*plus == '+') {
			t->extra = (int)strtol(plus + 1, &end, 10);
			if (end == plus + 1 || *end != '\0' || t->extra < 1 || t->extra > 31)
				return err_set(err, _("terms '%s': after FM, + and 1 to 31 days "
						      "(FM+10)"), text);
		} else if (*plus != '\0')
			return err_set(err, _("terms '%s': '%s' is not understood; %s"), text, w,
				       _(terms_hint));
		s = word(s, w, sizeof w);
	}
	if (w[0] != '\0')
		return err_set(err, _("terms '%s': '%s' is not understood; %s"), text, w,
			       _(terms_hint));
	return 0;
}

static void
due_date(const struct ymd *from, const struct terms *t, int days, char out[11])
{
	struct ymd d = *from;

	if (t->fm && days % 30 == 0)
		add_months(&d, days / 30);
	else
		add_days(&d, days);
	if (t->fm) {
		d.d = month_days(d.y, d.m);
		add_days(&d, t->extra);
	}
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
		 (unsigned)d.d % 100u);
}

int
fpa_schedule(const char *terms, const char *date, int64_t amount, struct fpa_instalment *out,
	     size_t max, size_t *n, char *err)
{
	struct terms t;
	struct ymd from;
	int64_t share;

	if (ymd_parse(date, &from) < 0)
		return err_set(err, _("the document date '%s' is not a date (YYYY-MM-DD)"), date);
	if (parse_terms(terms, &t, err) < 0)
		return -1;
	if ((size_t)t.n > max)
		return err_set(err, _("terms '%s': at most %zu instalments"), terms, max);
	share = amount / t.n;
	for (int i = 0; i < t.n; i++) {
		due_date(&from, &t, t.days[i], out[i].due);
		out[i].amount = share + (i == 0 ? amount - share * t.n : 0);
	}
	*n = (size_t)t.n;
	return 0;
}

/* The IBAN without its spaces, upper case: 15 to 34 letters and digits,
 * two letters first. */
static int
iban_clean(const char *iban, char out[35], char *err)
{
	size_t n = 0;

	for (const char *p = iban; *p; p++) {
		if (*p == ' ')
			continue;
		if (!isalnum((unsigned char)*p) || n == 34)
			return err_set(err, _("IBAN '%s': 15 to 34 letters and digits"), iban);
		out[n++] = (char)toupper((unsigned char)*p);
	}
	out[n] = '\0';
	if (n > 0 && (n < 15 || !isalpha((unsigned char)out[0]) || !isalpha((unsigned char)out[1])))
		return err_set(err, _("IBAN '%s': 15 to 34 letters and digits"), iban);
	return 0;
}

int
fpa_schedule_apply(struct fpa_body *b, const char *terms, const char *mode, const char *iban,
		   char *err)
{
	struct fpa_instalment v[FPA_MAX_INSTALMENTS];
	char clean[35];
	size_t n;

	if (fpa_payment_mode_name(mode) == NULL)
		return err_set(err, _("'%s' is not a ModalitaPagamento (MP01 ... MP23)"), mode);
	if (iban_clean(iban, clean, err) < 0 ||
	    fpa_schedule(terms, b->date, b->tot.payable, v, ARRAY_LEN(v), &n, err) < 0)
		return -1;
	free(b->pay);
	b->pay = NULL;
	b->npay = 0;
	for (size_t i = 0; i < n; i++) {
		struct fpa_payment *p = fpa_payment_add(b);

		str_copy(p->terms, n > 1 ? "TP01" : "TP02", sizeof p->terms);
		str_copy(p->mode, mode, sizeof p->mode);
		str_copy(p->due, v[i].due, sizeof p->due);
		str_copy(p->iban, clean, sizeof p->iban);
		p->amount = v[i].amount;
		p->automatic = 1;
	}
	return 0;
}
