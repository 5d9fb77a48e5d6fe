/* The checker (fpa_check) and the totals of a document read from a file
 * (fpa_totals_from_summary) on invoices shaped as other programs write
 * them: several summary blocks at one rate, discounts with a negative
 * Importo, a document discount in DatiGeneraliDocumento, a total net of
 * the ritenuta, the bollo in the total or not, split payment on some blocks
 * only. Each file is built here, valid against the official schema
 * ($SCRIVANO_FATTURAPA, skipped without it), and its findings are compared
 * as a whole: every code, errors and warnings, in order. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fisc-sdi.h"
#include "fisc/fatturapa.h"
#include "tap.h"
#include "util/util.h"

#define PARTY(tag, piva, name)                                                                  \
	"<" tag "><DatiAnagrafici><IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>" piva           \
	"</IdCodice></IdFiscaleIVA><Anagrafica><Denominazione>" name                           \
	"</Denominazione></Anagrafica>%s</DatiAnagrafici><Sede><Indirizzo>Via Roma 1</Indirizzo>" \
	"<CAP>20100</CAP><Comune>Milano</Comune><Provincia>MI</Provincia><Nazione>IT</Nazione>"  \
	"</Sede></" tag ">\n"

/* The file around one body: DatiGeneraliDocumento's elements after Numero,
 * the content of DatiBeniServizi, and what follows it (DatiPagamento). */
static char *
invoice_xml(const char *general, const char *goods, const char *after)
{
	return xasprintf(
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<p:FatturaElettronica versione=\"FPR12\" xmlns:p=\"" FPA_NAMESPACE "\">\n"
		"<FatturaElettronicaHeader>\n"
		"<DatiTrasmissione><IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>01234560017"
		"</IdCodice></IdTrasmittente><ProgressivoInvio>00001</ProgressivoInvio>"
		"<FormatoTrasmissione>FPR12</FormatoTrasmissione><CodiceDestinatario>ABC1234"
		"</CodiceDestinatario></DatiTrasmissione>\n" PARTY("CedentePrestatore", "01234560017",
		"Fornitore Esterno S.r.l.") PARTY("CessionarioCommittente", "12345670017", "Beta S.p.A.")
		"</FatturaElettronicaHeader>\n"
		"<FatturaElettronicaBody><DatiGenerali><DatiGeneraliDocumento>"
		"<TipoDocumento>TD01</TipoDocumento><Divisa>EUR</Divisa><Data>2025-03-14</Data>"
		"<Numero>7</Numero>%s</DatiGeneraliDocumento></DatiGenerali>\n"
		"<DatiBeniServizi>%s</DatiBeniServizi>%s</FatturaElettronicaBody>\n"
		"</p:FatturaElettronica>\n",
		"<RegimeFiscale>RF01</RegimeFiscale>", "", general, goods, after);
}

#define LINE(n, qty, price, disc, total, rate, extra)                                        \
	"<DettaglioLinee><NumeroLinea>" n "</NumeroLinea><Descrizione>Riga " n "</Descrizione>" \
	qty "<PrezzoUnitario>" price "</PrezzoUnitario>" disc "<PrezzoTotale>" total            \
	"</PrezzoTotale><AliquotaIVA>" rate "</AliquotaIVA>" extra "</DettaglioLinee>"
#define QTY(q) "<Quantita>" q "</Quantita>"
#define DISC(tipo, imp) \
	"<ScontoMaggiorazione><Tipo>" tipo "</Tipo><Importo>" imp "</Importo></ScontoMaggiorazione>"
#define SUMMARY(rate, natura, taxable, tax, esig)                                             \
	"<DatiRiepilogo><AliquotaIVA>" rate "</AliquotaIVA>" natura "<ImponibileImporto>" taxable \
	"</ImponibileImporto><Imposta>" tax "</Imposta><EsigibilitaIVA>" esig                    \
	"</EsigibilitaIVA></DatiRiepilogo>"
#define PAY(amount)                                                                          \
	"<DatiPagamento><CondizioniPagamento>TP02</CondizioniPagamento><DettaglioPagamento>"     \
	"<ModalitaPagamento>MP05</ModalitaPagamento><ImportoPagamento>" amount                   \
	"</ImportoPagamento></DettaglioPagamento></DatiPagamento>"
