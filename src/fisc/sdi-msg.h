/* SdI's messages about a file sent to it (the MessaggiTypes schema, v1.1,
 * namespace SDI_MSG_NAMESPACE): the ricevuta di consegna (RC), notifica di
 * scarto (NS) with its list of errors, notifica di mancata consegna (MC),
 * notifica di esito committente (NE: a public administration's EC01 or
 * EC02), notifica di decorrenza termini (DT) and attestazione di avvenuta
 * trasmissione con impossibilità di recapito (AT). The messages between
 * SdI and the buyer (EC, SE) and the metadata file that comes with a
 * received invoice (MT) are recognised, to be named, but are not for the
 * sender. Read from plain XML or a signed .p7m, as safely as the invoice
 * reader: no DTD, no network, bounded size and depth. The XML signature
 * SdI puts in its messages is not verified; a .p7m's is (fatturapa.h). */
#ifndef SCRIVANO_SDI_MSG_H
#define SCRIVANO_SDI_MSG_H

#include <stddef.h>

#define SDI_MSG_NAMESPACE "http://www.fatturapa.gov.it/sdi/messaggi/v1.0"
/* The XML of a message is refused past this size, or nested deeper. */
#define SDI_MSG_MAX_XML (1024 * 1024)
#define SDI_MSG_MAX_DEPTH 24

/* One Errore of a notifica di scarto. */
struct sdi_msg_error {
	char code[16]; /* Codice, "00404" */
	char *text;    /* Descrizione ("" when absent) */
	char *hint;    /* Suggerimento ("" when absent) */
};

struct sdi_msg {
	char kind[4];         /* RC NS MC NE DT AT, or EC SE MT (not for the sender) */
	char sdi_id[24];      /* IdentificativoSdI */
	char file_name[128];  /* NomeFile: the file it answers */
	char hash[72];        /* Hash of that file (SHA-256, hex), when given */
	char received[40];    /* DataOraRicezione, as written ("" when absent) */
	char delivered[40];   /* DataOraConsegna (RC) */
	char message_id[40];  /* MessageId: SdI's id of this message */
	char recipient[24];   /* Destinatario/Codice (RC, AT) */
	char esito[8];        /* NE: EsitoCommittente/Esito, EC01 or EC02 */
	char *text;           /* Descrizione (MC, DT, AT; NE's EsitoCommittente) or "" */
	char *note;           /* Note, or "" */
	struct sdi_msg_error *errors; /* NS: ListaErrori, in order */
	size_t nerrors;
	/* how it came: a .p7m, its signature's check and signer */
	int is_signed, sig_verified;
	char signer[128];
};

/* Reads one message from its bytes (XML or .p7m; name is the file's name
 * or path, used in messages and for the kind its name shows,
 * IT01234567890_0000A_NS_001.xml). Refused, with a message naming what is
 * wrong: not XML, a DOCTYPE, too large or deep, not in SdI's namespace,
 * an element that is no SdI message, a kind other than the one the name
 * shows, no IdentificativoSdI or NomeFile, an NS with no error, an NE
 * with no EC01/EC02. 0 (m filled; free it with sdi_msg_free) or -1. */
int sdi_msg_read(const char *name, const unsigned char *data, size_t len, struct sdi_msg *m,
		 char *err);
void sdi_msg_free(struct sdi_msg *m);

/* The kind a message file's name shows (the two letters before the last
 * '_' of IT01234567890_0000A_NS_001.xml[.p7m]) into kind (4 bytes): 1, or
 * 0 when the name follows no such pattern or names no kind known. */
int sdi_msg_name_kind(const char *name, char *kind);
/* What a kind is, for people ("rejection (notifica di scarto)"),
 * translated; "" for an unknown code. */
const char *sdi_msg_kind_label(const char *kind);
/* Whether SdI sends a message of this kind to the file's sender (RC NS MC
 * NE DT AT): 1 or 0. */
int sdi_msg_for_sender(const char *kind);

#endif
