/* The F24 semplificato and the F24 Elide: the two other models of the F24
 * register (f24.h), told apart by the form's model field. The semplificato
 * has one grid whose rows each name their section (ER, RG, EL), at most
 * ten; the Elide ("Erario ed altro", elementi identificativi) has a codice
 * ufficio and atto on the form and rows of tipo, elementi identificativi,
 * codice tributo of the ID section, anno and debit, with no credit column:
 * the model offsets no credit. Their rows feed f24_totals, so the saldo
 * finale, the payment and the print read them as the ordinario's. */
#ifndef SCRIVANO_F24_MODELS_H
#define SCRIVANO_F24_MODELS_H

#include <stdint.h>

#include "book/f24.h"
#include "book/record.h"

/* The comuni by codice catastale, and the Elide's tipi (format in their
 * headers). */
#define CODELIST_COMUNI "data/comuni.txt"
#define CODELIST_F24_ELIDE_TIPI "data/f24-elide-tipi.txt"

/* F24_MODEL's values. */
#define F24_MODEL_ORDINARIO 'O'
#define F24_MODEL_SEMPLIFICATO 'S'
#define F24_MODEL_ELIDE 'E'

/* The form's grids after the ordinario's six sections (enum f24_section). */
enum f24_model_child {
	F24_SEMPLIFICATO = F24_NSECTIONS,
	F24_ELIDE,
	F24_NCHILDREN
};

/* The rows the semplificato's paper form holds. */
#define F24_SEMPLIFICATO_ROWS 10

/* A field a model's rows lack (the Elide's rateazione and credit). */
#define F24_NO_FIELD ((size_t)-1)

enum f24_semplificato_field {
	F24S_SECTION, /* ER, RG or EL */
	F24S_CODE,
	F24S_ENTE,    /* EL: the comune's codice catastale; RG: the codice regione */
	F24S_RAVV, F24S_VARIATI, F24S_ACCONTO, F24S_SALDO, /* 1 or 0 */
	F24S_NUMERO,  /* numero immobili */
	F24S_RATE,    /* rateazione NNRR or mese rif. 00MM */
	F24S_YEAR,
	F24S_DETRAZIONE, F24S_DEBIT, F24S_CREDIT, /* cents */
	F24S_NFIELDS
};

enum f24_elide_field {
	F24E_TIPO,     /* of data/f24-elide-tipi.txt */
	F24E_ELEMENTI, /* elementi identificativi: a contract's code, a frame number... */
	F24E_CODE,     /* codice tributo, section ID */
	F24E_YEAR,
	F24E_DEBIT,
	F24E_NFIELDS
};

extern const struct record_kind f24_semplificato_kind, f24_elide_kind;

/* The form's model rules (f24_validate calls it): the rows of each grid only
 * in the model that has it, at most ten in the semplificato, codice ufficio
 * and atto only on an Elide. 0 or REC_INVALID with the message. */
int f24_models_validate(const struct record *f24, size_t *bad, char *err);
/* Adds the semplificato's rows to their sections' debits and credits (ER
 * to Erario, RG to Regioni, EL to IMU e altri tributi locali) and the
 * Elide's debits to Erario ("Erario ed altro"); f24_totals calls it before
 * it sums up. */
void f24_models_totals(const struct record *f24, struct f24_totals *t);
/* A local tax row's codice ente: a comune's codice catastale of
 * data/comuni.txt, or the province's sigla for the diritto camerale (3850
 * to 3852). 0 or REC_INVALID naming the rule. */
int f24_ente_validate(const struct record *r, size_t fente, size_t fcode, size_t *bad,
		      char *err);

/* Field checks: the model, the Elide's codice ufficio (3 letters or
 * digits) and codice atto (11 digits). */
int f24_check_model(const char *v, char *err);
int f24_check_office(const char *v, char *err);
int f24_check_act(const char *v, char *err);

/* The ordinario's checks, shared (f24.c). */
int f24_tax_row_validate(const struct record *r, const char *section, size_t fcode, size_t frate,
			 size_t fyear, size_t fdebit, size_t fcredit, size_t *bad, char *err);
int f24_check_cents(const char *v, char *err);
int f24_check_year(const char *v, char *err);
int f24_check_four(const char *v, char *err);
int f24_check_tax_code(const char *v, char *err);
int f24_check_flag(const char *v, char *err);
int f24_check_region(const char *v, char *err);
int64_t f24_cents(const char *v);

#endif
