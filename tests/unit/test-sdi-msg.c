/* The reader of SdI's messages (fisc/sdi-msg.h): each kind plain and
 * signed (.p7m, DER and base64), the kind a file's name shows, and
 * hostile input: not XML, a DOCTYPE, too deep or large, another namespace,
 * no NomeFile, a name that contradicts the content, an NS without errors,
 * an NE without its outcome, control characters. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fisc/sdi-msg.h"
#include "sdi-fixtures.h"
#include "tap.h"
#include "util/util.h"

static const char *F = "IT01234567890_0000A.xml";

/* Reads xml named name: 0 or -1, the message in err. */
static int
rd(const char *name, const char *xml, struct sdi_msg *m, char *err)
{
	err[0] = '\0';
	return sdi_msg_read(name, (const unsigned char *)xml, strlen(xml), m, err);
}

static void
test_kinds(void)
{
	struct sdi_msg m;
	char err[ERR_SIZE], *x;

	x = sdi_fix_msg("RC", "4711", F);
	ok(rd("IT01234567890_0000A_RC_001.xml", x, &m, err) == 0, "RC read: %s", err);
	is_str(m.kind, "RC", "RC: its kind");
	is_str(m.sdi_id, "4711", "RC: IdentificativoSdI");
	is_str(m.file_name, F, "RC: NomeFile");
	is_str(m.hash, "6b1f0c3a", "RC: Hash");
	is_str(m.received, "2026-12-01T10:00:00.000+01:00", "RC: DataOraRicezione");
	is_str(m.delivered, "2026-12-01T10:05:00.000+01:00", "RC: DataOraConsegna");
	is_str(m.message_id, "901", "RC: MessageId");
	is_str(m.recipient, "ABC1234", "RC: Destinatario/Codice");
	is_str(m.note, "consegnata", "RC: Note");
	ok(m.nerrors == 0 && !m.is_signed, "RC: no errors, not signed");
	sdi_msg_free(&m);
	free(x);

	x = sdi_fix_msg("NS", "4712", F);
	ok(rd("IT01234567890_0000A_NS_001.xml", x, &m, err) == 0, "NS read: %s", err);
	is_str(m.kind, "NS", "NS: its kind");
	is_int(m.nerrors, 2, "NS: two errors");
	if (m.nerrors == 2) {
		is_str(m.errors[0].code, "00404", "NS: the first's Codice");
		is_str(m.errors[0].text, "Fattura duplicata", "NS: its Descrizione");
		ok(strstr(m.errors[0].hint, "Verificare") == m.errors[0].hint,
		   "NS: its Suggerimento");
		is_str(m.errors[1].code, "00423", "NS: the second's Codice");
		is_str(m.errors[1].hint, "", "NS: no Suggerimento is empty");
	}
	sdi_msg_free(&m);
	free(x);

	x = sdi_fix_msg("MC", "4713", F);
	ok(rd("IT01234567890_0000A_MC_001.xml", x, &m, err) == 0 && strcmp(m.kind, "MC") == 0 &&
		   strcmp(m.text, "Casella PEC del destinatario piena") == 0,
	   "MC read with its Descrizione: %s", err);
	sdi_msg_free(&m);
	free(x);

	x = sdi_fix_msg("NE", "4714", F);
	ok(rd("IT01234567890_0000A_NE_001.xml", x, &m, err) == 0 && strcmp(m.kind, "NE") == 0 &&
		   strcmp(m.esito, "EC01") == 0 && strcmp(m.text, "Accettata") == 0,
	   "NE read: EC01 and the EsitoCommittente's Descrizione: %s", err);
	sdi_msg_free(&m);
	free(x);
	x = sdi_fix_msg("NE2", "4714", F);
	ok(rd("IT01234567890_0000A_NE_002.xml", x, &m, err) == 0 && strcmp(m.esito, "EC02") == 0 &&
		   strcmp(m.text, "CIG errato") == 0,
	   "NE read: EC02: %s", err);
	sdi_msg_free(&m);
	free(x);

	x = sdi_fix_msg("DT", "4715", F);
	ok(rd("IT01234567890_0000A_DT_001.xml", x, &m, err) == 0 && strcmp(m.kind, "DT") == 0 &&
		   m.received[0] == '\0' && strcmp(m.message_id, "906") == 0,
	   "DT read (no DataOraRicezione): %s", err);
	sdi_msg_free(&m);
	free(x);

	x = sdi_fix_msg("AT", "4716", F);
	ok(rd("IT01234567890_0000A_AT_001.xml", x, &m, err) == 0 && strcmp(m.kind, "AT") == 0 &&
		   strcmp(m.recipient, "UFF001") == 0,
	   "AT read: %s", err);
	sdi_msg_free(&m);
	free(x);

	/* a name with no kind in it: the content says */
	x = sdi_fix_msg("RC", "4711", F);
	ok(rd("ricevuta.xml", x, &m, err) == 0 && strcmp(m.kind, "RC") == 0,
	   "a name with no kind: the root element's: %s", err);
	sdi_msg_free(&m);
	free(x);

	/* the buyer's messages: read, and not for the sender */
	x = sdi_fix_msg("EC", "4717", F);
	ok(rd("IT01234567890_0000A_EC_001.xml", x, &m, err) == 0 && strcmp(m.kind, "EC") == 0 &&
		   !sdi_msg_for_sender(m.kind),
	   "EC read, not a message for the sender: %s", err);
	sdi_msg_free(&m);
	free(x);
	x = sdi_fix_msg("SE", "4718", F);
	ok(rd("IT01234567890_0000A_SE_001.xml", x, &m, err) == 0 && strcmp(m.kind, "SE") == 0 &&
		   !sdi_msg_for_sender(m.kind),
	   "SE read, not a message for the sender: %s", err);
	sdi_msg_free(&m);
	free(x);
	ok(sdi_msg_for_sender("RC") && sdi_msg_for_sender("NS") && sdi_msg_for_sender("MC") &&
		   sdi_msg_for_sender("NE") && sdi_msg_for_sender("DT") && sdi_msg_for_sender("AT"),
	   "RC NS MC NE DT AT are the sender's");
	ok(strstr(sdi_msg_kind_label("NS"), "notifica di scarto") != NULL &&
		   sdi_msg_kind_label("ZZ")[0] == '\0',
	   "a kind's label; none for an unknown code");
}

