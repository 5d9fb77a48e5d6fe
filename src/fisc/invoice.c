/* The invoice model's memory: invoices, bodies and their arrays (lines,
 * summary, cassa, payments, causale), allocated and freed. (The code tables
 * are codes.c's, the arithmetic compute.c's.) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fisc/invoice.h"
#include "util/i18n.h"
#include "util/util.h"

/* Memory. */

struct fpa_invoice *
fpa_invoice_new(void)
{
	struct fpa_invoice *inv = xcalloc(1, sizeof *inv);

	str_copy(inv->seller.addr.country, "IT", sizeof inv->seller.addr.country);
	str_copy(inv->buyer.addr.country, "IT", sizeof inv->buyer.addr.country);
	return inv;
}

static void
party_free(struct fpa_party *p)
{
	free(p->name);
	free(p->first);
	free(p->last);
	free(p->addr.street);
	free(p->addr.city);
}

static void
body_free(struct fpa_body *b)
{
	for (size_t i = 0; i < b->ncausale; i++)
		free(b->causale[i]);
	free(b->causale);
	for (size_t i = 0; i < b->nlines; i++) {
		free(b->lines[i].descr);
		free(b->lines[i].norm);
	}
	free(b->lines);
	for (size_t i = 0; i < b->nvat; i++)
		free(b->vat[i].norm);
	free(b->vat);
	free(b->cassa);
	free(b->pay);
	for (size_t i = 0; i < b->nddt; i++)
		free(b->ddt[i].lines);
	free(b->ddt);
	for (int i = 0; i < b->nattach; i++) {
		free(b->attach[i].name);
		free(b->attach[i].format);
		free(b->attach[i].descr);
		free(b->attach[i].compression);
		free(b->attach[i].data);
	}
	free(b->attach);
}

void
fpa_invoice_free(struct fpa_invoice *inv)
{
	if (inv == NULL)
		return;
	party_free(&inv->seller);
	party_free(&inv->buyer);
	free(inv->pec);
	for (size_t i = 0; i < inv->nbodies; i++)
		body_free(&inv->bodies[i]);
	free(inv->bodies);
	free(inv);
}

/* Appends one zeroed element to an array of n elements. */
static void *
grow(void *arr, size_t *n, size_t size)
{
	char *p = xreallocarray(arr, *n + 1, size);

	memset(p + *n * size, 0, size);
	(*n)++;
	return p;
}

struct fpa_body *
fpa_body_add(struct fpa_invoice *inv)
{
	struct fpa_body *b;

	inv->bodies = grow(inv->bodies, &inv->nbodies, sizeof *inv->bodies);
	b = &inv->bodies[inv->nbodies - 1];
	str_copy(b->type, "TD01", sizeof b->type);
	str_copy(b->currency, "EUR", sizeof b->currency);
	return b;
}

struct fpa_attachment *
fpa_attachment_add(struct fpa_body *b)
{
	size_t n = (size_t)b->nattach;

	b->attach = grow(b->attach, &n, sizeof *b->attach);
	b->nattach = (int)n;
	return &b->attach[n - 1];
}

struct fpa_line *
fpa_line_add(struct fpa_body *b)
{
	struct fpa_line *l;

	b->lines = grow(b->lines, &b->nlines, sizeof *b->lines);
	l = &b->lines[b->nlines - 1];
	l->number = (int)b->nlines;
	return l;
}

struct fpa_vat *
fpa_vat_add(struct fpa_body *b)
{
	b->vat = grow(b->vat, &b->nvat, sizeof *b->vat);
	return &b->vat[b->nvat - 1];
}

struct fpa_cassa *
fpa_cassa_add(struct fpa_body *b)
{
	b->cassa = grow(b->cassa, &b->ncassa, sizeof *b->cassa);
	return &b->cassa[b->ncassa - 1];
}

struct fpa_payment *
fpa_payment_add(struct fpa_body *b)
{
	struct fpa_payment *p;

	b->pay = grow(b->pay, &b->npay, sizeof *b->pay);
	p = &b->pay[b->npay - 1];
	str_copy(p->terms, "TP02", sizeof p->terms);
	str_copy(p->mode, "MP05", sizeof p->mode);
	return p;
}

struct fpa_ddt *
fpa_ddt_add(struct fpa_body *b)
{
	b->ddt = grow(b->ddt, &b->nddt, sizeof *b->ddt);
	return &b->ddt[b->nddt - 1];
}

void
fpa_ddt_add_line(struct fpa_ddt *t, int line)
{
	t->lines = xreallocarray(t->lines, t->nlines + 1, sizeof *t->lines);
	t->lines[t->nlines++] = line;
}

void
fpa_causale_add(struct fpa_body *b, const char *text)
{
	b->causale = xreallocarray(b->causale, b->ncausale + 1, sizeof *b->causale);
	b->causale[b->ncausale++] = xstrdup(text);
}

const char *
fpa_party_name(const struct fpa_party *p, char *buf, size_t size)
{
	if (p->name && *p->name)
		str_copy(buf, p->name, size);
	else
		snprintf(buf, size, "%s %s", p->first ? p->first : "", p->last ? p->last : "");
	return buf;
}
