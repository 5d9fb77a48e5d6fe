/* SdI's messages read (sdi-msg.h): the kind by its root element, its
 * values by their element names (children unqualified, as the schema has
 * them), each value trimmed and made printable. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fisc/fatturapa.h"
#include "fisc/sdi-msg.h"
#include "util/i18n.h"
#include "util/util.h"
#include "util/xml.h"

static const struct {
	const char *code, *root, *label;
	int to_sender;
} kinds[] = {
	{ "RC", "RicevutaConsegna", N_("delivery receipt (ricevuta di consegna)"), 1 },
	{ "NS", "NotificaScarto", N_("rejection (notifica di scarto)"), 1 },
	{ "MC", "NotificaMancataConsegna", N_("not delivered (notifica di mancata consegna)"), 1 },
	{ "NE", "NotificaEsito", N_("the buyer's outcome (notifica di esito committente)"), 1 },
	{ "DT", "NotificaDecorrenzaTermini", N_("terms elapsed (notifica di decorrenza termini)"),
	  1 },
	{ "AT", "AttestazioneTrasmissioneFattura",
	  N_("sent, not deliverable (attestazione di avvenuta trasmissione)"), 1 },
	{ "EC", "NotificaEsitoCommittente", N_("the buyer's own outcome to SdI (EC)"), 0 },
	{ "SE", "ScartoEsitoCommittente", N_("SdI's rejection of a buyer's outcome (SE)"), 0 },
	{ "MT", "FileMetadati", N_("a received invoice's metadata (MT)"), 0 },
};

static int
kind_index(const char *code)
{
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].code, code) == 0)
			return (int)i;
	return -1;
}

const char *
sdi_msg_kind_label(const char *kind)
{
	int i = kind_index(kind);

	return i >= 0 ? _(kinds[i].label) : "";
}

int
sdi_msg_for_sender(const char *kind)
{
	int i = kind_index(kind);

	return i >= 0 && kinds[i].to_sender;
}

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

int
sdi_msg_name_kind(const char *name, char *kind)
{
	const char *b = base_name(name), *end = b + strlen(b), *u1, *u2;

	if (end - b > 4 && strcasecmp(end - 4, ".p7m") == 0)
		end -= 4;
	if (end - b > 4 && strncasecmp(end - 4, ".xml", 4) == 0)
		end -= 4;
	/* ..._KK_NNN: the last '_' before the progressivo, the one before the kind */
	for (u2 = end; u2 > b && u2[-1] != '_'; u2--)
		;
	if (u2 == b || u2 == end)
		return 0;
	u1 = u2 - 1;
	if (u1 - b < 3 || u1[-3] != '_')
		return 0;
	kind[0] = u1[-2];
	kind[1] = u1[-1];
	kind[2] = '\0';
	return kind_index(kind) >= 0;
}

/* ---- values ---- */

struct rd {
	const char *name; /* the file's base name, for messages */
	char *err;
};

/* n's text, trimmed and printable, newly allocated ("" when n is NULL). */
static char *
text_of(xmlNodePtr n)
{
	xmlChar *c = n != NULL ? xmlNodeGetContent(n) : NULL;
	char *s = xstrdup(c != NULL ? (const char *)c : ""), *t;

	xmlFree(c);
	t = str_trim(s);
	memmove(s, t, strlen(t) + 1);
	return str_printable(s);
}

/* The text of n's child `path` into out (size bytes): 0; -1 when it is
 * longer (then the message names it). */
static int
value(struct rd *rd, xmlNodePtr n, const char *path, char *out, size_t size)
{
	char *s = text_of(xml_path(n, path));
	size_t len = strlen(s);

	if (len >= size) {
		free(s);
		return err_set(rd->err, _("%s: %s is longer than %zu characters: not an SdI "
					  "message"),
			       rd->name, path, size - 1);
	}
	memcpy(out, s, len + 1);
	free(s);
	return 0;
}

static int
required(struct rd *rd, xmlNodePtr root, const char *path, char *out, size_t size)
{
	if (value(rd, root, path, out, size) < 0)
		return -1;
	if (out[0] == '\0')
		return err_set(rd->err, _("%s: an SdI message with no %s: refused"), rd->name, path);
	return 0;
}

/* A file name as SdI writes NomeFile: no folder, nothing but letters,
 * digits, '_', '.' and '-'. */
static int
plain_file_name(const char *s)
{
	if (s[0] == '.' || s[0] == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '.' || *s == '-'))
			return 0;
	return 1;
}

static int
read_errors(struct rd *rd, xmlNodePtr root, struct sdi_msg *m)
{
	xmlNodePtr list = xml_kid(root, "ListaErrori");

	for (xmlNodePtr e = xml_kid(list, "Errore"); e; e = xml_next_named(e)) {
		struct sdi_msg_error *x;

		m->errors = xreallocarray(m->errors, m->nerrors + 1, sizeof *m->errors);
		x = &m->errors[m->nerrors++];
		x->text = text_of(xml_kid(e, "Descrizione"));
		x->hint = text_of(xml_kid(e, "Suggerimento"));
		if (required(rd, e, "Codice", x->code, sizeof x->code) < 0)
			return -1;
	}
	if (m->nerrors == 0)
		return err_set(rd->err, _("%s: a notifica di scarto with no Errore in its "
					  "ListaErrori: refused"),
			       rd->name);
	return 0;
}

