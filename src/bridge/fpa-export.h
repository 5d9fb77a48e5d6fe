/* The export of issued documents as FatturaPA files (issue 15): a document
 * record with its rows, the company profile and the party become an
 * invoice model (docbridge.c), which the fiscal core checks (fpa_check),
 * writes (fpa_to_xml) and the official schema validates; the bytes are
 * stored in the book's sdi_files (src/book/sdi.h) under
 * IT<partita IVA>_<progressivo>.xml, in one transaction. */
#ifndef SCRIVANO_FPA_EXPORT_H
#define SCRIVANO_FPA_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"
#include "book/record.h"
#include "fisc/fatturapa.h"

/* The official schema's file, and xmldsig-core-schema.xsd, which it
 * imports, in the same folder. */
#define FPA_SCHEMA_FILE "Schema_del_file_xml_FatturaPA_v1.2.2.xsd"
/* The environment variable naming that folder. */
#define FPA_SCHEMA_ENV "SCRIVANO_FATTURAPA"

/* Where the schema is: given (a folder holding FPA_SCHEMA_FILE, or the
 * .xsd itself) when not NULL or empty, else $SCRIVANO_FATTURAPA, else the
 * installed PKGDATADIR/fatturapa; the path into path (PATH_MAX bytes).
 * 0, or -1 with a message saying where it looked and how to install it
 * (the XSD is not shipped with the program). */
int fpa_schema_path(const char *given, char *path, char *err);
/* fpa_schema_path, then fpa_schema_load. */
int fpa_schema_find(const char *given, struct fpa_schema **out, char *err);

/* The schema fpa_schema_find(NULL) finds, loaded once for the process
 * (the forms' Export XML); NULL with its message while none is found
 * (looked for again at the next call). */
struct fpa_schema *fpa_schema_shared(char *err);

/* Who is who in a document's file. A sale: the company is the cedente
 * (CedentePrestatore) and the party the cessionario. A self-invoice
 * (integrazione TD16-TD19, reverse charge) is the other way round: the
 * supplier as cedente (its regime the document's, else RF01 in Italy and
 * RF18 abroad), the company as cessionario (SdI 00473 otherwise), the file
 * to the company's own SDI code or PEC, DatiFattureCollegate the supplier's
 * invoice it integrates: the kinds of flag DK_SELF (doc-kinds.c). */
enum fpa_export_role {
	FPA_ROLE_SALE,
	FPA_ROLE_SELF_INVOICE,
};
enum fpa_export_role fpa_export_role(const struct record *doc);

/* The invoice model of document doc_id (issued, of a kind that goes to
 * SdI) with progressivo (1 to 5 letters or digits) into *out, not yet
 * checked: the header from the company profile and the party, the body
 * from the document's header and rows as issued (docbridge.c), the legal
 * sentences into Causale, the order and contract with CIG and CUP, the
 * invoice a note relates to, the DDTs a deferred invoice is made of. 0, or
 * REC_INVALID (with a message naming what is missing: the company's
 * partita IVA, a PA's office code ...), REC_GONE, REC_ERROR. */
int fpa_export_build(struct book *b, int64_t doc_id, const char *progressivo,
		     struct fpa_invoice **out, char *err);

/* Builds, checks (fpa_check), writes and validates one file for document
 * doc_id against xsd, and stores it in sdi_files, in one transaction;
 * *file_id its id. The SdI findings go in r (the caller frees it). A
 * document whose newest file went to SdI and was not rejected (state S,
 * C, M, A, F, T) keeps it: 1, *file_id that file, nothing built. One whose
 * newest file is made but not sent (X) keeps it too when the file it would
 * make now is the same (the document, the company and the party as they
 * were); else, and after a rejection (R), a new file with the next
 * progressivo. Returns 0 (a new file), 1 (the newest file kept), or
 * REC_INVALID with "FAT 1/2026 not exported: CODE: message" naming the
 * first SdI rule broken and its field (00200 for the schema's), nothing
 * stored; REC_GONE, REC_ERROR. */
int fpa_export_document(struct book *b, int64_t doc_id, struct fpa_schema *xsd,
			int64_t *file_id, struct fpa_report *r, char *err);

/* The file document doc_id would get if it were exported now as file id
 * (its progressivo): built, checked, written and validated as
 * fpa_export_document makes it, but not stored, nothing written to the
 * book (for the book's export, of an issued document never exported). Its
 * name into name, its bytes into *xml (newly allocated). 0, or
 * REC_INVALID (why in err, the findings in r), REC_GONE, REC_ERROR. */
int fpa_export_unstored(struct book *b, int64_t doc_id, int64_t id, struct fpa_schema *xsd,
			char name[64], char **xml, size_t *len, struct fpa_report *r, char *err);

/* ---- the files out (fpa-export-out.c) ---- */

/* Writes stored file file_id into folder dir under its own name (whole or
 * not at all; the same name is the same file, replaced); the path into
 * path (PATH_MAX bytes). 0, REC_GONE, REC_ERROR with a message. */
int fpa_export_write(struct book *b, int64_t file_id, const char *dir, char *path, char *err);
/* The stored files ids[0..n) as one zip at zip_path, each under its own
 * name (libzip, written whole or not at all). 0, REC_GONE, REC_ERROR. */
int fpa_export_zip(struct book *b, const int64_t *ids, size_t n, const char *zip_path,
		   char *err);
/* A period as the command line gives it, "2026-01" (a month) or "2026" (a
 * year), as its first and last dates (dates compare as text: a month's
 * last is written 31). 0, or -1 when it is neither. */
int fpa_export_period_bounds(const char *period, char from[11], char to[11]);

/* `scrivano fatturapa export` (fpa-export-cli.c): its exit status, or -1
 * when the arguments call for the usage. */
int fpa_cli_export(int argc, char **argv);

/* Whether a document of kind code goes to SdI as a file (FAT, FTD, NC,
 * ND, PAR, ACC), for the commands' applies. */
int fpa_export_kind(const char *kind);

#endif
