/* The invoice model: one FatturaPA file is a header (transmission, seller,
 * buyer) and one or more bodies (each a document with its lines, VAT
 * summary, withholdings, bollo and payments). Money is int64 cents; rates
 * are int64 hundredths of a percent (2200 = 22.00%); quantities and prices
 * are fixed-point decimals. */
#ifndef SCRIVANO_INVOICE_H
#define SCRIVANO_INVOICE_H

#include <stddef.h>
#include <stdint.h>

#include "util/decimal.h"

/* AltriDatiGestionali/TipoDato of a dichiarazione d'intento (N3.5). */
#define FPA_INTENT_TIPO_DATO "INTENTO"
/* Bollo: due when the part not subject to VAT is strictly above this. */
#define FPA_BOLLO_THRESHOLD 7747
#define FPA_BOLLO_AMOUNT 200
/* Scales: unit prices and quantities up to 8 decimals, as the schema. */
#define FPA_PRICE_SCALE 8
#define FPA_MAX_DISCOUNTS 8
#define FPA_MAX_WITHHOLDINGS 4
/* RiferimentoNormativo: at most this many characters (String100LatinType). */
#define FPA_NORM_MAX 100

struct fpa_address {
	char *street;        /* Indirizzo */
	char civic[9];       /* NumeroCivico */
	char cap[6];
	char *city;          /* Comune */
	char province[3];
	char country[3];     /* Nazione */
};

struct fpa_party {
	char vat_country[3]; /* IdFiscaleIVA/IdPaese */
	char vat_id[29];     /* IdFiscaleIVA/IdCodice: the partita IVA */
	char cf[17];         /* CodiceFiscale */
	char *name;          /* Denominazione, or NULL for a person */
	char *first, *last;  /* Nome and Cognome of a person */
	char regime[5];      /* RegimeFiscale (seller only): RF01 ... */
	struct fpa_address addr;
};

struct fpa_discount {
	char kind[3];        /* "SC" sconto or "MG" maggiorazione */
	int has_pct, has_amount;
	struct dec pct;      /* Percentuale */
	struct dec amount;   /* Importo, per unit */
};

/* What made a line: the user, or fpa_compute (which removes and makes
 * again the lines it made, so that computing twice adds nothing). A line
 * kept without its role (the book's rows) is recognised by fpa_line_role. */
enum fpa_line_role {
	FPA_LINE_USER,
	FPA_LINE_BOLLO,      /* the bollo charged to the customer (rivalsa) */
	FPA_LINE_DISCOUNT,   /* the document discount, one line per block */
};

struct fpa_line {
	int number;          /* NumeroLinea */
	char kind[3];        /* TipoCessionePrestazione: SC, PR, AB, AC or "" */
	enum fpa_line_role role;
	char *descr;
	int has_qty;
	struct dec qty;      /* Quantita (1 when absent) */
	char unit[11];       /* UnitaMisura */
	struct dec price;    /* PrezzoUnitario, up to 8 decimals */
	struct fpa_discount disc[FPA_MAX_DISCOUNTS];
	int ndisc;
	struct dec total;    /* PrezzoTotale: computed, or as read */
	int64_t rate;        /* AliquotaIVA */
	char natura[5];      /* Natura, "" when taxed */
	int ritenuta;        /* Ritenuta=SI */
	char *norm;          /* the law its Natura rests on, or NULL: not in the
				file's line, but its summary block's
				RiferimentoNormativo */
};

struct fpa_vat {             /* one DatiRiepilogo block */
	int64_t rate;
	char natura[5];
	int has_rounding;
	int64_t rounding;    /* Arrotondamento */
	int64_t taxable;     /* ImponibileImporto */
	int64_t tax;         /* Imposta */
	char esig;           /* EsigibilitaIVA: 'I', 'D', 'S' or 0 */
	char *norm;          /* RiferimentoNormativo */
};

struct fpa_withholding {     /* DatiRitenuta */
	char type[5];        /* RT01 ... RT06 */
	int64_t amount;
	int64_t rate;        /* AliquotaRitenuta */
	char causale[3];     /* CausalePagamento: A, B, ... */
};

