/* The VAT of the registers: a period (a month or a quarter), the totals of
 * the sales and purchases registers by rate and Natura, the periodic
 * settlement (liquidazione) with the figures of the quadro VP of the
 * periodic communication, the F24 codes and due dates of the VAT, its
 * December acconto, the bollo of the electronic invoices and the ritenute
 * withheld. Pure arithmetic on cents: nothing here reads a book.
 *
 * The rules (DPR 633/1972 art. 1 and 27, DPR 100/1998, DPR 542/1999 art. 7,
 * L. 405/1990 art. 6, DM 17 June 2014 art. 6):
 *  - a month is settled by the 16th of the next; a quarter (by option,
 *    "trimestrale") by 16 May, 20 August, 16 November, with 1% interest on
 *    what is owed; the fourth quarter with the annual return (6099 by 16
 *    March, interest included), but for the "trimestrali speciali" of art.
 *    74 c.4, who pay it by 16 February with 6034, and no interest at all;
 *  - VAT owed is the VAT of the sales, but a split-payment sale's (the
 *    public buyer pays it to the State), plus the VAT of the self-invoices
 *    of reverse charge, which is also deducted: it counts on both sides,
 *    owed whole, deducted only as far as the purchase it integrates is
 *    deductible (art. 19 and 19-bis1: a car's 40%);
 *  - an amount owed of €100 or less is not paid but carried into the next
 *    period, and no later than the payment due by 16 December: so only
 *    from January to October, and from the first two quarters;
 *  - a credit is carried into the next period of the year (VP8); what is
 *    left at the year's end goes to the annual return;
 *  - the December acconto by the historical method is 88% of the VAT owed
 *    for the last period of the year before, before that year's own
 *    acconto was deducted (interest left out), not due under €103.29,
 *    paid by 27 December (6013 monthly, 6035 quarterly). */
#ifndef SCRIVANO_FISC_VAT_H
#define SCRIVANO_FISC_VAT_H

#include <stddef.h>
#include <stdint.h>

/* How often the company settles (the company profile's field). */
#define VAT_MONTHLY 'M'
#define VAT_QUARTERLY 'T'   /* trimestrale per opzione: 1% interest */
#define VAT_QUARTERLY_S 'S' /* trimestrale speciale, art. 74 c.4: no interest, Q4 6034 */

/* €100 in cents: an amount owed up to it is carried forward. */
#define VAT_CARRY_LIMIT 10000
/* €103.29: an acconto under it is not due. */
#define VAT_ACCONTO_MIN 10329
/* €5,000: the bollo of the first quarter up to it may go with the
 * second's, of the first two together with the third's (DL 73/2022). */
#define VAT_BOLLO_DEFER_LIMIT 500000

/* "2026-03", "2026Q1": the longest text and its buffer. */
#define VAT_PERIOD_TEXT 8

struct vat_period {
	int year;
	char kind; /* 'M' a month, 'Q' a quarter */
	int n;     /* 1-12, or 1-4 */
};

/* "2026-03" (a month), "2026Q1" or "2026-Q1" (a quarter; q lower case too):
 * 0, or -1 with a message. */
int vat_period_parse(const char *text, struct vat_period *p, char *err);
/* "2026-03" or "2026Q1" into out (VAT_PERIOD_TEXT bytes). */
char *vat_period_text(const struct vat_period *p, char *out);
/* The first and the last day, YYYY-MM-DD (11 bytes each). */
void vat_period_dates(const struct vat_period *p, char *from, char *to);
/* The months it covers: first and last (1-12). */
void vat_period_months(const struct vat_period *p, int *first, int *last);
/* Whether it is the last of its year (December, the fourth quarter). */
int vat_period_is_last(const struct vat_period *p);
/* The period of the same kind before (January: December of the year
 * before). */
void vat_period_prev(const struct vat_period *p, struct vat_period *out);
/* Whether periodicity (VAT_MONTHLY ...) settles periods of p's kind. */
int vat_periodicity_fits(char periodicity, const struct vat_period *p);

