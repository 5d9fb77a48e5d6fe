/* Issued documents as FatturaPA files: the model from the document, the
 * company profile and the party; checked, written, validated and stored
 * in sdi_files in one transaction. See fpa-export.h. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "book/company.h"
#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/parties.h"
#include "book/sdi.h"
#include "bridge/docbridge.h"
#include "bridge/fpa-export.h"
#include "fisc/doc-rules.h"
#include "util/i18n.h"
#include "util/util.h"

/* ---- the schema ---- */

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int
fpa_schema_path(const char *given, char *path, char *err)
{
	const char *env = getenv(FPA_SCHEMA_ENV), *dir;
	struct stat st;

	if (given != NULL && given[0] != '\0')
		dir = given;
	else if (env != NULL && env[0] != '\0')
		dir = env;
	else
		dir = PKGDATADIR "/fatturapa";
	if (stat(dir, &st) == 0 && S_ISREG(st.st_mode))
		snprintf(path, PATH_MAX, "%s", dir);
	else
		snprintf(path, PATH_MAX, "%s/%s", dir, FPA_SCHEMA_FILE);
	if (is_file(path))
		return 0;
	/* the how-to first: a long path is what a short buffer cuts */
	return err_set(err, _("the FatturaPA schema is not installed (it does not ship with "
			      "scrivano): ./configure --with-fatturapa-schema=DIR installs it, "
			      "or %s or --schema DIR names its folder; not found: %s"),
		       FPA_SCHEMA_ENV, path);
}

int
fpa_schema_find(const char *given, struct fpa_schema **out, char *err)
{
	char path[PATH_MAX];

	if (fpa_schema_path(given, path, err) < 0)
		return -1;
	return fpa_schema_load(path, out, err);
}

struct fpa_schema *
fpa_schema_shared(char *err)
{
	static struct fpa_schema *xsd;

	if (xsd == NULL && fpa_schema_find(NULL, &xsd, err) < 0)
		xsd = NULL;
	return xsd;
}

/* ---- who is who ---- */

enum fpa_export_role
fpa_export_role(const struct record *doc)
{
	const struct doc_kind *k = doc_kind_find(record_get(doc, DOC_KIND));

	return k != NULL && (k->flags & DK_SELF) ? FPA_ROLE_SELF_INVOICE : FPA_ROLE_SALE;
}

int
fpa_export_kind(const char *kind)
{
	const struct doc_kind *k = doc_kind_find(kind);

	return k != NULL && (k->flags & DK_FISCAL) && k->direction[0] == 'S';
}

/* The company profile as a party of the file: its partita IVA (also the
 * transmitter's), names, regime (the document's own when it has one) and
 * sede. REC_INVALID when it has no partita IVA. */
static int
company_party(const struct record *c, const struct record *doc, struct fpa_party *p, char *err)
{
	const char *regime = record_get(doc, DOC_REGIME);
	const char *country = record_get(c, COMPANY_COUNTRY);

	memset(p, 0, sizeof *p);
	if (record_get(c, COMPANY_PIVA)[0] == '\0') {
		err_set(err, "%s", _("the company profile has no partita IVA: the file is named "
				     "and sent under it"));
		return REC_INVALID;
	}
	str_copy(p->vat_country, country[0] ? country : "IT", sizeof p->vat_country);
	str_copy(p->vat_id, record_get(c, COMPANY_PIVA), sizeof p->vat_id);
	str_copy(p->cf, record_get(c, COMPANY_CF), sizeof p->cf);
	if (strcmp(record_get(c, COMPANY_KIND), "P") == 0) {
		p->first = xstrdup(record_get(c, COMPANY_FIRST_NAME));
		p->last = xstrdup(record_get(c, COMPANY_LAST_NAME));
	} else
		p->name = xstrdup(record_get(c, COMPANY_NAME));
	str_copy(p->regime, regime[0] ? regime : record_get(c, COMPANY_REGIME), sizeof p->regime);
	p->addr.street = xstrdup(record_get(c, COMPANY_ADDRESS));
	str_copy(p->addr.civic, record_get(c, COMPANY_STREET_NO), sizeof p->addr.civic);
	str_copy(p->addr.cap, record_get(c, COMPANY_CAP), sizeof p->addr.cap);
	p->addr.city = xstrdup(record_get(c, COMPANY_CITY));
	str_copy(p->addr.province, record_get(c, COMPANY_PROVINCE), sizeof p->addr.province);
	str_copy(p->addr.country, p->vat_country, sizeof p->addr.country);
	return 0;
}

static int
foreign(const struct fpa_party *p)
{
	return p->addr.country[0] != '\0' && strcmp(p->addr.country, "IT") != 0;
}

