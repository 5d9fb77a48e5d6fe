/* The reader on the seven official samples ($SCRIVANO_FATTURAPA/samples):
 * each parses, checks, and re-exported from the model validates against
 * the official schema with the same totals. Then the real world (white
 * space, no DatiPagamento, Arrotondamento), hostile files, and broken
 * files that must get their SdI code. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "fisc/fatturapa.h"
#include "tap.h"
#include "util/util.h"

static const char *dir;
static struct fpa_schema *schema;

struct sample {
	const char *name;
	size_t bodies;
	int64_t total;   /* ImportoTotaleDocumento or taxable + tax of body 1 */
	const char *findings; /* every code the checker reports, space-separated */
	int64_t payable;      /* of the last body */
};

/* Every sample has the placeholder partita IVA 01234567890 and codice
 * fiscale 09876543210, whose check digits are wrong (W001, W003). FPR03's
 * first body declares ImponibileImporto 27.00 for lines that sum to 25.00:
 * more than the euro the SdI tolerates, so 00422, and nothing else. */
static const struct sample samples[] = {
	{ "IT01234567890_FPA01.xml", 1, 610, "W001 W003", 610 },
	{ "IT01234567890_FPA02.xml", 1, 3050, "W001 W003", 3050 },
	{ "IT01234567890_FPA03.xml", 2, 3050, "W001 W003", 244000 },
	{ "IT01234567890_FPR01.xml", 1, 610, "W001 W003", 610 },
	{ "IT01234567890_FPR02.xml", 1, 3050, "W001 W003", 3050 },
	{ "IT01234567890_FPR03.xml", 2, 3295, "W001 W003 00422", 244000 },
	{ "IT01234567890_FPR04.xml", 1, 610, "W001 W003", 610 },
};
#define FPR03_00422 "ImponibileImporto 27.00 is not the sum of its lines 25.00 plus " \
	"Arrotondamento 0.00 (body 1, summary 1)"

static char *
slurp(const char *name, size_t *len)
{
	char path[PATH_MAX], err[ERR_SIZE], *data = NULL;

	snprintf(path, sizeof path, "%s/samples/%s", dir, name);
	if (file_read_all(path, FPA_MAX_FILE, &data, len, err) < 0)
		printf("# %s\n", err);
	return data;
}

static void
codes_of(const struct fpa_report *r, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < r->n; i++) {
		if (buf[0])
			strncat(buf, " ", size - strlen(buf) - 1);
		strncat(buf, r->f[i].code, size - strlen(buf) - 1);
	}
}

static int64_t
payments_sum(const struct fpa_body *b)
{
	int64_t s = 0;

	for (size_t i = 0; i < b->npay; i++)
		s += b->pay[i].amount;
	return s;
}

static void
same_totals(const struct fpa_invoice *a, const struct fpa_invoice *b, const char *name)
{
	int same = a->nbodies == b->nbodies;

	for (size_t i = 0; same && i < a->nbodies; i++) {
		const struct fpa_body *x = &a->bodies[i], *y = &b->bodies[i];

		same = x->tot.taxable == y->tot.taxable && x->tot.tax == y->tot.tax &&
		       x->tot.total == y->tot.total && x->tot.payable == y->tot.payable &&
		       payments_sum(x) == payments_sum(y) && x->nlines == y->nlines &&
		       strcmp(x->number, y->number) == 0 && strcmp(x->date, y->date) == 0;
		for (size_t j = 0; same && j < x->nlines; j++)
			same = dec_cmp(x->lines[j].total, y->lines[j].total) == 0 &&
			       dec_cmp(x->lines[j].price, y->lines[j].price) == 0;
	}
	ok(same, "%s: the re-exported file keeps its totals", name);
}

