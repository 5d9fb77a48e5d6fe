/* FatturaPA to HTML through an XSL stylesheet (the Agenzia delle Entrate's
 * or AssoSoftware's) with libxslt, locked down: the stylesheet may read
 * local files only and may write nothing. */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "fisc/fatturapa.h"
#include "util/i18n.h"
#include "util/util.h"

#define SAFE_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

static xsltSecurityPrefsPtr
locked_prefs(void)
{
	xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();

	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	return sec;
}

static int
transform(xsltStylesheetPtr ss, xmlDocPtr doc, FILE *out, char *err)
{
	xsltSecurityPrefsPtr sec = locked_prefs();
	xsltTransformContextPtr ctxt = xsltNewTransformContext(ss, doc);
	xmlDocPtr res = NULL;
	int rc = 0;

	if (ctxt == NULL || xsltSetCtxtSecurityPrefs(sec, ctxt) != 0)
		rc = err_set(err, _("cannot prepare the transformation"));
	else if ((res = xsltApplyStylesheetUser(ss, doc, NULL, NULL, NULL, ctxt)) == NULL ||
		 ctxt->state != XSLT_STATE_OK)
		rc = err_set(err, _("the stylesheet failed on this file"));
	else if (xsltSaveResultToFile(out, res, ss) < 0)
		rc = err_set(err, _("cannot write the HTML"));
	xmlFreeDoc(res);
	xsltFreeTransformContext(ctxt);
	xsltFreeSecurityPrefs(sec);
	return rc;
}

/* libxslt reports on stderr; we say what failed ourselves. */
static void
xslt_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
fpa_html(const char *xml, size_t len, const char *xsl_path, FILE *out, char *err)
{
	xsltStylesheetPtr ss;
	xmlDocPtr sdoc, doc;
	int rc;

	fpa_xml_init();
	xsltSetGenericErrorFunc(NULL, xslt_quiet);
	if (len > FPA_MAX_FILE || memmem(xml, len, "<!DOCTYPE", 9) || memmem(xml, len, "<!ENTITY", 8))
		return err_set(err, _("not a FatturaPA file (too large, or with a DOCTYPE)"));
	if ((sdoc = xmlReadFile(xsl_path, NULL, SAFE_OPTS)) == NULL)
		return err_set(err, _("cannot read the stylesheet %s"), xsl_path);
	if ((ss = xsltParseStylesheetDoc(sdoc)) == NULL) {
		xmlFreeDoc(sdoc);
		return err_set(err, _("%s is not an XSL stylesheet"), xsl_path);
	}
	if ((doc = xmlReadMemory(xml, (int)len, NULL, NULL, SAFE_OPTS)) == NULL) {
		xsltFreeStylesheet(ss);
		return err_set(err, _("not well-formed XML"));
	}
	rc = transform(ss, doc, out, err);
	xmlFreeDoc(doc);
	xsltFreeStylesheet(ss);
	return rc;
}
