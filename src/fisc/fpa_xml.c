/* libxml2 set up for untrusted input (no network, no external entities),
 * validation against the official FatturaPA schema, and the list of
 * findings the checker and the reader fill. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>

#include "fisc/fatturapa.h"
#include "util/i18n.h"
#include "util/util.h"
#include "util/xml.h"

void
fpa_xml_init(void)
{
	/* every load that libxml2 or libxslt attempts refuses anything but
	 * local files (util/xml.c) */
	xml_setup();
}

/* Findings. */

void
fpa_report_add(struct fpa_report *r, int error, const char *code, const char *fmt, ...)
{
	struct fpa_finding *f;
	va_list ap;

	if (r == NULL)
		return;
	r->f = xreallocarray(r->f, r->n + 1, sizeof *r->f);
	f = &r->f[r->n++];
	str_copy(f->code, code, sizeof f->code);
	f->error = error;
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof f->msg, fmt, ap);
	va_end(ap);
	str_printable(f->msg); /* it may quote the file's text */
	if (error)
		r->errors++;
	else
		r->warnings++;
}

void
fpa_report_free(struct fpa_report *r)
{
	free(r->f);
	memset(r, 0, sizeof *r);
}

void
fpa_report_print(const struct fpa_report *r, const char *prefix, FILE *out)
{
	for (size_t i = 0; i < r->n; i++)
		fprintf(out, "%s: %s%s: %s\n", prefix, r->f[i].error ? "" : _("warning "),
			r->f[i].code, r->f[i].msg);
}

/* The schema. */

struct fpa_schema {
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr valid;
	char first[ERR_SIZE];
};

/* Keeps the first structured error with its line. */
static void
keep_first(void *ud, xmlErrorPtr e)
{
	struct fpa_schema *s = ud;
	size_t n;

	if (s->first[0] != '\0' || e == NULL)
		return;
	snprintf(s->first, sizeof s->first, _("line %d: %s"), e->line,
		 e->message ? e->message : "?");
	n = strlen(s->first);
	while (n > 0 && (s->first[n - 1] == '\n' || s->first[n - 1] == ' '))
		s->first[--n] = '\0';
}

static void
parser_error(void *ud, xmlErrorPtr e)
{
	keep_first(ud, e);
}

int
fpa_schema_load(const char *xsd_path, struct fpa_schema **out, char *err)
{
	struct fpa_schema *s = xcalloc(1, sizeof *s);
	xmlSchemaParserCtxtPtr pc;

	fpa_xml_init();
	pc = xmlSchemaNewParserCtxt(xsd_path);
	if (pc == NULL) {
		free(s);
		return err_set(err, _("cannot read the schema %s"), xsd_path);
	}
	xmlSchemaSetParserStructuredErrors(pc, parser_error, s);
	s->schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (s->schema == NULL) {
		err_set(err, _("cannot load the schema %s: %s"), xsd_path, s->first);
		free(s);
		return -1;
	}
	s->valid = xmlSchemaNewValidCtxt(s->schema);
	xmlSchemaSetValidStructuredErrors(s->valid, keep_first, s);
	*out = s;
	return 0;
}

void
fpa_schema_free(struct fpa_schema *s)
{
	if (s == NULL)
		return;
	xmlSchemaFreeValidCtxt(s->valid);
	xmlSchemaFree(s->schema);
	free(s);
}

int
fpa_schema_validate(struct fpa_schema *s, const char *xml, size_t len, char *err)
{
	xmlDocPtr doc;
	int rc;

	if (len > FPA_MAX_FILE)
		return err_set(err, _("the file is larger than %d bytes"), FPA_MAX_FILE);
	doc = xmlReadMemory(xml, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES |
			    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL)
		return err_set(err, _("not well-formed XML"));
	s->first[0] = '\0';
	rc = xmlSchemaValidateDoc(s->valid, doc);
	xmlFreeDoc(doc);
	if (rc != 0)
		return err_set(err, _("not valid against the schema: %s"),
			       s->first[0] ? s->first : _("(no detail)"));
	return 0;
}
