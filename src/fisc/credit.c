/* A credit note (TD04) crediting a whole invoice: its own lines and
 * options, never the lines the invoice's computation made (its bollo's
 * rivalsa, its discount lines, which the note's own computation makes
 * again from the options). */
#include "config.h"

#include <string.h>

#include "fisc/doc-rules.h"
#include "util/util.h"

void
fpa_credit_note_from(const struct fpa_body *inv, struct fpa_body *cn)
{
	str_copy(cn->type, "TD04", sizeof cn->type);
	str_copy(cn->currency, inv->currency, sizeof cn->currency);
	str_copy(cn->rel_id, inv->number, sizeof cn->rel_id);
	str_copy(cn->rel_date, inv->date, sizeof cn->rel_date);
	for (size_t i = 0; i < inv->nlines; i++) {
		const struct fpa_line *from = &inv->lines[i];
		struct fpa_line *l;
		int number;

		if (fpa_line_role(from) != FPA_LINE_USER)
			continue;
		l = fpa_line_add(cn);
		number = l->number;
		*l = *from;
		l->number = number;
		l->descr = xstrdup(from->descr ? from->descr : "");
		l->norm = from->norm ? xstrdup(from->norm) : NULL;
	}
	for (size_t i = 0; i < inv->ncassa; i++) {
		struct fpa_cassa *c = fpa_cassa_add(cn);

		*c = inv->cassa[i];
		c->has_base = 0;
		c->base = c->amount = 0;
	}
	memcpy(cn->wh, inv->wh, sizeof cn->wh);
	cn->nwh = inv->nwh;
	cn->split_payment = inv->split_payment;
	cn->deferred = inv->deferred;
	cn->forfettario = inv->forfettario;
	cn->bollo_off = inv->bollo_off;
	cn->bollo_charged = 0;
	cn->disc_pct = inv->disc_pct;
	cn->disc_amount = inv->disc_amount;
	str_copy(cn->intent_prot, inv->intent_prot, sizeof cn->intent_prot);
	str_copy(cn->intent_date, inv->intent_date, sizeof cn->intent_date);
}
