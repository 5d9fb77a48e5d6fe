/* The invoice model's memory, its code tables, and the arithmetic: line
 * totals, the VAT summary per (rate, Natura), cassa, ritenuta, bollo, the
 * document total and what is payable, all in integers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fisc/invoice.h"
#include "util/i18n.h"
#include "util/util.h"

struct code {
	const char *code;
	const char *name;
};

static const struct code doc_types[] = {
	{ "TD01", "fattura" },
	{ "TD02", "acconto/anticipo su fattura" },
	{ "TD03", "acconto/anticipo su parcella" },
	{ "TD04", "nota di credito" },
	{ "TD05", "nota di debito" },
	{ "TD06", "parcella" },
	{ "TD16", "integrazione fattura reverse charge interno" },
	{ "TD17", "integrazione/autofattura per acquisto servizi dall'estero" },
	{ "TD18", "integrazione per acquisto di beni intracomunitari" },
	{ "TD19", "integrazione/autofattura per acquisto di beni ex art.17 c.2 DPR 633/72" },
	{ "TD20", "autofattura per regolarizzazione e integrazione delle fatture" },
	{ "TD21", "autofattura per splafonamento" },
	{ "TD22", "estrazione beni da Deposito IVA" },
	{ "TD23", "estrazione beni da Deposito IVA con versamento dell'IVA" },
	{ "TD24", "fattura differita di cui all'art. 21, comma 4, lett. a)" },
	{ "TD25", "fattura differita di cui all'art. 21, comma 4, terzo periodo lett. b)" },
	{ "TD26", "cessione di beni ammortizzabili e per passaggi interni" },
	{ "TD27", "fattura per autoconsumo o per cessioni gratuite senza rivalsa" },
	{ "TD28", "acquisti da San Marino con IVA (fattura cartacea)" },
	{ "TD29", "comunicazione per omessa o irregolare fatturazione" },
};

/* Natura, with whether it counts towards the bollo threshold (operations
 * outside VAT do, except exports, intra-EU supplies and assimilated ones,
 * reverse charge and VAT paid in another EU state) and the reference to the
 * law printed in the summary when the caller gives none. */
struct natura {
	const char *code;
	const char *name;
	int bollo;
	const char *norm;
};

static const struct natura naturas[] = {
	{ "N1", "escluse ex art. 15 DPR 633/72", 1, "Escluso art. 15 DPR 633/72" },
	{ "N2", "non soggette (codice non più valido)", 1, NULL },
	{ "N2.1", "non soggette ad IVA ai sensi degli artt. da 7 a 7-septies DPR 633/72", 1,
	  "Non soggetto artt. 7-7septies DPR 633/72" },
	{ "N2.2", "non soggette - altri casi", 1,
	  "Operazione in franchigia da IVA, art. 1 c. 54-89 L. 190/2014" },
	{ "N3", "non imponibili (codice non più valido)", 1, NULL },
	{ "N3.1", "non imponibili - esportazioni", 0, "Non imponibile art. 8 DPR 633/72" },
	{ "N3.2", "non imponibili - cessioni intracomunitarie", 0, "Non imponibile art. 41 DL 331/93" },
	{ "N3.3", "non imponibili - cessioni verso San Marino", 0, "Non imponibile art. 71 DPR 633/72" },
	{ "N3.4", "non imponibili - operazioni assimilate alle cessioni all'esportazione", 0,
	  "Non imponibile art. 8-bis DPR 633/72" },
	{ "N3.5", "non imponibili - a seguito di dichiarazioni d'intento", 1,
	  "Non imponibile art. 8 c.1 lett. c DPR 633/72" },
	{ "N3.6", "non imponibili - altre operazioni", 1, "Non imponibile" },
	{ "N4", "esenti", 1, "Esente art. 10 DPR 633/72" },
	{ "N5", "regime del margine / IVA non esposta in fattura", 1, "Regime del margine" },
	{ "N6", "inversione contabile (codice non più valido)", 0, NULL },
	{ "N6.1", "inversione contabile - cessione di rottami e altri materiali di recupero", 0,
	  "Inversione contabile art. 74 c.7-8 DPR 633/72" },
	{ "N6.2", "inversione contabile - cessione di oro e argento", 0,
	  "Inversione contabile art. 17 c.5 DPR 633/72" },
	{ "N6.3", "inversione contabile - subappalto nel settore edile", 0,
	  "Inversione contabile art. 17 c.6 lett. a DPR 633/72" },
	{ "N6.4", "inversione contabile - cessione di fabbricati", 0,
	  "Inversione contabile art. 17 c.6 lett. a-bis DPR 633/72" },
	{ "N6.5", "inversione contabile - cessione di telefoni cellulari", 0,
	  "Inversione contabile art. 17 c.6 lett. b DPR 633/72" },
	{ "N6.6", "inversione contabile - cessione di prodotti elettronici", 0,
	  "Inversione contabile art. 17 c.6 lett. c DPR 633/72" },
	{ "N6.7", "inversione contabile - prestazioni comparto edile e settori connessi", 0,
	  "Inversione contabile art. 17 c.6 lett. a-ter DPR 633/72" },
	{ "N6.8", "inversione contabile - operazioni settore energetico", 0,
	  "Inversione contabile art. 17 c.6 lett. d-bis, d-ter DPR 633/72" },
	{ "N6.9", "inversione contabile - altri casi", 0, "Inversione contabile" },
	{ "N7", "IVA assolta in altro stato UE", 0, "IVA assolta in altro stato UE" },
};

