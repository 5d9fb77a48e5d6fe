/* libxml2's set-up and tree walking for the readers (see xml.h). */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlIO.h>

#include "util/util.h"
#include "util/xml.h"

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void
xml_setup(void)
{
	static int ready;

	if (ready)
		return;
	ready = 1;
	xmlInitParser();
	xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
	xmlSetGenericErrorFunc(NULL, quiet);
}

xmlDocPtr
xml_parse_untrusted(const char *data, size_t len, enum xml_refusal *why, int *line, char *msg,
		    size_t msize)
{
	static const char *const bad[] = { "<!DOCTYPE", "<!ENTITY" };
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
		   XML_PARSE_NOCDATA;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	xml_setup();
	*line = 0;
	msg[0] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(bad); i++)
		if (memmem(data, len, bad[i], strlen(bad[i]))) {
			*why = XML_REFUSED_DOCTYPE;
			return NULL;
		}
	if (len > INT32_MAX || (ctxt = xmlNewParserCtxt()) == NULL) {
		*why = XML_REFUSED_MEMORY;
		return NULL;
	}
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, opts);
	if (doc == NULL) {
		*why = XML_REFUSED_SYNTAX;
		*line = ctxt->lastError.line;
		str_copy(msg, ctxt->lastError.message ? ctxt->lastError.message : "", msize);
		str_trim(msg);
		str_printable(msg);
	} else if (doc->intSubset || doc->extSubset) {
		*why = XML_REFUSED_DOCTYPE;
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

int
xml_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr
xml_kid(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (xml_is(c, name))
			return c;
	return NULL;
}

xmlNodePtr
xml_next_named(xmlNodePtr n)
{
	for (xmlNodePtr c = n->next; c; c = c->next)
		if (xml_is(c, (const char *)n->name))
			return c;
	return NULL;
}

xmlNodePtr
xml_path(xmlNodePtr n, const char *p)
{
	char part[64];

	while (n && *p) {
		size_t len = strcspn(p, "/");

		if (len >= sizeof part)
			return NULL;
		memcpy(part, p, len);
		part[len] = '\0';
		n = xml_kid(n, part);
		p += len + (p[len] == '/');
	}
	return n;
}

int
xml_too_deep(xmlNodePtr root, int max)
{
	xmlNodePtr n = root;
	int depth = 0;

	while (n) {
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			if (++depth > max)
				return 1;
			continue;
		}
		while (n && n->next == NULL) {
			n = n->parent;
			depth--;
			if (n == root || depth < 0)
				return 0;
		}
		if (n)
			n = n->next;
	}
	return 0;
}
