/* The code lists of the cassa, the ritenuta and its causali (data/,
 * src/fisc/codes.c): each list loads, holds exactly the schema's codes
 * (read from the official XSD's enumerations; Z left out as refused since
 * 2021), and every code in it is one fpa_compute takes and fpa_check and
 * the schema accept on an invoice that uses it; codes outside them get
 * 00200. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fisc/doc-rules.h"
#include "fisc-fixtures.h"
#include "fisc-sdi.h"
#include "tap.h"
#include "util/codelist.h"
#include "util/util.h"

enum use { USE_CASSA, USE_RITENUTA, USE_CAUSALE };

/* An invoice of a professional using code as told. */
static struct fpa_invoice *
invoice_with(enum use use, const char *code, const char *date)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];
	struct fpa_withholding *w = &b->wh[0];

	str_copy(b->date, date, sizeof b->date);
	fixture_line(b, "Prestazione", NULL, "1000.00", 2200, NULL)->ritenuta = 1;
	b->nwh = 1;
	str_copy(w->type, use == USE_RITENUTA ? code : "RT01", sizeof w->type);
	str_copy(w->causale, use == USE_CAUSALE ? code : "A", sizeof w->causale);
	w->rate = 2000;
	if (use == USE_CASSA) {
		struct fpa_cassa *c = fpa_cassa_add(b);

		str_copy(c->type, code, sizeof c->type);
		c->al_cassa = 400;
		c->rate = 2200;
	}
	return inv;
}

static int
report_has(const struct fpa_report *r, const char *code)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->f[i].error && strcmp(r->f[i].code, code) == 0)
			return 1;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The words of s sorted, joined by spaces. */
static char *
sorted(const char *s)
{
	char *copy = xstrdup(s ? s : ""), *v[128], *tok, *save = NULL;
	size_t n = 0;
	struct buf out = { 0 };

	for (tok = strtok_r(copy, " ", &save); tok && n < ARRAY_LEN(v); tok = strtok_r(NULL, " ", &save))
		v[n++] = tok;
	qsort(v, n, sizeof *v, cmp_str);
	for (size_t i = 0; i < n; i++)
		buf_printf(&out, "%s%s", i ? " " : "", v[i]);
	free(copy);
	return out.data ? out.data : xstrdup("");
}

/* The enumeration of one simpleType of the XSD but skip, as "A B C ". */
static void
xsd_enum(const char *xsd, const char *type, const char *skip, struct buf *out)
{
	char head[96];
	const char *p, *end;

	snprintf(head, sizeof head, "<xs:simpleType name=\"%s\">", type);
	p = strstr(xsd, head);
	end = p ? strstr(p, "</xs:simpleType>") : NULL;
	while (p && (p = strstr(p, "<xs:enumeration value=\"")) && p < end) {
		int n;

		p += strlen("<xs:enumeration value=\"");
		n = (int)strcspn(p, "\"");
		if (!skip || (int)strlen(skip) != n || strncmp(p, skip, (size_t)n) != 0)
			buf_printf(out, "%.*s ", n, p);
	}
}

static void
test_list(const char *path, enum use use, const char *xsd_type, const char *xsd)
{
	const struct codelist *l;
	char err[ERR_SIZE] = "";
	struct buf have = { 0 }, want = { 0 };
	size_t bad = 0, unclean = 0;

	l = codelist_shared(path, err);
	ok(l != NULL && l->n > 0, "%s loads %s", path, err);
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		struct fpa_invoice *inv = invoice_with(use, l->v[i].code, "2025-03-14");
		struct fpa_report r = { 0 };
		char *xml = NULL;
		size_t len;

		buf_printf(&have, "%s ", l->v[i].code);
		if (fpa_compute(&inv->bodies[0], err) < 0) {
			printf("# %s %s: %s\n", path, l->v[i].code, err);
			bad++;
		} else if (fpa_check(inv, &r) != 0 || fpa_to_xml(inv, &xml, &len, err) < 0 ||
			   (sdi_schema && fpa_schema_validate(sdi_schema, xml, len, err) < 0)) {
			printf("# %s %s: not clean %s\n", path, l->v[i].code, err);
			fpa_report_print(&r, "#", stdout);
			unclean++;
		}
		free(xml);
		fpa_report_free(&r);
		fpa_invoice_free(inv);
	}
	is_int(bad, 0, "%s: fpa_compute takes every code", path);
	is_int(unclean, 0, "%s: fpa_check%s accepts every code", path,
	       sdi_schema ? " and the schema" : "");
	if (xsd) {
		char *h, *w;

		/* Z: refused since 2021, left out of the list. */
		xsd_enum(xsd, xsd_type, use == USE_CAUSALE ? "Z" : NULL, &want);
		h = sorted(have.data);
		w = sorted(want.data);
		ok(w[0] != '\0', "the schema's %s read", xsd_type);
		is_str(h, w, "%s holds exactly the schema's %s", path, xsd_type);
		free(h);
		free(w);
	} else
		printf("ok %d # SKIP no FatturaPA schema\n", ++tap_n);
	buf_free(&have);
	buf_free(&want);
}

static void
test_refused(void)
{
	static const struct {
		enum use use;
		const char *code, *date, *what;
	} cases[] = {
		{ USE_CASSA, "TC23", "2025-03-14", "TipoCassa TC23" },
		{ USE_RITENUTA, "RT07", "2025-03-14", "TipoRitenuta RT07" },
		{ USE_CAUSALE, "F", "2025-03-14", "CausalePagamento F" },
		{ USE_CAUSALE, "Z", "2021-01-01", "CausalePagamento Z from 2021" },
	};
	char err[ERR_SIZE];

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct fpa_invoice *inv = invoice_with(cases[i].use, cases[i].code, cases[i].date);
		struct fpa_report r = { 0 };

		ok(fpa_compute(&inv->bodies[0], err) < 0, "%s: fpa_compute refuses: %s",
		   cases[i].what, err);
		fpa_check(inv, &r);
		ok(report_has(&r, "00200"), "%s: fpa_check gives 00200", cases[i].what);
		fpa_report_free(&r);
		fpa_invoice_free(inv);
	}
	{
		/* Z on a document of 2020 (read from a file, not computed). */
		struct fpa_invoice *inv = invoice_with(USE_CAUSALE, "A", "2020-12-31");
		struct fpa_report r = { 0 };

		fpa_compute(&inv->bodies[0], err);
		str_copy(inv->bodies[0].wh[0].causale, "Z", 3);
		is_int(fpa_check(inv, &r), 0, "CausalePagamento Z on 31/12/2020: accepted");
		fpa_report_free(&r);
		fpa_invoice_free(inv);
	}
}

int
main(void)
{
	const char *dir = getenv("SCRIVANO_FATTURAPA");
	char *xsd = NULL, *path, err[ERR_SIZE];
	size_t len;

	sdi_init();
	if (dir && *dir) {
		path = xasprintf("%s/Schema_del_file_xml_FatturaPA_v1.2.2.xsd", dir);
		if (file_read_all(path, 1 << 20, &xsd, &len, err) < 0)
			printf("# %s\n", err);
		free(path);
	}
	test_list(CODELIST_CASSA, USE_CASSA, "TipoCassaType", xsd);
	test_list(CODELIST_RITENUTA, USE_RITENUTA, "TipoRitenutaType", xsd);
	test_list(CODELIST_CAUSALI_RITENUTA, USE_CAUSALE, "CausalePagamentoType", xsd);
	test_refused();
	free(xsd);
	sdi_done();
	return tap_done();
}
