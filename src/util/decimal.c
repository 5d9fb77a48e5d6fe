/* Fixed-point decimal arithmetic: parsing, rounding half away from zero,
 * products through a 128-bit intermediate, and formatting. The one place
 * where scrivano rounds quantities, prices and amounts. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

typedef __int128 wide;

static const int64_t pow10_tab[] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL,
};

static wide
wpow10(int n)
{
	wide p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* n / 10^k rounded half away from zero. */
static wide
wdiv_round(wide n, int k)
{
	wide p, q, r;

	if (k <= 0)
		return n;
	p = wpow10(k);
	q = n / p;
	r = n % p;
	if (r < 0)
		r = -r;
	if (r * 2 >= p)
		q += n < 0 ? -1 : 1;
	return q;
}

static int
fits(wide w)
{
	return w >= INT64_MIN && w <= INT64_MAX;
}

/* The value of d at scale (rounded when scale is smaller), as a wide. */
static wide
at_scale(struct dec d, int scale)
{
	if (scale >= d.scale)
		return (wide)d.v * wpow10(scale - d.scale);
	return wdiv_round(d.v, d.scale - scale);
}

int
dec_parse(const char *s, int max_scale, struct dec *out, char *err)
{
	const char *p = s;
	wide v = 0;
	int neg = 0, digits = 0, scale = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		v = v * 10 + (*p - '0');
		if (v > INT64_MAX)
			return err_set(err, _("'%s' is too large"), s);
	}
	if (digits == 0)
		return err_set(err, _("'%s' is not a number (write it like 1234.56)"), s);
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			if (++scale > max_scale)
				return err_set(err, _("'%s' has more than %d decimals"), s, max_scale);
			v = v * 10 + (*p - '0');
			if (v > INT64_MAX)
				return err_set(err, _("'%s' is too large"), s);
		}
		if (scale == 0)
			return err_set(err, _("'%s' is not a number (write it like 1234.56)"), s);
	}
	if (*p != '\0')
		return err_set(err, _("'%s' is not a number (write it like 1234.56)"), s);
	out->v = (int64_t)(neg ? -v : v);
	out->scale = scale;
	return 0;
}

int
dec_round(struct dec d, int scale, struct dec *out)
{
	wide w;

	if (scale < 0 || scale > DEC_MAX_SCALE)
		return -1;
	w = at_scale(d, scale);
	if (!fits(w))
		return -1;
	out->v = (int64_t)w;
	out->scale = scale;
	return 0;
}

/* a*b/10^extra rounded to scale. */
static int
mul_shift(struct dec a, struct dec b, int extra, int scale, struct dec *out)
{
	wide w = (wide)a.v * b.v;
	int have = a.scale + b.scale + extra;

	if (scale < 0 || scale > DEC_MAX_SCALE)
		return -1;
	if (have > scale)
		w = wdiv_round(w, have - scale);
	else {
		/* At most 2*DEC_MAX_SCALE+2 digits of shift: check before. */
		wide lim = ((wide)1 << 100) / wpow10(scale - have);
		if (w > lim || w < -lim)
			return -1;
		w *= wpow10(scale - have);
	}
	if (!fits(w))
		return -1;
	out->v = (int64_t)w;
	out->scale = scale;
	return 0;
}

int
dec_mul(struct dec a, struct dec b, int scale, struct dec *out)
{
	return mul_shift(a, b, 0, scale, out);
}

int
dec_pct(struct dec a, struct dec pct, int scale, struct dec *out)
{
	return mul_shift(a, pct, 2, scale, out);
}

static int
add_signed(struct dec a, struct dec b, int sign, struct dec *out)
{
	int scale = a.scale > b.scale ? a.scale : b.scale;
	wide w = at_scale(a, scale) + sign * at_scale(b, scale);

	if (!fits(w))
		return -1;
	out->v = (int64_t)w;
	out->scale = scale;
	return 0;
}

int
dec_add(struct dec a, struct dec b, struct dec *out)
{
	return add_signed(a, b, 1, out);
}

int
dec_sub(struct dec a, struct dec b, struct dec *out)
{
	return add_signed(a, b, -1, out);
}

int
dec_cmp(struct dec a, struct dec b)
{
	int scale = a.scale > b.scale ? a.scale : b.scale;
	wide x = at_scale(a, scale), y = at_scale(b, scale);

	return x < y ? -1 : x > y;
}

int
dec_is_zero(struct dec d)
{
	return d.v == 0;
}

struct dec
dec_from_cents(int64_t cents)
{
	struct dec d = { cents, 2 };

	return d;
}

int
dec_to_cents(struct dec d, int64_t *cents)
{
	struct dec r;

	if (dec_round(d, 2, &r) < 0)
		return -1;
	*cents = r.v;
	return 0;
}

char *
dec_format(struct dec d, int min_dec, int max_dec, char *buf, size_t size)
{
	struct dec r = d;
	uint64_t mag, ip, fp;
	char frac[24];
	int n;

	if (r.scale > max_dec && dec_round(d, max_dec, &r) < 0) {
		str_copy(buf, "?", size);
		return buf;
	}
	if (r.scale < min_dec && dec_round(r, min_dec, &r) < 0) {
		str_copy(buf, "?", size);
		return buf;
	}
	while (r.scale > min_dec && r.v % 10 == 0) {
		r.v /= 10;
		r.scale--;
	}
	mag = r.v < 0 ? (uint64_t)0 - (uint64_t)r.v : (uint64_t)r.v;
	ip = mag / (uint64_t)pow10_tab[r.scale];
	fp = mag % (uint64_t)pow10_tab[r.scale];
	if (r.scale == 0) {
		snprintf(buf, size, "%s%llu", r.v < 0 ? "-" : "", (unsigned long long)ip);
		return buf;
	}
	n = snprintf(frac, sizeof frac, "%0*llu", r.scale, (unsigned long long)fp);
	(void)n;
	snprintf(buf, size, "%s%llu.%s", r.v < 0 ? "-" : "", (unsigned long long)ip, frac);
	return buf;
}

char *
cents_format(int64_t cents, char *buf, size_t size)
{
	return dec_format(dec_from_cents(cents), 2, 2, buf, size);
}

char *
cents_format_it(int64_t cents, char *buf, size_t size)
{
	uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	char digits[24], out[40];
	size_t n, o = 0;

	snprintf(digits, sizeof digits, "%llu", (unsigned long long)(mag / 100));
	n = strlen(digits);
	if (cents < 0)
		out[o++] = '-';
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	snprintf(out + o, sizeof out - o, ",%02u", (unsigned)(mag % 100));
	str_copy(buf, out, size);
	return buf;
}

int
cents_parse(const char *s, int64_t *cents, char *err)
{
	struct dec d;

	if (dec_parse(s, 2, &d, err) < 0)
		return -1;
	if (dec_to_cents(d, cents) < 0)
		return err_set(err, _("'%s' is too large"), s);
	return 0;
}
