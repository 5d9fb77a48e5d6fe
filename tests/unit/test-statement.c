/* The bank-statement readers (src/bank) on samples this test writes: the
 * CSV layouts of several Italian banks (preambles, ; and , separators,
 * quotes, Dare/Avere columns, Latin-1), a user's column map, camt.053 of
 * versions .001.02 and .001.08; then every refusal with its message, and
 * that a refused file leaves nothing behind. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bank/match.h"
#include "bank/statement.h"
#include "bank/stmt-impl.h"
#include "tap.h"
#include "util/util.h"

static void
put(const char *name, const char *text)
{
	FILE *f = fopen(name, "wb");

	if (f == NULL) {
		perror(name);
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

/* Reads text saved as name; prints the refusal if any. */
static int
read_as(const char *name, const char *text, const struct stmt_opts *o, struct statement *st)
{
	char err[ERR_SIZE] = "";
	int rc;

	put(name, text);
	rc = statement_read(name, o, st, err);
	if (rc < 0)
		printf("# %s\n", err);
	return rc;
}

static void
refused_opts(const char *name, const char *text, const struct stmt_opts *o, const char *want)
{
	struct statement st;
	char err[ERR_SIZE] = "";
	int rc;

	put(name, text);
	rc = statement_read(name, o, &st, err);
	ok(rc == -1 && st.n == 0 && st.mv == NULL, "%s is refused whole", name);
	is_str(err, want, "%s: the message", name);
	statement_free(&st);
}

static void
refused(const char *name, const char *text, const char *want)
{
	refused_opts(name, text, NULL, want);
}

static void
is_mv(const struct statement *st, size_t i, const char *booking, const char *value,
      long long cents, const char *text, const char *party, const char *ref)
{
	const struct stmt_movement *m;

	if (i >= st->n) {
		ok(0, "movement %zu exists (%zu read)", i + 1, st->n);
		return;
	}
	m = &st->mv[i];
	is_str(m->booking, booking, "movement %zu: booking date", i + 1);
	is_str(m->value, value, "movement %zu: value date", i + 1);
	is_int(m->cents, cents, "movement %zu: amount", i + 1);
	is_str(m->text, text, "movement %zu: text", i + 1);
	is_str(m->party, party, "movement %zu: counterparty", i + 1);
	if (ref[0] == '*')
		ok(str_starts(m->ref, "hash:") && strlen(m->ref) == 21 + strlen(ref + 1) &&
			   strcmp(m->ref + 21, ref + 1) == 0,
		   "movement %zu: a hash reference%s (%s)", i + 1, ref + 1, m->ref);
	else
		is_str(m->ref, ref, "movement %zu: reference", i + 1);
}

/* Intesa Sanpaolo's "movimenti" export: a preamble, Accrediti/Addebiti,
 * a quoted long description with the separator in it. */
static const char intesa[] =
	"Intesa Sanpaolo;;;;;\r\n"
	"Conto corrente n. 1000/00012345 intestato a STUDIO BIANCHI;;;;;\r\n"
	"IBAN: IT60X0542811101000000123456;;;;;\r\n"
	"Periodo dal 01/03/2026 al 31/03/2026;;;;;\r\n"
	";;;;;\r\n"
	"Data contabile;Data valuta;Descrizione;Accrediti;Addebiti;Descrizione estesa\r\n"
	"03/03/2026;03/03/2026;BONIFICO A VOSTRO FAVORE;1.220,00;;\"BONIFICO DA ROSSI SRL; "
	"SALDO FATT. 12/2026\"\r\n"
	"05/03/2026;04/03/2026;PAGAMENTO POS;;45,90;POS 1234 ESSELUNGA MILANO\r\n"
	"10/03/2026;10/03/2026;COMMISSIONI;;2,50;COMMISSIONI\r\n"
	"10/03/2026;10/03/2026;COMMISSIONI;;2,50;COMMISSIONI\r\n"
	";;;;;\r\n"
	"Saldo contabile finale;;;11.171,60;;\r\n";

/* Intesa's newer export: "Operazione" is the text, "Valuta" the currency. */
static const char intesa_new[] =
	"Data;Operazione;Dettagli;Conto o carta;Contabilizzazione;Categoria;Valuta;Importo\n"
	"2026-03-02;Pagamento Adue;ENEL ENERGIA SPA addebito SDD;Conto 1000/00012345;"
	"Contabilizzato;Utenze;EUR;-123,45\n"
	"2026-03-04;Accredito beu con contabile;BONIFICO DA VERDI SNC;Conto 1000/00012345;"
	"Contabilizzato;Entrate;EUR;500\n";

/* UniCredit-like: dd.mm.yyyy, every field quoted, a signed amount. */
static const char unicredit[] =
	"\"Data Registrazione\";\"Data valuta\";\"Descrizione\";\"Importo (EUR)\"\n"
	"\"02.03.2026\";\"01.03.2026\";\"ADDEBITO SDD CORE  ENEL ENERGIA  Scad. 02/03/2026\";"
	"\"-123,45\"\n"
	"\"15.03.2026\";\"15.03.2026\";\"BONIFICO SEPA DA: \"\"VERDI SNC\"\" CAUSALE: ACCONTO\";"
	"\"+2.000,00\"\n";

/* A Dare/Avere bank, comma-separated, with a causale ABI column, a blank
 * line and the closing balance. */
static const char dare_avere[] =
	"\"Conto IT61X0542811101000000123456 (a digit wrong: no IBAN)\"\n"
	"\"DATA CONTABILE\",\"DATA VALUTA\",\"DARE\",\"AVERE\",\"DESCRIZIONE OPERAZIONE\","
	"\"CAUSALE ABI\"\n"
	"\"12/03/2026\",\"12/03/2026\",\"1.500,00\",\"\",\"PRELEVAMENTO SPORTELLO\",\"18\"\n"
	"\n"
	"\"13/03/2026\",\"14/03/2026\",\"\",\"730,50\",\"VERSAMENTO CONTANTI\",\"48\"\n"
	"\"14/03/26\",\"14/03/26\",\"0,00\",\"\",\"ESTRATTO CONTO\",\"66\"\n"
	"\"SALDO FINALE\",\"\",\"\",\"9.230,50\",\"\",\"\"\n";