/* A party abroad as the schema takes it: CAP 00000 (the schema wants five
 * digits), no Provincia (an Italian one's code), its IdFiscaleIVA in its
 * country, 99999999999 for one that has none (a private customer). */
static void
abroad(struct fpa_party *p)
{
	if (!foreign(p))
		return;
	if (strlen(p->addr.cap) != 5 || strspn(p->addr.cap, "0123456789") != 5)
		str_copy(p->addr.cap, "00000", sizeof p->addr.cap);
	p->addr.province[0] = '\0';
	if (p->vat_id[0] == '\0') {
		str_copy(p->vat_id, "99999999999", sizeof p->vat_id);
		p->cf[0] = '\0';
	}
	str_copy(p->vat_country, p->addr.country, sizeof p->vat_country);
}

/* Where the file goes: a PA by its office code (FPA12), a party abroad
 * XXXXXXX, else the SDI code, or 0000000 with the PEC (or neither: the
 * buyer finds it in the cassetto fiscale). */
static int
destination(const struct record *doc, const struct record *party, struct fpa_invoice *inv,
	    char *err)
{
	const char *office = record_get(doc, DOC_PA_OFFICE), *sdi = record_get(doc, DOC_SDI);
	const char *pec = record_get(doc, DOC_PEC);

	if (fpa_export_role(doc) == FPA_ROLE_SELF_INVOICE) {
		/* to the company itself, at the code or PEC the self-invoice
		 * was made with (the company profile's) */
		inv->format = FPA_FPR12;
		if (strlen(sdi) == 7)
			str_copy(inv->dest, sdi, sizeof inv->dest);
		else {
			str_copy(inv->dest, "0000000", sizeof inv->dest);
			if (pec[0] != '\0')
				inv->pec = xstrdup(pec);
		}
		return 0;
	}
	/* the document's own, as filled from the party when made; else the
	 * party's (a document made elsewhere) */
	if (office[0] == '\0')
		office = record_get(party, PARTY_PA_OFFICE);
	if (sdi[0] == '\0' && pec[0] == '\0') {
		sdi = record_get(party, PARTY_SDI);
		pec = record_get(party, PARTY_PEC);
	}
	if (strcmp(record_get(party, PARTY_PA), "1") == 0 || record_get(doc, DOC_PA_OFFICE)[0]) {
		if (strlen(office) != 6) {
			err_set(err, "%s", _("a public administration is invoiced by its office "
					     "code (codice univoco ufficio, 6 characters): neither "
					     "the document nor the customer has one"));
			return REC_INVALID;
		}
		inv->format = FPA_FPA12;
		str_copy(inv->dest, office, sizeof inv->dest);
		return 0;
	}
	inv->format = FPA_FPR12;
	if (foreign(&inv->buyer))
		str_copy(inv->dest, "XXXXXXX", sizeof inv->dest);
	else if (strlen(sdi) == 7)
		str_copy(inv->dest, sdi, sizeof inv->dest);
	else {
		str_copy(inv->dest, "0000000", sizeof inv->dest);
		if (pec[0] != '\0')
			inv->pec = xstrdup(pec);
	}
	return 0;
}

/* The parties by their roles in the file (the one place that says it). */
static int
parties(struct book *b, const struct record *doc, struct fpa_invoice *inv, char *err)
{
	struct record *company = NULL, *party = NULL;
	struct fpa_party *own, *other;
	int64_t pid = strtoll(record_get(doc, DOC_PARTY), NULL, 10);
	int rc;

	if (fpa_export_role(doc) == FPA_ROLE_SELF_INVOICE) {
		own = &inv->buyer;
		other = &inv->seller;
	} else {
		own = &inv->seller;
		other = &inv->buyer;
	}
	if ((rc = company_load(b, &company, err)) < 0 ||
	    (rc = record_load(b, &parties_kind, pid, &party, err)) < 0)
		goto out;
	if ((rc = company_party(company, doc, own, err)) < 0)
		goto out;
	str_copy(inv->tx_country, own->vat_country, sizeof inv->tx_country);
	str_copy(inv->tx_id, own->vat_id, sizeof inv->tx_id);
	docbridge_party_from_record(party, other);
	abroad(other);
	if (own == &inv->buyer) {
		/* the supplier as cedente: the regime the self-invoice names, else
		 * RF01 in Italy and RF18 (other) abroad; the cessionario has none */
		const char *regime = record_get(doc, DOC_REGIME);

		str_copy(other->regime, regime[0] ? regime : foreign(other) ? "RF18" : "RF01",
			 sizeof other->regime);
		own->regime[0] = '\0';
	}
	rc = destination(doc, party, inv, err);
out:
	record_free(company);
	record_free(party);
	return rc;
}

/* ---- the body ---- */

