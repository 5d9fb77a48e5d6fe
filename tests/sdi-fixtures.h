/* SdI's messages made by hand for the tests (the MessaggiTypes element
 * names, written from the specification), and a CMS signature over one
 * made with libcrypto: a new EC key and a self-signed certificate, DER or
 * base64, as a .p7m holds it. */
#ifndef SCRIVANO_SDI_FIXTURES_H
#define SCRIVANO_SDI_FIXTURES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "util/util.h"

#define SDI_FIX_NS "http://www.fatturapa.gov.it/sdi/messaggi/v1.0"

/* <types:root xmlns:types=ns versione="1.0">inner</types:root>, newly
 * allocated. */
static char *
sdi_fix_wrap(const char *root, const char *ns, const char *inner)
{
	return xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			 "<types:%s xmlns:types=\"%s\" "
			 "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" versione=\"1.0\">\n"
			 "%s</types:%s>\n",
			 root, ns, inner, root);
}

/* A message of kind (RC NS MC NE DT AT; "NE2": an NE with EC02; EC SE)
 * with IdentificativoSdI sdi_id answering the file nome_file. */
static char *
sdi_fix_msg(const char *kind, const char *sdi_id, const char *nome_file)
{
	char head[512];
	const char *root = NULL, *rest = NULL;
	char *inner, *xml;

	snprintf(head, sizeof head,
		 "  <IdentificativoSdI>%s</IdentificativoSdI>\n  <NomeFile>%s</NomeFile>\n", sdi_id,
		 nome_file);
	if (strcmp(kind, "RC") == 0) {
		root = "RicevutaConsegna";
		rest = "  <Hash>6b1f0c3a</Hash>\n"
		       "  <DataOraRicezione>2026-12-01T10:00:00.000+01:00</DataOraRicezione>\n"
		       "  <DataOraConsegna>2026-12-01T10:05:00.000+01:00</DataOraConsegna>\n"
		       "  <Destinatario><Codice>ABC1234</Codice><Descrizione>Bianchi srl"
		       "</Descrizione></Destinatario>\n"
		       "  <MessageId>901</MessageId>\n  <Note>consegnata</Note>\n"
		       "  <ds:Signature><ds:SignedInfo/></ds:Signature>\n";
	} else if (strcmp(kind, "NS") == 0) {
		root = "NotificaScarto";
		rest = "  <Hash>6b1f0c3a</Hash>\n"
		       "  <DataOraRicezione>2026-12-01T10:00:00.000+01:00</DataOraRicezione>\n"
		       "  <ListaErrori>\n"
		       "    <Errore><Codice>00404</Codice><Descrizione>Fattura duplicata"
		       "</Descrizione><Suggerimento>Verificare che il numero non sia gia stato "
		       "trasmesso</Suggerimento></Errore>\n"
		       "    <Errore><Codice>00423</Codice><Descrizione>2.2.1.11 PrezzoTotale non "
		       "calcolato secondo le specifiche tecniche</Descrizione></Errore>\n"
		       "  </ListaErrori>\n  <MessageId>902</MessageId>\n";
	} else if (strcmp(kind, "MC") == 0) {
		root = "NotificaMancataConsegna";
		rest = "  <DataOraRicezione>2026-12-01T10:00:00.000+01:00</DataOraRicezione>\n"
		       "  <Descrizione>Casella PEC del destinatario piena</Descrizione>\n"
		       "  <MessageId>903</MessageId>\n";
	} else if (strcmp(kind, "NE") == 0 || strcmp(kind, "NE2") == 0) {
		root = "NotificaEsito";
		rest = strcmp(kind, "NE") == 0
			       ? "  <EsitoCommittente><IdentificativoSdI>1</IdentificativoSdI>"
				 "<Esito>EC01</Esito><Descrizione>Accettata</Descrizione>"
				 "</EsitoCommittente>\n  <MessageId>904</MessageId>\n"
			       : "  <EsitoCommittente><IdentificativoSdI>1</IdentificativoSdI>"
				 "<Esito>EC02</Esito><Descrizione>CIG errato</Descrizione>"
				 "</EsitoCommittente>\n  <MessageId>905</MessageId>\n";
	} else if (strcmp(kind, "DT") == 0) {
		root = "NotificaDecorrenzaTermini";
		rest = "  <Descrizione>Decorsi i termini</Descrizione>\n  <MessageId>906</MessageId>\n";
	} else if (strcmp(kind, "AT") == 0) {
		root = "AttestazioneTrasmissioneFattura";
		rest = "  <DataOraRicezione>2026-12-01T10:00:00.000+01:00</DataOraRicezione>\n"
		       "  <Destinatario><Codice>UFF001</Codice><Descrizione>Comune"
		       "</Descrizione></Destinatario>\n  <MessageId>907</MessageId>\n";
	} else if (strcmp(kind, "EC") == 0) {
		root = "NotificaEsitoCommittente";
		rest = "  <Esito>EC01</Esito>\n";
	} else if (strcmp(kind, "SE") == 0) {
		root = "ScartoEsitoCommittente";
		rest = "  <Scarto>EN00</Scarto>\n  <MessageId>908</MessageId>\n";
	}
	if (root == NULL)
		return NULL;
	inner = xasprintf("%s%s", head, rest);
	xml = sdi_fix_wrap(root, SDI_FIX_NS, inner);
	free(inner);
	return xml;
}

/* xml signed (CMS SignedData, content included), DER or base64, newly
 * allocated, its length in *len; NULL when libcrypto fails. */
static unsigned char *
sdi_fix_sign(const char *xml, int base64, size_t *len)
{
	EVP_PKEY *key = EVP_EC_gen("P-256");
	X509 *x = X509_new();
	X509_NAME *nm;
	BIO *in, *out, *b64 = NULL;
	CMS_ContentInfo *cms;
	unsigned char *res = NULL;
	char *mem;
	long n;

	if (key == NULL || x == NULL)
		return NULL;
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), 0);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400);
	X509_set_pubkey(x, key);
	nm = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(nm, "CN", MBSTRING_UTF8,
				   (const unsigned char *)"Sistema di Interscambio", -1, -1, 0);
	X509_set_issuer_name(x, nm);
	X509_sign(x, key, EVP_sha256());
	in = BIO_new_mem_buf(xml, (int)strlen(xml));
	cms = CMS_sign(x, key, NULL, in, CMS_BINARY);
	out = BIO_new(BIO_s_mem());
	if (cms != NULL) {
		BIO *to = out;
		if (base64) {
			b64 = BIO_new(BIO_f_base64());
			to = BIO_push(b64, out);
		}
		if (i2d_CMS_bio(to, cms) == 1 && BIO_flush(to) == 1) {
			n = BIO_get_mem_data(out, &mem);
			res = malloc((size_t)n);
			memcpy(res, mem, (size_t)n);
			*len = (size_t)n;
		}
		if (b64 != NULL)
			BIO_pop(b64);
	}
	BIO_free(b64);
	BIO_free(out);
	BIO_free(in);
	CMS_ContentInfo_free(cms);
	X509_free(x);
	EVP_PKEY_free(key);
	return res;
}

#endif