static int
read_root(struct rd *rd, xmlNodePtr root, const char *name_kind, struct sdi_msg *m)
{
	const char *what;
	int k = -1;

	for (size_t i = 0; root != NULL && i < ARRAY_LEN(kinds); i++)
		if (strcmp((const char *)root->name, kinds[i].root) == 0)
			k = (int)i;
	if (root == NULL || (k < 0 && name_kind[0] == '\0'))
		return err_set(rd->err, _("%s: the root element is <%s>, which is no SdI message"),
			       rd->name, root != NULL ? (const char *)root->name : "");
	if (root->ns == NULL || strcmp((const char *)root->ns->href, SDI_MSG_NAMESPACE) != 0)
		return err_set(rd->err, _("%s: <%s> is not in SdI's namespace %s: refused"),
			       rd->name, (const char *)root->name, SDI_MSG_NAMESPACE);
	if (xml_too_deep(root, SDI_MSG_MAX_DEPTH))
		return err_set(rd->err, _("%s: elements nested deeper than %d levels: refused"),
			       rd->name, SDI_MSG_MAX_DEPTH);
	if (k < 0)
		return err_set(rd->err, _("%s: the root element is <%s>, which is no SdI message"),
			       rd->name, (const char *)root->name);
	if (name_kind[0] != '\0' && strcmp(name_kind, kinds[k].code) != 0)
		return err_set(rd->err, _("%s: the file's name says %s, but it holds a %s (%s): "
					  "refused"),
			       rd->name, name_kind, kinds[k].root, kinds[k].code);
	str_copy(m->kind, kinds[k].code, sizeof m->kind);
	if (required(rd, root, "IdentificativoSdI", m->sdi_id, sizeof m->sdi_id) < 0 ||
	    required(rd, root, "NomeFile", m->file_name, sizeof m->file_name) < 0 ||
	    value(rd, root, "Hash", m->hash, sizeof m->hash) < 0 ||
	    value(rd, root, "DataOraRicezione", m->received, sizeof m->received) < 0 ||
	    value(rd, root, "DataOraConsegna", m->delivered, sizeof m->delivered) < 0 ||
	    value(rd, root, "MessageId", m->message_id, sizeof m->message_id) < 0 ||
	    value(rd, root, "Destinatario/Codice", m->recipient, sizeof m->recipient) < 0)
		return -1;
	if (!plain_file_name(m->file_name))
		return err_set(rd->err, _("%s: NomeFile \"%s\" is not a file's name: refused"),
			       rd->name, m->file_name);
	m->note = text_of(xml_kid(root, "Note"));
	what = strcmp(m->kind, "NE") == 0 ? "EsitoCommittente/Descrizione" : "Descrizione";
	m->text = text_of(xml_path(root, what));
	if (strcmp(m->kind, "NS") == 0 && read_errors(rd, root, m) < 0)
		return -1;
	if (strcmp(m->kind, "NE") == 0) {
		if (value(rd, root, "EsitoCommittente/Esito", m->esito, sizeof m->esito) < 0)
			return -1;
		if (strcmp(m->esito, "EC01") != 0 && strcmp(m->esito, "EC02") != 0)
			return err_set(rd->err, _("%s: a notifica di esito whose Esito is \"%s\", "
						  "not EC01 or EC02: refused"),
				       rd->name, m->esito);
	}
	return 0;
}

int
sdi_msg_read(const char *name, const unsigned char *data, size_t len, struct sdi_msg *m,
	     char *err)
{
	struct rd rd = { base_name(name), err };
	struct fpa_source src;
	enum xml_refusal why;
	char msg[ERR_SIZE], name_kind[4] = "";
	xmlDocPtr doc;
	int line, rc;

	memset(m, 0, sizeof *m);
	fpa_xml_init();
	if (len > FPA_MAX_FILE)
		return err_set(err, _("%s: larger than %d bytes: not an SdI message"), rd.name,
			       FPA_MAX_FILE);
	if (fpa_source_from_file_data(name, data, len, &src, msg) < 0)
		return err_set(err, "%s: %s", rd.name, msg);
	m->is_signed = src.is_signed;
	m->sig_verified = src.sig_verified;
	str_copy(m->signer, src.signer, sizeof m->signer);
	if (src.len > SDI_MSG_MAX_XML) {
		fpa_source_free(&src);
		return err_set(err, _("%s: larger than %d bytes: not an SdI message"), rd.name,
			       SDI_MSG_MAX_XML);
	}
	doc = xml_parse_untrusted(src.xml, src.len, &why, &line, msg, sizeof msg);
	fpa_source_free(&src);
	if (doc == NULL) {
		if (why == XML_REFUSED_DOCTYPE)
			return err_set(err, _("%s: has a DOCTYPE or an entity declaration, which SdI's "
					      "messages never have: refused"),
				       rd.name);
		if (why == XML_REFUSED_SYNTAX)
			return err_set(err, _("%s:%d: not well-formed XML: %s"), rd.name, line,
				       msg[0] ? msg : _("not XML"));
		return err_set(err, _("%s: out of memory"), rd.name);
	}
	(void)sdi_msg_name_kind(name, name_kind);
	rc = read_root(&rd, xmlDocGetRootElement(doc), name_kind, m);
	xmlFreeDoc(doc);
	if (rc < 0) {
		sdi_msg_free(m);
		if (err != NULL)
			str_printable(err); /* it may quote the file */
	}
	return rc;
}

void
sdi_msg_free(struct sdi_msg *m)
{
	for (size_t i = 0; i < m->nerrors; i++) {
		free(m->errors[i].text);
		free(m->errors[i].hint);
	}
	free(m->errors);
	free(m->text);
	free(m->note);
	memset(m, 0, sizeof *m);
}
