/* The arithmetic of open items (items-calc.h): ageing, a payment's
 * allocation, a statement's running balance, and a bank line's match.
 * Pure: the book's items.c and the tests call it. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book/items-calc.h"
#include "util/util.h"

int64_t
items_days_late(const char *due, const char *as_of)
{
	int64_t a = iso_day_number(as_of), d = iso_day_number(due);

	return a == INT64_MIN || d == INT64_MIN ? 0 : a - d;
}

enum items_age
items_age_of(int64_t days_late)
{
	if (days_late < 0)
		return ITEMS_NOT_DUE;
	if (days_late <= 30)
		return ITEMS_AGE_30;
	if (days_late <= 60)
		return ITEMS_AGE_60;
	if (days_late <= 90)
		return ITEMS_AGE_90;
	return ITEMS_AGE_OVER;
}

void
items_age_add(int64_t totals[ITEMS_NAGES], const char *due, const char *as_of, int64_t open)
{
	totals[items_age_of(items_days_late(due, as_of))] += open;
}

int
items_allocate(const int64_t *open, size_t n, int64_t amount, int64_t *alloc)
{
	int64_t net = 0, left = amount;
	int sign = amount > 0 ? 1 : -1;

	for (size_t i = 0; i < n; i++) {
		alloc[i] = 0;
		net += open[i];
	}
	if (amount == 0 || net == 0 || (amount > 0) != (net > 0) ||
	    (amount > 0 ? amount > net : amount < net))
		return -1;
	/* the other sign's first, whole: they add to what there is to share */
	for (size_t i = 0; i < n; i++)
		if (open[i] != 0 && (open[i] > 0 ? 1 : -1) != sign) {
			alloc[i] = open[i];
			left -= open[i];
		}
	for (size_t i = 0; i < n && left != 0; i++)
		if (open[i] != 0 && (open[i] > 0 ? 1 : -1) == sign) {
			int64_t take = sign > 0 ? (open[i] < left ? open[i] : left)
						: (open[i] > left ? open[i] : left);
			alloc[i] = take;
			left -= take;
		}
	if (left != 0) {
		for (size_t i = 0; i < n; i++)
			alloc[i] = 0;
		return -1;
	}
	return 0;
}

void
items_running_balance(int64_t opening, struct items_line *lines, size_t n)
{
	int64_t b = opening;

	for (size_t i = 0; i < n; i++) {
		b += lines[i].amount;
		lines[i].balance = b;
	}
}

static int
word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80; /* a UTF-8 letter's bytes count as letters */
}

/* Whether text holds s (len bytes, any ASCII case) at a place with no
 * letter or digit just before or after it. */
static int
has_bounded(const char *text, const char *s, size_t len)
{
	size_t n = strlen(text);

	if (len == 0 || len > n)
		return 0;
	for (size_t i = 0; i + len <= n; i++)
		if (strncasecmp(text + i, s, len) == 0 &&
		    (i == 0 || !word_char((unsigned char)text[i - 1])) &&
		    !word_char((unsigned char)text[i + len]))
			return 1;
	return 0;
}

int
items_text_has_number(const char *text, const char *number)
{
	return has_bounded(text, number, strlen(number));
}

int
items_text_has_name(const char *text, const char *name)
{
	static const char *const forms[] = { "srl", "srls", "spa", "snc", "sas", "sapa", "soc",
					     "coop", "scarl", "scrl", "ltd", "gmbh", "inc", "the",
					     "and", "del", "della", "dei", "di", "de" };

	for (const char *p = name; *p != '\0';) {
		size_t len = 0, letters = 0, f;

		while (*p != '\0' && !word_char((unsigned char)*p))
			p++;
		while (word_char((unsigned char)p[len])) {
			letters += isalpha((unsigned char)p[len]) || (unsigned char)p[len] >= 0x80;
			len++;
		}
		for (f = 0; f < ARRAY_LEN(forms); f++)
			if (strlen(forms[f]) == len && strncasecmp(p, forms[f], len) == 0)
				break;
		if (letters >= 3 && f == ARRAY_LEN(forms) && has_bounded(text, p, len))
			return 1;
		p += len;
	}
	return 0;
}

int
items_match_score(int amount_item, int amount_doc, int number_found, int party_found)
{
	return (amount_item || amount_doc ? 4 : 0) + (number_found ? 3 : 0) + (party_found ? 2 : 0);
}