/* Fineco-like, in Latin-1 (Windows-1252: the euro is 0x80), with a
 * preamble and Entrate/Uscite. */
static const char latin1[] =
	"Banca Esempio S.p.A. - Estratto conto\n"
	"Intestatario: Caff\xe8 Centrale di Lucia Moro\n"
	"Saldo al 31/03/2026: \x80 3.450,00\n"
	"\n"
	"Data Operazione;Data Valuta;Entrate;Uscite;Descrizione;Descrizione Completa\n"
	"01/03/2026;01/03/2026;;-80,00;Pagamento;Pagamento affitto locale perch\xe8 marzo\n"
	"02/03/2026;02/03/2026;250,00;;Bonifico;Bonifico da Societ\xe0 Alfa\n";

static void
test_csv_banks(void)
{
	struct statement st;

	if (read_as("intesa.csv", intesa, NULL, &st) == 0) {
		is_int(st.format, STMT_CSV, "intesa: CSV");
		is_int(st.n, 4, "intesa: four movements under its preamble");
		is_int(st.skipped, 1, "intesa: the closing balance line is skipped");
		is_mv(&st, 0, "2026-03-03", "2026-03-03", 122000,
		      "BONIFICO A VOSTRO FAVORE - BONIFICO DA ROSSI SRL; SALDO FATT. 12/2026", "",
		      "*");
		is_mv(&st, 1, "2026-03-05", "2026-03-04", -4590,
		      "PAGAMENTO POS - POS 1234 ESSELUNGA MILANO", "", "*");
		is_mv(&st, 2, "2026-03-10", "2026-03-10", -250, "COMMISSIONI", "", "*");
		is_mv(&st, 3, "2026-03-10", "2026-03-10", -250, "COMMISSIONI", "", "*#2");
		ok(st.n == 4 && strcmp(st.mv[2].ref, st.mv[1].ref) != 0 &&
			   strncmp(st.mv[2].ref, st.mv[3].ref, 21) == 0,
		   "intesa: two identical fees: one hash, the second marked #2");
		is_int(st.mv[0].line, 7, "intesa: a movement knows its line");
		is_str(st.iban, "IT60X0542811101000000123456", "intesa: the IBAN of its preamble");
		statement_free(&st);
	} else
		ok(0, "intesa.csv is read");

	if (read_as("intesa-new.csv", intesa_new, NULL, &st) == 0) {
		is_int(st.n, 2, "intesa new: two movements");
		is_mv(&st, 0, "2026-03-02", "2026-03-02", -12345,
		      "Pagamento Adue - ENEL ENERGIA SPA addebito SDD", "", "*");
		is_mv(&st, 1, "2026-03-04", "2026-03-04", 50000,
		      "Accredito beu con contabile - BONIFICO DA VERDI SNC", "", "*");
		statement_free(&st);
	} else
		ok(0, "intesa-new.csv is read");

	if (read_as("unicredit.csv", unicredit, NULL, &st) == 0) {
		is_int(st.n, 2, "unicredit: two movements");
		is_mv(&st, 0, "2026-03-02", "2026-03-01", -12345,
		      "ADDEBITO SDD CORE ENEL ENERGIA Scad. 02/03/2026", "", "*");
		is_mv(&st, 1, "2026-03-15", "2026-03-15", 200000,
		      "BONIFICO SEPA DA: \"VERDI SNC\" CAUSALE: ACCONTO", "", "*");
		statement_free(&st);
	} else
		ok(0, "unicredit.csv is read");

	if (read_as("dare-avere.csv", dare_avere, NULL, &st) == 0) {
		is_int(st.n, 2, "dare/avere: two movements");
		is_int(st.skipped, 2, "dare/avere: the 0,00 row and the balance are skipped");
		is_mv(&st, 0, "2026-03-12", "2026-03-12", -150000, "18 - PRELEVAMENTO SPORTELLO",
		      "", "*");
		is_mv(&st, 1, "2026-03-13", "2026-03-14", 73050, "48 - VERSAMENTO CONTANTI", "",
		      "*");
		is_int(st.n ? st.mv[1].line : 0, 5, "dare/avere: the line counts the blank one");
		is_str(st.iban, "", "dare/avere: an IBAN that does not check is not taken");
		statement_free(&st);
	} else
		ok(0, "dare-avere.csv is read");

	if (read_as("latin1.csv", latin1, NULL, &st) == 0) {
		is_int(st.n, 2, "latin-1: two movements");
		is_str(st.iban, "", "latin-1: no IBAN");
		is_mv(&st, 0, "2026-03-01", "2026-03-01", -8000,
		      "Pagamento - Pagamento affitto locale perch\xc3\xa8 marzo", "", "*");
		is_mv(&st, 1, "2026-03-02", "2026-03-02", 25000,
		      "Bonifico - Bonifico da Societ\xc3\xa0 Alfa", "", "*");
		statement_free(&st);
	} else
		ok(0, "latin1.csv is read");
}

static const char hdr_for_big[] = "Data contabile;Data valuta;Descrizione;Importo\n";

/* The same file read twice gives the same references; another export
 * with one more row keeps those of the rows it shares. */
static void
test_csv_stable_refs(void)
{
	struct statement a, b;
	char more[sizeof intesa + 200];

	snprintf(more, sizeof more, "%s", intesa);
	*strstr(more, "Saldo contabile") = '\0';
	strcat(more, "11/03/2026;11/03/2026;PAGAMENTO POS;;9,99;POS 99 BAR\r\n");
	if (read_as("twice.csv", intesa, NULL, &a) < 0 || read_as("more.csv", more, NULL, &b) < 0) {
		ok(0, "the two files are read");
		return;
	}
	ok(a.n == 4 && b.n == 5, "4 and 5 movements");
	for (size_t i = 0; i < 4 && i < b.n; i++)
		is_str(b.mv[i].ref, a.mv[i].ref, "movement %zu keeps its reference", i + 1);
	statement_free(&a);
	statement_free(&b);

	/* 60000 identical rows: each its own number, quickly. */
	{
		struct buf big = { 0 };
		struct statement st;

		struct timespec t0, t1;
		int rc;

		buf_adds(&big, hdr_for_big);
		for (int i = 0; i < 60000; i++)
			buf_adds(&big, "01/03/2026;01/03/2026;COMMISSIONI;-1,00\n");
		clock_gettime(CLOCK_MONOTONIC, &t0);
		rc = read_as("big.csv", big.data, NULL, &st);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		/* 0.2 s here; numbering by a scan of the earlier rows took 13 s. */
		ok(t1.tv_sec - t0.tv_sec < 4, "60000 rows read in under 4 s (%ld s)",
		   (long)(t1.tv_sec - t0.tv_sec));
		if (rc == 0) {
			is_int(st.n, 60000, "60000 identical rows are 60000 movements");
			ok(st.n == 60000 && str_starts(st.mv[59999].ref + 21, "#60000") &&
				   strcmp(st.mv[0].ref + 21, "") == 0,
			   "the first has the bare hash, the last is #60000 (%s)",
			   st.n ? st.mv[st.n - 1].ref : "");
			statement_free(&st);
		} else
			ok(0, "big.csv is read");
		buf_free(&big);
	}
}