struct fpa_cassa {           /* DatiCassaPrevidenziale */
	char type[5];        /* TC01 ... TC22 */
	int64_t al_cassa;    /* AlCassa, hundredths of a percent */
	int64_t amount;      /* ImportoContributoCassa */
	int has_base;
	int64_t base;        /* ImponibileCassa */
	int64_t rate;        /* AliquotaIVA */
	int ritenuta;
	char natura[5];
};

struct fpa_payment {         /* DettaglioPagamento */
	char terms[5];       /* CondizioniPagamento of its block: TP01 ... */
	char mode[5];        /* ModalitaPagamento: MP01 ... */
	char due[11];        /* DataScadenzaPagamento, YYYY-MM-DD or "" */
	int64_t amount;
	int automatic;       /* amount to be computed from what is payable */
	char iban[35];
};

/* A document the invoice refers to (DatiDocumentiCorrelatiType): the
 * customer's order (DatiOrdineAcquisto) or the contract (DatiContratto),
 * with a public administration's CUP and CIG. Absent when id is "". */
struct fpa_docref {
	char id[21];         /* IdDocumento */
	char date[11];       /* Data, YYYY-MM-DD or "" */
	char cup[16];        /* CodiceCUP */
	char cig[16];        /* CodiceCIG */
};

struct fpa_ddt {             /* DatiDDT: a delivery note a TD24 invoices */
	char number[21];     /* NumeroDDT */
	char date[11];       /* DataDDT */
	int *lines;          /* RiferimentoNumeroLinea: the invoice's lines it
				delivered; none when it delivered them all */
	size_t nlines;
};

/* What the arithmetic found, in cents. */
struct fpa_totals {
	int64_t taxable;     /* sum of ImponibileImporto */
	int64_t tax;         /* sum of Imposta */
	int64_t not_vat;     /* the part not subject to VAT, for the bollo */
	int64_t bollo;
	int64_t withholding; /* sum of the ritenute */
	int64_t cassa;
	int64_t total;       /* ImportoTotaleDocumento */
	int64_t payable;     /* what the customer pays to the seller */
};

/* One Allegati block: a file the supplier attached to the document. */
struct fpa_attachment {
	char *name;          /* NomeAttachment, as written (never a path to trust) */
	char *format;        /* FormatoAttachment ("PDF"), or NULL */
	char *descr;         /* DescrizioneAttachment, or NULL */
	char *compression;   /* AlgoritmoCompressione ("ZIP"), or NULL: the bytes
	                      * are kept as sent, never uncompressed here */
	unsigned char *data; /* Attachment, base64-decoded */
	size_t len;
};

struct fpa_body {
	char type[5];        /* TipoDocumento: TD01 ... TD29 */
	char currency[4];    /* Divisa */
	char date[11];       /* Data */
	char number[21];     /* Numero, series included ("12/A") */
	char **causale;
	size_t ncausale;
	struct fpa_withholding wh[FPA_MAX_WITHHOLDINGS];
	int nwh;
	int bollo_virtual;   /* DatiBollo/BolloVirtuale=SI */
	int64_t bollo;       /* ImportoBollo */
	struct fpa_cassa *cassa;
	size_t ncassa;
	int has_doc_total;
	int64_t doc_total;   /* ImportoTotaleDocumento */
	/* DatiGeneraliDocumento/ScontoMaggiorazione as a file has them (the
	 * reader's; fpa_compute makes its own discount as lines instead). */
	struct fpa_discount doc_disc[FPA_MAX_DISCOUNTS];
	int ndoc_disc;
	int has_doc_rounding;
	int64_t doc_rounding;
	char rel_id[21];     /* DatiFattureCollegate: the invoice a credit note */
	char rel_date[11];   /*   refers to */
	struct fpa_docref order;    /* DatiOrdineAcquisto (the first) */
	struct fpa_docref contract; /* DatiContratto (the first) */
	struct fpa_ddt *ddt;        /* DatiDDT, in order */
	size_t nddt;
	struct fpa_line *lines;
	size_t nlines;
	struct fpa_vat *vat;
	size_t nvat;
	struct fpa_payment *pay;
	size_t npay;
	int nattach;         /* Allegati read */
	struct fpa_attachment *attach; /* nattach of them */

