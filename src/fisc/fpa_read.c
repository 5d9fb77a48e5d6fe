/* The FatturaPA reader: XML to the invoice model. Tolerant of what real
 * suppliers send (white space around values, no DatiPagamento, several
 * bodies, elements in a default namespace) and safe on hostile input: no
 * DTD, no network, no entity expansion, bounded size and depth. A problem
 * is reported as "FILE:LINE: what", never a crash. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fisc/fatturapa.h"
#include "util/i18n.h"
#include "util/util.h"
#include "util/xml.h"

struct rd {
	const char *name;
	struct fpa_report *r;
	char *err;
	int failed;
};

/* The trimmed text of an element, newly allocated; NULL when absent. */
static char *
text(xmlNodePtr n)
{
	xmlChar *c;
	char *s;

	if (n == NULL)
		return NULL;
	c = xmlNodeGetContent(n);
	if (c == NULL)
		return xstrdup("");
	s = xstrdup((const char *)c);
	xmlFree(c);
	str_trim(s);
	return s;
}

static int fail(struct rd *rd, xmlNodePtr n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Fills the message with FILE:LINE of the node; the first failure wins. */
static int
fail(struct rd *rd, xmlNodePtr n, const char *fmt, ...)
{
	char msg[ERR_SIZE];
	va_list ap;

	if (rd->failed)
		return -1;
	rd->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set(rd->err, "%s:%ld: %s", rd->name, n ? xmlGetLineNo(n) : 0L, msg);
	if (rd->err != NULL)
		str_printable(rd->err); /* it may quote the file's text */
	return -1;
}

static int
missing(struct rd *rd, xmlNodePtr n, const char *what)
{
	return fail(rd, n, _("<%s> is missing"), what);
}

/* Copies the text at p (from n) into a fixed buffer; absent leaves it. */
static int
copy_str(struct rd *rd, xmlNodePtr n, const char *p, char *dst, size_t size)
{
	xmlNodePtr e = xml_path(n, p);
	char *s = text(e);

	if (s == NULL)
		return 0;
	if (strlen(s) >= size) {
		fail(rd, e, _("<%s> is longer than %zu characters"), p, size - 1);
		free(s);
		return -1;
	}
	str_copy(dst, s, size);
	free(s);
	return 0;
}

static char *
dup_str(xmlNodePtr n, const char *p)
{
	return text(xml_path(n, p));
}

static int
parse_dec(struct rd *rd, xmlNodePtr n, const char *p, int required, int *present, struct dec *out)
{
	xmlNodePtr e = xml_path(n, p);
	char *s = text(e);
	char err[ERR_SIZE];
	int rc = 0;

	if (present)
		*present = s != NULL;
	if (s == NULL) {
		if (required)
			return missing(rd, n, p);
		return 0;
	}
	if (dec_parse(s, 8, out, err) < 0)
		rc = fail(rd, e, "<%s>: %s", p, err);
	free(s);
	return rc;
}

/* An amount in cents (more decimals are rounded to the cent). */
static int
parse_cents(struct rd *rd, xmlNodePtr n, const char *p, int required, int *present, int64_t *out)
{
	struct dec d;
	int have = 0;

	if (parse_dec(rd, n, p, required, &have, &d) < 0)
		return -1;
	if (present)
		*present = have;
	if (have && dec_to_cents(d, out) < 0)
		return fail(rd, xml_path(n, p), _("<%s> is too large"), p);
	return 0;
}

/* A rate "22.00" as hundredths of a percent. */
static int
parse_rate(struct rd *rd, xmlNodePtr n, const char *p, int required, int64_t *out)
{
	return parse_cents(rd, n, p, required, NULL, out);
}

static int
valid_date(const char *s)
{
	static const char pat[] = "dddd-dd-dd";

	for (int i = 0; i < 10; i++)
		if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != pat[i])
			return 0;
	return (s[5] == '0' || s[5] == '1') && s[8] <= '3';
}