static const struct code payment_modes[] = {
	{ "MP01", "contanti" }, { "MP02", "assegno" }, { "MP03", "assegno circolare" },
	{ "MP04", "contanti presso Tesoreria" }, { "MP05", "bonifico" },
	{ "MP06", "vaglia cambiario" }, { "MP07", "bollettino bancario" },
	{ "MP08", "carta di pagamento" }, { "MP09", "RID" }, { "MP10", "RID utenze" },
	{ "MP11", "RID veloce" }, { "MP12", "RIBA" }, { "MP13", "MAV" },
	{ "MP14", "quietanza erario" }, { "MP15", "giroconto su conti di contabilità speciale" },
	{ "MP16", "domiciliazione bancaria" }, { "MP17", "domiciliazione postale" },
	{ "MP18", "bollettino di c/c postale" }, { "MP19", "SEPA Direct Debit" },
	{ "MP20", "SEPA Direct Debit CORE" }, { "MP21", "SEPA Direct Debit B2B" },
	{ "MP22", "trattenuta su somme già riscosse" }, { "MP23", "PagoPA" },
};

static const struct code regimes[] = {
	{ "RF01", "ordinario" }, { "RF02", "contribuenti minimi" },
	{ "RF04", "agricoltura e attività connesse e pesca" },
	{ "RF05", "vendita sali e tabacchi" }, { "RF06", "commercio fiammiferi" },
	{ "RF07", "editoria" }, { "RF08", "gestione servizi telefonia pubblica" },
	{ "RF09", "rivendita documenti di trasporto pubblico e di sosta" },
	{ "RF10", "intrattenimenti, giochi e altre attività" },
	{ "RF11", "agenzie viaggi e turismo" }, { "RF12", "agriturismo" },
	{ "RF13", "vendite a domicilio" },
	{ "RF14", "rivendita beni usati, oggetti d'arte, d'antiquariato o da collezione" },
	{ "RF15", "agenzie di vendite all'asta" }, { "RF16", "IVA per cassa P.A." },
	{ "RF17", "IVA per cassa" }, { "RF18", "altro" }, { "RF19", "forfettario" },
	{ "RF20", "franchigia IVA transfrontaliera" },
};

static const char *
code_name(const struct code *t, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return t[i].name;
	return NULL;
}

static const struct natura *
natura_find(const char *code)
{
	for (size_t i = 0; i < ARRAY_LEN(naturas); i++)
		if (strcmp(naturas[i].code, code) == 0)
			return &naturas[i];
	return NULL;
}

const char *
fpa_doc_type_name(const char *code)
{
	return code_name(doc_types, ARRAY_LEN(doc_types), code);
}

const char *
fpa_natura_name(const char *code)
{
	const struct natura *n = natura_find(code);

	return n ? n->name : NULL;
}

const char *
fpa_payment_mode_name(const char *code)
{
	return code_name(payment_modes, ARRAY_LEN(payment_modes), code);
}

