/* The rules of a document beyond its arithmetic (fpa_compute, invoice.h):
 * discounts as people type them and as the book keeps them, the sentences
 * the law asks for, the payment schedule from the terms, and a credit note
 * made from an invoice. Pure functions on the invoice model: the book, the
 * screens and the PDF call them; nothing here reads a book. */
#ifndef SCRIVANO_DOC_RULES_H
#define SCRIVANO_DOC_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "fisc/invoice.h"

/* ---- discounts (discount.c) ----
 *
 * As typed: terms joined by '+', each a discount applied in cascade on
 * what the one before left, white space around them ignored:
 *   10          10% off            10%   the same
 *   10,5        10.5% off          10.5  the same (comma or point; at
 *                                        most 2 decimals, above 0, at
 *                                        most 100)
 *   €3,50       3.50 off a unit    3,50€, EUR3.50, 3.50 EUR: the same (an
 *                                        amount has € or EUR before or
 *                                        after it; up to 8 decimals)
 *   M5          a maggiorazione (increase) of 5%; M€2 of 2.00 a unit
 *   10+5        10% then 5% off (90 then 85.50 of 100: 14.5% in all)
 * No thousands separators. "" is no discount. */
#define FPA_DISCOUNT_TEXT 256
/* Text into out (at most max terms), their number in *n: 0, or -1 with a
 * message naming the term that is wrong ("term 2 ('1x'): ..."), *n and
 * out then unchanged in meaning. */
int fpa_discounts_parse(const char *text, struct fpa_discount *out, int max, int *n, char *err);
/* The short way back: "10+5", "10,5+€3,50+M2". A discount with neither
 * percentage nor amount is skipped. */
char *fpa_discounts_short(const struct fpa_discount *d, int n, char *buf, size_t size);
/* The book's canonical text (document_lines.discounts): "SC 10.00%; MG
 * 1.50", each kind, its percentage (with '%') or amount a unit at 2 to 8
 * decimals, joined by "; ". The amount when a discount has both (what the
 * line's arithmetic uses), by its size whatever its sign (both ways). */
char *fpa_discounts_canon(const struct fpa_discount *d, int n, char *buf, size_t size);
/* The canonical text back (spaces after ';' tolerated): 0, or -1 with a
 * message. */
int fpa_discounts_from_canon(const char *text, struct fpa_discount *out, int max, int *n,
			     char *err);

/* ---- the sentences the law asks for (legal-notes.c) ---- */

/* RiferimentoNormativo of the forfettario's N2.2 block. */
#define FPA_FORFETTARIO_NORM "Operazione in franchigia da IVA, art. 1 c. 54-89 L. 190/2014"
#define FPA_NOTE_FORFETTARIO                                                              \
	"Operazione effettuata ai sensi dell'art. 1, commi da 54 a 89, della Legge n. "    \
	"190/2014 (regime forfettario): operazione senza applicazione dell'IVA"
#define FPA_NOTE_FORFETTARIO_RIT                                                          \
	"Compenso non soggetto a ritenuta d'acconto ai sensi dell'art. 1, comma 67, della " \
	"Legge n. 190/2014"
#define FPA_NOTE_SPLIT "Scissione dei pagamenti ai sensi dell'art. 17-ter del DPR 633/72"
#define FPA_NOTE_BOLLO "Imposta di bollo assolta in modo virtuale ai sensi del DM 17/06/2014"
/* "Dichiarazione d'intento n. PROT del DD/MM/YYYY" */
#define FPA_NOTE_INTENT_PREFIX "Dichiarazione d'intento n. "

/* The sentences a computed body must carry, in the order a document
 * prints them: each Natura block's RiferimentoNormativo (the reason for no
 * VAT: exemption, non-imponibilità, the reverse charge's article), the
 * dichiarazione d'intento (N3.5 with intent_prot), the forfettario's two
 * (RF19), split payment, the virtual bollo. Newly allocated, *n of them;
 * fpa_notes_free frees them. They are Italian, as the document is. */
char **fpa_legal_notes(const struct fpa_body *b, size_t *n);
void fpa_notes_free(char **notes, size_t n);
/* Puts those that are not a block's RiferimentoNormativo into the body's
 * Causale lines, replacing the ones an earlier call put there (the user's
 * own Causale lines stay, first). fpa_compute calls it. */
void fpa_notes_apply(struct fpa_body *b);
/* An ISO date as DD/MM/YYYY (the document's way, whatever the UI's
 * language) into buf (11 bytes); the text as it is when not a date. */
const char *fpa_date_it(const char *iso, char buf[11]);

/* ---- the payment schedule (schedule.c) ----
 *
 * Terms as Italian offices write them: days after the document date
 * joined by '/' or '-' ("30/60/90"), optionally "gg", then optionally DF
 * (data fattura: calendar days, the default) or FM / DFFM (fine mese: to
 * the end of the month reached), and after FM optionally "+N" days more
 * (FM+10: the 10th of the month after). With FM, 30, 60, 90... days count
 * as whole months, so 31 January + 30 FM is the end of February (28 or
 * 29), + 60 FM the end of March; other numbers of days are calendar days
 * then the month's end. "", "0" or "vista" is at sight: one instalment on
 * the document date. Days from 0 to 999, each after the one before, at
 * most FPA_MAX_INSTALMENTS. Case and spaces do not matter. */
#define FPA_MAX_INSTALMENTS 12

struct fpa_instalment {
	char due[11];        /* YYYY-MM-DD */
	int64_t amount;      /* cents */
};

/* The instalments of amount from date (YYYY-MM-DD): equal shares, the
 * first taking the odd cents (as fpa_compute's automatic payments), so
 * that they add up to amount exactly. 0, or -1 with a message. */
int fpa_schedule(const char *terms, const char *date, int64_t amount, struct fpa_instalment *out,
		 size_t max, size_t *n, char *err);
/* Replaces b's payments with the schedule of b->tot.payable (compute b
 * first) from b->date: CondizioniPagamento TP01 for more than one
 * instalment, TP02 for one; each with mode (MP01 ... MP23) and iban (""
 * for none; else 15 to 34 letters and digits, spaces dropped), and
 * automatic, so that computing again shares the new payable the same way.
 * 0, or -1 with a message and the payments unchanged. */
int fpa_schedule_apply(struct fpa_body *b, const char *terms, const char *mode, const char *iban,
		       char *err);

/* ---- a credit note from an invoice (discount.c's neighbour, credit.c) ----
 *
 * cn (fresh from fpa_body_add) becomes the TD04 crediting all of inv:
 * inv's own lines (not the lines fpa_compute made: a credit note never
 * reverses the invoice's bollo, nor charges one), with their amounts as
 * they are (positive, as the SdI wants a TD04's), its cassa, ritenute,
 * document discount and regime options, DatiFattureCollegate naming inv's
 * number and date. Its number, date and causale are the caller's. Its
 * bollo is its own: fpa_compute finds it due on the credited amounts like
 * any document's. */
void fpa_credit_note_from(const struct fpa_body *inv, struct fpa_body *cn);

#endif
