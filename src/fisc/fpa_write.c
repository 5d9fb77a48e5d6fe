/* The FatturaPA writer: builds the XML of an invoice model with libxml2, in
 * the element order of the schema, and writes the file under its official
 * name only when the checker finds no error. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fisc/fatturapa.h"
#include "util/i18n.h"
#include "util/util.h"

static xmlNodePtr
el(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, NULL, BAD_CAST name, NULL);

	xmlAddChild(parent, n);
	return n;
}

/* A text element, left out when the text is empty. */
static void
tx(xmlNodePtr parent, const char *name, const char *text)
{
	if (text && *text)
		xmlAddChild(parent, xmlNewDocRawNode(parent->doc, NULL, BAD_CAST name, BAD_CAST text));
}

static void
amount(xmlNodePtr parent, const char *name, int64_t cents)
{
	char buf[DEC_BUF];

	tx(parent, name, cents_format(cents, buf, sizeof buf));
}

static void
decimal(xmlNodePtr parent, const char *name, struct dec d, int min, int max)
{
	char buf[DEC_BUF];

	tx(parent, name, dec_format(d, min, max, buf, sizeof buf));
}

static void
id_fiscale(xmlNodePtr parent, const char *name, const char *country, const char *id)
{
	xmlNodePtr n = el(parent, name);

	tx(n, "IdPaese", country);
	tx(n, "IdCodice", id);
}

static void
anagrafica(xmlNodePtr parent, const struct fpa_party *p)
{
	xmlNodePtr n = el(parent, "Anagrafica");

	if (p->name && *p->name)
		tx(n, "Denominazione", p->name);
	else {
		tx(n, "Nome", p->first);
		tx(n, "Cognome", p->last);
	}
}

static void
sede(xmlNodePtr parent, const struct fpa_address *a)
{
	xmlNodePtr n = el(parent, "Sede");

	tx(n, "Indirizzo", a->street);
	tx(n, "NumeroCivico", a->civic);
	tx(n, "CAP", a->cap);
	tx(n, "Comune", a->city);
	tx(n, "Provincia", a->province);
	tx(n, "Nazione", a->country[0] ? a->country : "IT");
}

static void
header(xmlNodePtr root, const struct fpa_invoice *inv)
{
	xmlNodePtr h = el(root, "FatturaElettronicaHeader"), t, p, d;

	t = el(h, "DatiTrasmissione");
	id_fiscale(t, "IdTrasmittente", inv->tx_country, inv->tx_id);
	tx(t, "ProgressivoInvio", inv->progressivo);
	tx(t, "FormatoTrasmissione", inv->format == FPA_FPA12 ? "FPA12" : "FPR12");
	tx(t, "CodiceDestinatario", inv->dest);
	tx(t, "PECDestinatario", inv->pec);

	p = el(h, "CedentePrestatore");
	d = el(p, "DatiAnagrafici");
	id_fiscale(d, "IdFiscaleIVA", inv->seller.vat_country, inv->seller.vat_id);
	tx(d, "CodiceFiscale", inv->seller.cf);
	anagrafica(d, &inv->seller);
	tx(d, "RegimeFiscale", inv->seller.regime);
	sede(p, &inv->seller.addr);

	p = el(h, "CessionarioCommittente");
	d = el(p, "DatiAnagrafici");
	if (inv->buyer.vat_id[0])
		id_fiscale(d, "IdFiscaleIVA", inv->buyer.vat_country, inv->buyer.vat_id);
	tx(d, "CodiceFiscale", inv->buyer.cf);
	anagrafica(d, &inv->buyer);
	sede(p, &inv->buyer.addr);
}

/* The ScontoMaggiorazione blocks of a line or of DatiGeneraliDocumento. */
static void
discounts(xmlNodePtr parent, const struct fpa_discount *d, int n)
{
	for (int i = 0; i < n; i++) {
		xmlNodePtr s = el(parent, "ScontoMaggiorazione");

		tx(s, "Tipo", d[i].kind);
		if (d[i].has_pct)
			decimal(s, "Percentuale", d[i].pct, 2, 2);
		if (d[i].has_amount)
			decimal(s, "Importo", d[i].amount, 2, 8);
	}
}