/* The invoice's lines DDT ddt delivered (RiferimentoNumeroLinea), when it
 * did not deliver them all: a DDT that names none is one of the whole
 * invoice. */
static int
ddt_lines(struct book *b, const struct record *doc, int64_t ddt, struct fpa_ddt *t, char *err)
{
	int *lines;
	size_t n;

	if (document_lines_from(b, doc->id, ddt, &lines, &n, err) < 0)
		return -1;
	if (n < doc->rows[DOC_LINES].n)
		for (size_t i = 0; i < n; i++)
			fpa_ddt_add_line(t, lines[i]);
	free(lines);
	return 0;
}

/* The documents it came from: the invoice a note relates to
 * (DatiFattureCollegate), the DDTs a deferred invoice is made of. */
static int
links(struct book *b, const struct record *doc, struct fpa_body *body, char *err)
{
	const char *kind = record_get(doc, DOC_KIND);
	struct doc_link *l;
	size_t n;

	if (document_links(b, doc->id, &l, &n, err) < 0)
		return REC_ERROR;
	for (size_t i = 0; i < n; i++) {
		if (!l[i].source)
			continue;
		if (strcmp(l[i].kind, "DDT") == 0 && strcmp(kind, "FTD") == 0) {
			struct fpa_ddt *t = fpa_ddt_add(body);

			str_copy(t->number, l[i].number, sizeof t->number);
			str_copy(t->date, l[i].date, sizeof t->date);
			if (ddt_lines(b, doc, l[i].id, t, err) < 0) {
				free(l);
				return REC_ERROR;
			}
		} else if (body->rel_id[0] == '\0' && fpa_export_kind(l[i].kind) &&
			   (strcmp(kind, "NC") == 0 || strcmp(kind, "ND") == 0)) {
			str_copy(body->rel_id, l[i].number, sizeof body->rel_id);
			str_copy(body->rel_date, l[i].date, sizeof body->rel_date);
		}
	}
	free(l);
	return 0;
}

static int
body(struct book *b, const struct record *doc, struct fpa_body *body, char *err)
{
	char name[64];
	int rc;

	if (docbridge_record_to_body(doc, body, err) < 0)
		return REC_INVALID;
	if (body->order.id[0] == '\0' && (body->order.cig[0] || body->order.cup[0])) {
		err_set(err, _("%s: the CIG and CUP go with the customer's order or the contract "
			       "(DatiOrdineAcquisto, DatiContratto): the document names neither"),
			document_name(doc, name, sizeof name));
		return REC_INVALID;
	}
	if ((rc = links(b, doc, body, err)) < 0)
		return rc;
	if (fpa_export_role(doc) == FPA_ROLE_SELF_INVOICE) {
		/* the supplier's invoice it integrates */
		char number[24], date[11];
		int64_t purchase;

		if ((rc = document_integrated(b, doc->id, &purchase, number, date, err)) < 0)
			return rc;
		if (rc == 1) {
			str_copy(body->rel_id, number, sizeof body->rel_id);
			str_copy(body->rel_date, date, sizeof body->rel_date);
		}
	}
	/* what the law asks the document to say, as the printed page says it */
	fpa_notes_apply(body);
	return 0;
}

/* fpa_export_build, the document's name for messages ("FAT 1/2026") into
 * docname (64 bytes, may be NULL). */
static int
build(struct book *b, int64_t doc_id, const char *progressivo, struct fpa_invoice **out,
      char *docname, char *err)
{
	struct record *doc = NULL;
	struct fpa_invoice *inv;
	int rc;

	*out = NULL;
	if ((rc = sdi_document_check(b, doc_id, err)) < 0 ||
	    (rc = record_load(b, &documents_kind, doc_id, &doc, err)) < 0)
		return rc;
	if (docname != NULL)
		document_name(doc, docname, 64);
	inv = fpa_invoice_new();
	str_copy(inv->progressivo, progressivo, sizeof inv->progressivo);
	if ((rc = parties(b, doc, inv, err)) == 0)
		rc = body(b, doc, fpa_body_add(inv), err);
	record_free(doc);
	if (rc < 0) {
		fpa_invoice_free(inv);
		return rc;
	}
	*out = inv;
	return 0;
}

int
fpa_export_build(struct book *b, int64_t doc_id, const char *progressivo,
		 struct fpa_invoice **out, char *err)
{
	return build(b, doc_id, progressivo, out, NULL, err);
}

/* ---- the file ---- */

/* Checks inv, writes it and validates the bytes: 0 with them in *xml, or
 * REC_INVALID naming the first rule broken (the findings in r). */