#define TOTAL(t) "<ImportoTotaleDocumento>" t "</ImportoTotaleDocumento>"
#define RITENUTA                                                                             \
	"<DatiRitenuta><TipoRitenuta>RT01</TipoRitenuta><ImportoRitenuta>200.00</ImportoRitenuta>" \
	"<AliquotaRitenuta>20.00</AliquotaRitenuta><CausalePagamento>A</CausalePagamento>"       \
	"</DatiRitenuta>"
#define BOLLO "<DatiBollo><BolloVirtuale>SI</BolloVirtuale><ImportoBollo>2.00</ImportoBollo></DatiBollo>"
#define N22 "<Natura>N2.2</Natura>"

struct shape {
	const char *what;
	const char *general, *goods, *after;
	const char *findings;  /* every code, space-separated, in order */
	int64_t payable;       /* body 1, in cents */
	const char *says;      /* in the first finding's message, or NULL */
};

static const struct shape shapes[] = {
	{ "two summaries at 22%, EsigibilitaIVA I and D, are one for 00422",
	  TOTAL("183.00"),
	  LINE("1", "", "100.00", "", "100.00", "22.00", "") LINE("2", "", "50.00", "", "50.00", "22.00", "")
	  SUMMARY("22.00", "", "100.00", "22.00", "I") SUMMARY("22.00", "", "50.00", "11.00", "D"),
	  PAY("183.00"), "", 18300, NULL },
	{ "two summaries at 22% whose sum is not the lines': one 00422",
	  TOTAL("170.80"),
	  LINE("1", "", "100.00", "", "100.00", "22.00", "") LINE("2", "", "50.00", "", "50.00", "22.00", "")
	  SUMMARY("22.00", "", "100.00", "22.00", "I") SUMMARY("22.00", "", "40.00", "8.80", "D"),
	  PAY("170.80"), "00422", 17080,
	  "ImponibileImporto 140.00 (summaries 1, 2 at AliquotaIVA 22.00%) is not the sum of its "
	  "lines 150.00 plus Arrotondamento 0.00 (body 1)" },
	{ "an SC of Importo -2.00 subtracts",
	  TOTAL("29.28"),
	  LINE("1", QTY("3.00"), "10.00", DISC("SC", "-2.00"), "24.00", "22.00", "")
	  SUMMARY("22.00", "", "24.00", "5.28", "I"),
	  PAY("29.28"), "", 2928, NULL },
	{ "an MG of Importo -1.50 adds",
	  TOTAL("28.06"),
	  LINE("1", QTY("2.00"), "10.00", DISC("MG", "-1.50"), "23.00", "22.00", "")
	  SUMMARY("22.00", "", "23.00", "5.06", "I"),
	  PAY("28.06"), "", 2806, NULL },
	{ "an SC of Importo -2.00 added instead is 00423",
	  TOTAL("43.92"),
	  LINE("1", QTY("3.00"), "10.00", DISC("SC", "-2.00"), "36.00", "22.00", "")
	  SUMMARY("22.00", "", "36.00", "7.92", "I"),
	  PAY("43.92"), "00423", 4392,
	  "PrezzoTotale 36.00 does not match Quantita x PrezzoUnitario = 24.00 (body 1, line 1)" },
	{ "a document discount SC of Importo -10.00 outside the lines",
	  "<ScontoMaggiorazione><Tipo>SC</Tipo><Importo>-10.00</Importo></ScontoMaggiorazione>"
	  TOTAL("112.00"),
	  LINE("1", "", "100.00", "", "100.00", "22.00", "") SUMMARY("22.00", "", "100.00", "22.00", "I"),
	  "", "", 11200, NULL },
	{ "a document discount of 10% outside the lines",
	  "<ScontoMaggiorazione><Tipo>SC</Tipo><Percentuale>10.00</Percentuale></ScontoMaggiorazione>"
	  TOTAL("109.80"),
	  LINE("1", "", "100.00", "", "100.00", "22.00", "") SUMMARY("22.00", "", "100.00", "22.00", "I"),
	  "", "", 10980, NULL },
	{ "a document discount already in the lines",
	  "<ScontoMaggiorazione><Tipo>SC</Tipo><Importo>10.00</Importo></ScontoMaggiorazione>"
	  TOTAL("109.80"),
	  LINE("1", "", "100.00", "", "100.00", "22.00", "")
	  LINE("2", "", "-10.00", "", "-10.00", "22.00", "")
	  SUMMARY("22.00", "", "90.00", "19.80", "I"),
	  PAY("109.80"), "", 10980, NULL },
	{ "a document discount without Percentuale or Importo is 00437",
	  "<ScontoMaggiorazione><Tipo>SC</Tipo></ScontoMaggiorazione>" TOTAL("122.00"),
	  LINE("1", "", "100.00", "", "100.00", "22.00", "") SUMMARY("22.00", "", "100.00", "22.00", "I"),
	  PAY("122.00"), "00437", 12200,
	  "DatiGeneraliDocumento: ScontoMaggiorazione 1 without Percentuale or Importo (body 1)" },
	{ "a total net of the ritenuta: warned, payable from DatiPagamento",
	  RITENUTA TOTAL("1020.00"),
	  LINE("1", "", "1000.00", "", "1000.00", "22.00", "<Ritenuta>SI</Ritenuta>")
	  SUMMARY("22.00", "", "1000.00", "220.00", "I"),
	  PAY("1020.00"), "W020", 102000,
	  "ImportoTotaleDocumento 1020.00 is not the total the summaries make, 1220.00" },
	{ "a total net of the ritenuta, no DatiPagamento: payable from the summaries",
	  RITENUTA TOTAL("1020.00"),
	  LINE("1", "", "1000.00", "", "1000.00", "22.00", "<Ritenuta>SI</Ritenuta>")
	  SUMMARY("22.00", "", "1000.00", "220.00", "I"),
	  "", "W020", 102000, NULL },
	{ "a total with the ritenuta, as the specification asks",
	  RITENUTA TOTAL("1220.00"),
	  LINE("1", "", "1000.00", "", "1000.00", "22.00", "<Ritenuta>SI</Ritenuta>")
	  SUMMARY("22.00", "", "1000.00", "220.00", "I"),
	  PAY("1020.00"), "", 102000, NULL },
	{ "the bollo not a line, in the total",
	  BOLLO TOTAL("102.00"),
	  LINE("1", "", "100.00", "", "100.00", "0.00", N22) SUMMARY("0.00", N22, "100.00", "0.00", "I"),
	  "", "", 10200, NULL },
	{ "the bollo not a line, not in the total",
	  BOLLO TOTAL("100.00"),
	  LINE("1", "", "100.00", "", "100.00", "0.00", N22) SUMMARY("0.00", N22, "100.00", "0.00", "I"),
	  "", "", 10000, NULL },
	{ "the bollo as a line",
	  BOLLO TOTAL("102.00"),
	  LINE("1", "", "100.00", "", "100.00", "0.00", N22)
	  LINE("2", "", "2.00", "", "2.00", "0.00", "<Natura>N1</Natura>")
	  SUMMARY("0.00", N22, "100.00", "0.00", "I")
	  SUMMARY("0.00", "<Natura>N1</Natura>", "2.00", "0.00", "I"),
	  "", "", 10200, NULL },
	{ "the bollo counted twice in the total",
	  BOLLO TOTAL("104.00"),
	  LINE("1", "", "100.00", "", "100.00", "0.00", N22)
	  LINE("2", "", "2.00", "", "2.00", "0.00", "<Natura>N1</Natura>")
	  SUMMARY("0.00", N22, "100.00", "0.00", "I")
	  SUMMARY("0.00", "<Natura>N1</Natura>", "2.00", "0.00", "I"),
	  "", "W020", 10200,
	  "ImportoTotaleDocumento 104.00 is not the total the summaries make, 102.00" },
	{ "the total's Arrotondamento",
	  TOTAL("12.20") "<Arrotondamento>-0.01</Arrotondamento>",
	  LINE("1", "", "10.01", "", "10.01", "22.00", "") SUMMARY("22.00", "", "10.01", "2.20", "I"),
	  PAY("12.20"), "", 1220, NULL },
	{ "split payment on one block: only its VAT is not payable",
	  TOTAL("177.00"),
	  LINE("1", "", "100.00", "", "100.00", "22.00", "") LINE("2", "", "50.00", "", "50.00", "10.00", "")
	  SUMMARY("22.00", "", "100.00", "22.00", "S") SUMMARY("10.00", "", "50.00", "5.00", "I"),
	  "", "", 15500, NULL },
};

