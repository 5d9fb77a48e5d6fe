/* Fixed-point decimals for quantities, prices, rates and money: an int64
 * value and a decimal scale (value = v / 10^scale). No floating point. */
#ifndef SCRIVANO_DECIMAL_H
#define SCRIVANO_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

/* The largest scale a decimal may carry (products are rounded back). */
#define DEC_MAX_SCALE 12
/* Room for any formatted decimal or amount, with sign and NUL. */
#define DEC_BUF 32

struct dec {
	int64_t v;
	int scale;
};

/* Parses the XML way of writing a number, strictly: an optional '-', at
 * least one digit, and optionally '.' with 1..max_scale digits. No spaces,
 * no '+', no thousands separators, no exponent. 0 or -1 with a message. */
int dec_parse(const char *s, int max_scale, struct dec *out, char *err);

/* d rounded (or extended) to scale, rounding half away from zero, which is
 * what "arrotondamento al centesimo" means for negative amounts too.
 * 0, or -1 when the result does not fit. */
int dec_round(struct dec d, int scale, struct dec *out);
/* Exact a*b rounded to scale (half away from zero); -1 on overflow. */
int dec_mul(struct dec a, struct dec b, int scale, struct dec *out);
/* a*pct/100 rounded to scale: a percentage of an amount. */
int dec_pct(struct dec a, struct dec pct, int scale, struct dec *out);
/* a+b and a-b at the larger of the two scales; -1 on overflow. */
int dec_add(struct dec a, struct dec b, struct dec *out);
int dec_sub(struct dec a, struct dec b, struct dec *out);
/* <0, 0, >0 like strcmp, comparing values (1.5 == 1.50). */
int dec_cmp(struct dec a, struct dec b);
int dec_is_zero(struct dec d);
struct dec dec_from_cents(int64_t cents);
/* d rounded to cents; -1 when it does not fit. */
int dec_to_cents(struct dec d, int64_t *cents);

/* Writes d with at least min_dec and at most max_dec decimals (trailing
 * zeros past min_dec dropped; rounding half away past max_dec). */
char *dec_format(struct dec d, int min_dec, int max_dec, char *buf, size_t size);
/* Cents as "-1234.56". */
char *cents_format(int64_t cents, char *buf, size_t size);
/* Cents as "1.234,56" (Italian grouping) for people to read. */
char *cents_format_it(int64_t cents, char *buf, size_t size);
/* Parses an amount with exactly two decimals or fewer ("12", "12.5",
 * "12.50") into cents; the strict XML rule is up to the caller. */
int cents_parse(const char *s, int64_t *cents, char *err);

#endif
