/* libxml2 as scrivano reads files with it: set up once, with no network
 * (every load goes through a loader that refuses anything but local
 * files) and no errors on stderr (each reader reports its own), and a few
 * ways to walk a tree by element names. Shared by the FatturaPA reader and
 * the bank statements' camt.053 reader. */
#ifndef SCRIVANO_XML_H
#define SCRIVANO_XML_H

#include <libxml/tree.h>

void xml_setup(void);

/* Why xml_parse_untrusted refused. */
enum xml_refusal {
	XML_REFUSED_DOCTYPE = 1, /* a DOCTYPE or an entity declaration */
	XML_REFUSED_SYNTAX,      /* not well-formed: the parser's line and message */
	XML_REFUSED_MEMORY,
};
/* Parses untrusted bytes (xml_setup done here): no network, no DTD, no
 * entity declarations (refused before parsing, and after it should the
 * parser find a DOCTYPE the search did not), no CDATA nodes, errors kept
 * quiet. The document, or NULL with *why, and for a syntax error the line
 * in *line and libxml2's message, trimmed and printable, in msg (msize
 * bytes). */
xmlDocPtr xml_parse_untrusted(const char *data, size_t len, enum xml_refusal *why, int *line,
			      char *msg, size_t msize);
/* Whether n is an element named name. */
int xml_is(xmlNodePtr n, const char *name);
/* n's first child element named name, or NULL (n may be NULL). */
xmlNodePtr xml_kid(xmlNodePtr n, const char *name);
/* The next sibling element with n's name, or NULL. */
xmlNodePtr xml_next_named(xmlNodePtr n);
/* Follows "A/B/C" from n through first children of those names; NULL
 * when one is missing or a name is longer than 63 bytes. */
xmlNodePtr xml_path(xmlNodePtr n, const char *p);
/* Whether elements below root nest deeper than max levels (walked without
 * recursion, so a hostile file cannot exhaust the stack). */
int xml_too_deep(xmlNodePtr root, int max);

#endif