static void
codes(const struct fpa_report *r, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < r->n; i++) {
		if (buf[0])
			strncat(buf, " ", size - strlen(buf) - 1);
		strncat(buf, r->f[i].code, size - strlen(buf) - 1);
	}
}

/* Written again from the model and read back, the file has the same
 * findings and payable (the document's discounts kept). */
static void
reexported(const struct fpa_invoice *inv, const char *findings, const char *what)
{
	struct fpa_invoice *back = NULL;
	struct fpa_report r = { 0 };
	char err[ERR_SIZE] = "", got[256] = "", *xml = NULL;
	size_t len = 0;

	if (fpa_to_xml(inv, &xml, &len, err) == 0 &&
	    fpa_read_memory(xml, len, "again.xml", &back, &r, err) == 0) {
		fpa_check(back, &r);
		codes(&r, got, sizeof got);
	}
	is_str(got, findings, "%s: written again and read back, the same findings %s", what, err);
	ok(back && back->bodies[0].tot.payable == inv->bodies[0].tot.payable &&
	   back->bodies[0].ndoc_disc == inv->bodies[0].ndoc_disc,
	   "%s: and the same payable and document discounts", what);
	fpa_report_free(&r);
	fpa_invoice_free(back);
	free(xml);
}

static void
run_shape(const struct shape *s)
{
	char *xml = invoice_xml(s->general, s->goods, s->after);
	struct fpa_invoice *inv = NULL;
	struct fpa_report r = { 0 };
	char err[ERR_SIZE] = "", got[256];

	if (sdi_schema == NULL)
		printf("ok %d # SKIP no FatturaPA schema\n", ++tap_n);
	else
		ok(fpa_schema_validate(sdi_schema, xml, strlen(xml), err) == 0,
		   "%s: the file is valid against the schema %s", s->what, err);
	ok(fpa_read_memory(xml, strlen(xml), "shape.xml", &inv, &r, err) == 0, "%s: read %s", s->what,
	   err);
	free(xml);
	if (inv == NULL)
		return;
	fpa_check(inv, &r);
	codes(&r, got, sizeof got);
	is_str(got, s->findings, "%s: findings [%s]", s->what, s->findings);
	fpa_report_print(&r, "#", stdout);
	if (s->says)
		ok(r.n > 0 && strstr(r.f[0].msg, s->says), "%s: says '%s'", s->what, s->says);
	is_int(inv->bodies[0].tot.payable, s->payable, "%s: payable", s->what);
	reexported(inv, got, s->what);
	fpa_report_free(&r);
	fpa_invoice_free(inv);
}

