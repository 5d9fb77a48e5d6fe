/* Dunning's commands (dunning.h), on an open item and on a customer:
 * Reminder letter (the level asked, one more than the customer's last
 * letter offered: the letter made as of today and recorded as sent), Show
 * reminder letter (the last one, in the pager, where Print prints it),
 * Reminder letter PDF (into the export folder) and Reminder letters sent
 * (the history). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/dunning.h"
#include "book/items.h"
#include "book/parties.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

/* The customer r is, or whose item it is. */
static int64_t
party_of(const struct record *r)
{
	if (r->kind == &items_kind) {
		const char *v = record_get(r, ITEM_PARTY);
		return v[0] != '\0' ? strtoll(v, NULL, 10) : 0;
	}
	return r->id;
}

int
dunning_applies_party(const struct record *r)
{
	return strcmp(record_get(r, PARTY_ROLE), "S") != 0;
}

void
dunning_preset_level(struct book *b, const struct record *r, char *out)
{
	char err[ERR_SIZE];
	int level;

	if (dunning_next_level(b, party_of(r), &level, err) < 0)
		level = 1;
	snprintf(out, ERR_SIZE, "%d", level);
}

int
dunning_run_letter(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	   char *msg, char *err)
{
	struct dunning_letter l;
	char m1[32], m2[32], **lines;
	int rc, level;
	size_t n;

	(void)open_id;
	if (arg == NULL || strlen(arg) != 1 || arg[0] < '1' || arg[0] > '0' + DUNNING_LEVELS) {
		err_set(err, "%s", _("a reminder letter's level is 1, 2 or 3"));
		return REC_INVALID;
	}
	level = arg[0] - '0';
	if ((rc = dunning_prepare(b, party_of(r), level, NULL, &l, err)) < 0)
		return rc;
	/* a letter whose text cannot be made (a placeholder mistyped in the
	 * user's copy) is not recorded */
	if ((n = dunning_letter_text(b, &l, &lines, err)) == (size_t)-1) {
		dunning_letter_free(&l);
		return REC_INVALID;
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	if ((rc = dunning_record(b, &l, err)) == 0)
		snprintf(msg, ERR_SIZE,
			 _("Reminder %d recorded: overdue %s, interest %s; %s"), l.level,
			 cents_format_it(l.open, m1, sizeof m1), cents_format_it(l.interest, m2, sizeof m2),
			 l.party);
	dunning_letter_free(&l);
	return rc;
}

/* The party's last letter into *l: 0, REC_INVALID (none yet), REC_ERROR. */
static int
last_letter(struct book *b, const struct record *r, struct dunning_letter *l, char *err)
{
	int64_t id;

	if (dunning_last(b, party_of(r), &id, err) < 0)
		return REC_ERROR;
	if (id == 0) {
		err_set(err, "%s", _("no reminder letter was sent to this customer: make one with "
				     "Reminder letter"));
		return REC_INVALID;
	}
	return dunning_load(b, id, l, err);
}

size_t
dunning_show_letter(struct book *b, const struct record *r, char ***lines, char *err)
{
	struct dunning_letter l;
	size_t n;

	if (last_letter(b, r, &l, err) < 0)
		return (size_t)-1;
	n = dunning_letter_text(b, &l, lines, err);
	dunning_letter_free(&l);
	return n;
}

size_t
dunning_show_history(struct book *b, const struct record *r, char ***lines, char *err)
{
	struct dunning_letter *v;
	size_t n, got;

	if (dunning_history(b, party_of(r), &v, &n, err) < 0)
		return (size_t)-1;
	got = dunning_history_text(v, n, lines);
	for (size_t i = 0; i < n; i++)
		dunning_letter_free(&v[i]);
	free(v);
	return got;
}

void
dunning_preset_pdf(struct book *b, const struct record *r, char *out)
{
	struct dunning_letter l;
	char err[ERR_SIZE], *name;

	if (last_letter(b, r, &l, err) < 0) {
		snprintf(out, ERR_SIZE, "%s", _("Reminder.pdf"));
		return;
	}
	name = xasprintf(_("Reminder-%d-%s"), l.level, l.party);
	file_safe(name);
	snprintf(out, ERR_SIZE, "%.*s-%s.pdf", ERR_SIZE - 20, name, l.date);
	free(name);
	dunning_letter_free(&l);
}

int
dunning_run_pdf(struct book *b, const struct record *r, const char *path, int64_t *open_id, char *msg,
	char *err)
{
	struct dunning_letter l;
	int rc;

	(void)open_id;
	if ((rc = last_letter(b, r, &l, err)) < 0)
		return rc;
	if ((rc = dunning_letter_pdf(b, &l, path, 0, err)) == 0)
		snprintf(msg, ERR_SIZE, _("Written to %s"), path);
	dunning_letter_free(&l);
	return rc;
}