static void
test_signed(void)
{
	struct sdi_msg m;
	char err[ERR_SIZE] = "";
	char *x = sdi_fix_msg("NS", "5001", F);
	unsigned char *der, *b64;
	size_t dlen = 0, blen = 0;

	der = sdi_fix_sign(x, 0, &dlen);
	b64 = sdi_fix_sign(x, 1, &blen);
	ok(der != NULL && b64 != NULL, "signed with libcrypto");
	if (der == NULL || b64 == NULL)
		return;
	ok(sdi_msg_read("IT01234567890_0000A_NS_001.xml.p7m", der, dlen, &m, err) == 0,
	   "a DER .p7m read: %s", err);
	ok(strcmp(m.kind, "NS") == 0 && m.nerrors == 2 && strcmp(m.errors[0].code, "00404") == 0,
	   "its content: an NS with its errors");
	ok(m.is_signed && m.sig_verified && strcmp(m.signer, "Sistema di Interscambio") == 0,
	   "signed, the signature verifies, by its certificate's name");
	sdi_msg_free(&m);
	ok(sdi_msg_read("IT01234567890_0000A_NS_001.xml.p7m", b64, blen, &m, err) == 0 &&
		   strcmp(m.sdi_id, "5001") == 0 && m.is_signed,
	   "a base64 .p7m read: %s", err);
	sdi_msg_free(&m);
	/* a .p7m named so that holds plain XML */
	ok(sdi_msg_read("IT01234567890_0000A_NS_001.xml.p7m", (const unsigned char *)x, strlen(x),
			&m, err) < 0 &&
		   strstr(err, "not a signed file") != NULL,
	   "plain XML named .p7m: %s", err);
	/* a signature over a file that is no message */
	free(der);
	der = sdi_fix_sign("just text", 0, &dlen);
	ok(der != NULL && sdi_msg_read("x_NS_001.xml.p7m", der, dlen, &m, err) < 0 &&
		   strstr(err, "not well-formed XML") != NULL,
	   "a signed text: %s", err);
	free(der);
	free(b64);
	free(x);
}

