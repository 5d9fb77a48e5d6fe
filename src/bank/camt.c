/* The camt.053 reader (ISO 20022 bank-to-customer statement, versions
 * .001.02 to .001.08): each booked Ntry of each Stmt becomes a movement.
 * libxml2 as for FatturaPA: no DTD, no network, no entity expansion,
 * bounded size and depth; a problem names its element and line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>

#include "bank/stmt-impl.h"
#include "util/i18n.h"
#include "util/util.h"
#include "util/xml.h"

#define CAMT053_NS "urn:iso:std:iso:20022:tech:xsd:camt.053.001.0"

static long
line_of(xmlNodePtr n)
{
	return n ? xmlGetLineNo(n) : 0;
}

/* The squeezed text of an element, newly allocated; NULL when absent.
 * Refuses one longer than STMT_MAX_FIELD (then *bad is set). */
static char *
text(struct stmt_ctx *c, xmlNodePtr n, int *bad)
{
	xmlChar *x;
	char *s;

	if (n == NULL)
		return NULL;
	x = xmlNodeGetContent(n);
	s = xstrdup(x ? (const char *)x : "");
	xmlFree(x);
	stmt_squeeze(s);
	if (strlen(s) > STMT_MAX_FIELD) {
		stmt_fail(c, line_of(n), _("<%s> is longer than %d bytes"), (const char *)n->name,
			  STMT_MAX_FIELD);
		*bad = 1;
		free(s);
		return NULL;
	}
	return s;
}

/* The text at p from n into a buffer; "" when absent. */
static int
copy_at(struct stmt_ctx *c, xmlNodePtr n, const char *p, char *dst, size_t size)
{
	xmlNodePtr e = xml_path(n, p);
	int bad = 0;
	char *s = text(c, e, &bad);

	dst[0] = '\0';
	if (bad)
		return -1;
	if (s && strlen(s) >= size) {
		free(s);
		return stmt_fail(c, line_of(e), _("<%s> is longer than %zu characters"), p,
				 size - 1);
	}
	if (s)
		str_copy(dst, s, size);
	free(s);
	return 0;
}

static int
missing(struct stmt_ctx *c, xmlNodePtr in, const char *what)
{
	return stmt_fail(c, line_of(in), _("<%s> is missing in <%s>"), what,
			 (const char *)in->name);
}

/* BookgDt or ValDt: its Dt, or the date of its DtTm. */
static int
entry_date(struct stmt_ctx *c, xmlNodePtr ntry, const char *name, int required,
	   char out[STMT_DATE_SIZE])
{
	xmlNodePtr d = xml_kid(ntry, name), v;
	char s[40];

	out[0] = '\0';
	if (d == NULL)
		return required ? missing(c, ntry, name) : 0;
	v = xml_kid(d, "Dt") ? xml_kid(d, "Dt") : xml_kid(d, "DtTm");
	if (v == NULL)
		return stmt_fail(c, line_of(d), _("<%s> has neither <Dt> nor <DtTm>"), name);
	if (copy_at(c, v, "", s, sizeof s) < 0)
		return -1;
	if (xml_is(v, "DtTm") && strlen(s) > 10 && s[10] == 'T')
		s[10] = '\0';
	if (stmt_date(s, out) < 0 || strlen(s) != 10 || s[4] != '-')
		return stmt_fail(c, line_of(v), _("<%s/%s> '%s' is not a date like 2026-03-14"),
				 name, (const char *)v->name, s);
	return 0;
}

/* The first TxDtls element with text at p, as a new string; NULL if none. */
static char *
first_in_tx(struct stmt_ctx *c, xmlNodePtr ntry, const char *p, int *bad)
{
	for (xmlNodePtr d = xml_kid(ntry, "NtryDtls"); d; d = xml_next_named(d))
		for (xmlNodePtr t = xml_kid(d, "TxDtls"); t; t = xml_next_named(t)) {
			char *s = text(c, xml_path(t, p), bad);

			if (*bad)
				return NULL;
			if (s && *s && strcmp(s, "NOTPROVIDED") != 0)
				return s;
			free(s);
		}
	return NULL;
}

/* Every RmtInf/Ustrd of the entry, joined with spaces. */
static char *
remittance(struct stmt_ctx *c, xmlNodePtr ntry, int *bad)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	for (xmlNodePtr d = xml_kid(ntry, "NtryDtls"); d; d = xml_next_named(d))
		for (xmlNodePtr t = xml_kid(d, "TxDtls"); t; t = xml_next_named(t))
			for (xmlNodePtr u = xml_path(t, "RmtInf/Ustrd"); u; u = xml_next_named(u)) {
				char *s = text(c, u, bad);

				if (*bad) {
					buf_free(&b);
					return NULL;
				}
				if (*s && b.len + strlen(s) + 1 > STMT_MAX_FIELD) {
					free(s);
					buf_free(&b);
					*bad = 1;
					stmt_fail(c, line_of(u),
						  _("the <Ustrd> texts of an entry are longer than "
						    "%d bytes"), STMT_MAX_FIELD);
					return NULL;
				}
				if (*s && b.len)
					buf_adds(&b, " ");
				buf_adds(&b, s);
				free(s);
			}
	return b.data;
}

