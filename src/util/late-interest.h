/* Late-payment interest of commercial transactions (D.Lgs. 231/2002 art.
 * 5): the ECB's main refinancing rate on the first calendar day of each
 * half-year plus 8 points, the half-years' values in a table
 * (data/interessi-mora.txt), the interest on an amount computed by day.
 * Pure: no book, no SQL. Integer arithmetic only: rates are hundredths of
 * a percent (10.15% is 1015), money int64 cents.
 *
 * The day count: from the day after the due date to the day of payment
 * (or the letter's date) included, each day at the rate of its half-year
 * over the length of its calendar year (365 days, 366 in a leap year: the
 * civil year of art. 1284 of the Codice civile, which the law's annual
 * rate refers to). The interest is the exact sum of those days' shares,
 * rounded once, half a cent up, to the cent. */
#ifndef SCRIVANO_LATE_INTEREST_H
#define SCRIVANO_LATE_INTEREST_H

#include <stddef.h>
#include <stdint.h>

#define MORA_TABLE "data/interessi-mora.txt"
#define MORA_POINTS 800 /* the 8 points added, in hundredths */

struct mora_rate {
	int year, half; /* half 1 from 1 January, 2 from 1 July */
	int mro;        /* the ECB's rate, hundredths of a percent */
	int rate;       /* mro + MORA_POINTS */
};

struct mora_table {
	char *name; /* as messages name it: "data/interessi-mora.txt" */
	struct mora_rate *v;
	size_t n;
};

/* Parses text (the file's contents) named name: lines "2025H2  2.15
 * 10.15", '#' comments and blank lines skipped. 0, or -1 with
 * "name:line: what is wrong" in err (ERR_SIZE) and *t left empty. */
int mora_table_parse(const char *text, const char *name, struct mora_table *t, char *err);
/* Reads and parses the file at path, named name in messages. */
int mora_table_load(const char *path, const char *name, struct mora_table *t, char *err);
/* The shipped table, MORA_TABLE of the share folder. */
int mora_table_load_shared(struct mora_table *t, char *err);
void mora_table_free(struct mora_table *t);

/* The rate of the half-year holding day (YYYY-MM-DD): 0 with *rate, or -1
 * with "no late-payment rate for the half-year from 01/07/2026 in
 * data/interessi-mora.txt". */
int mora_rate_on(const struct mora_table *t, const char *day, const struct mora_rate **rate,
		 char *err);

/* The interest on amount (cents, >= 0) paid late: from the day after due
 * to until included (no days when until is not after due), each half-year
 * at its rate. 0 with the interest in *interest and the days in *days
 * (either may be NULL), or -1 with a message (a date not YYYY-MM-DD, a
 * negative amount, a half-year missing from the table). */
int mora_interest(const struct mora_table *t, int64_t amount, const char *due, const char *until,
		  int64_t *interest, int64_t *days, char *err);

#endif