static void
test_names(void)
{
	char k[4];

	ok(sdi_msg_name_kind("IT01234567890_0000A_NS_001.xml", k) && strcmp(k, "NS") == 0,
	   "NS from the name");
	ok(sdi_msg_name_kind("/some/where/IT01234567890_0000A_RC_012.xml.p7m", k) &&
		   strcmp(k, "RC") == 0,
	   "RC from a path to a .p7m");
	ok(sdi_msg_name_kind("IT01234567890_0000A_DT_001", k) && strcmp(k, "DT") == 0,
	   "DT with no extension");
	ok(!sdi_msg_name_kind("IT01234567890_0000A.xml", k), "an invoice's name: no kind");
	ok(!sdi_msg_name_kind("IT01234567890_0000A_ZZ_001.xml", k), "an unknown kind: none");
	ok(!sdi_msg_name_kind("NS_001.xml", k), "no file before the kind: none");
	ok(!sdi_msg_name_kind("", k), "an empty name: none");
}

/* xml must be refused with a message holding want. */
static void
refused(const char *what, const char *name, const char *xml, size_t len, const char *want)
{
	struct sdi_msg m;
	char err[ERR_SIZE] = "";
	int rc = sdi_msg_read(name, (const unsigned char *)xml, len, &m, err);

	ok(rc < 0 && strstr(err, want) != NULL, "%s: refused: %s", what, err);
	if (rc == 0)
		sdi_msg_free(&m);
}

static void
refused_inner(const char *what, const char *root, const char *ns, const char *inner,
	      const char *want)
{
	char *x = sdi_fix_wrap(root, ns, inner);

	refused(what, "IT01234567890_0000A_NS_001.xml", x, strlen(x), want);
	free(x);
}