static int
make_xml(const struct fpa_invoice *inv, const char *docname, struct fpa_schema *xsd,
	 char **xml, size_t *len, struct fpa_report *r, char *err)
{
	char msg[ERR_SIZE];

	*xml = NULL;
	if (fpa_check(inv, r) > 0) {
		for (size_t i = 0; i < r->n; i++)
			if (r->f[i].error) {
				err_set(err, _("%s not exported: %s: %s"), docname, r->f[i].code,
					r->f[i].msg);
				break;
			}
		return REC_INVALID;
	}
	if (fpa_to_xml(inv, xml, len, err) < 0)
		return REC_ERROR;
	if (fpa_schema_validate(xsd, *xml, *len, msg) < 0) {
		fpa_report_add(r, 1, "00200", "%s", msg);
		err_set(err, _("%s not exported: %s: %s"), docname, "00200", msg);
		free(*xml);
		*xml = NULL;
		return REC_INVALID;
	}
	return 0;
}

/* Whether the newest file f is still what the document makes: built again
 * under f's own progressivo, the same bytes. */
static int
unchanged(struct book *b, int64_t doc_id, const struct sdi_file *f, char *err)
{
	const char *us = strrchr(f->name, '_');
	char prog[SDI_PROGRESSIVO_LEN + 1], *xml = NULL;
	struct fpa_invoice *inv;
	size_t len = 0;
	int same;

	if (us == NULL || strlen(us + 1) != SDI_PROGRESSIVO_LEN + 4)
		return 0;
	str_copy(prog, us + 1, sizeof prog);
	if (fpa_export_build(b, doc_id, prog, &inv, err) < 0)
		return 0; /* the new build says why */
	same = fpa_to_xml(inv, &xml, &len, err) == 0 && len == f->len &&
	       memcmp(xml, f->xml, len) == 0;
	free(xml);
	fpa_invoice_free(inv);
	return same;
}

/* The file of document doc_id under progressivo prog: built, named (name,
 * 64 bytes), checked, written and validated; its bytes in *xml. */
static int
file_bytes(struct book *b, int64_t doc_id, const char *prog, struct fpa_schema *xsd, char *name,
	   char **xml, size_t *len, struct fpa_report *r, char *err)
{
	struct fpa_invoice *inv = NULL;
	char docname[64];
	int rc;

	*xml = NULL;
	if ((rc = build(b, doc_id, prog, &inv, docname, err)) < 0)
		return rc;
	if (fpa_file_name(inv, name, 64, err) < 0)
		rc = REC_INVALID;
	else
		rc = make_xml(inv, docname, xsd, xml, len, r, err);
	fpa_invoice_free(inv);
	return rc;
}

int
fpa_export_unstored(struct book *b, int64_t doc_id, int64_t id, struct fpa_schema *xsd,
		    char name[64], char **xml, size_t *len, struct fpa_report *r, char *err)
{
	char prog[SDI_PROGRESSIVO_LEN + 1];

	*xml = NULL;
	if (sdi_progressivo(id, prog) < 0) {
		err_set(err, "%s", _("the book has used every progressivo of its files"));
		return REC_INVALID;
	}
	return file_bytes(b, doc_id, prog, xsd, name, xml, len, r, err);
}

static int
export(struct book *b, int64_t doc_id, struct fpa_schema *xsd, int64_t *file_id,
       struct fpa_report *r, char *err)
{
	struct sdi_file newest = { 0 };
	struct sdi_file_new nf;
	char name[64], *xml = NULL;
	size_t len = 0;
	int64_t next;
	int rc, have;

	if ((have = rc = sdi_file_newest(b, doc_id, 1, &newest, err)) < 0)
		return rc;
	if (have && newest.state[0] != SDI_MADE && newest.state[0] != SDI_REJECTED) {
		*file_id = newest.id;
		sdi_file_clear(&newest);
		return 1;
	}
	if (have && newest.state[0] == SDI_MADE && unchanged(b, doc_id, &newest, err)) {
		*file_id = newest.id;
		sdi_file_clear(&newest);
		return 1;
	}
	sdi_file_clear(&newest);
	if (sdi_file_next_id(b, &next, err) < 0)
		return REC_ERROR;
	if ((rc = fpa_export_unstored(b, doc_id, next, xsd, name, &xml, &len, r, err)) == 0) {
		nf = (struct sdi_file_new){ next, doc_id, name, xml, len };
		if ((rc = sdi_file_store(b, &nf, err)) == 0)
			*file_id = next;
	}
	free(xml);
	return rc;
}

int
fpa_export_document(struct book *b, int64_t doc_id, struct fpa_schema *xsd,
		    int64_t *file_id, struct fpa_report *r, char *err)
{
	int rc;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	rc = export(b, doc_id, xsd, file_id, r, err);
	if (rc >= 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	return rc;
}
