/* The kinds of document a book holds, as one table: what each is called,
 * its TipoDocumento, its side, its numbering group and whether it moves
 * stock. Every view of the documents register is one of these. */
#include "config.h"

#include <string.h>

#include "book/documents.h"
#include "util/i18n.h"
#include "util/util.h"

/* Invoices and notes share one numbering ("F"): the law asks for one
 * progressive number per series that identifies each document, and one
 * sequence keeps a credit note from taking the number of an invoice of
 * the same year. The others are numbered each on their own; a purchase
 * invoice keeps its supplier's number. */
static const struct doc_kind kinds[] = {
	{ "PRE", N_("Quote"), "", "S", "PRE", DK_NUMBERED },
	{ "ORD", N_("Customer order"), "", "S", "ORD", DK_NUMBERED },
	{ "DDT", N_("Delivery note"), "", "S", "DDT", DK_NUMBERED | DK_STOCK },
	{ "FAT", N_("Invoice"), "TD01", "S", "F", DK_FISCAL | DK_NUMBERED | DK_STOCK },
	{ "FTD", N_("Deferred invoice"), "TD24", "S", "F", DK_FISCAL | DK_NUMBERED },
	{ "ACC", N_("Advance invoice"), "TD02", "S", "F", DK_FISCAL | DK_NUMBERED },
	{ "NC", N_("Credit note"), "TD04", "S", "F", DK_FISCAL | DK_NUMBERED },
	{ "ND", N_("Debit note"), "TD05", "S", "F", DK_FISCAL | DK_NUMBERED },
	{ "PAR", N_("Parcella"), "TD06", "S", "F", DK_FISCAL | DK_NUMBERED },
	{ "OF", N_("Supplier order"), "", "P", "OF", DK_NUMBERED },
	{ "FA", N_("Purchase invoice"), NULL, "P", "", DK_FISCAL | DK_STOCK },
};

const struct doc_kind *
doc_kind_find(const char *code)
{
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].code, code) == 0)
			return &kinds[i];
	return NULL;
}

const struct doc_kind *
doc_kind_at(size_t i)
{
	return i < ARRAY_LEN(kinds) ? &kinds[i] : NULL;
}