/* A date YYYY-MM-DD; a time or zone after it is dropped with a warning. */
static int
parse_date(struct rd *rd, xmlNodePtr n, const char *p, int required, char *dst)
{
	xmlNodePtr e = xml_path(n, p);
	char *s = text(e);
	int rc = 0;

	if (s == NULL)
		return required ? missing(rd, n, p) : 0;
	if (strlen(s) < 10 || !valid_date(s) || (s[10] && !strchr("TZ+-", s[10])))
		rc = fail(rd, e, _("<%s> '%s' is not a date like 2025-03-14"), p, s);
	else {
		if (s[10])
			fpa_report_add(rd->r, 0, "W010", _("%s:%ld: <%s> '%s' taken as %.10s"), rd->name,
				       xmlGetLineNo(e), p, s, s);
		memcpy(dst, s, 10);
		dst[10] = '\0';
	}
	free(s);
	return rc;
}

static int
parse_flag(xmlNodePtr n, const char *p)
{
	char *s = text(xml_path(n, p));
	int yes = s && strcmp(s, "SI") == 0;

	free(s);
	return yes;
}

/* Parties. */

static int
read_party(struct rd *rd, xmlNodePtr n, struct fpa_party *p)
{
	xmlNodePtr d = xml_kid(n, "DatiAnagrafici"), s = xml_kid(n, "Sede");

	if (d == NULL)
		return missing(rd, n, "DatiAnagrafici");
	if (copy_str(rd, d, "IdFiscaleIVA/IdPaese", p->vat_country, sizeof p->vat_country) < 0 ||
	    copy_str(rd, d, "IdFiscaleIVA/IdCodice", p->vat_id, sizeof p->vat_id) < 0 ||
	    copy_str(rd, d, "CodiceFiscale", p->cf, sizeof p->cf) < 0 ||
	    copy_str(rd, d, "RegimeFiscale", p->regime, sizeof p->regime) < 0)
		return -1;
	p->name = dup_str(d, "Anagrafica/Denominazione");
	p->first = dup_str(d, "Anagrafica/Nome");
	p->last = dup_str(d, "Anagrafica/Cognome");
	if (p->name == NULL && p->first == NULL && p->last == NULL)
		return fail(rd, d, _("<%s> is missing (or Nome and Cognome)"),
			    "Anagrafica/Denominazione");
	p->addr.street = dup_str(s, "Indirizzo");
	p->addr.city = dup_str(s, "Comune");
	return copy_str(rd, s, "NumeroCivico", p->addr.civic, sizeof p->addr.civic) < 0 ||
			       copy_str(rd, s, "CAP", p->addr.cap, sizeof p->addr.cap) < 0 ||
			       copy_str(rd, s, "Provincia", p->addr.province, sizeof p->addr.province) < 0 ||
			       copy_str(rd, s, "Nazione", p->addr.country, sizeof p->addr.country) < 0
		       ? -1
		       : 0;
}

static int
read_header(struct rd *rd, xmlNodePtr h, struct fpa_invoice *inv)
{
	xmlNodePtr t = xml_kid(h, "DatiTrasmissione"), n;
	char fmt[6] = "";

	if (t == NULL || xml_kid(h, "CedentePrestatore") == NULL || xml_kid(h, "CessionarioCommittente") == NULL)
		return missing(rd, h, t == NULL ? "DatiTrasmissione" :
				   xml_kid(h, "CedentePrestatore") == NULL ? "CedentePrestatore" :
									  "CessionarioCommittente");
	if (copy_str(rd, t, "IdTrasmittente/IdPaese", inv->tx_country, sizeof inv->tx_country) < 0 ||
	    copy_str(rd, t, "IdTrasmittente/IdCodice", inv->tx_id, sizeof inv->tx_id) < 0 ||
	    copy_str(rd, t, "ProgressivoInvio", inv->progressivo, sizeof inv->progressivo) < 0 ||
	    copy_str(rd, t, "FormatoTrasmissione", fmt, sizeof fmt) < 0 ||
	    copy_str(rd, t, "CodiceDestinatario", inv->dest, sizeof inv->dest) < 0)
		return -1;
	if (fmt[0])
		inv->format = strcmp(fmt, "FPA12") == 0 ? FPA_FPA12 : FPA_FPR12;
	inv->pec = dup_str(t, "PECDestinatario");
	n = xml_kid(h, "CedentePrestatore");
	if (read_party(rd, n, &inv->seller) < 0)
		return -1;
	return read_party(rd, xml_kid(h, "CessionarioCommittente"), &inv->buyer);
}

static int read_discounts(struct rd *rd, xmlNodePtr n, struct fpa_discount *disc, int *ndisc);

