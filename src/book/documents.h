/* Documents (table documents: purchases imported from FatturaPA, and
 * sales) with their rows as child kinds: lines, VAT summary, withholdings
 * and payment schedule; and the original file a document came in
 * (document_files). Money is integer cents, rates hundredths of a percent
 * (2200 = 22%), quantities and prices their exact decimal text at 2 to 8
 * decimals ("0.00886292", "5.00"). */
#ifndef SCRIVANO_DOCUMENTS_H
#define SCRIVANO_DOCUMENTS_H

#include <stddef.h>
#include <stdint.h>

#include "book/record.h"

/* Most decimals of a quantity or price, and the least written. */
#define DOC_DEC_MAX 8
#define DOC_DEC_MIN 2

enum document_field {
	DOC_DIRECTION,   /* P purchase (received), S sale (issued) */
	DOC_PARTY,       /* parties.id: the supplier or the customer */
	DOC_TYPE,        /* TipoDocumento TD01 ... */
	DOC_NUMBER,      /* Numero, series included */
	DOC_DATE,        /* YYYY-MM-DD */
	DOC_CURRENCY,    /* Divisa, EUR */
	DOC_TAXABLE,     /* cents: the sum of the summary's ImponibileImporto */
	DOC_TAX,         /* cents: the sum of its Imposta */
	DOC_TOTAL,       /* cents: ImportoTotaleDocumento */
	DOC_WITHHOLDING, /* cents: the ritenute */
	DOC_BOLLO,       /* cents: the bollo virtuale */
	DOC_PAYABLE,     /* cents: what the buyer pays the seller */
	DOC_SPLIT,       /* 1: split payment (EsigibilitaIVA S) */
	DOC_CAUSALE,     /* the Causale lines, one a line */
	DOC_FILE,        /* document_files.id of the original file, or empty */
	DOC_FILE_BODY,   /* which body of that file (1, 2...) */
	/* From schema step 13: the documents a business makes. */
	DOC_KIND,        /* doc-kinds.c: PRE, ORD, DDT, FAT, FTD, ACC, NC, ND, PAR, OF, FA, AUT */
	DOC_STATE,       /* D draft, I issued (registered), S sent, P paid */
	DOC_NUMBERING,   /* the kind's numbering group, set at issue */
	DOC_SERIES,      /* sezionale: empty, or a short code ("A") */
	DOC_YEAR,        /* the number's year, set at issue (empty in a draft) */
	DOC_SEQ,         /* the number within numbering, series and year */
	DOC_OP_DATE,     /* the operation's date (delivery), or empty: the date */
	DOC_PAY_TERMS,   /* the schedule: "30/60/90 FM", "0" at sight, or empty */
	DOC_PAY_METHOD,  /* MP01 ... MP23 */
	DOC_IBAN,
	DOC_SDI,         /* CodiceDestinatario, from the party */
	DOC_PEC,         /* PECDestinatario, from the party */
	DOC_PA_OFFICE,   /* a PA's codice univoco ufficio, from the party */
	DOC_ORDER_REF,   /* DatiOrdineAcquisto: the customer's order id */
	DOC_CONTRACT_REF,/* DatiContratto */
	DOC_CIG,
	DOC_CUP,
	DOC_CARRIER,     /* a DDT's transport: the carrier */
	DOC_GOODS_ASPECT,/* aspetto dei beni */
	DOC_PACKAGES,    /* number of packages, or empty */
	DOC_WEIGHT,      /* kg, decimal text, or empty */
	DOC_PORTO,       /* franco, assegnato ... */
	DOC_TRANSPORT_REASON, /* causale del trasporto */
	DOC_TRANSPORT_START,  /* "YYYY-MM-DD HH:MM", or empty */
	DOC_WH_TYPE,     /* the ritenuta asked: RT01 ... RT06, or empty */
	DOC_WH_RATE,     /* hundredths of a percent */
	DOC_WH_CAUSALE,  /* CausalePagamento */
	DOC_CASSA_TYPE,  /* TC01 ... TC22, or empty */
	DOC_CASSA_RATE,  /* AlCassa, hundredths of a percent */
	DOC_CASSA_VAT_RATE, /* the contribution's VAT rate */
	DOC_CASSA_NATURA,   /* its Natura when the rate is 0 */
	DOC_CASSA_RITENUTA, /* 1: the contribution is subject to the ritenuta */
	DOC_CASSA,       /* cents: the contribution computed */
	DOC_DISCOUNT,    /* the document's own discount: "5%" or an amount "12.50" */
	DOC_ROUNDING,    /* cents added to the total (Arrotondamento) */
	DOC_BOLLO_CHARGED, /* 1: the bollo is charged to the customer (a line) */
	DOC_BOLLO_AUTO,  /* 1: the bollo is added when due; 0: never */
	DOC_REGIME,      /* the seller's RegimeFiscale when made (RF01, RF19) */
	DOC_INTENT,      /* the dichiarazione d'intento it is under, as printed */
	DOC_NOTES,       /* printed at the foot */
	/* documents-flow.c: computed, the documents it came from, then those
	 * made from it, each in the order made: "ORD 1/2026 2026-01-12; DDT #7
	 * 2026-01-14" (a draft by its record number). */
	DOC_LINKS,
	/* From the SdI step (sdi.h): the state of its newest FatturaPA file,
	 * X made, S sent, C delivered ... ('' none); read only, written by
	 * sdi.c alone. */
	DOC_SDI_STATE,
	/* documents-integrate.c: computed, how many lines of a purchase a
	 * self-invoice of reverse charge has yet to integrate ("0" for any
	 * other document) */
	DOC_TO_INTEGRATE,
	/* From the SdI messages' step (sdi-msg.h): computed, the errors of
	 * the notifica di scarto that rejected its newest file, "00404
	 * Fattura duplicata; 00423 ..." ('' when that file is not rejected). */
	DOC_SDI_ERRORS,
	/* From dunning: computed, "1" when a sale's customer is marked blocked
	 * for new documents (parties.blocked; a self-invoice never), else ''.
	 * The screens' fill sets it as the party is chosen. */
	DOC_PARTY_BLOCKED,
	/* From the VAT registers' step (vat-book.h): computed, a registered
	 * purchase's protocol in the purchases register, "4/2026" ('' for
	 * any other document, and a purchase still a draft). */
	DOC_VAT_PROTOCOL,
	/* From the deductible VAT's step: the part of a purchase's VAT that
	 * may be deducted, hundredths of a per cent (10000: all of it). */
	DOC_VAT_DEDUCTIBLE,
	DOC_NFIELDS
};

