/* The record interface: records in memory, validation, one transaction per
 * write, the registry of record kinds, and checks of common values. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "book/parties.h"
#include "book/record.h"
#include "fisc/idcheck.h"
#include "util/codelist.h"
#include "util/i18n.h"
#include "util/util.h"

static const struct record_kind *const kinds[] = {
	&parties_kind,
};

const struct record_kind *
record_kind_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

int
record_field_index(const struct record_kind *k, const char *name)
{
	for (size_t i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

struct record *
record_new(const struct record_kind *k)
{
	struct record *r = xcalloc(1, sizeof *r);

	r->kind = k;
	r->values = xcalloc(k->nfields, sizeof *r->values);
	for (size_t i = 0; i < k->nfields; i++)
		r->values[i] = xstrdup(k->fields[i].dflt ? k->fields[i].dflt : "");
	return r;
}

struct record *
record_copy(const struct record *r)
{
	struct record *c = record_new(r->kind);

	c->id = r->id;
	c->version = r->version;
	for (size_t i = 0; i < r->kind->nfields; i++)
		record_set(c, i, r->values[i]);
	return c;
}

void
record_free(struct record *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->kind->nfields; i++)
		free(r->values[i]);
	free(r->values);
	free(r);
}

const char *
record_get(const struct record *r, size_t field)
{
	return field < r->kind->nfields ? r->values[field] : "";
}

void
record_set(struct record *r, size_t field, const char *value)
{
	if (field >= r->kind->nfields)
		return;
	free(r->values[field]);
	r->values[field] = xstrdup(value ? value : "");
}

static int
field_invalid(const struct record_field *f, size_t i, size_t *bad, const char *msg, char *err)
{
	if (bad != NULL)
		*bad = i;
	err_set(err, "%s: %s", _(f->label), msg);
	return REC_INVALID;
}

int
record_validate(const struct record *r, size_t *bad_field, char *err)
{
	const struct record_kind *k = r->kind;
	char msg[ERR_SIZE];

	for (size_t i = 0; i < k->nfields; i++) {
		const struct record_field *f = &k->fields[i];
		const char *v = r->values[i];

		if (!utf8_valid_text(v))
			return field_invalid(f, i, bad_field,
					     _("holds characters that are not allowed"), err);
		if (*v == '\0') {
			if (f->flags & RECF_REQUIRED)
				return field_invalid(f, i, bad_field, _("must not be empty"), err);
			continue;
		}
		if (f->max > 0 && utf8_len(v) > f->max) {
			err_set(msg, _("is too long (at most %u characters)"), f->max);
			return field_invalid(f, i, bad_field, msg, err);
		}
		if (f->check != NULL && f->check(v, msg) < 0)
			return field_invalid(f, i, bad_field, msg, err);
	}
	if (k->validate != NULL && k->validate(r, bad_field, err) < 0)
		return REC_INVALID;
	return 0;
}

int
record_load(struct book *b, const struct record_kind *k, int64_t id, struct record **out,
	    char *err)
{
	struct record *r = record_new(k);
	int rc;

	r->id = id;
	if ((rc = k->load(b, r, err)) < 0) {
		record_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int
record_save(struct book *b, struct record *r, size_t *bad_field, char *err)
{
	struct record *w;
	int rc;

	if ((rc = record_validate(r, bad_field, err)) < 0)
		return rc;
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	/* Write through a copy, so a failed commit leaves id and version as
	 * they were and the form can be saved again. */
	w = record_copy(r);
	rc = r->id == 0 ? r->kind->insert(b, w, err) : r->kind->update(b, w, err);
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	else {
		r->id = w->id;
		r->version = w->version;
	}
	record_free(w);
	return rc;
}

int
record_delete(struct book *b, const struct record *r, char *err)
{
	int rc;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	rc = r->kind->remove(b, r, err);
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	return rc;
}

int
record_browse(struct book *b, const struct record_kind *k, enum browse_dir dir, const char *key,
	      int64_t id, size_t n, struct record **rows, size_t *got, char *err)
{
	*got = 0;
	return n == 0 ? 0 : k->browse(b, k, dir, key, id, n, rows, got, err);
}

int
record_find(struct book *b, const struct record_kind *k, const char *text, const char *key,
	    int64_t id, struct record **out, char *err)
{
	*out = NULL;
	return k->find(b, k, text, key, id, out, err);
}