static void
dati_generali_documento(xmlNodePtr parent, const struct fpa_body *b)
{
	xmlNodePtr d = el(parent, "DatiGeneraliDocumento"), n;
	char buf[DEC_BUF];

	tx(d, "TipoDocumento", b->type);
	tx(d, "Divisa", b->currency);
	tx(d, "Data", b->date);
	tx(d, "Numero", b->number);
	for (int i = 0; i < b->nwh; i++) {
		n = el(d, "DatiRitenuta");
		tx(n, "TipoRitenuta", b->wh[i].type);
		amount(n, "ImportoRitenuta", b->wh[i].amount);
		tx(n, "AliquotaRitenuta", cents_format(b->wh[i].rate, buf, sizeof buf));
		tx(n, "CausalePagamento", b->wh[i].causale);
	}
	if (b->bollo_virtual) {
		n = el(d, "DatiBollo");
		tx(n, "BolloVirtuale", "SI");
		amount(n, "ImportoBollo", b->bollo);
	}
	for (size_t i = 0; i < b->ncassa; i++) {
		const struct fpa_cassa *c = &b->cassa[i];

		n = el(d, "DatiCassaPrevidenziale");
		tx(n, "TipoCassa", c->type);
		tx(n, "AlCassa", cents_format(c->al_cassa, buf, sizeof buf));
		amount(n, "ImportoContributoCassa", c->amount);
		if (c->has_base)
			amount(n, "ImponibileCassa", c->base);
		tx(n, "AliquotaIVA", cents_format(c->rate, buf, sizeof buf));
		tx(n, "Ritenuta", c->ritenuta ? "SI" : NULL);
		tx(n, "Natura", c->natura);
	}
	discounts(d, b->doc_disc, b->ndoc_disc);
	if (b->has_doc_total)
		amount(d, "ImportoTotaleDocumento", b->doc_total);
	if (b->has_doc_rounding)
		amount(d, "Arrotondamento", b->doc_rounding);
	for (size_t i = 0; i < b->ncausale; i++)
		tx(d, "Causale", b->causale[i]);
}

/* DatiOrdineAcquisto, DatiContratto: left out when it names no document. */
static void
docref(xmlNodePtr parent, const char *name, const struct fpa_docref *d)
{
	xmlNodePtr n;

	if (d->id[0] == '\0')
		return;
	n = el(parent, name);
	tx(n, "IdDocumento", d->id);
	tx(n, "Data", d->date);
	tx(n, "CodiceCUP", d->cup);
	tx(n, "CodiceCIG", d->cig);
}

/* In the schema's order: the document, the order, the contract, the
 * invoices it relates to, the DDTs. */
static void
dati_generali(xmlNodePtr body, const struct fpa_body *b)
{
	xmlNodePtr g = el(body, "DatiGenerali"), n;

	dati_generali_documento(g, b);
	docref(g, "DatiOrdineAcquisto", &b->order);
	docref(g, "DatiContratto", &b->contract);
	if (b->rel_id[0]) {
		n = el(g, "DatiFattureCollegate");
		tx(n, "IdDocumento", b->rel_id);
		tx(n, "Data", b->rel_date);
	}
	for (size_t i = 0; i < b->nddt; i++) {
		n = el(g, "DatiDDT");
		tx(n, "NumeroDDT", b->ddt[i].number);
		tx(n, "DataDDT", b->ddt[i].date);
		for (size_t j = 0; j < b->ddt[i].nlines; j++) {
			char no[16];

			snprintf(no, sizeof no, "%d", b->ddt[i].lines[j]);
			tx(n, "RiferimentoNumeroLinea", no);
		}
	}
}

static void
line(xmlNodePtr parent, const struct fpa_body *b, const struct fpa_line *l)
{
	xmlNodePtr n = el(parent, "DettaglioLinee"), s;
	char buf[DEC_BUF];

	snprintf(buf, sizeof buf, "%d", l->number);
	tx(n, "NumeroLinea", buf);
	tx(n, "TipoCessionePrestazione", l->kind);
	tx(n, "Descrizione", l->descr);
	if (l->has_qty)
		decimal(n, "Quantita", l->qty, 2, 8);
	tx(n, "UnitaMisura", l->unit);
	decimal(n, "PrezzoUnitario", l->price, 2, 8);
	discounts(n, l->disc, l->ndisc);
	decimal(n, "PrezzoTotale", l->total, 2, 8);
	tx(n, "AliquotaIVA", cents_format(l->rate, buf, sizeof buf));
	tx(n, "Ritenuta", l->ritenuta ? "SI" : NULL);
	tx(n, "Natura", l->natura);
	if (strcmp(l->natura, "N3.5") == 0 && b->intent_prot[0]) {
		s = el(n, "AltriDatiGestionali");
		tx(s, "TipoDato", FPA_INTENT_TIPO_DATO);
		tx(s, "RiferimentoTesto", b->intent_prot);
		tx(s, "RiferimentoData", b->intent_date);
	}
}

static void
summary(xmlNodePtr parent, const struct fpa_vat *v)
{
	xmlNodePtr n = el(parent, "DatiRiepilogo");
	char buf[DEC_BUF], esig[2] = { v->esig, '\0' };

	tx(n, "AliquotaIVA", cents_format(v->rate, buf, sizeof buf));
	tx(n, "Natura", v->natura);
	if (v->has_rounding)
		amount(n, "Arrotondamento", v->rounding);
	amount(n, "ImponibileImporto", v->taxable);
	amount(n, "Imposta", v->tax);
	tx(n, "EsigibilitaIVA", esig);
	tx(n, "RiferimentoNormativo", v->norm);
}