static const char map_csv[] =
	"Banca di Credito Cooperativo Esempio\n"
	"IBAN IT60 X054 2811 1010 0000 0123 456 conto ordinario\n"
	"Dt. Oper.;Dt. Val.;Somma;Testo;Nominativo;Rif.\n"
	"05/03/2026;06/03/2026;-1.000,00;F24 IVA FEBBRAIO;AGENZIA ENTRATE;F24-0305-1\n"
	"06/03/2026;06/03/2026;88,00;INCASSO POS;;POS-0306-7\n";

static const char map_file[] =
	"# Banca di Credito Cooperativo Esempio: its own names\n"
	"separator ;\n"
	"booking   Dt. Oper.\n"
	"value     Dt. Val.\n"
	"amount    Somma\n"
	"text      Testo\n"
	"party     Nominativo\n"
	"ref       Rif.\n";

static void
test_colmap(void)
{
	struct stmt_opts o = { .colmap = "bcc.map" };
	struct statement st;

	refused("bcc.csv", map_csv,
		"bcc.csv: no header row naming a date and an amount column in the first 60 "
		"lines (a column map can name them: see scrivano-statement(5))");
	put("bcc.map", map_file);
	if (read_as("bcc.csv", map_csv, &o, &st) == 0) {
		is_int(st.n, 2, "colmap: two movements");
		is_str(st.iban, "IT60X0542811101000000123456", "colmap: the IBAN, written in groups");
		is_mv(&st, 0, "2026-03-05", "2026-03-06", -100000, "F24 IVA FEBBRAIO",
		      "AGENZIA ENTRATE", "ref:F24-0305-1");
		is_mv(&st, 1, "2026-03-06", "2026-03-06", 8800, "INCASSO POS", "", "ref:POS-0306-7");
		statement_free(&st);
	} else
		ok(0, "bcc.csv is read with its map");

	put("bad1.map", "booking Dt. Oper.\nimporto Somma\ncolour red\n");
	o.colmap = "bad1.map";
	refused_opts("bcc.csv", map_csv, &o,
		     "bcc.csv: bad1.map:3: unknown word 'colour' (booking, value, amount, debit, "
		     "credit, causale, text, party, ref, currency, separator, charset, skip)");
	put("bad2.map", "booking Dt. Oper.\ntext Testo\n");
	o.colmap = "bad2.map";
	refused_opts("bcc.csv", map_csv, &o,
		     "bcc.csv: bad2.map: the map needs a date column (booking or value) and an "
		     "amount (amount, or debit and credit)");
	put("bad3.map", "booking Dt. Oper.\namount Importo\n");
	o.colmap = "bad3.map";
	refused_opts("bcc.csv", map_csv, &o, "bcc.csv: no row holds every column the map "
					      "bad3.map names");
	put("bad4.map", "separator |\n");
	o.colmap = "bad4.map";
	refused_opts("bcc.csv", map_csv, &o,
		     "bcc.csv: bad4.map:1: the separator is ; , or tab, not '|'");
	put("bad5.map", "booking A\nbooking B\n");
	o.colmap = "bad5.map";
	refused_opts("bcc.csv", map_csv, &o,
		     "bcc.csv: bad5.map:2: a second booking column (the first is on line 1)");
}

/* A file with no header at all, and its map by column numbers. */
static const char nohdr_csv[] =
	"ESTRATTO CONTO;IT60X0542811101000000123456\n"
	";\n"
	"01/03/2026;02/03/2026;-50,00;RICARICA TELEFONICA;;\n"
	"03/03/2026;03/03/2026;1.000,00;BONIFICO;CLIENTE SPA;colonna in piu\n";

static const char nohdr_map[] =
	"separator ;\n"
	"skip 2\n"
	"booking #1\n"
	"value #2\n"
	"amount #3\n"
	"text #4\n"
	"party #5\n";

static void
test_colmap_positions(void)
{
	struct stmt_opts o = { .colmap = "pos.map" };
	struct statement st;
	char few[256];

	put("pos.map", nohdr_map);
	if (read_as("nohdr.csv", nohdr_csv, &o, &st) == 0) {
		is_int(st.n, 2, "by numbers: two movements");
		is_str(st.iban, "IT60X0542811101000000123456", "by numbers: the IBAN above the rows");
		is_mv(&st, 0, "2026-03-01", "2026-03-02", -5000, "RICARICA TELEFONICA", "", "*");
		is_mv(&st, 1, "2026-03-03", "2026-03-03", 100000, "BONIFICO", "CLIENTE SPA", "*");
		statement_free(&st);
	} else
		ok(0, "nohdr.csv is read with its map");
	snprintf(few, sizeof few, "%s04/03/2026;04/03/2026;-1,00\n", nohdr_csv);
	refused_opts("few.csv", few, &o, "few.csv:5: 3 fields where the map needs 5");
	/* A preamble longer than skip says: its third line is read as a row. */
	refused_opts("pre.csv", "BANCA;X\n;\nPeriodo;marzo 2026;;;\n01/03/2026;01/03/2026;-1,00;x;\n", &o,
		     "pre.csv:3: 'Periodo' in column '#1' is not a date (dd/mm/yyyy)");

	put("mixed.map", "separator ;\nbooking #1\namount Importo\n");
	o.colmap = "mixed.map";
	refused_opts("nohdr.csv", nohdr_csv, &o,
		     "nohdr.csv: mixed.map: a map names every column by its header or every one by "
		     "its number (#N), not both");
	put("nosep.map", "booking #1\namount #3\n");
	o.colmap = "nosep.map";
	refused_opts("nohdr.csv", nohdr_csv, &o,
		     "nohdr.csv: nosep.map: a map by column numbers needs its separator line");
	put("zero.map", "separator ;\nbooking #0\n");
	o.colmap = "zero.map";
	refused_opts("nohdr.csv", nohdr_csv, &o,
		     "nohdr.csv: zero.map:2: '#0' is not a column number from #1 to #64");
	put("twice.map", "separator ;\nbooking #1\nvalue #1\namount #3\n");
	o.colmap = "twice.map";
	refused_opts("nohdr.csv", nohdr_csv, &o,
		     "nohdr.csv: twice.map:3: column #1 is already given on line 2");
	put("skip.map", "separator ;\nskip many\n");
	o.colmap = "skip.map";
	refused_opts("nohdr.csv", nohdr_csv, &o,
		     "nohdr.csv: skip.map:2: skip needs a number of lines from 0 to 1000");
}