/* DatiGeneraliDocumento. */

static int
read_withholdings(struct rd *rd, xmlNodePtr d, struct fpa_body *b)
{
	for (xmlNodePtr w = xml_kid(d, "DatiRitenuta"); w; w = xml_next_named(w)) {
		struct fpa_withholding *x;

		if (b->nwh == FPA_MAX_WITHHOLDINGS)
			return fail(rd, w, _("more than %d <%s> blocks"), FPA_MAX_WITHHOLDINGS, "DatiRitenuta");
		x = &b->wh[b->nwh++];
		if (copy_str(rd, w, "TipoRitenuta", x->type, sizeof x->type) < 0 ||
		    parse_cents(rd, w, "ImportoRitenuta", 1, NULL, &x->amount) < 0 ||
		    parse_rate(rd, w, "AliquotaRitenuta", 1, &x->rate) < 0 ||
		    copy_str(rd, w, "CausalePagamento", x->causale, sizeof x->causale) < 0)
			return -1;
	}
	return 0;
}

static int
read_cassa(struct rd *rd, xmlNodePtr d, struct fpa_body *b)
{
	for (xmlNodePtr c = xml_kid(d, "DatiCassaPrevidenziale"); c; c = xml_next_named(c)) {
		struct fpa_cassa *k = fpa_cassa_add(b);

		if (copy_str(rd, c, "TipoCassa", k->type, sizeof k->type) < 0 ||
		    parse_rate(rd, c, "AlCassa", 1, &k->al_cassa) < 0 ||
		    parse_cents(rd, c, "ImportoContributoCassa", 1, NULL, &k->amount) < 0 ||
		    parse_cents(rd, c, "ImponibileCassa", 0, &k->has_base, &k->base) < 0 ||
		    parse_rate(rd, c, "AliquotaIVA", 1, &k->rate) < 0 ||
		    copy_str(rd, c, "Natura", k->natura, sizeof k->natura) < 0)
			return -1;
		k->ritenuta = parse_flag(c, "Ritenuta");
	}
	return 0;
}

/* DatiOrdineAcquisto or DatiContratto, the first of its name (n may be
 * NULL: none). */
static int
read_docref(struct rd *rd, xmlNodePtr n, struct fpa_docref *d)
{
	if (n == NULL)
		return 0;
	return copy_str(rd, n, "IdDocumento", d->id, sizeof d->id) < 0 ||
			       parse_date(rd, n, "Data", 0, d->date) < 0 ||
			       copy_str(rd, n, "CodiceCUP", d->cup, sizeof d->cup) < 0 ||
			       copy_str(rd, n, "CodiceCIG", d->cig, sizeof d->cig) < 0
		       ? -1
		       : 0;
}

static int
read_general(struct rd *rd, xmlNodePtr g, struct fpa_body *b)
{
	xmlNodePtr d = xml_kid(g, "DatiGeneraliDocumento"), f;
	int have = 0;

	if (d == NULL)
		return missing(rd, g, "DatiGeneraliDocumento");
	if (copy_str(rd, d, "TipoDocumento", b->type, sizeof b->type) < 0 ||
	    copy_str(rd, d, "Divisa", b->currency, sizeof b->currency) < 0 ||
	    parse_date(rd, d, "Data", 1, b->date) < 0 ||
	    copy_str(rd, d, "Numero", b->number, sizeof b->number) < 0 ||
	    read_withholdings(rd, d, b) < 0 || read_cassa(rd, d, b) < 0 ||
	    read_discounts(rd, d, b->doc_disc, &b->ndoc_disc) < 0 ||
	    parse_cents(rd, d, "DatiBollo/ImportoBollo", 0, &have, &b->bollo) < 0 ||
	    parse_cents(rd, d, "ImportoTotaleDocumento", 0, &b->has_doc_total, &b->doc_total) < 0 ||
	    parse_cents(rd, d, "Arrotondamento", 0, &b->has_doc_rounding, &b->doc_rounding) < 0)
		return -1;
	if (xml_path(d, "Numero") == NULL)
		return missing(rd, d, "Numero");
	b->bollo_virtual = parse_flag(d, "DatiBollo/BolloVirtuale") || have;
	for (xmlNodePtr c = xml_kid(d, "Causale"); c; c = xml_next_named(c)) {
		char *s = text(c);

		fpa_causale_add(b, s);
		free(s);
	}
	if ((f = xml_kid(g, "DatiFattureCollegate")) != NULL &&
	    (copy_str(rd, f, "IdDocumento", b->rel_id, sizeof b->rel_id) < 0 ||
	     parse_date(rd, f, "Data", 0, b->rel_date) < 0))
		return -1;
	if (read_docref(rd, xml_kid(g, "DatiOrdineAcquisto"), &b->order) < 0 ||
	    read_docref(rd, xml_kid(g, "DatiContratto"), &b->contract) < 0)
		return -1;
	for (f = xml_kid(g, "DatiDDT"); f; f = xml_next_named(f)) {
		struct fpa_ddt *t = fpa_ddt_add(b);

		if (copy_str(rd, f, "NumeroDDT", t->number, sizeof t->number) < 0 ||
		    parse_date(rd, f, "DataDDT", 1, t->date) < 0)
			return -1;
		for (xmlNodePtr l = xml_kid(f, "RiferimentoNumeroLinea"); l; l = xml_next_named(l)) {
			char *no = text(l);

			fpa_ddt_add_line(t, no != NULL ? atoi(no) : 0);
			free(no);
		}
	}
	return 0;
}