static void
run_sample(const struct sample *s)
{
	struct fpa_invoice *inv = NULL, *back = NULL;
	struct fpa_report r = { 0 };
	char err[ERR_SIZE] = "", codes[128], *data, *xml = NULL;
	size_t len = 0, xlen = 0;

	data = slurp(s->name, &len);
	ok(data && fpa_read_memory(data, len, s->name, &inv, &r, err) == 0, "%s parses %s", s->name, err);
	free(data);
	if (inv == NULL)
		return;
	is_int(inv->nbodies, s->bodies, "%s: bodies", s->name);
	is_int(inv->bodies[0].tot.total, s->total, "%s: total of body 1", s->name);
	fpa_check(inv, &r);
	codes_of(&r, codes, sizeof codes);
	is_str(codes, s->findings, "%s: checker finds [%s]", s->name, s->findings);
	is_int(inv->bodies[inv->nbodies - 1].tot.payable, s->payable, "%s: payable of the last body",
	       s->name);
	if (strcmp(s->name, "IT01234567890_FPR03.xml") == 0) {
		is_str(r.n == 3 ? r.f[2].msg : "", FPR03_00422, "FPR03: the 00422 is body 1's");
		is_int(inv->bodies[0].tot.payable, 3295, "FPR03: body 1 payable as its DatiPagamento");
	}
	fpa_report_print(&r, "#", stdout);
	ok(fpa_to_xml(inv, &xml, &xlen, err) == 0, "%s: re-exported %s", s->name, err);
	ok(fpa_schema_validate(schema, xml, xlen, err) == 0, "%s: re-export valid against the schema %s",
	   s->name, err);
	ok(fpa_read_memory(xml, xlen, "re-export", &back, NULL, err) == 0, "%s: re-export reads %s",
	   s->name, err);
	if (back)
		same_totals(inv, back, s->name);
	fpa_invoice_free(back);
	fpa_invoice_free(inv);
	fpa_report_free(&r);
	free(xml);
}

/* Replaces the first occurrence of from by to, in a new string. */
static char *
edit(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);
	struct buf b = { 0 };

	if (p == NULL) {
		printf("# edit: '%s' not found\n", from);
		return xstrdup(s);
	}
	buf_add(&b, s, (size_t)(p - s));
	buf_adds(&b, to);
	buf_adds(&b, p + strlen(from));
	return b.data;
}

/* Cuts from the first `from` to the end of the first `to` after it. */
static char *
cut(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from), *q = p ? strstr(p, to) : NULL;
	struct buf b = { 0 };

	if (q == NULL)
		return xstrdup(s);
	buf_add(&b, s, (size_t)(p - s));
	buf_adds(&b, q + strlen(to));
	return b.data;
}

static void
test_tolerant(void)
{
	struct fpa_invoice *inv = NULL;
	struct fpa_report r = { 0 };
	char err[ERR_SIZE] = "", *base, *a, *b, *c;
	size_t len;

	base = slurp("IT01234567890_FPR01.xml", &len);
	a = edit(base, "<Data>2014-12-18</Data>", "<Data>\n   2014-12-18  \n</Data>");
	b = edit(a, "<PrezzoTotale>5.00</PrezzoTotale>", "<PrezzoTotale> 5.00\t</PrezzoTotale>");
	free(a);
	a = cut(b, "<DatiPagamento>", "</DatiPagamento>");
	free(b);
	b = edit(a, "<ImponibileImporto>5.00</ImponibileImporto>",
		 "<Arrotondamento>0.01</Arrotondamento><ImponibileImporto>5.01</ImponibileImporto>");
	free(a);
	c = edit(b, "<Imposta>1.10</Imposta>", "<Imposta>1.10</Imposta>");
	free(b);
	ok(fpa_read_memory(c, strlen(c), "tolerant.xml", &inv, &r, err) == 0,
	   "white space around values, no DatiPagamento, Arrotondamento: read %s", err);
	if (inv) {
		is_str(inv->bodies[0].date, "2014-12-18", "the date is trimmed");
		is_int(inv->bodies[0].npay, 0, "no payments");
		is_int(inv->bodies[0].vat[0].rounding, 1, "Arrotondamento 0.01");
		is_int(fpa_check(inv, &r), 0, "and it checks clean");
		fpa_report_print(&r, "#", stdout);
	}
	fpa_invoice_free(inv);
	fpa_report_free(&r);
	free(c);

	a = edit(base, "<Data>2014-12-18</Data>", "<Data>2014-12-18T10:00:00</Data>");
	ok(fpa_read_memory(a, strlen(a), "datetime.xml", &inv, &r, err) == 0 && r.warnings == 1 &&
	   strcmp(inv->bodies[0].date, "2014-12-18") == 0, "a date with a time is read, with a warning");
	fpa_invoice_free(inv);
	fpa_report_free(&r);
	free(a);
	free(base);
}

