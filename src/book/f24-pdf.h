/* The F24 ordinario as a PDF laid out like the Agenzia delle Entrate's
 * model ("Modello di pagamento unificato"): the contribuente, the six
 * sections with the model's columns and boxes, totals and saldo of each,
 * the saldo finale and the estremi del versamento. Rows beyond a
 * section's boxes (Erario 6, INPS 4, Regioni 4, IMU 4, INAIL 3, altri
 * enti 2) go on to further pages, each page a model of its own with the
 * totals of its rows, as a payment needing more than one model is made. */
#ifndef SCRIVANO_F24_PDF_H
#define SCRIVANO_F24_PDF_H

#include <stdint.h>
#include <stdio.h>

#include "book/record.h"
#include "util/i18n.h"

/* How many pages (models) F24 f takes. */
int f24_pdf_pages(const struct record *f);
/* Writes f (a record of f24_kind with its rows, as record_load gives it)
 * to out: 0, or -1 with a message. */
int f24_pdf_write(const struct record *f, FILE *out, char *err);
/* Loads F24 id through the record interface and writes it to path, whole
 * or not at all (a new file beside it, then renamed); an existing path is
 * refused unless replace. 0, REC_GONE (no such F24), or REC_ERROR with a
 * message. */
int f24_pdf_file(struct book *b, int64_t id, const char *path, int replace, char *err);

/* The F24's PDF command (record.h): the file name offered,
 * "F24-ID-DESCRIPTION.pdf", and the run that writes it to the path the
 * form passes (in the book's export folder). */
void f24_pdf_preset(struct book *b, const struct record *r, char *out);
int f24_pdf_run(struct book *b, const struct record *r, const char *path, int64_t *open_id,
		char *msg, char *err);
#define F24_PDF_COMMAND                                                                   \
	{ .name = "pdf", .label = N_("PDF"),                                               \
	  .help = N_("write the F24 as a PDF file, laid out like the model, in the export "  \
		     "folder"),                                                            \
	  .ask = RECORD_ASK_FILE_OUT, .prompt = N_("PDF file name"),                         \
	  .preset = f24_pdf_preset, .run = f24_pdf_run }

#endif