/* DatiBeniServizi. */

/* The ScontoMaggiorazione blocks of a line or of DatiGeneraliDocumento. */
static int
read_discounts(struct rd *rd, xmlNodePtr n, struct fpa_discount *disc, int *ndisc)
{
	for (xmlNodePtr s = xml_kid(n, "ScontoMaggiorazione"); s; s = xml_next_named(s)) {
		struct fpa_discount *d;

		if (*ndisc == FPA_MAX_DISCOUNTS)
			return fail(rd, s, _("more than %d <%s> blocks"), FPA_MAX_DISCOUNTS, "ScontoMaggiorazione");
		d = &disc[(*ndisc)++];
		if (copy_str(rd, s, "Tipo", d->kind, sizeof d->kind) < 0 ||
		    parse_dec(rd, s, "Percentuale", 0, &d->has_pct, &d->pct) < 0 ||
		    parse_dec(rd, s, "Importo", 0, &d->has_amount, &d->amount) < 0)
			return -1;
	}
	return 0;
}

/* AltriDatiGestionali INTENTO: the dichiarazione d'intento's protocol
 * and date, kept once for the body. */
static int
read_intent(struct rd *rd, xmlNodePtr n, struct fpa_body *b)
{
	for (xmlNodePtr a = xml_kid(n, "AltriDatiGestionali"); a; a = xml_next_named(a)) {
		char *type = text(xml_kid(a, "TipoDato"));
		int intent = type && strcmp(type, FPA_INTENT_TIPO_DATO) == 0;

		free(type);
		if (!intent || b->intent_prot[0])
			continue;
		if (copy_str(rd, a, "RiferimentoTesto", b->intent_prot, sizeof b->intent_prot) < 0 ||
		    copy_str(rd, a, "RiferimentoData", b->intent_date, sizeof b->intent_date) < 0)
			return -1;
	}
	return 0;
}

static int
read_line(struct rd *rd, xmlNodePtr n, struct fpa_body *b)
{
	struct fpa_line *l = fpa_line_add(b);
	char *num = text(xml_kid(n, "NumeroLinea"));

	if (num && *num)
		l->number = atoi(num);
	free(num);
	l->descr = dup_str(n, "Descrizione");
	return copy_str(rd, n, "TipoCessionePrestazione", l->kind, sizeof l->kind) < 0 ||
			       read_intent(rd, n, b) < 0 ||
			       parse_dec(rd, n, "Quantita", 0, &l->has_qty, &l->qty) < 0 ||
			       copy_str(rd, n, "UnitaMisura", l->unit, sizeof l->unit) < 0 ||
			       parse_dec(rd, n, "PrezzoUnitario", 1, NULL, &l->price) < 0 ||
			       read_discounts(rd, n, l->disc, &l->ndisc) < 0 ||
			       parse_dec(rd, n, "PrezzoTotale", 1, NULL, &l->total) < 0 ||
			       parse_rate(rd, n, "AliquotaIVA", 1, &l->rate) < 0 ||
			       copy_str(rd, n, "Natura", l->natura, sizeof l->natura) < 0
		       ? -1
		       : ((l->ritenuta = parse_flag(n, "Ritenuta")), 0);
}