/* A document's state. */
#define DOC_STATE_DRAFT "D"
#define DOC_STATE_ISSUED "I"
#define DOC_STATE_SENT "S"
#define DOC_STATE_PAID "P"

enum document_line_field {
	LINE_NO,          /* NumeroLinea */
	LINE_DESCRIPTION,
	LINE_QTY,         /* decimal text, empty when the file gives none */
	LINE_UNIT,
	LINE_PRICE,       /* decimal text */
	LINE_DISCOUNTS,   /* "SC 10.00%; MG 1.50": kind, percentage or amount a unit */
	LINE_TOTAL,       /* PrezzoTotale, decimal text */
	LINE_VAT_RATE,    /* hundredths of a percent */
	LINE_NATURA,      /* N1 ... N7, with rate 0 */
	LINE_RITENUTA,    /* 1: subject to the ritenuta */
	/* From schema step 13. */
	LINE_TYPE,        /* "" goods or service, T text only, B bollo charged (rivalsa),
			   * SC a discount of the document's */
	LINE_ARTICLE,     /* articles.id, or empty */
	LINE_CODE,        /* the article's code as written on the line */
	LINE_NORM,        /* RiferimentoNormativo of its Natura */
	LINE_FROM,        /* document_lines.id of the line it came from, or empty */
	LINE_NFIELDS
};

enum document_vat_field {
	VAT_RATE,
	VAT_NATURA,
	VAT_TAXABLE,      /* cents */
	VAT_TAX,          /* cents */
	VAT_ROUNDING,     /* cents, Arrotondamento */
	VAT_ESIGIBILITA,  /* I, D, S or empty */
	VAT_NORM,         /* RiferimentoNormativo */
	VAT_NFIELDS
};