static const char hdr[] = "Data contabile;Data valuta;Descrizione;Importo\n";

static void
test_csv_refusals(void)
{
	char buf[1024];

#define ROWS(rows) (snprintf(buf, sizeof buf, "%s%s", hdr, rows), buf)
	refused("three.csv", ROWS("01/03/2026;01/03/2026;ok;10,00\n"
				  "02/03/2026;02/03/2026;tre decimali;1.234,567\n"),
		"three.csv:3: column 'Importo': '1.234,567' has more than two decimals");
	refused("dot3.csv", ROWS("02/03/2026;02/03/2026;ambiguo;12.345\n"),
		"dot3.csv:2: column 'Importo': '12.345' has three decimals (or no decimals "
		"after a thousands dot): write 1.234,00 or 1234.56");
	refused("notamt.csv", ROWS("02/03/2026;02/03/2026;x;12,3a\n"),
		"notamt.csv:2: column 'Importo': '12,3a' is not an amount");
	refused("date.csv", ROWS("31/02/2026;01/03/2026;x;1,00\n"),
		"date.csv:2: '31/02/2026' in column 'Data contabile' is not a date (dd/mm/yyyy)");
	refused("vdate.csv", ROWS("01/03/2026;2026/03/01;x;1,00\n"),
		"vdate.csv:2: '2026/03/01' in column 'Data valuta' is not a date (dd/mm/yyyy)");
	refused("nodate.csv", ROWS(";;x;1,00\n"), "nodate.csv:2: no date in column 'Data contabile'");
	refused("few.csv", ROWS("01/03/2026;01/03/2026;x;1,00\n01/03/2026;01/03/2026\n"),
		"few.csv:3: 2 fields where the header (line 1) has 4");
	refused("many.csv", ROWS("01/03/2026;01/03/2026;x;y;1,00\n"),
		"many.csv:2: 5 fields where the header (line 1) has 4: a separator inside a text "
		"not quoted?");
	refused("noamt.csv", ROWS("01/03/2026;01/03/2026;x;\n"),
		"noamt.csv:2: no amount in column 'Importo'");
	refused("quote.csv", ROWS("01/03/2026;01/03/2026;\"x;1,00\n"),
		"quote.csv:2: a quoted field is not closed");
	refused("after.csv", ROWS("01/03/2026;01/03/2026;\"x\"y;1,00\n"),
		"after.csv:2: text after a closing quote");
	refused("both.csv",
		"Data;Dare;Avere;Descrizione\n01/03/2026;10,00;5,00;giroconto\n",
		"both.csv:2: both 'Dare' and 'Avere' are filled");
	refused("neither.csv", "Data;Dare;Avere;Descrizione\n01/03/2026;;;vuoto\n",
		"neither.csv:2: no amount: neither 'Dare' nor 'Avere' is filled");
	/* Found by the fuzzer: only one of the two columns, and it is empty. */
	refused("avere.csv", "Data;Avere;Descrizione\n01/03/2026;1,00;x\n02/03/2026;;y\n",
		"avere.csv:3: no amount in column 'Avere'");
	refused("usd.csv", "Data;Importo;Divisa\n01/03/2026;10,00;USD\n",
		"usd.csv:2: the amount is in USD: only accounts in EUR are read");
	refused("header.csv", "Conto;Saldo\nIT60X;1.000,00\n",
		"header.csv: no header row naming a date and an amount column in the first 60 "
		"lines (a column map can name them: see scrivano-statement(5))");
	{
		struct statement st;
		char err[ERR_SIZE] = "";

		ok(statement_read_memory("Data;Importo\n\0x", 15, "nul.csv", NULL, &st, err) == -1 &&
			   st.n == 0,
		   "a file with NUL bytes is refused");
		is_str(err, "nul.csv: holds NUL bytes: not a CSV text file (UTF-16?)",
		       "nul.csv: the message");
	}
#undef ROWS
}

/* camt.053.001.02 as an Italian bank sends it: a credit with its debtor
 * and remittance, an SDD debit without AcctSvcrRef, a fee with only
 * AddtlNtryInf, a pending entry, the balances. */