/* ---- the registers ---- */

/* One VAT block of a document in a register (its summary's rate and
 * Natura), signed: a credit note's amounts are negative. */
struct vat_reg_block {
	int rate;          /* hundredths of a percent, 2200 = 22% */
	char natura[6];    /* N1 ... N7, "" with a rate */
	int64_t taxable, tax;
	int split;         /* split payment: the VAT is the buyer's to pay */
	int reverse;       /* a self-invoice of reverse charge: owed, and deducted */
	int64_t nondeductible; /* a purchase's: of tax, what may not be deducted (a
	                        * self-invoice's too: the share of the purchase it
	                        * integrates) */
};

/* A register's totals for one rate and Natura. */
struct vat_reg_total {
	int rate;
	char natura[6];
	int64_t taxable;     /* every block's, the reverse charge's too */
	int64_t reverse_taxable; /* of which the self-invoices' of reverse charge */
	int64_t tax;         /* ordinary VAT: charged (sales), deductible (purchases) */
	int64_t split_tax;   /* split payment's VAT, apart */
	int64_t reverse_tax; /* reverse charge's VAT, apart: owed (sales), deducted
	                      * (purchases: its non-deductible part not) */
	int64_t nondeductible_tax; /* a purchase's VAT not deductible, apart (not in tax
	                            * nor reverse_tax), a self-invoice's too */
	int64_t reverse_nondeductible; /* of nondeductible_tax, the self-invoices' */
};

/* Of a purchase's VAT block tax (cents, signed), the part that may not be
 * deducted when deductible (hundredths of a per cent, 0 to 10000) is: tax
 * less the deductible part, which is rounded to the cent per block,
 * halves away from zero (art. 19-bis1 DPR 633/72: a car's 40%). */
int64_t vat_nondeductible(int64_t tax, int deductible);

/* Adds block to the totals (*t of *n, kept ordered by rate, higher first,
 * then Natura; at most max): 0, or -1 when there would be more than max. */
int vat_reg_add(struct vat_reg_total *t, size_t *n, size_t max, const struct vat_reg_block *b);

/* What one period's registers sum to, for its settlement. */
struct vat_sums {
	int64_t sales_taxable;     /* VP2: every sale's amount, split payment included,
				    * self-invoices of reverse charge not */
	int64_t purchases_taxable; /* VP3: every purchase's amount */
	int64_t sales_vat;         /* VAT charged on sales, split payment's not */
	int64_t split_vat;         /* VAT of split-payment sales (not owed) */
	int64_t purchases_vat;     /* deductible VAT on purchases */
	int64_t reverse_vat;       /* VAT of the self-invoices of reverse charge */
	int64_t reverse_nondeductible; /* of it, what may not be deducted (the share
	                                * of the purchase each integrates) */
};
/* The sums of the registers' totals: sales and purchases (either may be
 * NULL with 0 rows). A self-invoice of reverse charge is in both
 * registers: its amount counts in neither VP2 nor VP3 (the purchase it
 * integrates is in VP3 already), its VAT is taken once, from the sales
 * register, and goes to both sides, less in VP5 what the purchases
 * register has of it as not deductible. */
void vat_sums_of(const struct vat_reg_total *sales, size_t ns,
		 const struct vat_reg_total *purchases, size_t np, struct vat_sums *out);

/* ---- the settlement ---- */

struct vat_settle_in {
	char periodicity;      /* VAT_MONTHLY, VAT_QUARTERLY, VAT_QUARTERLY_S */
	struct vat_period period;
	struct vat_sums sums;
	int64_t debit_before;  /* VP7: owed and carried from the period before (≤ €100) */
	int64_t credit_before; /* VP8: the credit of the period before */
	int64_t credit_year;   /* VP9: of the year before's credit, what is used here */
	int64_t acconto;       /* VP13: the acconto paid (the last period only) */
};

