/* For the fiscal unit tests: what the SdI would say of a computed invoice.
 * The checker (fpa_check) finds no error nor warning, the XML is written,
 * it is valid against the official schema ($SCRIVANO_FATTURAPA, skipped
 * without it), and it reads back with the same total and payable. */
#ifndef SCRIVANO_FISC_SDI_H
#define SCRIVANO_FISC_SDI_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "fisc/fatturapa.h"
#include "tap.h"
#include "util/util.h"

static struct fpa_schema *sdi_schema;

/* Loads the schema once when $SCRIVANO_FATTURAPA names its folder. */
static inline void
sdi_init(void)
{
	const char *dir = getenv("SCRIVANO_FATTURAPA");
	char err[ERR_SIZE] = "", xsd[PATH_MAX];

	if (dir && *dir) {
		snprintf(xsd, sizeof xsd, "%s/Schema_del_file_xml_FatturaPA_v1.2.2.xsd", dir);
		ok(fpa_schema_load(xsd, &sdi_schema, err) == 0, "the official schema loads %s", err);
	}
}

static inline void
sdi_done(void)
{
	fpa_schema_free(sdi_schema);
}

/* inv's first body computed already. */
static inline void
sdi_clean(struct fpa_invoice *inv, const char *name)
{
	struct fpa_report r = { 0 };
	struct fpa_invoice *back = NULL;
	char err[ERR_SIZE] = "";
	char *xml = NULL;
	size_t len = 0;

	is_int(fpa_check(inv, &r), 0, "%s: fpa_check finds no error", name);
	is_int(r.warnings, 0, "%s: nor any warning", name);
	fpa_report_print(&r, "#", stdout);
	fpa_report_free(&r);
	ok(fpa_to_xml(inv, &xml, &len, err) == 0, "%s: XML written %s", name, err);
	if (sdi_schema == NULL)
		printf("ok %d # SKIP no FatturaPA schema\n", ++tap_n);
	else
		ok(xml && fpa_schema_validate(sdi_schema, xml, len, err) == 0,
		   "%s: valid against the schema %s", name, err);
	ok(xml && fpa_read_memory(xml, len, name, &back, NULL, err) == 0, "%s: reads back %s",
	   name, err);
	if (back) {
		struct fpa_report r2 = { 0 };

		is_int(fpa_check(back, &r2), 0, "%s: the file read back passes fpa_check", name);
		fpa_report_print(&r2, "#", stdout);
		fpa_report_free(&r2);
		fpa_totals_from_summary(&back->bodies[0]);
		is_int(back->bodies[0].tot.total, inv->bodies[0].tot.total, "%s: total kept", name);
		is_int(back->bodies[0].tot.payable, inv->bodies[0].tot.payable, "%s: payable kept",
		       name);
	}
	fpa_invoice_free(back);
	free(xml);
}

#endif