const char *
fpa_regime_name(const char *code)
{
	return code_name(regimes, ARRAY_LEN(regimes), code);
}

int
fpa_natura_bollo(const char *code)
{
	const struct natura *n = natura_find(code);

	return n ? n->bollo : 0;
}

int
fpa_natura_reverse(const char *code)
{
	return strncmp(code, "N6.", 3) == 0;
}

/* Memory. */

struct fpa_invoice *
fpa_invoice_new(void)
{
	struct fpa_invoice *inv = xcalloc(1, sizeof *inv);

	str_copy(inv->seller.addr.country, "IT", sizeof inv->seller.addr.country);
	str_copy(inv->buyer.addr.country, "IT", sizeof inv->buyer.addr.country);
	return inv;
}

static void
party_free(struct fpa_party *p)
{
	free(p->name);
	free(p->first);
	free(p->last);
	free(p->addr.street);
	free(p->addr.city);
}

static void
body_free(struct fpa_body *b)
{
	for (size_t i = 0; i < b->ncausale; i++)
		free(b->causale[i]);
	free(b->causale);
	for (size_t i = 0; i < b->nlines; i++)
		free(b->lines[i].descr);
	free(b->lines);
	for (size_t i = 0; i < b->nvat; i++)
		free(b->vat[i].norm);
	free(b->vat);
	free(b->cassa);
	free(b->pay);
}

void
fpa_invoice_free(struct fpa_invoice *inv)
{
	if (inv == NULL)
		return;
	party_free(&inv->seller);
	party_free(&inv->buyer);
	free(inv->pec);
	for (size_t i = 0; i < inv->nbodies; i++)
		body_free(&inv->bodies[i]);
	free(inv->bodies);
	free(inv);
}

/* Appends one zeroed element to an array of n elements. */
static void *
grow(void *arr, size_t *n, size_t size)
{
	char *p = xreallocarray(arr, *n + 1, size);

	memset(p + *n * size, 0, size);
	(*n)++;
	return p;
}

struct fpa_body *
fpa_body_add(struct fpa_invoice *inv)
{
	struct fpa_body *b;

	inv->bodies = grow(inv->bodies, &inv->nbodies, sizeof *inv->bodies);
	b = &inv->bodies[inv->nbodies - 1];
	str_copy(b->type, "TD01", sizeof b->type);
	str_copy(b->currency, "EUR", sizeof b->currency);
	return b;
}

struct fpa_line *
fpa_line_add(struct fpa_body *b)
{
	struct fpa_line *l;

	b->lines = grow(b->lines, &b->nlines, sizeof *b->lines);
	l = &b->lines[b->nlines - 1];
	l->number = (int)b->nlines;
	return l;
}

struct fpa_vat *
fpa_vat_add(struct fpa_body *b)
{
	b->vat = grow(b->vat, &b->nvat, sizeof *b->vat);
	return &b->vat[b->nvat - 1];
}

struct fpa_cassa *
fpa_cassa_add(struct fpa_body *b)
{
	b->cassa = grow(b->cassa, &b->ncassa, sizeof *b->cassa);
	return &b->cassa[b->ncassa - 1];
}

struct fpa_payment *
fpa_payment_add(struct fpa_body *b)
{
	struct fpa_payment *p;

	b->pay = grow(b->pay, &b->npay, sizeof *b->pay);
	p = &b->pay[b->npay - 1];
	str_copy(p->terms, "TP02", sizeof p->terms);
	str_copy(p->mode, "MP05", sizeof p->mode);
	return p;
}

void
fpa_causale_add(struct fpa_body *b, const char *text)
{
	b->causale = xreallocarray(b->causale, b->ncausale + 1, sizeof *b->causale);
	b->causale[b->ncausale++] = xstrdup(text);
}

const char *
fpa_party_name(const struct fpa_party *p, char *buf, size_t size)
{
	if (p->name && *p->name)
		str_copy(buf, p->name, size);
	else
		snprintf(buf, size, "%s %s", p->first ? p->first : "", p->last ? p->last : "");
	return buf;
}

/* The arithmetic. */

static struct dec
rate_dec(int64_t rate)
{
	struct dec d = { rate, 2 };

	return d;
}