	/* Options for fpa_compute. */
	int split_payment;   /* EsigibilitaIVA S: the buyer pays the VAT */
	int deferred;        /* EsigibilitaIVA D */
	int bollo_off;       /* the user turned the automatic bollo off */
	int bollo_charged;   /* the bollo is charged to the customer: a line */
	int forfettario;     /* the seller is in regime forfettario (RF19): no
	                      * VAT, no ritenuta d'acconto, its sentences */
	struct dec disc_pct; /* document discount: a percentage (2 decimals) */
	int64_t disc_amount; /*   or an amount in cents; both 0: none */
	int round_step;      /* round the total to this many cents (5, 100), or
	                      * 0: keep doc_rounding as given (has_doc_rounding) */
	char intent_prot[32];/* dichiarazione d'intento (N3.5): the protocol of
	                      * its receipt (17 digits, '-', 6 digits) */
	char intent_date[11];/*   and its date, YYYY-MM-DD; written as the
	                      * N3.5 lines' AltriDatiGestionali INTENTO */

	struct fpa_totals tot;
};

enum fpa_format { FPA_FPR12, FPA_FPA12 };

struct fpa_invoice {
	enum fpa_format format;
	char tx_country[3];  /* IdTrasmittente */
	char tx_id[29];
	char progressivo[11];/* ProgressivoInvio */
	char dest[8];        /* CodiceDestinatario: 6 (PA) or 7 characters */
	char *pec;           /* PECDestinatario */
	struct fpa_party seller, buyer;
	struct fpa_body *bodies;
	size_t nbodies;
};

struct fpa_invoice *fpa_invoice_new(void);
void fpa_invoice_free(struct fpa_invoice *inv);
struct fpa_body *fpa_body_add(struct fpa_invoice *inv);
struct fpa_line *fpa_line_add(struct fpa_body *b);
struct fpa_vat *fpa_vat_add(struct fpa_body *b);
struct fpa_cassa *fpa_cassa_add(struct fpa_body *b);
struct fpa_payment *fpa_payment_add(struct fpa_body *b);
struct fpa_ddt *fpa_ddt_add(struct fpa_body *b);
/* Names line (its NumeroLinea) among those DDT t delivered. */
void fpa_ddt_add_line(struct fpa_ddt *t, int line);
struct fpa_attachment *fpa_attachment_add(struct fpa_body *b);
void fpa_causale_add(struct fpa_body *b, const char *text);
/* A display name for a party: Denominazione, or "Nome Cognome". */
const char *fpa_party_name(const struct fpa_party *p, char *buf, size_t size);

/* The arithmetic, by the SdI rules, integers only, every amount rounded
 * half away from zero (negative ones too). In order:
 * - the lines fpa_compute made before (roles FPA_LINE_BOLLO, _DISCOUNT,
 *   or recognised as such by fpa_line_role) are removed;
 * - each line: PrezzoTotale = Quantita x (PrezzoUnitario with its
 *   discounts in cascade), rounded to the cent;
 * - the document discount (disc_pct or disc_amount), when set, as one
 *   negative line per (rate, Natura, Ritenuta) group of the lines,
 *   TipoCessionePrestazione SC: a percentage of each group, rounded per
 *   group; an amount shared in proportion to the groups, the odd cents to
 *   the largest; so ImponibileImporto stays the sum of its PrezzoTotale;
 * - the cassa: its base the lines' total but for Natura N1 (anticipated
 *   expenses are no fee) unless given, its rate, its own VAT rate or
 *   Natura joining the summary, its Ritenuta flag;
 * - one summary block per (rate, Natura), Imposta rounded once per block,
 *   EsigibilitaIVA (S under split payment, D deferred, else I) and the
 *   RiferimentoNormativo of its Natura (the forfettario's for N2.2 when
 *   forfettario);
 * - the ritenute: each DatiRitenuta's rate of the flagged lines and cassa;
 * - the bollo: 2.00 when the amounts whose Natura counts are above 77.47
 *   in absolute value (a credit note's too), unless bollo_off; DatiBollo
 *   is set whether or not it is charged; when charged (and the document
 *   is not a credit note, TD04, which never charges it) a line "Rivalsa
 *   imposta di bollo", 2.00, N1, which does not count towards 77.47;
 * - ImportoTotaleDocumento = taxable + VAT + Arrotondamento (round_step,
 *   or doc_rounding as given); payable = that less the ritenute and, under
 *   split payment, the VAT; automatic payments share it, the first taking
 *   the odd cents;
 * - the sentences the law asks for into Causale (fpa_notes_apply,
 *   doc-rules.h).
 * Replaces b->vat. 0, or -1 with a message and the body's figures left
 * unusable: a rate 0 without Natura, a Natura with a rate, N3.5 without
 * the dichiarazione d'intento's protocol and date, split payment
 * with reverse charge (N6.x) or with deferred VAT, a ritenuta with no line
 * subject to it or lines subject to one with none, an unknown RT, TC or
 * causale code, a forfettario with VAT or ritenuta (art. 1 c. 67 L.
 * 190/2014: a forfettario's fees bear no ritenuta) or split payment, a
 * discount or rounding out of range, amounts that overflow. */