static int
read_summary(struct rd *rd, xmlNodePtr n, struct fpa_body *b)
{
	struct fpa_vat *v = fpa_vat_add(b);
	char esig[2] = "";

	if (parse_rate(rd, n, "AliquotaIVA", 1, &v->rate) < 0 ||
	    copy_str(rd, n, "Natura", v->natura, sizeof v->natura) < 0 ||
	    parse_cents(rd, n, "Arrotondamento", 0, &v->has_rounding, &v->rounding) < 0 ||
	    parse_cents(rd, n, "ImponibileImporto", 1, NULL, &v->taxable) < 0 ||
	    parse_cents(rd, n, "Imposta", 1, NULL, &v->tax) < 0 ||
	    copy_str(rd, n, "EsigibilitaIVA", esig, sizeof esig) < 0)
		return -1;
	v->esig = esig[0];
	v->norm = dup_str(n, "RiferimentoNormativo");
	return 0;
}

static int
read_goods(struct rd *rd, xmlNodePtr s, struct fpa_body *b)
{
	if (s == NULL)
		return missing(rd, s, "DatiBeniServizi");
	for (xmlNodePtr n = xml_kid(s, "DettaglioLinee"); n; n = xml_next_named(n))
		if (read_line(rd, n, b) < 0)
			return -1;
	for (xmlNodePtr n = xml_kid(s, "DatiRiepilogo"); n; n = xml_next_named(n))
		if (read_summary(rd, n, b) < 0)
			return -1;
	if (b->nlines == 0)
		fpa_report_add(rd->r, 0, "W011", _("%s:%ld: a body without DettaglioLinee"), rd->name,
			       xmlGetLineNo(s));
	return 0;
}

static int
read_payments(struct rd *rd, xmlNodePtr body, struct fpa_body *b)
{
	for (xmlNodePtr d = xml_kid(body, "DatiPagamento"); d; d = xml_next_named(d)) {
		char terms[5] = "";

		if (copy_str(rd, d, "CondizioniPagamento", terms, sizeof terms) < 0)
			return -1;
		for (xmlNodePtr n = xml_kid(d, "DettaglioPagamento"); n; n = xml_next_named(n)) {
			struct fpa_payment *p = fpa_payment_add(b);

			str_copy(p->terms, terms, sizeof p->terms);
			p->mode[0] = '\0';
			if (copy_str(rd, n, "ModalitaPagamento", p->mode, sizeof p->mode) < 0 ||
			    parse_date(rd, n, "DataScadenzaPagamento", 0, p->due) < 0 ||
			    parse_cents(rd, n, "ImportoPagamento", 1, NULL, &p->amount) < 0 ||
			    copy_str(rd, n, "IBAN", p->iban, sizeof p->iban) < 0)
				return -1;
		}
	}
	return 0;
}

/* Allegati: its name, format, description, compression and bytes (the
 * base64 decoded; compressed ones kept as they come). */
static int
read_attachment(struct rd *rd, xmlNodePtr n, struct fpa_body *b)
{
	struct fpa_attachment *a = fpa_attachment_add(b);
	xmlNodePtr e = xml_kid(n, "Attachment");
	char *data;

	a->name = dup_str(n, "NomeAttachment");
	a->format = dup_str(n, "FormatoAttachment");
	a->descr = dup_str(n, "DescrizioneAttachment");
	a->compression = dup_str(n, "AlgoritmoCompressione");
	if (a->name == NULL || a->name[0] == '\0')
		return missing(rd, n, "NomeAttachment");
	if ((data = text(e)) == NULL)
		return missing(rd, n, "Attachment");
	a->data = fpa_base64_decode(data, strlen(data), &a->len);
	free(data);
	if (a->data == NULL)
		return fail(rd, e, _("<%s> of %s is not base64"), "Attachment", a->name);
	return 0;
}