enum document_withholding_field {
	WH_TYPE,          /* RT01 ... RT06 */
	WH_RATE,          /* hundredths of a percent */
	WH_AMOUNT,        /* cents */
	WH_CAUSALE,       /* CausalePagamento A, B ... */
	WH_NFIELDS
};

enum document_payment_field {
	PAY_TERMS,        /* TP01 ... TP03, or empty */
	PAY_MODE,         /* MP01 ... MP23, or empty */
	PAY_DUE,          /* YYYY-MM-DD, or empty */
	PAY_AMOUNT,       /* cents */
	PAY_IBAN,
	PAY_PAID,         /* YYYY-MM-DD when paid, or empty */
	PAY_NFIELDS
};

/* The children of documents_kind, in this order. */
enum document_child {
	DOC_LINES,
	DOC_VAT,
	DOC_WITHHOLDINGS,
	DOC_PAYMENTS,
	DOC_NCHILDREN
};

/* The kinds of document (doc-kinds.c): what each is, its TipoDocumento,
 * its side and numbering group, and what it does to stock. */
#define DK_FISCAL 0x1u    /* an invoice or note: TipoDocumento, goes to SdI */
#define DK_NUMBERED 0x2u  /* numbered by the book at issue (not the supplier's) */
#define DK_STOCK 0x4u     /* moves stock (a DDT; an invoice with no DDT before it) */
#define DK_SELF 0x8u      /* a self-invoice of reverse charge (TD16-TD19): its party is
			   * the supplier, the cedente of its file, the company the
			   * cessionario (documents-integrate.c) */
struct doc_kind {
	const char *code;      /* DOC_KIND */
	const char *label;     /* English msgid: "Invoice" */
	const char *type;      /* its TipoDocumento, "" when none, NULL: any (purchases) */
	const char *direction; /* "S" sale, "P" purchase */
	const char *numbering; /* its numbering group ("F": invoices and notes) */
	unsigned flags;        /* DK_* */
	const char *types;     /* the TipoDocumento it may take, type the first
				* ("TD16 TD17 TD18 TD19"); NULL: type only */
};
/* The kind of code, or NULL. */
const struct doc_kind *doc_kind_find(const char *code);
/* The i-th kind (from 0), or NULL past the last. */
const struct doc_kind *doc_kind_at(size_t i);
/* Whether a document of kind k may be of TipoDocumento type. */
int doc_kind_takes_type(const struct doc_kind *k, const char *type);

extern const struct record_kind documents_kind;
extern const struct record_kind document_lines_kind;
extern const struct record_kind document_vat_kind;
extern const struct record_kind document_withholdings_kind;
extern const struct record_kind document_payments_kind;

/* Checks of the values documents hold, for their kinds and the screens:
 * 0, or -1 with a short message that does not name the field. */
/* An amount in cents: an integer, sign allowed (a credit note's). */
int check_doc_cents(const char *v, char *err);
/* A decimal as the book writes it: '-' optional, no leading zeros, '.',
 * and 2 to 8 decimals with no trailing zero past the second. */
int check_doc_decimal(const char *v, char *err);
/* A rate in hundredths of a percent, 0 to 10000. */
int check_doc_rate(const char *v, char *err);
/* A Natura code: N1 ... N7, with a sub-code (N2.1) or, in old files, not. */
int check_doc_natura(const char *v, char *err);
/* A TipoRitenuta, RT01 to RT06. */
int check_doc_wh_type(const char *v, char *err);

/* The document of direction, party, number and date, when there is one:
 * 1 with its id, 0 when none, REC_ERROR. */
int document_find(struct book *b, const char *direction, int64_t party, const char *number,
		  const char *date, int64_t *id, char *err);

/* An original file as received: its name (no folder), its bytes (the .p7m
 * when signed), whether it was signed, whether the signature verified and
 * by whom. */
struct document_file {
	const char *name;
	const void *data;
	size_t len;
	int is_signed, signature_ok;
	const char *signer;
};
/* Stores f (its SHA-256 computed here) in one transaction, which nests in
 * the caller's: the record_save of the documents that name it may share
 * it. *id gets its id. 0 or REC_ERROR. */
int document_file_store(struct book *b, const struct document_file *f, int64_t *id,
			char *err);

#endif