struct bad {
	const char *what;
	const char *from, *to;
	const char *want;   /* in the message */
};

static const struct bad bad_files[] = {
	{ "a comma in a number", "<PrezzoTotale>5.00</PrezzoTotale>",
	  "<PrezzoTotale>5,00</PrezzoTotale>", "bad.xml:91: <PrezzoTotale>: '5,00' is not a number" },
	{ "a missing price", "<PrezzoUnitario>1.00</PrezzoUnitario>", "", "<PrezzoUnitario> is missing" },
	{ "a wrong date", "<Data>2014-12-18</Data>", "<Data>18/12/2014</Data>",
	  "<Data> '18/12/2014' is not a date" },
	{ "not well-formed", "</DatiRiepilogo>", "</DatiRiepilog>", "bad.xml:99: not well-formed XML" },
	{ "a DOCTYPE with entities", "<p:FatturaElettronica ",
	  "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">]>"
	  "<p:FatturaElettronica ", "DOCTYPE" },
	{ "an external entity", "<p:FatturaElettronica ",
	  "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p:FatturaElettronica ", "refused" },
	{ "another root", "<FatturaElettronicaHeader>", "<FatturaElettronicaHeade>", "not well-formed" },
	{ "no body", "<FatturaElettronicaBody>", "<FatturaElettronicaBodyX>", "not well-formed" },
};

static void
test_hostile(void)
{
	struct fpa_invoice *inv;
	struct buf deep = { 0 };
	char err[ERR_SIZE], *base, *x;
	size_t len;

	base = slurp("IT01234567890_FPR01.xml", &len);
	for (size_t i = 0; i < ARRAY_LEN(bad_files); i++) {
		x = edit(base, bad_files[i].from, bad_files[i].to);
		err[0] = '\0';
		inv = NULL;
		ok(fpa_read_memory(x, strlen(x), "bad.xml", &inv, NULL, err) < 0 && inv == NULL &&
		   strstr(err, bad_files[i].want), "%s: %s", bad_files[i].what, err);
		fpa_invoice_free(inv);
		free(x);
	}
	free(base);
	buf_adds(&deep, "<p:FatturaElettronica xmlns:p=\"" FPA_NAMESPACE "\">");
	for (int i = 0; i < 100; i++)
		buf_adds(&deep, "<a>");
	for (int i = 0; i < 100; i++)
		buf_adds(&deep, "</a>");
	buf_adds(&deep, "</p:FatturaElettronica>");
	ok(fpa_read_memory(deep.data, deep.len, "deep.xml", &inv, NULL, err) < 0 &&
	   strstr(err, "deeper"), "100 levels deep: %s", err);
	buf_free(&deep);
	x = xcalloc(1, FPA_MAX_FILE + 2);
	memset(x, ' ', FPA_MAX_FILE + 1);
	ok(fpa_read_memory(x, FPA_MAX_FILE + 1, "big.xml", &inv, NULL, err) < 0 && strstr(err, "larger"),
	   "over 5 MiB: %s", err);
	free(x);
	ok(fpa_read_memory("", 0, "empty.xml", &inv, NULL, err) < 0, "empty: %s", err);
}

struct broken {
	const char *from, *to;
	const char *want;
};