static int
read_body(struct rd *rd, xmlNodePtr n, struct fpa_invoice *inv)
{
	struct fpa_body *b = fpa_body_add(inv);
	xmlNodePtr g = xml_kid(n, "DatiGenerali");

	b->type[0] = '\0';
	b->currency[0] = '\0';
	if (g == NULL)
		return missing(rd, n, "DatiGenerali");
	if (read_general(rd, g, b) < 0 || read_goods(rd, xml_kid(n, "DatiBeniServizi"), b) < 0 ||
	    read_payments(rd, n, b) < 0)
		return -1;
	for (xmlNodePtr a = xml_kid(n, "Allegati"); a; a = xml_next_named(a))
		if (read_attachment(rd, a, b) < 0)
			return -1;
	fpa_totals_from_summary(b);
	return 0;
}

static xmlDocPtr
parse(struct rd *rd, const char *xml, size_t len)
{
	enum xml_refusal why;
	char msg[ERR_SIZE];
	xmlDocPtr doc;
	int line;

	if (len > FPA_MAX_FILE) {
		err_set(rd->err, _("%s: larger than %d bytes: not a FatturaPA file"), rd->name,
			FPA_MAX_FILE);
		return NULL;
	}
	if ((doc = xml_parse_untrusted(xml, len, &why, &line, msg, sizeof msg)) != NULL)
		return doc;
	if (why == XML_REFUSED_DOCTYPE)
		err_set(rd->err, _("%s: has a DOCTYPE or an entity declaration, which FatturaPA files "
				   "never have: refused"), rd->name);
	else if (why == XML_REFUSED_SYNTAX) {
		err_set(rd->err, _("%s:%d: not well-formed XML: %s"), rd->name, line,
			msg[0] ? msg : _("not XML"));
		if (rd->err != NULL)
			str_printable(rd->err);
	} else
		err_set(rd->err, _("%s: out of memory"), rd->name);
	return NULL;
}

static int
read_root(struct rd *rd, xmlNodePtr root, struct fpa_invoice *inv)
{
	xmlChar *ver;

	if (root == NULL || strcmp((const char *)root->name, "FatturaElettronica") != 0)
		return fail(rd, root, _("the root element is <%s>, not <%s>"),
			    root ? (const char *)root->name : "", "FatturaElettronica");
	if (xml_too_deep(root, FPA_MAX_DEPTH))
		return fail(rd, root, _("elements nested deeper than %d levels"), FPA_MAX_DEPTH);
	if (root->ns == NULL || strcmp((const char *)root->ns->href, FPA_NAMESPACE) != 0)
		fpa_report_add(rd->r, 0, "W012", _("%s: the namespace is not %s"), rd->name,
			       FPA_NAMESPACE);
	ver = xmlGetProp(root, BAD_CAST "versione");
	inv->format = ver && strcmp((const char *)ver, "FPA12") == 0 ? FPA_FPA12 : FPA_FPR12;
	xmlFree(ver);
	if (xml_kid(root, "FatturaElettronicaHeader") == NULL)
		return missing(rd, root, "FatturaElettronicaHeader");
	if (read_header(rd, xml_kid(root, "FatturaElettronicaHeader"), inv) < 0)
		return -1;
	for (xmlNodePtr b = xml_kid(root, "FatturaElettronicaBody"); b; b = xml_next_named(b))
		if (read_body(rd, b, inv) < 0)
			return -1;
	if (inv->nbodies == 0)
		return missing(rd, root, "FatturaElettronicaBody");
	return 0;
}

int
fpa_read_memory(const char *xml, size_t len, const char *name, struct fpa_invoice **out,
		struct fpa_report *r, char *err)
{
	struct rd rd = { name, r, err, 0 };
	struct fpa_invoice *inv;
	xmlDocPtr doc;
	int rc;

	fpa_xml_init();
	*out = NULL;
	if ((doc = parse(&rd, xml, len)) == NULL)
		return -1;
	inv = fpa_invoice_new();
	rc = read_root(&rd, xmlDocGetRootElement(doc), inv);
	xmlFreeDoc(doc);
	if (rc < 0) {
		fpa_invoice_free(inv);
		return -1;
	}
	*out = inv;
	return 0;
}

int
fpa_read_file(const char *path_, struct fpa_invoice **out, struct fpa_source *src,
	      struct fpa_report *r, char *err)
{
	struct fpa_source local = { 0 };
	int rc;

	*out = NULL;
	if (src == NULL)
		src = &local;
	if (fpa_source_read(path_, src, err) < 0)
		return -1;
	rc = fpa_read_memory(src->xml, src->len, path_, out, r, err);
	if (src == &local)
		fpa_source_free(&local);
	return rc;
}