/* The figures of the quadro VP (cents, each not negative: a debit and a
 * credit column where the model has two) and what follows from them. */
struct vat_settlement {
	int64_t vp2, vp3;              /* operations, active and passive */
	int64_t vp4, vp5;              /* VAT owed (esigibile), deducted (detratta) */
	int64_t vp6_debit, vp6_credit; /* VP4 - VP5 */
	int64_t vp7, vp8, vp9;         /* carried debit, credit before, credit of the year before */
	int64_t vp12;                  /* interest of a quarterly settlement */
	int64_t vp13;                  /* acconto */
	int64_t vp14_debit, vp14_credit; /* to pay, or the credit */
	/* The VAT owed before the acconto, signed (VP6 + VP7 - VP8 - VP9):
	 * the base of next year's acconto when this is the last period. */
	int64_t before_acconto;
	int64_t to_pay;       /* what the F24 holds (VP14 debit), 0 when carried or none */
	int carried;          /* 1: owed €100 or less, carried to the next period */
	int64_t debit_next;   /* into the next period's VP7 */
	int64_t credit_next;  /* into the next period's VP8 (0 after the last period) */
	int64_t credit_year_end; /* the credit left at the year's end (last period) */
	char code[5];         /* codice tributo: 6001-6012, 6031-6033, 6034, 6099 */
	char due[11];         /* the legal due date (before a holiday moves it) */
};
/* Settles one period: 0, or -1 with a message (a period the periodicity
 * does not settle). */
int vat_settle(const struct vat_settle_in *in, struct vat_settlement *out, char *err);

/* The periods of a year from its first to `upto` (of the kind upto
 * names), each with its sums, the year before's credit used in each and
 * the acconto (deducted in the last period only), chained: each period's
 * carried debit and credit go into the next. out has upto.n entries (one a
 * period, the first at [0]). 0, or -1 with a message. */
int vat_settle_year(char periodicity, const struct vat_period *upto, const struct vat_sums *sums,
		    const int64_t *credit_year, int64_t acconto, struct vat_settlement *out,
		    char *err);

/* ---- the acconto ---- */

/* 88% of base, half up; 0 when base is 0 or less or the acconto would be
 * under VAT_ACCONTO_MIN. */
int64_t vat_acconto_historical(int64_t base);
/* Its code (6013 monthly, 6035 quarterly) and due date (27 December of
 * year). */
const char *vat_acconto_code(char periodicity);
void vat_acconto_due(int year, char *due);

/* ---- the other taxes ---- */

/* The bollo of the electronic invoices issued in quarter q of year: its
 * code (2521-2524) and due date: the first quarter's by 31 May, the
 * second's by 30 September, the third's by 30 November, the fourth's by
 * the end of February of the next year; the first's goes with the second's
 * when it is VAT_BOLLO_DEFER_LIMIT or less, and the first two with the
 * third's when together they are (q1, q2: the quarters' amounts, cents).
 * code: 5 bytes, due: 11. */
void vat_bollo_due(int year, int q, int64_t q1, int64_t q2, char *code, char *due);
/* The ritenute withheld on a payment made on paid (YYYY-MM-DD): due by the
 * 16th of the next month (11 bytes); code 1040 (lavoro autonomo). */
#define VAT_RITENUTE_CODE "1040"
void vat_ritenute_due(const char *paid, char *due);
/* The part of a purchase's ritenuta (cents) withheld on the payments of a
 * month: the ritenuta is applied at each payment (art. 25 DPR 600/1973),
 * in proportion to what is paid of payable (what the supplier is owed,
 * net of it). paid_before was paid before the month, paid_in in it. The
 * share paid by the end of a month is rounded, halves up, and the month's
 * is its difference from the month before's: the months of a purchase
 * paid in full add up to the whole ritenuta, to the cent. */
int64_t vat_ritenuta_withheld(int64_t ritenuta, int64_t payable, int64_t paid_before,
			      int64_t paid_in);

#endif