/* The text of the entry: its remittance, else the transaction's or the
 * entry's additional information. */
static char *
entry_text(struct stmt_ctx *c, xmlNodePtr ntry, int *bad)
{
	char *s = remittance(c, ntry, bad);

	if (*bad || (s && *s))
		return s;
	free(s);
	if ((s = first_in_tx(c, ntry, "AddtlTxInf", bad)) != NULL || *bad)
		return s;
	if ((s = first_in_tx(c, ntry, "RmtInf/Strd/CdtrRefInf/Ref", bad)) != NULL || *bad)
		return s;
	return text(c, xml_kid(ntry, "AddtlNtryInf"), bad);
}

/* The other side: the debtor of money in, the creditor of money out
 * (Dbtr/Nm up to .001.07, Dbtr/Pty/Nm from .001.08), else the ultimate
 * one. */
static char *
entry_party(struct stmt_ctx *c, xmlNodePtr ntry, int credit, int *bad)
{
	static const char *const in[] = { "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm",
					  "RltdPties/UltmtDbtr/Nm", "RltdPties/UltmtDbtr/Pty/Nm" };
	static const char *const out[] = { "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm",
					   "RltdPties/UltmtCdtr/Nm", "RltdPties/UltmtCdtr/Pty/Nm" };
	const char *const *p = credit ? in : out;

	for (size_t i = 0; i < ARRAY_LEN(in); i++) {
		char *s = first_in_tx(c, ntry, p[i], bad);

		if (s || *bad)
			return s;
	}
	return NULL;
}

/* The bank's reference, most stable first. AcctSvcrRef is the bank's own,
 * unique; the others (the payer's EndToEndId, a TxId, an NtryRef unique in
 * one statement only) may come again another day, so carry the booking
 * date. ISO gives each at most 35 characters. */
static int
entry_ref(struct stmt_ctx *c, xmlNodePtr ntry, const char *booking, char ref[STMT_REF_SIZE])
{
	static const char *const tx[] = { "Refs/AcctSvcrRef", "Refs/EndToEndId", "Refs/TxId" };
	int bad = 0;
	char *s;

	ref[0] = '\0';
	s = text(c, xml_kid(ntry, "AcctSvcrRef"), &bad);
	if (bad)
		return -1;
	if (s && *s) {
		snprintf(ref, STMT_REF_SIZE, "AcctSvcrRef:%.35s", s);
		free(s);
		return 0;
	}
	free(s);
	for (size_t i = 0; i < ARRAY_LEN(tx); i++) {
		if ((s = first_in_tx(c, ntry, tx[i], &bad)) != NULL) {
			snprintf(ref, STMT_REF_SIZE, "%s:%.35s@%s", tx[i] + 5, s, booking);
			free(s);
			return 0;
		}
		if (bad)
			return -1;
	}
	s = text(c, xml_kid(ntry, "NtryRef"), &bad);
	if (s && *s)
		snprintf(ref, STMT_REF_SIZE, "NtryRef:%.35s@%s", s, booking);
	free(s);
	return bad ? -1 : 0;
}

/* 1 booked, 0 not (pending, information), -1 refused. */
static int
entry_booked(struct stmt_ctx *c, xmlNodePtr ntry)
{
	xmlNodePtr sts = xml_kid(ntry, "Sts");
	char s[16];

	if (sts == NULL)
		return missing(c, ntry, "Sts");
	if (copy_at(c, xml_kid(sts, "Cd") ? xml_kid(sts, "Cd") : sts, "", s, sizeof s) < 0)
		return -1;
	if (strcmp(s, "BOOK") == 0)
		return 1;
	if (strcmp(s, "PDNG") == 0 || strcmp(s, "INFO") == 0)
		return 0;
	return stmt_fail(c, line_of(sts), _("<Sts> is '%s', not BOOK, PDNG or INFO"), s);
}

static int
entry_amount(struct stmt_ctx *c, xmlNodePtr ntry, int64_t *cents, int *credit)
{
	xmlNodePtr amt = xml_kid(ntry, "Amt"), ind = xml_kid(ntry, "CdtDbtInd");
	xmlChar *ccy;
	char s[64], why[ERR_SIZE];
	int eur;

	if (amt == NULL)
		return missing(c, ntry, "Amt");
	if (ind == NULL)
		return missing(c, ntry, "CdtDbtInd");
	ccy = xmlGetProp(amt, BAD_CAST "Ccy");
	if (ccy == NULL)
		return stmt_fail(c, line_of(amt), _("<Amt> has no Ccy attribute"));
	eur = strcmp((const char *)ccy, "EUR") == 0;
	str_copy(s, (const char *)ccy, 8);
	xmlFree(ccy);
	if (!eur)
		return stmt_fail(c, line_of(amt), _("<Amt> is in %s: only accounts in EUR are read"),
				 s);
	if (copy_at(c, amt, "", s, sizeof s) < 0)
		return -1;
	if (stmt_amount(s, STMT_AMT_PLAIN, cents, why) < 0)
		return stmt_fail(c, line_of(amt), "<Amt>: %s", why);
	if (*cents == 0)
		return stmt_fail(c, line_of(amt), _("<Amt> is zero"));
	if (copy_at(c, ind, "", s, sizeof s) < 0)
		return -1;
	if (strcmp(s, "CRDT") != 0 && strcmp(s, "DBIT") != 0)
		return stmt_fail(c, line_of(ind), _("<CdtDbtInd> is '%s', not CRDT or DBIT"), s);
	*credit = s[0] == 'C';
	if (!*credit)
		*cents = -*cents;
	return 0;
}