int fpa_compute(struct fpa_body *b, char *err);
/* Only the totals, from the body's summary as it stands (for documents read
 * from a file, whose own figures are kept; read-totals.c): total the
 * declared ImportoTotaleDocumento, else what the summary makes
 * (fpa_summary_total); payable the sum of the payments (DatiPagamento)
 * when there are any, else that total less the ritenute and the VAT of the
 * blocks in split payment, the summary's total when the declared one does
 * not agree with it (it may be net of the ritenuta already). */
void fpa_totals_from_summary(struct fpa_body *b);
/* The VAT of the summary blocks with EsigibilitaIVA S. */
int64_t fpa_split_tax(const struct fpa_body *b);
/* The total the summary makes in *expected: ImponibileImporto plus
 * Imposta, plus the bollo when no line charges it, less the document's
 * discounts (doc_disc), plus Arrotondamento. Returns 1 when the body
 * declares no ImportoTotaleDocumento or one that agrees: that total, or
 * the same without the bollo (not charged) or without the discounts
 * (already in the lines); else 0. */
int fpa_summary_total(const struct fpa_body *b, int64_t *expected);
/* The description of the lines fpa_compute makes (document content, in
 * Italian as the XML is: not translated). */
#define FPA_BOLLO_LINE_DESCR "Rivalsa imposta di bollo"
#define FPA_DISCOUNT_LINE_DESCR "Sconto sul documento"
/* The role of a line: its own when set, else FPA_LINE_BOLLO for a line
 * of Natura N1 at 2.00 described FPA_BOLLO_LINE_DESCR, FPA_LINE_DISCOUNT
 * for a line SC whose description starts with FPA_DISCOUNT_LINE_DESCR
 * (so a body loaded from rows that do not keep the role computes the
 * same), else FPA_LINE_USER. */
enum fpa_line_role fpa_line_role(const struct fpa_line *l);
/* The expected PrezzoTotale of a line, unrounded at 8 decimals. */
int fpa_line_expected(const struct fpa_line *l, struct dec *out);
/* base with one discount applied, at scale: Importo, else Percentuale of
 * base, taken whatever its sign; SC subtracts it, MG adds it. */
int fpa_discount_apply(const struct fpa_discount *s, struct dec base, int scale, struct dec *out);

/* Code tables. Each returns the Italian description, or NULL when the code
 * is not one the specification knows. */
const char *fpa_doc_type_name(const char *code);
const char *fpa_natura_name(const char *code);
const char *fpa_payment_mode_name(const char *code);
const char *fpa_regime_name(const char *code);
const char *fpa_cassa_type_name(const char *code);       /* TC01 ... TC22 */
const char *fpa_withholding_type_name(const char *code); /* RT01 ... RT06 */
const char *fpa_causale_name(const char *code);          /* A ... ZO */
/* The RiferimentoNormativo a summary block of this Natura carries by
 * default, or NULL. */
const char *fpa_natura_norm(const char *code);
/* 1 when amounts with this Natura count towards the bollo threshold. */
int fpa_natura_bollo(const char *code);
/* 1 for N6.1 ... N6.9 (reverse charge). */
int fpa_natura_reverse(const char *code);

#endif