/* fpa_line_expected on the model: the direction is Tipo's. */
static void
test_line_expected(void)
{
	struct fpa_line l = { 0 };
	struct dec want;

	l.has_qty = 1;
	l.qty = (struct dec){ 300, 2 };
	l.price = (struct dec){ 1000, 2 };
	l.ndisc = 2;
	str_copy(l.disc[0].kind, "SC", sizeof l.disc[0].kind);
	l.disc[0].has_amount = 1;
	l.disc[0].amount = (struct dec){ -200, 2 };
	str_copy(l.disc[1].kind, "MG", sizeof l.disc[1].kind);
	l.disc[1].has_pct = 1;
	l.disc[1].pct = (struct dec){ 1000, 2 };
	ok(fpa_line_expected(&l, &want) == 0 && dec_cmp(want, (struct dec){ 2640, 2 }) == 0,
	   "3 x (10.00 SC -2.00, then MG 10%%) = 26.40 (%lld at scale %d)", (long long)want.v,
	   want.scale);
	l.disc[0].amount.v = 200;
	ok(fpa_line_expected(&l, &want) == 0 && dec_cmp(want, (struct dec){ 2640, 2 }) == 0,
	   "the same with SC 2.00");
}

int
main(void)
{
	sdi_init();
	for (size_t i = 0; i < ARRAY_LEN(shapes); i++)
		run_shape(&shapes[i]);
	test_line_expected();
	sdi_done();
	return tap_done();
}