/* amount x rate / 100, rounded half away from zero to the cent. */
static int
pct_of_cents(int64_t cents, int64_t rate, int64_t *out)
{
	struct dec r;

	if (dec_pct(dec_from_cents(cents), rate_dec(rate), 2, &r) < 0)
		return -1;
	*out = r.v;
	return 0;
}

int
fpa_line_expected(const struct fpa_line *l, struct dec *out)
{
	struct dec p = l->price, d, one = { 1, 0 };

	for (int i = 0; i < l->ndisc; i++) {
		const struct fpa_discount *s = &l->disc[i];
		int up = strcmp(s->kind, "MG") == 0;

		if (s->has_amount)
			d = s->amount;
		else if (s->has_pct) {
			if (dec_pct(p, s->pct, FPA_PRICE_SCALE, &d) < 0)
				return -1;
		} else
			continue;
		if ((up ? dec_add(p, d, &p) : dec_sub(p, d, &p)) < 0)
			return -1;
	}
	return dec_mul(l->has_qty ? l->qty : one, p, FPA_PRICE_SCALE, out);
}

/* The summary block for (rate, natura), added at the end when new. */
static struct fpa_vat *
vat_block(struct fpa_body *b, int64_t rate, const char *natura)
{
	struct fpa_vat *v;

	for (size_t i = 0; i < b->nvat; i++)
		if (b->vat[i].rate == rate && strcmp(b->vat[i].natura, natura) == 0)
			return &b->vat[i];
	v = fpa_vat_add(b);
	v->rate = rate;
	str_copy(v->natura, natura, sizeof v->natura);
	return v;
}

static int
add_cents(int64_t *sum, int64_t x)
{
	return __builtin_add_overflow(*sum, x, sum) ? -1 : 0;
}

static int
compute_lines(struct fpa_body *b, int64_t *lines_sum, char *err)
{
	struct dec t;
	int64_t c;

	*lines_sum = 0;
	for (size_t i = 0; i < b->nlines; i++) {
		struct fpa_line *l = &b->lines[i];

		if (l->rate == 0 && l->natura[0] == '\0')
			return err_set(err, _("line %d: VAT rate 0 needs a Natura (N1 ... N7)"),
				       l->number);
		if (l->rate != 0 && l->natura[0] != '\0')
			return err_set(err, _("line %d: a Natura goes with VAT rate 0 only"),
				       l->number);
		if (fpa_line_expected(l, &t) < 0 || dec_round(t, 2, &l->total) < 0 ||
		    add_cents(lines_sum, l->total.v) < 0)
			return err_set(err, _("line %d: the amounts are too large"), l->number);
		c = l->total.v;
		if (add_cents(&vat_block(b, l->rate, l->natura)->taxable, c) < 0)
			return err_set(err, _("line %d: the amounts are too large"), l->number);
	}
	return 0;
}

static int
compute_cassa(struct fpa_body *b, int64_t lines_sum, char *err)
{
	for (size_t i = 0; i < b->ncassa; i++) {
		struct fpa_cassa *c = &b->cassa[i];

		if (!c->has_base) {
			c->base = lines_sum;
			c->has_base = 1;
		}
		if (pct_of_cents(c->base, c->al_cassa, &c->amount) < 0 ||
		    add_cents(&vat_block(b, c->rate, c->natura)->taxable, c->amount) < 0 ||
		    add_cents(&b->tot.cassa, c->amount) < 0)
			return err_set(err, _("cassa %zu: the amounts are too large"), i + 1);
	}
	return 0;
}

/* Imposta per block, rounded once per block; EsigibilitaIVA; norms. */
static int
compute_summary(struct fpa_body *b, char *err)
{
	for (size_t i = 0; i < b->nvat; i++) {
		struct fpa_vat *v = &b->vat[i];
		const struct natura *n = natura_find(v->natura);

		if (v->has_rounding && add_cents(&v->taxable, v->rounding) < 0)
			return err_set(err, _("the amounts are too large"));
		if (pct_of_cents(v->taxable, v->rate, &v->tax) < 0)
			return err_set(err, _("the amounts are too large"));
		v->esig = 'I';
		if (v->rate > 0 && b->split_payment)
			v->esig = 'S';
		else if (v->rate > 0 && b->deferred)
			v->esig = 'D';
		if (v->natura[0] && n && n->norm && v->norm == NULL)
			v->norm = xstrdup(n->norm);
		if (add_cents(&b->tot.taxable, v->taxable) < 0 || add_cents(&b->tot.tax, v->tax) < 0)
			return err_set(err, _("the amounts are too large"));
		if (v->natura[0] && fpa_natura_bollo(v->natura))
			b->tot.not_vat += v->taxable;
	}
	return 0;
}