static const char camt02[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\" "
	"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
	"  <BkToCstmrStmt>\n"
	"    <GrpHdr><MsgId>STMT-20260401-0001</MsgId><CreDtTm>2026-04-01T06:00:00</CreDtTm>"
	"</GrpHdr>\n"
	"    <Stmt>\n"
	"      <Id>0001-2026-03</Id><ElctrncSeqNb>3</ElctrncSeqNb>\n"
	"      <CreDtTm>2026-04-01T06:00:00</CreDtTm>\n"
	"      <Acct><Id><IBAN>IT60X0542811101000000123456</IBAN></Id><Ccy>EUR</Ccy>\n"
	"        <Svcr><FinInstnId><BIC>BCITITMM</BIC></FinInstnId></Svcr></Acct>\n"
	"      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">10000.00</Amt>"
	"<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>\n"
	"      <Ntry>\n"
	"        <Amt Ccy=\"EUR\">1220.00</Amt>\n"
	"        <CdtDbtInd>CRDT</CdtDbtInd>\n"
	"        <Sts>BOOK</Sts>\n"
	"        <BookgDt><Dt>2026-03-03</Dt></BookgDt>\n"
	"        <ValDt><Dt>2026-03-03</Dt></ValDt>\n"
	"        <AcctSvcrRef>2026030300012345</AcctSvcrRef>\n"
	"        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly>"
	"</Domn></BkTxCd>\n"
	"        <NtryDtls><TxDtls>\n"
	"          <Refs><EndToEndId>FATT-12-2026</EndToEndId></Refs>\n"
	"          <RltdPties><Dbtr><Nm>Rossi S.r.l.</Nm></Dbtr>\n"
	"            <DbtrAcct><Id><IBAN>IT02A0301503200000003517230</IBAN></Id></DbtrAcct>"
	"</RltdPties>\n"
	"          <RmtInf><Ustrd>Saldo fattura 12/2026</Ustrd><Ustrd>del 28/02/2026</Ustrd>"
	"</RmtInf>\n"
	"        </TxDtls></NtryDtls>\n"
	"      </Ntry>\n"
	"      <Ntry>\n"
	"        <Amt Ccy=\"EUR\">123.45</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>\n"
	"        <BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-01</Dt></ValDt>\n"
	"        <NtryDtls><TxDtls><Refs><EndToEndId>ENEL-2026-02-998877</EndToEndId>"
	"<MndtId>IT99ZZZ0000000000123</MndtId></Refs>\n"
	"          <RltdPties><Cdtr><Nm>ENEL ENERGIA S.P.A.</Nm></Cdtr></RltdPties>\n"
	"          <RmtInf><Ustrd>Bolletta febbraio 2026</Ustrd></RmtInf></TxDtls></NtryDtls>\n"
	"      </Ntry>\n"
	"      <Ntry>\n"
	"        <Amt Ccy=\"EUR\">2.5</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>\n"
	"        <BookgDt><Dt>2026-03-03</Dt></BookgDt><ValDt><Dt>2026-03-03</Dt></ValDt>\n"
	"        <AddtlNtryInf>Commissioni   bonifico\n in entrata</AddtlNtryInf>\n"
	"      </Ntry>\n"
	"      <Ntry>\n"
	"        <Amt Ccy=\"EUR\">99.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts>\n"
	"        <BookgDt><Dt>2026-03-31</Dt></BookgDt>\n"
	"      </Ntry>\n"
	"    </Stmt>\n"
	"  </BkToCstmrStmt>\n"
	"</Document>\n";

/* camt.053.001.08: Sts/Cd, Dbtr/Pty/Nm, dates as DtTm, a prefix. */
static const char camt08[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<c:Document xmlns:c=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n"
	"<c:BkToCstmrStmt>\n"
	"<c:GrpHdr><c:MsgId>MSG-8</c:MsgId><c:CreDtTm>2026-04-01T06:00:00+02:00</c:CreDtTm>"
	"</c:GrpHdr>\n"
	"<c:Stmt><c:Id>S8</c:Id>\n"
	"<c:Acct><c:Id><c:IBAN>IT60X0542811101000000123456</c:IBAN></c:Id></c:Acct>\n"
	"<c:Ntry><c:NtryRef>N-1</c:NtryRef><c:Amt Ccy=\"EUR\">350</c:Amt>"
	"<c:CdtDbtInd>CRDT</c:CdtDbtInd>\n"
	"<c:Sts><c:Cd>BOOK</c:Cd></c:Sts>\n"
	"<c:BookgDt><c:DtTm>2026-03-20T09:15:00+01:00</c:DtTm></c:BookgDt>\n"
	"<c:ValDt><c:Dt>2026-03-21</c:Dt></c:ValDt>\n"
	"<c:AcctSvcrRef>BK-8-0001</c:AcctSvcrRef>\n"
	"<c:NtryDtls><c:TxDtls><c:RltdPties><c:Dbtr><c:Pty><c:Nm>Verdi &amp; Figli snc</c:Nm>"
	"</c:Pty></c:Dbtr></c:RltdPties>\n"
	"<c:RmtInf><c:Ustrd>Acconto ordine 7</c:Ustrd></c:RmtInf></c:TxDtls></c:NtryDtls>\n"
	"</c:Ntry>\n"
	"<c:Ntry><c:NtryRef>N-2</c:NtryRef><c:Amt Ccy=\"EUR\">1000.00</c:Amt>"
	"<c:CdtDbtInd>DBIT</c:CdtDbtInd>\n"
	"<c:Sts><c:Cd>BOOK</c:Cd></c:Sts><c:BookgDt><c:Dt>2026-03-16</c:Dt></c:BookgDt>\n"
	"<c:NtryDtls><c:TxDtls><c:Refs><c:EndToEndId>NOTPROVIDED</c:EndToEndId></c:Refs>"
	"<c:RltdPties><c:Cdtr><c:Pty><c:Nm>Agenzia delle Entrate</c:Nm></c:Pty></c:Cdtr>"
	"</c:RltdPties><c:AddtlTxInf>F24 delega 0316</c:AddtlTxInf></c:TxDtls></c:NtryDtls>\n"
	"</c:Ntry>\n"
	"</c:Stmt></c:BkToCstmrStmt></c:Document>\n";

static void
test_camt(void)
{
	struct statement st;

	if (read_as("camt02.xml", camt02, NULL, &st) == 0) {
		is_int(st.format, STMT_CAMT053, "camt02: camt.053");
		is_int(st.camt_version, 2, "camt02: version .001.02");
		is_str(st.iban, "IT60X0542811101000000123456", "camt02: the account's IBAN");
		is_int(st.n, 3, "camt02: three booked entries");
		is_int(st.skipped, 1, "camt02: the pending one is skipped");
		is_mv(&st, 0, "2026-03-03", "2026-03-03", 122000,
		      "Saldo fattura 12/2026 del 28/02/2026", "Rossi S.r.l.",
		      "AcctSvcrRef:2026030300012345");
		is_mv(&st, 1, "2026-03-02", "2026-03-01", -12345, "Bolletta febbraio 2026",
		      "ENEL ENERGIA S.P.A.", "EndToEndId:ENEL-2026-02-998877@2026-03-02");
		is_mv(&st, 2, "2026-03-03", "2026-03-03", -250, "Commissioni bonifico in entrata", "",
		      "*");
		is_int(st.n ? st.mv[0].line : 0, 11, "camt02: an entry knows its line");
		statement_free(&st);
	} else
		ok(0, "camt02.xml is read");

	if (read_as("camt08.xml", camt08, NULL, &st) == 0) {
		is_int(st.camt_version, 8, "camt08: version .001.08");
		is_str(st.iban, "IT60X0542811101000000123456", "camt08: the account's IBAN");
		is_int(st.n, 2, "camt08: two entries");
		is_mv(&st, 0, "2026-03-20", "2026-03-21", 35000, "Acconto ordine 7",
		      "Verdi & Figli snc", "AcctSvcrRef:BK-8-0001");
		is_mv(&st, 1, "2026-03-16", "2026-03-16", -100000, "F24 delega 0316",
		      "Agenzia delle Entrate", "NtryRef:N-2@2026-03-16");
		statement_free(&st);
	} else
		ok(0, "camt08.xml is read");
}

/* in with its first from replaced by to, new. */
static char *
replace(const char *in, const char *from, const char *to)
{
	const char *at = strstr(in, from);

	if (at == NULL) {
		printf("# no '%s' in the sample\n", from);
		return xstrdup("");
	}
	return xasprintf("%.*s%s%s", (int)(at - in), in, to, at + strlen(from));
}

/* camt02 with one piece replaced. */
static char *
camt_with(const char *from, const char *to)
{
	return replace(camt02, from, to);
}

static void
refused_camt(const char *name, const char *from, const char *to, const char *want)
{
	char *x = camt_with(from, to);

	refused(name, x, want);
	free(x);
}

static void
test_camt_refusals(void)
{
	refused_camt("badxml.xml", "</Ntry>\n      <Ntry>", "</Ntr>\n      <Ntry>",
		     "badxml.xml:25: not well-formed XML: Opening and ending tag mismatch: Ntry "
		     "line 11 and Ntr");
	refused_camt("noind.xml", "<CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>\n"
				  "        <BookgDt><Dt>2026-03-02",
		     "<Sts>BOOK</Sts>\n        <BookgDt><Dt>2026-03-02",
		     "noind.xml:26: <CdtDbtInd> is missing in <Ntry>");
	refused_camt("noamt.xml", "<Amt Ccy=\"EUR\">2.5</Amt>", "",
		     "noamt.xml:33: <Amt> is missing in <Ntry>");
	refused_camt("three.xml", "123.45", "123.456",
		     "three.xml:27: <Amt>: '123.456' has more than two decimals");
	refused_camt("neg.xml", "123.45", "-123.45", "neg.xml:27: <Amt>: '-123.45' is not an amount");
	refused_camt("zero.xml", "123.45", "0.00", "zero.xml:27: <Amt> is zero");
	refused_camt("usd.xml", "<Amt Ccy=\"EUR\">2.5", "<Amt Ccy=\"USD\">2.5",
		     "usd.xml:34: <Amt> is in USD: only accounts in EUR are read");
	refused_camt("noccy.xml", "<Amt Ccy=\"EUR\">2.5", "<Amt>2.5",
		     "noccy.xml:34: <Amt> has no Ccy attribute");
	refused_camt("acctusd.xml", "<Ccy>EUR</Ccy>", "<Ccy>CHF</Ccy>",
		     "acctusd.xml:8: the account is in CHF: only accounts in EUR are read");
	refused_camt("date.xml", "<BookgDt><Dt>2026-03-02", "<BookgDt><Dt>2026-02-30",
		     "date.xml:28: <BookgDt/Dt> '2026-02-30' is not a date like 2026-03-14");
	refused_camt("itdate.xml", "<ValDt><Dt>2026-03-01", "<ValDt><Dt>01/03/2026",
		     "itdate.xml:28: <ValDt/Dt> '01/03/2026' is not a date like 2026-03-14");
	refused_camt("nobook.xml", "<BookgDt><Dt>2026-03-02</Dt></BookgDt>", "",
		     "nobook.xml:26: <BookgDt> is missing in <Ntry>");
	refused_camt("nodt.xml", "<BookgDt><Dt>2026-03-02</Dt></BookgDt>", "<BookgDt></BookgDt>",
		     "nodt.xml:28: <BookgDt> has neither <Dt> nor <DtTm>");
	refused_camt("ind.xml", "<CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>\n"
				"        <BookgDt><Dt>2026-03-02",
		     "<CdtDbtInd>DEBIT</CdtDbtInd><Sts>BOOK</Sts>\n        <BookgDt><Dt>2026-03-02",
		     "ind.xml:27: <CdtDbtInd> is 'DEBIT', not CRDT or DBIT");
	refused_camt("sts.xml", "<Sts>PDNG</Sts>", "<Sts>BOKD</Sts>",
		     "sts.xml:40: <Sts> is 'BOKD', not BOOK, PDNG or INFO");
	refused_camt("nosts.xml", "<Sts>PDNG</Sts>", "",
		     "nosts.xml:39: <Sts> is missing in <Ntry>");
	refused_camt("camt052.xml", "camt.053.001.02", "camt.052.001.02",
		     "camt052.xml:2: the namespace 'urn:iso:std:iso:20022:tech:xsd:camt.052.001.02' is "
		     "not that of a camt.053 statement, versions .001.02 to .001.08");
	refused_camt("v09.xml", "camt.053.001.02", "camt.053.001.09",
		     "v09.xml:2: the namespace 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.09' is "
		     "not that of a camt.053 statement, versions .001.02 to .001.08");
	refused_camt("nostmt.xml", "<Stmt>", "<Stmx>",
		     "nostmt.xml:43: not well-formed XML: Opening and ending tag mismatch: Stmx line 5 "
		     "and Stmt");
	refused("nostmt2.xml",
		"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\">\n"
		"<BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>\n",
		"nostmt2.xml:2: <Stmt> is missing in <BkToCstmrStmt>");
	refused_camt("twoaccts.xml", "    </Stmt>\n",
		     "    </Stmt>\n<Stmt><Acct><Id><IBAN>IT02A0301503200000003517230</IBAN></Id>"
		     "</Acct></Stmt>\n",
		     "twoaccts.xml:44: statements of two accounts in one file "
		     "(IT60X0542811101000000123456 and IT02A0301503200000003517230)");
	refused_camt("doctype.xml", "<Document", "<!DOCTYPE x [<!ENTITY a \"b\">]><Document",
		     "doctype.xml: has a DOCTYPE or an entity declaration, which camt.053 files never "
		     "have: refused");
	refused("root.xml", "<FatturaElettronica/>",
		"root.xml:1: the root element is <FatturaElettronica>, not <Document>");
}

/* References that are not the bank's own are told apart by their date;
 * one written twice in a file numbers the second; control characters
 * (C0, and C1 such as U+009B, a CSI to a UTF-8 terminal) never get into a
 * text. */
static void
test_refs_and_controls(void)
{
	struct statement st;
	char *x, *y;

	y = camt_with("<EndToEndId>FATT-12-2026</EndToEndId>",
		      "<EndToEndId>ENEL-2026-02-998877</EndToEndId>");
	x = replace(y, "<AcctSvcrRef>2026030300012345</AcctSvcrRef>", "");
	free(y);
	if (read_as("e2e.xml", x, NULL, &st) == 0) {
		ok(st.n == 3 && strcmp(st.mv[0].ref, "EndToEndId:ENEL-2026-02-998877@2026-03-03") == 0 &&
			   strcmp(st.mv[1].ref, "EndToEndId:ENEL-2026-02-998877@2026-03-02") == 0,
		   "one EndToEndId on two days: two references (%s, %s)", st.n ? st.mv[0].ref : "",
		   st.n > 1 ? st.mv[1].ref : "");
		statement_free(&st);
	} else
		ok(0, "e2e.xml is read");
	free(x);

	x = camt_with("<AddtlNtryInf>", "<AcctSvcrRef>2026030300012345</AcctSvcrRef><AddtlNtryInf>");
	if (read_as("dupref.xml", x, NULL, &st) == 0) {
		is_str(st.n > 2 ? st.mv[2].ref : "", "AcctSvcrRef:2026030300012345#2",
		       "one AcctSvcrRef twice in a file: the second is #2");
		statement_free(&st);
	} else
		ok(0, "dupref.xml is read");
	free(x);

	x = camt_with("Saldo fattura 12/2026", "Saldo &#x9B;31m fattura 12/2026&#x85;");
	if (read_as("c1.xml", x, NULL, &st) == 0) {
		is_str(st.n ? st.mv[0].text : "", "Saldo 31m fattura 12/2026 del 28/02/2026",
		       "camt: C0 and C1 controls in a text become spaces");
		statement_free(&st);
	} else
		ok(0, "c1.xml is read");
	free(x);

	/* Latin-1 bytes 0x80-0x9f that Windows-1252 leaves undefined (0x81,
	 * 0x8d) make the file Latin-1, where they are C1 controls. */
	if (read_as("c1.csv", "Data;Importo;Descrizione;Riferimento\n"
			      "01/03/2026;1,00;caff\xe8\x81\x9b" "2J;R\x8d" "1\n", NULL, &st) == 0) {
		is_str(st.n ? st.mv[0].text : "", "caff\xc3\xa8 2J", "csv: C1 controls become spaces");
		is_str(st.n ? st.mv[0].ref : "", "ref:R 1", "csv: and in a reference too");
		statement_free(&st);
	} else
		ok(0, "c1.csv is read");
}

static void
test_parsers(void)
{
	static const struct {
		const char *in;
		int mode;
		long long cents; /* LLONG_MIN: refused */
	} amounts[] = {
		{ "1.234,56", STMT_AMT_CSV, 123456 },  { "-1.234,56", STMT_AMT_CSV, -123456 },
		{ "1234,5", STMT_AMT_CSV, 123450 },    { "1234.56", STMT_AMT_CSV, 123456 },
		{ "12,30-", STMT_AMT_CSV, -1230 },     { "\xe2\x82\xac 7,00", STMT_AMT_CSV, 700 },
		{ "7,00 EUR", STMT_AMT_CSV, 700 },     { "+0,01", STMT_AMT_CSV, 1 },
		{ "1.234.567", STMT_AMT_CSV, 123456700 }, { "500", STMT_AMT_CSV, 50000 },
		{ "12.34.56", STMT_AMT_CSV, LLONG_MIN }, { "1,234.56", STMT_AMT_CSV, LLONG_MIN },
		{ "12,", STMT_AMT_CSV, LLONG_MIN },    { "-", STMT_AMT_CSV, LLONG_MIN },
		{ "1 234,00", STMT_AMT_CSV, LLONG_MIN }, { "10.00", STMT_AMT_PLAIN, 1000 },
		{ "1.234,00", STMT_AMT_PLAIN, LLONG_MIN }, { "99999999999999999", STMT_AMT_CSV, LLONG_MIN },
	};
	static const struct {
		const char *in, *iso;
	} dates[] = {
		{ "01/03/2026", "2026-03-01" }, { "1/3/2026", "2026-03-01" },
		{ "29/02/2024", "2024-02-29" }, { "29/02/2026", NULL },
		{ "01.03.26", "2026-03-01" },   { "2026-12-31", "2026-12-31" },
		{ "2026-13-01", NULL },         { "01/03/2026 10:00", NULL },
		{ "01-03/2026", NULL },         { "", NULL },
	};
	char why[ERR_SIZE], iso[STMT_DATE_SIZE];

	for (size_t i = 0; i < ARRAY_LEN(amounts); i++) {
		int64_t v = 0;
		int rc = stmt_amount(amounts[i].in, amounts[i].mode, &v, why);

		if (amounts[i].cents == LLONG_MIN)
			ok(rc < 0, "amount '%s' is refused", amounts[i].in);
		else
			ok(rc == 0 && v == amounts[i].cents, "amount '%s' is %lld (%lld)",
			   amounts[i].in, amounts[i].cents, (long long)v);
	}
	for (size_t i = 0; i < ARRAY_LEN(dates); i++) {
		int rc = stmt_date(dates[i].in, iso);

		if (dates[i].iso == NULL)
			ok(rc < 0, "date '%s' is refused", dates[i].in);
		else
			ok(rc == 0 && strcmp(iso, dates[i].iso) == 0, "date '%s' is %s", dates[i].in,
			   dates[i].iso);
	}
}

/* A book of one account, for the matching step. */
struct fake_entry {
	int64_t id, cents;
	char date[STMT_DATE_SIZE];
	int reconciled, added;
	char ref[STMT_REF_SIZE];
};
struct fake_book {
	struct fake_entry e[32];
	size_t n;
	long fail_at; /* the add of the movement of this line fails */
};

static long
day_number(const char *iso)
{
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);

	y -= m <= 2;
	return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d;
}

static int
fake_seen(void *ctx, const char *ref, int *seen, char *err)
{
	struct fake_book *b = ctx;

	(void)err;
	*seen = 0;
	for (size_t i = 0; i < b->n; i++)
		*seen |= strcmp(b->e[i].ref, ref) == 0;
	return 0;
}

static int
fake_find(void *ctx, int64_t cents, const char *date, int days, int64_t *id, char *err)
{
	struct fake_book *b = ctx;
	long best = days + 1;

	(void)err;
	*id = 0;
	for (size_t i = 0; i < b->n; i++) {
		long d = labs(day_number(b->e[i].date) - day_number(date));

		if (!b->e[i].reconciled && b->e[i].cents == cents && d < best) {
			best = d;
			*id = b->e[i].id;
		}
	}
	return 0;
}

static int
fake_reconcile(void *ctx, int64_t id, const char *ref, char *err)
{
	struct fake_book *b = ctx;

	(void)err;
	b->e[id - 1].reconciled = 1;
	str_copy(b->e[id - 1].ref, ref, STMT_REF_SIZE);
	return 0;
}

static int
fake_add(void *ctx, const struct stmt_movement *m, char *err)
{
	struct fake_book *b = ctx;
	struct fake_entry *e = &b->e[b->n];

	if (m->line == b->fail_at || b->n == ARRAY_LEN(b->e))
		return err_set(err, "the period up to 31/03/2026 is locked");
	e->id = (int64_t)++b->n;
	e->cents = m->cents;
	memcpy(e->date, m->booking, sizeof e->date);
	e->reconciled = e->added = 1;
	str_copy(e->ref, m->ref, sizeof e->ref);
	return 0;
}

static const struct stmt_book_ops fake_ops = { fake_seen, fake_find, fake_reconcile, fake_add };

static void
fake_entry(struct fake_book *b, int64_t cents, const char *date, int reconciled)
{
	struct fake_entry *e = &b->e[b->n];

	memset(e, 0, sizeof *e);
	e->id = (int64_t)++b->n;
	e->cents = cents;
	str_copy(e->date, date, sizeof e->date);
	e->reconciled = reconciled;
}

static void
test_match(void)
{
	struct fake_book b = { .n = 0 };
	struct statement st, cs;
	struct stmt_counts n;
	char err[ERR_SIZE], text[128];

	/* The Enel bill typed on 1 March (the bank booked it on the 2nd),
	 * Rossi's payment typed on 25 February (6 days before: no match),
	 * a fee already reconciled by hand. */
	fake_entry(&b, -12345, "2026-03-01", 0);
	fake_entry(&b, 122000, "2026-02-25", 0);
	fake_entry(&b, -250, "2026-03-03", 1);
	if (read_as("match.xml", camt02, NULL, &st) < 0 || read_as("match.csv", intesa, NULL, &cs) < 0) {
		ok(0, "the samples are read");
		return;
	}
	ok(statement_match(&st, &fake_ops, &b, &n, err) == 0, "camt02 goes in");
	stmt_counts_text(&n, text, sizeof text);
	is_str(text, "1 matched, 2 new, 0 already in", "camt02: the report");
	ok(b.e[0].reconciled && strcmp(b.e[0].ref, "EndToEndId:ENEL-2026-02-998877@2026-03-02") == 0,
	   "the Enel bill is reconciled and keeps the bank's reference");
	ok(!b.e[1].reconciled, "the entry six days away is left alone");
	is_int(b.n, 5, "two entries added");
	ok(statement_match(&st, &fake_ops, &b, &n, err) == 0, "camt02 again");
	stmt_counts_text(&n, text, sizeof text);
	is_str(text, "0 matched, 0 new, 3 already in", "camt02 again: nothing added");
	is_int(b.n, 5, "no entry added the second time");

	/* Intesa's two identical fees: the first, added, does not take the
	 * second's place. */
	ok(statement_match(&cs, &fake_ops, &b, &n, err) == 0, "intesa goes in");
	stmt_counts_text(&n, text, sizeof text);
	is_str(text, "0 matched, 4 new, 0 already in", "intesa: two identical fees, two entries");
	ok(statement_match(&cs, &fake_ops, &b, &n, err) == 0, "intesa again");
	stmt_counts_text(&n, text, sizeof text);
	is_str(text, "0 matched, 0 new, 4 already in", "intesa again: nothing added");

	/* The book refuses one: the step stops there and names the movement. */
	b.n = 0;
	b.fail_at = 26;
	ok(statement_match(&st, &fake_ops, &b, &n, err) < 0, "a refusal of the book stops it");
	is_str(err, "line 26 (2026-03-02, camt.053): the period up to 31/03/2026 is locked",
	       "the refusal names the movement's line");
	statement_free(&st);
	statement_free(&cs);
}

int
main(void)
{
	char dir[] = "/tmp/test-statement.XXXXXX";

	if (mkdtemp(dir) == NULL || chdir(dir) < 0) {
		perror(dir);
		return 1;
	}
	test_parsers();
	test_csv_banks();
	test_csv_stable_refs();
	test_colmap();
	test_colmap_positions();
	test_csv_refusals();
	test_camt();
	test_camt_refusals();
	test_refs_and_controls();
	test_match();
	{
		char cmd[64];

		snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
		if (chdir("/") < 0 || system(cmd) != 0)
			printf("# could not remove %s\n", dir);
	}
	return tap_done();
}