static const struct broken broken_files[] = {
	{ "<Imposta>1.10</Imposta>", "<Imposta>1.30</Imposta>",
	  "00421: Imposta 1.30 does not match 22.00% of 5.00 (body 1, summary 1)" },
	{ "<ImponibileImporto>5.00</ImponibileImporto>",
	  "<ImponibileImporto>7.00</ImponibileImporto>", "00422: ImponibileImporto 7.00" },
	{ "<PrezzoTotale>5.00</PrezzoTotale>", "<PrezzoTotale>5.02</PrezzoTotale>",
	  "00423: PrezzoTotale 5.02 does not match" },
	{ "<Numero>123</Numero>", "<Numero>ABC</Numero>", "00425: Numero 'ABC' has no digit" },
	{ "<AliquotaIVA>22.00</AliquotaIVA>\n      </DettaglioLinee>",
	  "<AliquotaIVA>22.00</AliquotaIVA><Ritenuta>SI</Ritenuta></DettaglioLinee>", "00411:" },
	{ "<AliquotaIVA>22.00</AliquotaIVA>\n        <ImponibileImporto>",
	  "<AliquotaIVA>0.00</AliquotaIVA><ImponibileImporto>", "00429:" },
	{ "<AliquotaIVA>22.00</AliquotaIVA>\n        <ImponibileImporto>",
	  "<AliquotaIVA>10.00</AliquotaIVA><ImponibileImporto>", "00443:" },
	{ "<AliquotaIVA>22.00</AliquotaIVA>\n      </DettaglioLinee>",
	  "<AliquotaIVA>0.00</AliquotaIVA><Natura>N4</Natura></DettaglioLinee>", "00444:" },
	{ "<EsigibilitaIVA>I</EsigibilitaIVA>",
	  "<EsigibilitaIVA>S</EsigibilitaIVA>", "" },
	{ "<TipoDocumento>TD01</TipoDocumento>", "<TipoDocumento>TD17</TipoDocumento>", "00473:" },
	{ "<CodiceDestinatario>ABC1234</CodiceDestinatario>", "<CodiceDestinatario>ABCDEF</CodiceDestinatario>",
	  "00427:" },
};

static void
test_broken(void)
{
	char err[ERR_SIZE], line[ERR_SIZE + 16], *base, *x;
	struct fpa_invoice *inv;
	size_t len;

	base = slurp("IT01234567890_FPR01.xml", &len);
	for (size_t i = 0; i < ARRAY_LEN(broken_files); i++) {
		const struct broken *k = &broken_files[i];
		struct fpa_report r = { 0 };
		int found = 0;

		x = edit(base, k->from, k->to);
		inv = NULL;
		if (fpa_read_memory(x, strlen(x), "broken.xml", &inv, NULL, err) < 0)
			printf("# %s\n", err);
		if (inv)
			fpa_check(inv, &r);
		for (size_t j = 0; j < r.n; j++) {
			snprintf(line, sizeof line, "%s: %s", r.f[j].code, r.f[j].msg);
			if (r.f[j].error && k->want[0] && strncmp(line, k->want, strlen(k->want)) == 0)
				found = 1;
			printf("#   %s\n", line);
		}
		if (k->want[0])
			ok(inv && found, "broken file %zu gets '%s'", i + 1, k->want);
		else
			ok(inv && r.errors == 0, "broken file %zu is in fact fine (%s)", i + 1, k->to);
		fpa_report_free(&r);
		fpa_invoice_free(inv);
		free(x);
	}
	free(base);
}

int
main(void)
{
	char err[ERR_SIZE], xsd[PATH_MAX];

	dir = getenv("SCRIVANO_FATTURAPA");
	if (dir == NULL || *dir == '\0') {
		printf("ok 1 # SKIP no FatturaPA samples\n1..1\n");
		return 0;
	}
	snprintf(xsd, sizeof xsd, "%s/Schema_del_file_xml_FatturaPA_v1.2.2.xsd", dir);
	if (fpa_schema_load(xsd, &schema, err) < 0) {
		ok(0, "the official schema loads: %s", err);
		return tap_done();
	}
	for (size_t i = 0; i < ARRAY_LEN(samples); i++)
		run_sample(&samples[i]);
	test_tolerant();
	test_hostile();
	test_broken();
	fpa_schema_free(schema);
	return tap_done();
}