static int
compute_withholding(struct fpa_body *b, char *err)
{
	int64_t base = 0;

	for (size_t i = 0; i < b->nlines; i++)
		if (b->lines[i].ritenuta)
			base += b->lines[i].total.v;
	for (size_t i = 0; i < b->ncassa; i++)
		if (b->cassa[i].ritenuta)
			base += b->cassa[i].amount;
	for (int i = 0; i < b->nwh; i++) {
		if (pct_of_cents(base, b->wh[i].rate, &b->wh[i].amount) < 0)
			return err_set(err, _("the ritenuta is too large"));
		b->tot.withholding += b->wh[i].amount;
	}
	return 0;
}

/* Automatic payments share what remains after the fixed ones; the first
 * takes the odd cents. */
static void
compute_payments(struct fpa_body *b)
{
	int64_t rest = b->tot.payable, n = 0, share;

	for (size_t i = 0; i < b->npay; i++) {
		if (b->pay[i].automatic)
			n++;
		else
			rest -= b->pay[i].amount;
	}
	if (n == 0)
		return;
	share = rest / n;
	for (size_t i = 0, first = 1; i < b->npay; i++) {
		if (!b->pay[i].automatic)
			continue;
		b->pay[i].amount = share + (first ? rest - share * n : 0);
		first = 0;
	}
}

static void
free_vat(struct fpa_body *b)
{
	for (size_t i = 0; i < b->nvat; i++)
		free(b->vat[i].norm);
	free(b->vat);
	b->vat = NULL;
	b->nvat = 0;
}

int
fpa_compute(struct fpa_body *b, char *err)
{
	int64_t lines_sum, split_tax = 0;

	free_vat(b);
	memset(&b->tot, 0, sizeof b->tot);
	if (compute_lines(b, &lines_sum, err) < 0 || compute_cassa(b, lines_sum, err) < 0 ||
	    compute_summary(b, err) < 0 || compute_withholding(b, err) < 0)
		return -1;
	b->tot.bollo = !b->bollo_off && b->tot.not_vat > FPA_BOLLO_THRESHOLD ? FPA_BOLLO_AMOUNT : 0;
	b->bollo_virtual = b->tot.bollo > 0;
	b->bollo = b->tot.bollo;
	for (size_t i = 0; i < b->nvat; i++)
		if (b->vat[i].esig == 'S')
			split_tax += b->vat[i].tax;
	b->tot.total = b->tot.taxable + b->tot.tax + (b->bollo_charged ? b->tot.bollo : 0);
	b->doc_total = b->tot.total;
	b->has_doc_total = 1;
	b->tot.payable = b->tot.total - b->tot.withholding - split_tax;
	compute_payments(b);
	return 0;
}

void
fpa_totals_from_summary(struct fpa_body *b)
{
	int64_t split_tax = 0;

	memset(&b->tot, 0, sizeof b->tot);
	for (size_t i = 0; i < b->nvat; i++) {
		const struct fpa_vat *v = &b->vat[i];

		b->tot.taxable += v->taxable;
		b->tot.tax += v->tax;
		if (v->esig == 'S')
			split_tax += v->tax;
		if (v->natura[0] && fpa_natura_bollo(v->natura))
			b->tot.not_vat += v->taxable;
	}
	for (int i = 0; i < b->nwh; i++)
		b->tot.withholding += b->wh[i].amount;
	for (size_t i = 0; i < b->ncassa; i++)
		b->tot.cassa += b->cassa[i].amount;
	b->tot.bollo = b->bollo_virtual ? b->bollo : 0;
	b->tot.total = b->has_doc_total ? b->doc_total : b->tot.taxable + b->tot.tax;
	b->tot.payable = b->tot.total - b->tot.withholding - split_tax;
}