/* Consecutive payments with the same terms share one DatiPagamento. */
static void
payments(xmlNodePtr body, const struct fpa_body *b)
{
	xmlNodePtr block = NULL, n;

	for (size_t i = 0; i < b->npay; i++) {
		const struct fpa_payment *p = &b->pay[i];

		if (block == NULL || strcmp(p->terms, b->pay[i - 1].terms) != 0) {
			block = el(body, "DatiPagamento");
			tx(block, "CondizioniPagamento", p->terms);
		}
		n = el(block, "DettaglioPagamento");
		tx(n, "ModalitaPagamento", p->mode);
		tx(n, "DataScadenzaPagamento", p->due);
		amount(n, "ImportoPagamento", p->amount);
		tx(n, "IBAN", p->iban);
	}
}

static void
body(xmlNodePtr root, const struct fpa_body *b)
{
	xmlNodePtr n = el(root, "FatturaElettronicaBody"), s;

	dati_generali(n, b);
	s = el(n, "DatiBeniServizi");
	for (size_t i = 0; i < b->nlines; i++)
		line(s, b, &b->lines[i]);
	for (size_t i = 0; i < b->nvat; i++)
		summary(s, &b->vat[i]);
	payments(n, b);
}

static xmlDocPtr
build(const struct fpa_invoice *inv)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "FatturaElettronica", NULL);
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST FPA_NAMESPACE, BAD_CAST "p");

	xmlSetNs(root, ns);
	xmlNewProp(root, BAD_CAST "versione", BAD_CAST(inv->format == FPA_FPA12 ? "FPA12" : "FPR12"));
	xmlDocSetRootElement(doc, root);
	header(root, inv);
	for (size_t i = 0; i < inv->nbodies; i++)
		body(root, &inv->bodies[i]);
	return doc;
}

int
fpa_to_xml(const struct fpa_invoice *inv, char **xml, size_t *len, char *err)
{
	xmlDocPtr doc;
	xmlChar *mem = NULL;
	int n = 0;

	fpa_xml_init();
	if (inv->nbodies == 0)
		return err_set(err, _("the invoice has no document"));
	doc = build(inv);
	xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 1);
	xmlFreeDoc(doc);
	if (mem == NULL || n <= 0) {
		xmlFree(mem);
		return err_set(err, _("cannot produce the XML"));
	}
	*xml = xstrndup((const char *)mem, (size_t)n);
	*len = (size_t)n;
	xmlFree(mem);
	return 0;
}

static int
alnum_between(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);

	if (n < min || n > max)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
			return 0;
	return 1;
}

int
fpa_file_name(const struct fpa_invoice *inv, char *buf, size_t size, char *err)
{
	if (!alnum_between(inv->tx_country, 2, 2) || !alnum_between(inv->tx_id, 1, 28))
		return err_set(err, _("IdTrasmittente '%s%s' cannot name the file"), inv->tx_country,
			       inv->tx_id);
	if (!alnum_between(inv->progressivo, 1, 5))
		return err_set(err, _("the progressivo '%s' must be 1 to 5 letters or digits"),
			       inv->progressivo);
	snprintf(buf, size, "%s%s_%s.xml", inv->tx_country, inv->tx_id, inv->progressivo);
	return 0;
}

/* Writes through a temporary file and a rename, so that a reader never
 * sees half a file. */
static int
write_atomic(const char *path, const char *data, size_t len, char *err)
{
	char tmp[PATH_MAX];
	FILE *f;
	int ok;

	snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
	if ((f = fopen(tmp, "wx")) == NULL)
		return err_set(err, _("cannot create %s: %s"), tmp, strerror(errno));
	ok = fwrite(data, 1, len, f) == len;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) < 0) {
		err_set(err, _("cannot write %s: %s"), path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

int
fpa_write_file(const struct fpa_invoice *inv, const char *dir, char *path,
	       struct fpa_report *r, char *err)
{
	char name[64];
	char *xml;
	size_t len;
	int rc;

	if (fpa_file_name(inv, name, sizeof name, err) < 0)
		return -1;
	if (fpa_check(inv, r) > 0)
		return err_set(err, _("%s not written: errors found by the checks: %d"), name,
			       r->errors);
	if (fpa_to_xml(inv, &xml, &len, err) < 0)
		return -1;
	snprintf(path, PATH_MAX, "%s/%s", dir, name);
	rc = write_atomic(path, xml, len, err);
	free(xml);
	return rc;
}
