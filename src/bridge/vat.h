/* The VAT registers and settlement from the book (issue 16): the book's
 * documents (src/book/vat-book.h) through the fiscal core's arithmetic
 * (src/fisc/vat.h), into text, PDF and F24 drafts; the settlements' record
 * kind for the screens (vat-kind.c). */
#ifndef SCRIVANO_BRIDGE_VAT_H
#define SCRIVANO_BRIDGE_VAT_H

#include <stddef.h>
#include <stdint.h>

#include "book/record.h"
#include "book/vat-book.h"
#include "fisc/vat.h"

/* Most rate and Natura totals of a register. */
#define VAT_MAX_TOTALS 64

/* ---- the registers (vat-register.c) ---- */

struct vat_register {
	char side;            /* VAT_SALES, VAT_PURCHASES */
	struct vat_period period;
	struct vat_doc *doc;
	size_t ndocs;
	struct vat_reg_total total[VAT_MAX_TOTALS];
	size_t ntotals;
};

/* Register side of period p, read and totalled: 0, or REC_ERROR with a
 * message (vat_register_free after either). */
int vat_register_make(struct book *b, char side, const struct vat_period *p,
		      struct vat_register *out, char *err);
void vat_register_free(struct vat_register *r);
/* Register side of period (text) as lines (76 columns, UTF-8) into *lines,
 * the company as heading: how many, or (size_t)-1 with a message. */
size_t vat_register_text(struct book *b, char side, const struct vat_period *p, char ***lines,
			 char *err);
/* The same as an A4 PDF at path (a new file, or replaced when replace):
 * 0 or REC_ERROR. */
int vat_register_pdf(struct book *b, char side, const struct vat_period *p, const char *path,
		     int replace, char *err);

/* ---- the settlement (vat-calc.c) ---- */

struct vat_result {
	char periodicity;
	struct vat_period period;
	struct vat_sums sums; /* the period's registers */
	struct vat_settlement s;
	char due[11]; /* s.due moved to a working day */
};

/* The settlement of period p from the book: the company's periodicity,
 * the periods of the year up to p chained (the credit and the debit
 * carried), the VP9 of the settlements kept (credit_year >= 0: this one's
 * instead) and, in the last period, the acconto in the F24s. 0, or
 * REC_INVALID (a period the company does not settle) or REC_ERROR. */
int vat_compute(struct book *b, const struct vat_period *p, int64_t credit_year,
		struct vat_result *out, char *err);
/* The quadro VP of r as lines of text (76 columns): how many. */
size_t vat_result_text(const struct vat_result *r, char ***lines);

/* The F24 draft of r's VAT to pay (one transaction, through the record
 * interface, the contribuente from the company profile, the legal due date
 * moved to a working day): 0 with its id; REC_INVALID when there is
 * nothing to pay (said in err), REC_ERROR. */
int vat_f24_settlement(struct book *b, const struct vat_result *r, int64_t *id, char *err);

/* A tax that follows the registers: the acconto, the bollo, the ritenute. */
struct vat_tax {
	char code[5];
	int year;         /* the F24 row's anno */
	int64_t amount;
	char due[11];     /* moved to a working day */
	int64_t base;     /* the acconto's base; the bollo's invoices; the ritenute's purchases
	                     paid in the month */
	int64_t f24;      /* the draft made, or 0 */
};
/* Each computes its tax into *t and, when make, makes its F24 draft as
 * vat_f24_settlement does: 0; REC_INVALID when none is due (said in err,
 * *t filled as far as known), REC_ERROR. */
/* The December acconto of year by the historical method: 88% of the VAT
 * owed for the last period of the year before, before its acconto. */
int vat_acconto(struct book *b, int year, int make, struct vat_tax *t, char *err);
/* The bollo of the invoices issued in quarter q (a period of kind 'Q'). */
int vat_bollo(struct book *b, const struct vat_period *q, int make, struct vat_tax *t, char *err);
/* The ritenute of the purchases paid in month m (a period of kind 'M'). */
int vat_ritenute(struct book *b, const struct vat_period *m, int make, struct vat_tax *t,
		 char *err);

/* ---- the screens' kind (vat-kind.c) ---- */

/* The settlements kept (table vat_settlements) as the screens and the
 * command line use them: saving computes the figures from the book. */
const struct record_kind *vat_settlements_kind(void);
/* Makes it known to record_kind_find (once, at start). */
void vat_kind_register(void);
/* Computes and keeps (a new one, or the one kept recomputed) the
 * settlement of period with credit_year as VP9 (< 0: as kept, or 0): its
 * id in *id. 0 or REC_* with a message. */
int vat_settlement_save(struct book *b, const struct vat_period *p, int64_t credit_year,
			int64_t *id, char *err);
/* The F24 draft of settlement id, linked to it, in one transaction: the
 * draft's id in *f24. 0 or REC_* with a message. */
int vat_settlement_f24(struct book *b, int64_t id, int64_t *f24, char *err);

#endif
