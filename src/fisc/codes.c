/* The FatturaPA code tables the arithmetic and the checker need: document
 * types, Natura (with its bollo rule and legal reference), payment modes,
 * regimes, cassa previdenziale, ritenuta types and causali. */
#include "config.h"

#include <string.h>

#include "fisc/invoice.h"
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
	{ "N2.2", "non soggette - altri casi", 1, "Operazione non soggetta ad IVA" },
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
	  "Inversione contabile art. 17 c.6 lett. d-bis, d-ter, d-quater DPR 633/72" },
	{ "N6.9", "inversione contabile - altri casi", 0, "Inversione contabile art. 17 DPR 633/72" },
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

/* DatiCassaPrevidenziale/TipoCassa (schema 1.2.2). */
static const struct code cassa_types[] = {
	{ "TC01", "Cassa nazionale previdenza e assistenza avvocati e procuratori legali" },
	{ "TC02", "Cassa previdenza dottori commercialisti" },
	{ "TC03", "Cassa previdenza e assistenza geometri" },
	{ "TC04", "Cassa nazionale previdenza e assistenza ingegneri e architetti liberi professionisti" },
	{ "TC05", "Cassa nazionale del notariato" },
	{ "TC06", "Cassa nazionale previdenza e assistenza ragionieri e periti commerciali" },
	{ "TC07", "Ente nazionale assistenza agenti e rappresentanti di commercio (ENASARCO)" },
	{ "TC08", "Ente nazionale previdenza e assistenza consulenti del lavoro (ENPACL)" },
	{ "TC09", "Ente nazionale previdenza e assistenza medici (ENPAM)" },
	{ "TC10", "Ente nazionale previdenza e assistenza farmacisti (ENPAF)" },
	{ "TC11", "Ente nazionale previdenza e assistenza veterinari (ENPAV)" },
	{ "TC12", "Ente nazionale previdenza e assistenza impiegati dell'agricoltura (ENPAIA)" },
	{ "TC13", "Fondo previdenza impiegati imprese di spedizione e agenzie marittime" },
	{ "TC14", "Istituto nazionale previdenza giornalisti italiani (INPGI)" },
	{ "TC15", "Opera nazionale assistenza orfani sanitari italiani (ONAOSI)" },
	{ "TC16", "Cassa autonoma assistenza integrativa giornalisti italiani (CASAGIT)" },
	{ "TC17", "Ente previdenza periti industriali e periti industriali laureati (EPPI)" },
	{ "TC18", "Ente previdenza e assistenza pluricategoriale (EPAP)" },
	{ "TC19", "Ente nazionale previdenza e assistenza biologi (ENPAB)" },
	{ "TC20", "Ente nazionale previdenza e assistenza professione infermieristica (ENPAPI)" },
	{ "TC21", "Ente nazionale previdenza e assistenza psicologi (ENPAP)" },
	{ "TC22", "INPS" },
};

/* DatiRitenuta/TipoRitenuta: RT01 and RT02 are the ritenuta d'acconto,
 * RT03 ... RT06 contributions withheld the same way. */
static const struct code withholding_types[] = {
	{ "RT01", "ritenuta di acconto persone fisiche" },
	{ "RT02", "ritenuta di acconto persone giuridiche" },
	{ "RT03", "contributo INPS" },
	{ "RT04", "contributo ENASARCO" },
	{ "RT05", "contributo ENPAM" },
	{ "RT06", "altro contributo previdenziale" },
};

/* DatiRitenuta/CausalePagamento: the causali of the CU model that the
 * schema lists (Z is refused for documents dated from 2021: ZO took its
 * place). */
static const struct code causali[] = {
	{ "A", "lavoro autonomo abituale (arte o professione)" },
	{ "B", "utilizzazione economica di opere dell'ingegno da parte dell'autore" },
	{ "C", "utili da associazione in partecipazione con apporto di solo lavoro" },
	{ "D", "utili dei soci promotori e fondatori di società di capitali" },
	{ "E", "levata di protesti cambiari dei segretari comunali" },
	{ "G", "indennità di cessazione di attività sportiva professionale" },
	{ "H", "indennità di cessazione del rapporto di agenzia" },
	{ "I", "indennità di cessazione da funzioni notarili" },
	{ "L", "utilizzazione economica di opere dell'ingegno da parte di chi non ne è l'autore" },
	{ "L1", "utilizzazione economica di opere dell'ingegno da chi ne ha acquistato i diritti" },
	{ "M", "lavoro autonomo occasionale" },
	{ "M1", "obblighi di fare, non fare o permettere" },
	{ "M2", "lavoro autonomo occasionale con iscrizione alla Gestione Separata ENPAPI" },
	{ "N", "compensi per attività sportive dilettantistiche" },
	{ "O", "lavoro autonomo occasionale senza obbligo di Gestione Separata" },
	{ "O1", "obblighi di fare, non fare o permettere senza obbligo di Gestione Separata" },
	{ "P", "non residenti: uso di attrezzature industriali, commerciali o scientifiche" },
	{ "Q", "provvigioni ad agente monomandatario" },
	{ "R", "provvigioni ad agente plurimandatario" },
	{ "S", "provvigioni a commissionario" },
	{ "T", "provvigioni a mediatore" },
	{ "U", "provvigioni per procacciamento di affari" },
	{ "V", "provvigioni per vendita a domicilio; attività commerciali occasionali" },
	{ "V1", "attività commerciali non esercitate abitualmente" },
	{ "W", "corrispettivi di contratti d'appalto (art. 25-ter DPR 600/73)" },
	{ "X", "canoni a società UE (art. 26-quater DPR 600/73), 2004" },
	{ "Y", "canoni a società UE (art. 26-quater DPR 600/73), 2005" },
	{ "Z", "titolo diverso dai precedenti (non più valido dal 2021)" },
	{ "ZO", "titolo diverso dai precedenti" },
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

const char *
fpa_natura_norm(const char *code)
{
	const struct natura *n = natura_find(code);

	return n ? n->norm : NULL;
}

const char *
fpa_cassa_type_name(const char *code)
{
	return code_name(cassa_types, ARRAY_LEN(cassa_types), code);
}

const char *
fpa_withholding_type_name(const char *code)
{
	return code_name(withholding_types, ARRAY_LEN(withholding_types), code);
}

const char *
fpa_causale_name(const char *code)
{
	return code_name(causali, ARRAY_LEN(causali), code);
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