/* ---- Checks of common values ---- */

static int
all_of(const char *v, size_t n, int (*pred)(int))
{
	if (strlen(v) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!pred((unsigned char)v[i]))
			return 0;
	return 1;
}

static int
is_upper_alpha(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_upper_alnum(int c)
{
	return is_upper_alpha(c) || (c >= '0' && c <= '9');
}

int
check_partita_iva(const char *v, char *err)
{
	if (!all_of(v, 11, isdigit))
		return err_set(err, _("must be 11 digits"));
	if (piva_check(v, NULL) < 0)
		return err_set(err, _("wrong check digit"));
	return 0;
}

int
check_codice_fiscale(const char *v, char *err)
{
	char expect;

	if (cf_check(v, NULL) == 0)
		return 0;
	if (all_of(v, 11, isdigit))
		return err_set(err, _("wrong check digit"));
	if (strlen(v) != 16)
		return err_set(err, _("must be 16 characters, or a company's 11-digit "
				      "partita IVA"));
	expect = cf_check_char(v);
	if (expect == 0 || !is_upper_alnum((unsigned char)v[15]))
		return err_set(err, _("letters and digits are not in the places of a "
				      "codice fiscale"));
	if (expect != v[15])
		return err_set(err, _("wrong check character (expected %c)"), expect);
	return err_set(err, _("letters and digits are not in the places of a "
			      "codice fiscale"));
}

int
check_cap(const char *v, char *err)
{
	return all_of(v, 5, isdigit) ? 0 : err_set(err, _("must be 5 digits"));
}

/* Provinces and countries are the lists in data/ (util/codelist.h), the
 * one source the screens' F4 lists show too. 1 listed, 0 not, -1 with a
 * message when the list cannot be read. */
static int
in_list(const char *list, const char *v, char *err)
{
	char msg[ERR_SIZE];
	int rc = codelist_has(list, v, msg);

	if (rc < 0)
		err_set(err, _("cannot be checked: %s"), msg);
	return rc;
}

int
check_province(const char *v, char *err)
{
	int rc;

	if (!all_of(v, 2, is_upper_alpha))
		return err_set(err, _("must be 2 letters"));
	if ((rc = in_list(CODELIST_PROVINCES, v, err)) == 0)
		return err_set(err, _("%s is not a province (EE: abroad)"), v);
	return rc > 0 ? 0 : -1;
}

int
check_country(const char *v, char *err)
{
	int rc;

	if (!all_of(v, 2, is_upper_alpha))
		return err_set(err, _("must be a 2-letter country code (IT, DE, FR...)"));
	if ((rc = in_list(CODELIST_COUNTRIES, v, err)) == 0)
		return err_set(err, _("%s is not a country code"), v);
	return rc > 0 ? 0 : -1;
}

/* One label of a domain name: letters, digits (any script: bytes of UTF-8
 * pass), hyphens inside. */
static int
domain_label_ok(const char *s, size_t n)
{
	if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(isalnum(c) || c == '-' || c >= 0x80))
			return 0;
	}
	return 1;
}

static int
domain_ok(const char *d)
{
	int labels = 0;
	const char *last = d;

	for (const char *p = d;; p++) {
		if (*p == '.' || *p == '\0') {
			if (!domain_label_ok(last, (size_t)(p - last)))
				return 0;
			labels++;
			if (*p == '\0')
				break;
			last = p + 1;
		}
	}
	return labels >= 2 && strlen(last) >= 2;
}

static int
local_part_ok(const char *s, size_t n)
{
	if (n == 0 || n > 64 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= ' ' || strchr("\"(),:;<>[\\]@", c) != NULL)
			return 0;
		if (c == '.' && s[i + 1] == '.')
			return 0;
	}
	return 1;
}

int
check_email(const char *v, char *err)
{
	const char *at = strchr(v, '@');

	if (strlen(v) > 254 || at == NULL || !local_part_ok(v, (size_t)(at - v)) ||
	    !domain_ok(at + 1))
		return err_set(err, _("is not a plausible e-mail address"));
	return 0;
}

int
check_sdi_code(const char *v, char *err)
{
	return all_of(v, 7, is_upper_alnum) ? 0
					    : err_set(err, _("must be 7 letters or digits"));
}