static void
test_hostile(void)
{
	const char *ns_ok = "<IdentificativoSdI>1</IdentificativoSdI><NomeFile>" "IT1_0000A.xml"
			    "</NomeFile><ListaErrori><Errore><Codice>00404</Codice></Errore>"
			    "</ListaErrori>";
	struct buf b = { 0 };
	char *x, *y;

	refused("not XML", "IT01234567890_0000A_NS_001.xml", "hello", 5, "not well-formed XML");
	refused("empty", "IT01234567890_0000A_NS_001.xml", "", 0, "empty");
	x = xasprintf("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaa\">]>\n"
		      "<types:NotificaScarto xmlns:types=\"%s\">&a;</types:NotificaScarto>",
		      SDI_MSG_NAMESPACE);
	refused("a DOCTYPE with an entity", "x_NS_001.xml", x, strlen(x), "DOCTYPE");
	free(x);
	/* too deep: 30 levels inside the Note */
	buf_adds(&b, ns_ok);
	buf_adds(&b, "<Note>");
	for (int i = 0; i < 30; i++)
		buf_adds(&b, "<a>");
	for (int i = 0; i < 30; i++)
		buf_adds(&b, "</a>");
	buf_adds(&b, "</Note>");
	refused_inner("nested 30 deep", "NotificaScarto", SDI_MSG_NAMESPACE, b.data, "deeper");
	free(b.data);
	refused_inner("another namespace", "NotificaScarto",
		      "http://www.fatturapa.gov.it/sdi/messaggi/v9.9", ns_ok, "namespace");
	x = xasprintf("<NotificaScarto>%s</NotificaScarto>", ns_ok);
	refused("no namespace", "x_NS_001.xml", x, strlen(x), "namespace");
	free(x);
	refused_inner("no NomeFile", "NotificaScarto", SDI_MSG_NAMESPACE,
		      "<IdentificativoSdI>1</IdentificativoSdI><ListaErrori><Errore><Codice>1"
		      "</Codice></Errore></ListaErrori>",
		      "no NomeFile");
	refused_inner("an empty NomeFile", "NotificaScarto", SDI_MSG_NAMESPACE,
		      "<IdentificativoSdI>1</IdentificativoSdI><NomeFile>  </NomeFile>",
		      "no NomeFile");
	refused_inner("a NomeFile with a folder", "NotificaScarto", SDI_MSG_NAMESPACE,
		      "<IdentificativoSdI>1</IdentificativoSdI><NomeFile>../etc/x.xml</NomeFile>",
		      "not a file's name");
	refused_inner("no IdentificativoSdI", "NotificaScarto", SDI_MSG_NAMESPACE,
		      "<NomeFile>IT1_0000A.xml</NomeFile>", "no IdentificativoSdI");
	refused_inner("an NS with no error", "NotificaScarto", SDI_MSG_NAMESPACE,
		      "<IdentificativoSdI>1</IdentificativoSdI><NomeFile>IT1_0000A.xml</NomeFile>"
		      "<ListaErrori/>",
		      "no Errore");
	refused_inner("an Errore with no Codice", "NotificaScarto", SDI_MSG_NAMESPACE,
		      "<IdentificativoSdI>1</IdentificativoSdI><NomeFile>IT1_0000A.xml</NomeFile>"
		      "<ListaErrori><Errore><Descrizione>x</Descrizione></Errore></ListaErrori>",
		      "no Codice");
	x = sdi_fix_wrap("NotificaEsito", SDI_MSG_NAMESPACE,
			 "<IdentificativoSdI>1</IdentificativoSdI><NomeFile>IT1_0000A.xml</NomeFile>"
			 "<EsitoCommittente><Esito>EC03</Esito></EsitoCommittente>");
	refused("an NE with Esito EC03", "IT1_0000A_NE_001.xml", x, strlen(x), "EC03");
	free(x);
	x = sdi_fix_msg("NS", "1", F);
	refused("named RC, holding an NS", "IT01234567890_0000A_RC_001.xml", x, strlen(x),
		"says RC, but it holds a NotificaScarto");
	free(x);
	refused_inner("an invoice, not a message", "FatturaElettronica", SDI_MSG_NAMESPACE, ns_ok,
		      "no SdI message");
	x = xasprintf("<IdentificativoSdI>%0100d</IdentificativoSdI>", 1);
	refused_inner("an IdentificativoSdI of 100 digits", "NotificaScarto", SDI_MSG_NAMESPACE, x,
		      "longer than");
	free(x);
	/* larger than the limit, however well-formed */
	y = xmalloc(SDI_MSG_MAX_XML + 100);
	memset(y, ' ', SDI_MSG_MAX_XML + 99);
	y[SDI_MSG_MAX_XML + 99] = '\0';
	x = xasprintf("%s<Note>%s</Note>", ns_ok, y);
	refused_inner("past the size limit", "NotificaScarto", SDI_MSG_NAMESPACE, x, "larger than");
	free(x);
	free(y);

	/* control characters and escapes in a text become '?' */
	{
		struct sdi_msg m;
		char err[ERR_SIZE] = "";
		char *z = sdi_fix_wrap("NotificaScarto", SDI_MSG_NAMESPACE,
				       "<IdentificativoSdI>1</IdentificativoSdI><NomeFile>IT1_0000A.xml"
				       "</NomeFile><ListaErrori><Errore><Codice>00404</Codice>"
				       "<Descrizione>a&#x9b;[2Jb</Descrizione></Errore></ListaErrori>");

		ok(rd("IT1_0000A_NS_001.xml", z, &m, err) == 0 && m.nerrors == 1 &&
			   strcmp(m.errors[0].text, "a??[2Jb") == 0,
		   "a C1 CSI in a Descrizione made printable: %s",
		   m.nerrors ? m.errors[0].text : err);
		if (m.kind[0])
			sdi_msg_free(&m);
		free(z);
	}
}

int
main(void)
{
	test_kinds();
	test_signed();
	test_names();
	test_hostile();
	return tap_done();
}
