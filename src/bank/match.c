/* Bank statements in, the matching step: already in, matched to an
 * unreconciled entry, or new; the book behind callbacks (bank/match.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bank/match.h"
#include "util/i18n.h"
#include "util/util.h"

/* Prefixes the callback's message with the movement's line. */
static int
at_line(const struct statement *st, const struct stmt_movement *m, int rc, char *err)
{
	char msg[ERR_SIZE];

	if (err != NULL) {
		str_copy(msg, err, sizeof msg);
		err_set(err, _("line %ld (%s, %s): %s"), m->line, m->booking,
			st->format == STMT_CAMT053 ? "camt.053" : "CSV", msg);
	}
	return rc < 0 ? rc : -1;
}

int
statement_match(const struct statement *st, const struct stmt_book_ops *ops, void *ctx,
		struct stmt_counts *out, char *err)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < st->n; i++) {
		const struct stmt_movement *m = &st->mv[i];
		int seen = 0, rc;
		int64_t id = 0;

		if (err != NULL)
			err[0] = '\0';
		if ((rc = ops->seen(ctx, m->ref, &seen, err)) < 0)
			return at_line(st, m, rc, err);
		if (seen) {
			out->already++;
			continue;
		}
		if ((rc = ops->find(ctx, m->cents, m->booking, STMT_MATCH_DAYS, &id, err)) < 0)
			return at_line(st, m, rc, err);
		if (id != 0) {
			if ((rc = ops->reconcile(ctx, id, m->ref, err)) < 0)
				return at_line(st, m, rc, err);
			out->matched++;
			continue;
		}
		if ((rc = ops->add(ctx, m, err)) < 0)
			return at_line(st, m, rc, err);
		out->added++;
	}
	return 0;
}

void
stmt_counts_text(const struct stmt_counts *c, char *buf, size_t size)
{
	int n = snprintf(buf, size, _("%zu matched, %zu new, %zu already in"), c->matched,
			 c->added, c->already);

	if (c->payments > 0 && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n,
			 ngettext("; %zu may pay open items (Commands on it: Settle open items)",
				  "; %zu may pay open items (Commands on each: Settle open items)",
				  (unsigned long)c->payments),
			 c->payments);
}
