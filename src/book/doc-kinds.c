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
 * invoice keeps its supplier's number.
 *
 * The self-invoices of reverse charge (integrazioni, TD16 to TD19) share
 * one numbering of their own, "AUT", apart from the sales invoices': in
 * their FatturaPA file the cedente is the supplier, not the company, so
 * SdI's uniqueness (cedente, number, year) never meets the company's own
 * invoices, and a shared sequence would leave a gap in the invoices the
 * customers see for every purchase integrated. One sequence for the four
 * types, since the type is the draft's to change until it is issued and
 * the register of the integrations is one. */
static const struct doc_kind kinds[] = {
	{ "PRE", N_("Quote"), "", "S", "PRE", DK_NUMBERED, NULL },
	{ "ORD", N_("Customer order"), "", "S", "ORD", DK_NUMBERED, NULL },
	{ "DDT", N_("Delivery note"), "", "S", "DDT", DK_NUMBERED | DK_STOCK, NULL },
	{ "FAT", N_("Invoice"), "TD01", "S", "F", DK_FISCAL | DK_NUMBERED | DK_STOCK, NULL },
	{ "FTD", N_("Deferred invoice"), "TD24", "S", "F", DK_FISCAL | DK_NUMBERED, NULL },
	{ "ACC", N_("Advance invoice"), "TD02", "S", "F", DK_FISCAL | DK_NUMBERED, NULL },
	{ "NC", N_("Credit note"), "TD04", "S", "F", DK_FISCAL | DK_NUMBERED, NULL },
	{ "ND", N_("Debit note"), "TD05", "S", "F", DK_FISCAL | DK_NUMBERED, NULL },
	{ "PAR", N_("Parcella"), "TD06", "S", "F", DK_FISCAL | DK_NUMBERED, NULL },
	{ "OF", N_("Supplier order"), "", "P", "OF", DK_NUMBERED, NULL },
	{ "FA", N_("Purchase invoice"), NULL, "P", "", DK_FISCAL | DK_STOCK, NULL },
	{ "AUT", N_("Self-invoice (reverse charge)"), "TD16", "S", "AUT",
	  DK_FISCAL | DK_NUMBERED | DK_SELF, "TD16 TD17 TD18 TD19" },
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

int
doc_kind_takes_type(const struct doc_kind *k, const char *type)
{
	size_t n = strlen(type);

	if (k->types == NULL)
		return k->type == NULL ? n > 0 : strcmp(k->type, type) == 0;
	for (const char *p = k->types; *p != '\0'; p += strcspn(p, " "), p += strspn(p, " "))
		if (n > 0 && strncmp(p, type, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}
