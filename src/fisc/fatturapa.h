/* FatturaPA in and out: the writer (model to XML), the reader (XML or a
 * signed .p7m to model), the checker with the SdI codes, validation against
 * the official schema, the text rendering, the HTML rendering through a
 * stylesheet. (The import into a book is src/bridge's.) */
#ifndef SCRIVANO_FATTURAPA_H
#define SCRIVANO_FATTURAPA_H

#include <stddef.h>
#include <stdio.h>

#include "fisc/invoice.h"
#include "util/util.h"

#define FPA_NAMESPACE "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"
/* The reader refuses files larger than this, and XML nested deeper. */
#define FPA_MAX_FILE (5 * 1024 * 1024)
#define FPA_MAX_DEPTH 40

/* Sets libxml2 up once for hostile input: no network, no external
 * entities. Every entry point below calls it; calling it again is free. */
void fpa_xml_init(void);

/* The checker's findings. An error is what the SdI would reject (its code,
 * e.g. "00421"); a warning ("W...") is worth a look but not a refusal. */
struct fpa_finding {
	char code[8];
	int error;
	char msg[ERR_SIZE];
};

struct fpa_report {
	struct fpa_finding *f;
	size_t n;
	int errors, warnings;
};

void fpa_report_add(struct fpa_report *r, int error, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void fpa_report_free(struct fpa_report *r);
/* Prints each finding as "prefix: CODE: message". */
void fpa_report_print(const struct fpa_report *r, const char *prefix, FILE *out);

/* The SdI checks, on every body: 00200 (a TipoRitenuta, CausalePagamento
 * or TipoCassa outside the schema's lists), 00400, 00401, 00411, 00413, 00414,
 * 00415, 00417, 00418, 00420, 00421, 00422, 00423, 00424, 00425, 00427,
 * 00429, 00430, 00437, 00438, 00443, 00444, 00445, 00471, 00472, 00473;
 * warnings for a partita IVA or codice fiscale whose check digit is wrong
 * (W001 ... W003) and an ImportoTotaleDocumento the summary does not make
 * (W020, fpa_summary_total). Returns the number of errors. */
int fpa_check(const struct fpa_invoice *inv, struct fpa_report *r);

/* The writer. The XML of inv in memory (UTF-8, newly allocated). */
int fpa_to_xml(const struct fpa_invoice *inv, char **xml, size_t *len, char *err);
/* "IT01234567897_00001.xml": IdTrasmittente and the progressivo (1 to 5
 * letters or digits). 0, or -1 when they cannot make a valid name. */
int fpa_file_name(const struct fpa_invoice *inv, char *buf, size_t size, char *err);
/* Checks inv (findings in r) and, only when there is no error, writes it
 * as dir/<fpa_file_name>. The full path goes in path (PATH_MAX bytes). */
int fpa_write_file(const struct fpa_invoice *inv, const char *dir, char *path,
		   struct fpa_report *r, char *err);

/* The official schema, loaded once from a path (no network). */
struct fpa_schema;
int fpa_schema_load(const char *xsd_path, struct fpa_schema **out, char *err);
void fpa_schema_free(struct fpa_schema *s);
/* 0 when the XML is valid, else -1 with the first problem and its line. */
int fpa_schema_validate(struct fpa_schema *s, const char *xml, size_t len, char *err);

/* Where a file came from: plain XML, or CMS-signed (.p7m). */
struct fpa_source {
	char *xml;           /* the XML bytes (newly allocated) */
	size_t len;
	int is_signed;       /* the file was a CMS envelope */
	int sig_verified;    /* its signature verifies over the content */
	char signer[128];    /* the signer's common name, when known */
	char sig_note[ERR_SIZE]; /* why the signature does not verify */
};

/* Unwraps a .p7m when data is one, else copies it. Every form a .p7m
 * comes in: DER, base64 (on one line or broken into lines), PEM
 * ("-----BEGIN PKCS7-----", "-----BEGIN CMS-----"). The SdI's receipts
 * come signed the same way: this is their entry point too. */
int fpa_source_from_memory(const unsigned char *data, size_t len, struct fpa_source *src,
			   char *err);
/* The same from a file (or its bytes, read from path): a .p7m must be a
 * signed file. */
int fpa_source_read(const char *path, struct fpa_source *src, char *err);
int fpa_source_from_file_data(const char *path, const unsigned char *data, size_t len,
			      struct fpa_source *src, char *err);
void fpa_source_free(struct fpa_source *src);
/* 1 when data looks like a CMS/PKCS#7 envelope (DER, base64, PEM) rather
 * than XML. */
int fpa_is_cms(const unsigned char *data, size_t len);
/* Extracts the signed content of a CMS envelope and verifies the
 * signature against the certificates it carries (the chain of trust is not
 * checked: no trust store is configured). */
int fpa_p7m_extract(const unsigned char *data, size_t len, struct fpa_source *src, char *err);
/* Base64 (line breaks and blanks allowed) decoded into a new buffer of
 * *out_len bytes; NULL when it is not base64. */
unsigned char *fpa_base64_decode(const char *text, size_t len, size_t *out_len);

/* The reader: XML to model. Tolerant (white space around values, absent
 * DatiPagamento, several bodies) and safe (no DTD, no network, bounded
 * size and depth). Problems that do not stop reading go in r as warnings
 * (r may be NULL). name is used in messages ("FILE:LINE: ..."). */
int fpa_read_memory(const char *xml, size_t len, const char *name, struct fpa_invoice **out,
		    struct fpa_report *r, char *err);
/* Reads a file from disk: XML or .p7m. src (may be NULL) receives the
 * bytes and the signature's status. */
int fpa_read_file(const char *path, struct fpa_invoice **out, struct fpa_source *src,
		  struct fpa_report *r, char *err);

/* The invoice as text for people, at most width columns. */
void fpa_show(const struct fpa_invoice *inv, int width, FILE *out);

/* Renders XML through an XSL stylesheet (e.g. the official one) to HTML. */
/* The Agenzia delle Entrate's stylesheet's file name, in the folder of its
 * official files. */
#define FPA_DEFAULT_XSL "Foglio_di_stile_fatturaordinaria_v1.2.2.xsl"
int fpa_html(const char *xml, size_t len, const char *xsl_path, FILE *out, char *err);

#endif