static int
read_entry(struct stmt_ctx *c, xmlNodePtr ntry)
{
	struct stmt_movement m = { .line = line_of(ntry) };
	int booked, credit = 0, bad = 0;

	if ((booked = entry_booked(c, ntry)) < 0)
		return -1;
	if (!booked) {
		c->st->skipped++;
		return 0;
	}
	if (entry_amount(c, ntry, &m.cents, &credit) < 0 ||
	    entry_date(c, ntry, "BookgDt", 1, m.booking) < 0 ||
	    entry_date(c, ntry, "ValDt", 0, m.value) < 0 || entry_ref(c, ntry, m.booking, m.ref) < 0)
		return -1;
	m.text = entry_text(c, ntry, &bad);
	if (!bad)
		m.party = entry_party(c, ntry, credit, &bad);
	if (bad) {
		free(m.text);
		free(m.party);
		return -1;
	}
	return stmt_add(c, &m);
}

static int
read_stmt(struct stmt_ctx *c, xmlNodePtr stmt)
{
	xmlNodePtr acct = xml_kid(stmt, "Acct");
	char iban[STMT_IBAN_SIZE], ccy[8];

	if (acct == NULL)
		return missing(c, stmt, "Acct");
	if (copy_at(c, acct, "Id/IBAN", iban, sizeof iban) < 0 ||
	    copy_at(c, acct, "Ccy", ccy, sizeof ccy) < 0)
		return -1;
	if (ccy[0] && strcmp(ccy, "EUR") != 0)
		return stmt_fail(c, line_of(xml_kid(acct, "Ccy")),
				 _("the account is in %s: only accounts in EUR are read"), ccy);
	if (c->st->iban[0] && iban[0] && strcmp(c->st->iban, iban) != 0)
		return stmt_fail(c, line_of(acct),
				 _("statements of two accounts in one file (%s and %s)"),
				 c->st->iban, iban);
	if (iban[0])
		str_copy(c->st->iban, iban, sizeof c->st->iban);
	for (xmlNodePtr n = xml_kid(stmt, "Ntry"); n; n = xml_next_named(n))
		if (read_entry(c, n) < 0)
			return -1;
	return 0;
}

static int
read_root(struct stmt_ctx *c, xmlNodePtr root)
{
	const char *ns = root && root->ns && root->ns->href ? (const char *)root->ns->href : "";
	size_t nl = strlen(CAMT053_NS);
	xmlNodePtr b;

	if (!xml_is(root, "Document"))
		return stmt_fail(c, line_of(root), _("the root element is <%s>, not <%s>"),
				 root ? (const char *)root->name : "", "Document");
	if (strncmp(ns, CAMT053_NS, nl) != 0 || ns[nl] < '2' || ns[nl] > '8' || ns[nl + 1])
		return stmt_fail(c, line_of(root),
				 _("the namespace '%s' is not that of a camt.053 statement, "
				   "versions .001.02 to .001.08"), ns);
	c->st->camt_version = ns[nl] - '0';
	if (xml_too_deep(root, STMT_MAX_DEPTH))
		return stmt_fail(c, line_of(root), _("elements nested deeper than %d levels"),
				 STMT_MAX_DEPTH);
	if ((b = xml_kid(root, "BkToCstmrStmt")) == NULL)
		return missing(c, root, "BkToCstmrStmt");
	if (xml_kid(b, "Stmt") == NULL)
		return missing(c, b, "Stmt");
	for (xmlNodePtr s = xml_kid(b, "Stmt"); s; s = xml_next_named(s))
		if (read_stmt(c, s) < 0)
			return -1;
	return 0;
}

int
stmt_camt_read(struct stmt_ctx *c, const char *data, size_t len)
{
	enum xml_refusal why;
	char msg[ERR_SIZE];
	xmlDocPtr doc;
	int rc, line;

	c->st->format = STMT_CAMT053;
	if ((doc = xml_parse_untrusted(data, len, &why, &line, msg, sizeof msg)) == NULL) {
		if (why == XML_REFUSED_DOCTYPE)
			return stmt_fail(c, 0, _("has a DOCTYPE or an entity declaration, which "
						 "camt.053 files never have: refused"));
		if (why == XML_REFUSED_SYNTAX)
			return stmt_fail(c, line, _("not well-formed XML: %s"), msg);
		return stmt_fail(c, 0, _("out of memory"));
	}
	rc = read_root(c, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	return rc;
}
