/* The record interface: records in memory, validation, one transaction per
 * write, the registry of record kinds, and checks of common values. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/articles.h"
#include "book/company.h"
#include "book/documents.h"
#include "book/f24.h"
#include "book/items.h"
#include "book/parties.h"
#include "book/pec.h"
#include "book/primanota.h"
#include "book/record.h"
#include "book/record-store.h"
#include "util/idcheck.h"
#include "util/codelist.h"
#include "util/i18n.h"
#include "util/util.h"

/* The kinds screens may name; child kinds are reached through their
 * parents. */
static const struct record_kind *const kinds[] = {
	&parties_kind,
	&company_kind,
	&pec_kind,
	&articles_kind,
	&accounts_kind,
	&open_accounts_kind,
	&primanota_kind,
	&pn_period_kind,
	&f24_kind,
	&f24_payment_kind,
	&documents_kind,
	&items_kind,
	&item_payment_kind,
};

static void (*progress_show)(void *, const char *);
static void *progress_ctx;

void
record_progress_to(void (*show)(void *ctx, const char *what), void *ctx)
{
	progress_show = show;
	progress_ctx = ctx;
}

void
record_progress(const char *what)
{
	if (progress_show != NULL)
		progress_show(progress_ctx, what);
}

/* Child kinds have no storage of their own. */
static int
no_storage(const struct record_kind *k, char *err)
{
	if (k->load != NULL)
		return 0;
	err_set(err, _("%s are saved with the record they belong to"), k->name);
	return REC_ERROR;
}

/* Kinds an upper layer registered at start (record_kind_register): each
 * stands in for the book's kind of its name, or is one more. */
#define REGISTERED_MAX 8
static const struct record_kind *registered[REGISTERED_MAX];
static size_t nregistered;

static const struct record_kind *
registered_named(const char *name)
{
	for (size_t i = 0; i < nregistered; i++)
		if (strcmp(registered[i]->name, name) == 0)
			return registered[i];
	return NULL;
}

int
record_kind_register(const struct record_kind *k)
{
	for (size_t i = 0; i < nregistered; i++)
		if (strcmp(registered[i]->name, k->name) == 0) {
			registered[i] = k;
			return 0;
		}
	if (nregistered == REGISTERED_MAX)
		return -1;
	registered[nregistered++] = k;
	return 0;
}

const struct record_kind *
record_kind_find(const char *name)
{
	const struct record_kind *k = registered_named(name);

	for (size_t i = 0; i < ARRAY_LEN(kinds) && k == NULL; i++)
		if (strcmp(kinds[i]->name, name) == 0)
			k = kinds[i];
	return k;
}

/* The book's kinds in their order (a registered one in the place of the
 * book's of its name), then the registered ones of new names. */
const struct record_kind *
record_kind_at(size_t i)
{
	const struct record_kind *k;

	if (i < ARRAY_LEN(kinds))
		return (k = registered_named(kinds[i]->name)) != NULL ? k : kinds[i];
	i -= ARRAY_LEN(kinds);
	for (size_t r = 0; r < nregistered; r++) {
		int shadows = 0;
		for (size_t j = 0; j < ARRAY_LEN(kinds) && !shadows; j++)
			shadows = strcmp(kinds[j]->name, registered[r]->name) == 0;
		if (!shadows && i-- == 0)
			return registered[r];
	}
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

int
record_child_index(const struct record_kind *k, const char *name)
{
	for (size_t i = 0; i < k->nchildren; i++)
		if (strcmp(k->children[i].name, name) == 0)
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
	if (k->nchildren > 0)
		r->rows = xcalloc(k->nchildren, sizeof *r->rows);
	return r;
}

static void
rows_clear(struct record_rows *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		record_free(rs->row[i]);
	free(rs->row);
	memset(rs, 0, sizeof *rs);
}

static void
rows_copy(struct record_rows *dst, const struct record_rows *src)
{
	for (size_t i = 0; i < src->n; i++)
		record_rows_insert(dst, dst->n, record_copy(src->row[i]));
}

static void
custom_clear(struct record *r)
{
	for (size_t i = 0; i < r->ncustom; i++) {
		free(r->custom[i].name);
		free(r->custom[i].value);
	}
	free(r->custom);
	r->custom = NULL;
	r->ncustom = 0;
}

struct record *
record_copy(const struct record *r)
{
	struct record *c = record_new(r->kind);

	record_assign(c, r);
	return c;
}

void
record_assign(struct record *dst, const struct record *src)
{
	if (dst == src)
		return;
	dst->id = src->id;
	dst->version = src->version;
	for (size_t i = 0; i < src->kind->nfields; i++)
		record_set(dst, i, src->values[i]);
	for (size_t c = 0; c < src->kind->nchildren; c++) {
		rows_clear(&dst->rows[c]);
		rows_copy(&dst->rows[c], &src->rows[c]);
	}
	custom_clear(dst);
	for (size_t i = 0; i < src->ncustom; i++)
		record_custom_set(dst, src->custom[i].name, src->custom[i].value);
}

void
record_free(struct record *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->kind->nfields; i++)
		free(r->values[i]);
	for (size_t c = 0; r->rows != NULL && c < r->kind->nchildren; c++)
		rows_clear(&r->rows[c]);
	free(r->rows);
	free(r->values);
	custom_clear(r);
	free(r);
}

void
record_rows_insert(struct record_rows *rs, size_t at, struct record *row)
{
	if (at > rs->n)
		at = rs->n;
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 8;
		rs->row = xreallocarray(rs->row, rs->cap, sizeof *rs->row);
	}
	memmove(&rs->row[at + 1], &rs->row[at], (rs->n - at) * sizeof *rs->row);
	rs->row[at] = row;
	rs->n++;
}

void
record_rows_remove(struct record_rows *rs, size_t at)
{
	if (at >= rs->n)
		return;
	record_free(rs->row[at]);
	memmove(&rs->row[at], &rs->row[at + 1], (rs->n - at - 1) * sizeof *rs->row);
	rs->n--;
}

void
record_rows_swap(struct record_rows *rs, size_t i, size_t j)
{
	struct record *t;

	if (i >= rs->n || j >= rs->n)
		return;
	t = rs->row[i];
	rs->row[i] = rs->row[j];
	rs->row[j] = t;
}

const char *
record_custom_get(const struct record *r, const char *name)
{
	for (size_t i = 0; i < r->ncustom; i++)
		if (strcmp(r->custom[i].name, name) == 0)
			return r->custom[i].value;
	return "";
}

void
record_custom_set(struct record *r, const char *name, const char *value)
{
	for (size_t i = 0; i < r->ncustom; i++)
		if (strcmp(r->custom[i].name, name) == 0) {
			free(r->custom[i].value);
			r->custom[i].value = xstrdup(value ? value : "");
			return;
		}
	r->custom = xreallocarray(r->custom, r->ncustom + 1, sizeof *r->custom);
	r->custom[r->ncustom].name = xstrdup(name);
	r->custom[r->ncustom++].value = xstrdup(value ? value : "");
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

int
record_invalid(const struct record *r, size_t field, size_t *bad, const char *msg, char *err)
{
	if (bad != NULL)
		*bad = field;
	err_set(err, "%s: %s", _(r->kind->fields[field].label), msg);
	return REC_INVALID;
}

/* Printable UTF-8; with lines, '\n' between them too. */
static int
text_ok(const char *v, int lines)
{
	char *copy, *p;
	int ok;

	if (!lines || strchr(v, '\n') == NULL)
		return utf8_valid_text(v);
	copy = xstrdup(v);
	for (p = copy; (p = strchr(p, '\n')) != NULL; p++)
		*p = ' ';
	ok = utf8_valid_text(copy);
	free(copy);
	return ok;
}

int
record_validate(const struct record *r, size_t *bad_field, char *err)
{
	const struct record_kind *k = r->kind;
	char msg[ERR_SIZE];

	for (size_t i = 0; i < k->nfields; i++) {
		const struct record_field *f = &k->fields[i];
		const char *v = r->values[i];

		if (!text_ok(v, f->flags & RECF_LINES))
			return record_invalid(r, i, bad_field,
					      _("holds characters that are not allowed"), err);
		if (*v == '\0') {
			if (f->flags & RECF_REQUIRED)
				return record_invalid(r, i, bad_field, _("must not be empty"), err);
			continue;
		}
		if (f->max > 0 && utf8_len(v) > f->max) {
			err_set(msg, _("is too long (at most %u characters)"), f->max);
			return record_invalid(r, i, bad_field, msg, err);
		}
		if (f->check != NULL && f->check(v, msg) < 0)
			return record_invalid(r, i, bad_field, msg, err);
	}
	if (k->validate != NULL && k->validate(r, bad_field, err) < 0)
		return REC_INVALID;
	return 0;
}

int
record_load(struct book *b, const struct record_kind *k, int64_t id, struct record **out,
	    char *err)
{
	struct record *r;
	int rc;

	if (no_storage(k, err) < 0)
		return REC_ERROR;
	r = record_new(k);
	r->id = id;
	/* one read transaction, so the rows match their parent */
	if (book_exec(b, "SAVEPOINT record_load", err) < 0) {
		record_free(r);
		return REC_ERROR;
	}
	rc = k->load(b, r, err);
	if (rc == 0)
		rc = record_rows_load(b, r, err);
	if (rc == 0)
		rc = record_custom_load(b, r, err);
	book_exec(b, rc == 0 ? "RELEASE record_load"
			     : "ROLLBACK TO record_load; RELEASE record_load",
		  rc == 0 ? err : NULL);
	if (rc < 0) {
		record_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

/* Checks the parent, every child row and the user-added fields. */
static int
validate_all(const struct record *r, struct record_fault *f, char *err)
{
	char msg[ERR_SIZE];

	*f = (struct record_fault){ 0, RECORD_PARENT, RECORD_PARENT };
	if (record_validate(r, &f->field, err) < 0)
		return REC_INVALID;
	for (size_t c = 0; c < r->kind->nchildren; c++)
		for (size_t i = 0; i < r->rows[c].n; i++)
			if (record_validate(r->rows[c].row[i], &f->field, msg) < 0) {
				f->child = c;
				f->row = i;
				err_set(err, _("Row %zu, %s"), i + 1, msg);
				return REC_INVALID;
			}
	for (size_t i = 0; i < r->ncustom; i++)
		if (!utf8_valid_text(r->custom[i].value) ||
		    utf8_len(r->custom[i].value) > RECORD_CUSTOM_MAX) {
			err_set(err, _("%s: holds characters that are not allowed, or is longer "
				       "than %d characters"),
				r->custom[i].name, RECORD_CUSTOM_MAX);
			return REC_INVALID;
		}
	return 0;
}

/* A write refused by a UNIQUE constraint names its field, as a bad value
 * does; other failures keep the book's message. */
static int
write_failed(struct book *b, const struct record_kind *k, int rc, struct record_fault *f,
	     char *err)
{
	const char *msg = sqlite3_errmsg(book_db(b)), *dot;
	int i;

	if (rc != REC_ERROR || sqlite3_extended_errcode(book_db(b)) != SQLITE_CONSTRAINT_UNIQUE)
		return rc;
	if ((dot = strrchr(msg, '.')) == NULL || (i = record_field_index(k, dot + 1)) < 0)
		return rc;
	f->field = (size_t)i;
	err_set(err, _("%s: another record already has this value"), _(k->fields[i].label));
	return REC_INVALID;
}

static int
has_computed(const struct record_kind *k)
{
	for (size_t i = 0; i < k->nfields; i++)
		if (k->fields[i].sql != NULL)
			return 1;
	return 0;
}

/* Writes w (a copy of the record being saved) and all that goes with it. */
static int
write_all(struct book *b, struct record *w, struct record_fault *f, char *err)
{
	const struct record_kind *k = w->kind;
	int rc = w->id == 0 ? k->insert(b, w, err) : k->update(b, w, err);

	if (rc < 0)
		return write_failed(b, k, rc, f, err);
	if ((rc = record_rows_save(b, w, err)) < 0 || (rc = record_custom_save(b, w, err)) < 0)
		return rc;
	return has_computed(k) ? k->load(b, w, err) : 0;
}

/* After a good save: what the book now holds back into r. The rows are
 * w's as written: their ids, and the rows a kind's insert or update made
 * or removed (a document's computed lines). */
static void
take_saved(struct record *r, const struct record *w)
{
	r->id = w->id;
	r->version = w->version;
	for (size_t i = 0; i < r->kind->nfields; i++)
		record_set(r, i, w->values[i]);
	for (size_t c = 0; c < r->kind->nchildren; c++) {
		rows_clear(&r->rows[c]);
		rows_copy(&r->rows[c], &w->rows[c]);
	}
}

int
record_save_ex(struct book *b, struct record *r, struct record_fault *fault, char *err)
{
	struct record_fault f;
	struct record *w;
	int rc;

	f = (struct record_fault){ 0, RECORD_PARENT, RECORD_PARENT };
	/* a read-only book refuses before anything else: no field is blamed */
	if (book_writable(b, err) < 0) {
		rc = REC_ERROR;
		goto out;
	}
	if ((rc = no_storage(r->kind, err)) < 0 || (rc = validate_all(r, &f, err)) < 0)
		goto out;
	if (book_begin(b, err) < 0) {
		rc = REC_ERROR;
		goto out;
	}
	/* Write through a copy, so a failed commit leaves id and version as
	 * they were and the form can be saved again. */
	w = record_copy(r);
	rc = write_all(b, w, &f, err);
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	else
		take_saved(r, w);
	record_free(w);
out:
	if (fault != NULL)
		*fault = f;
	return rc;
}

int
record_save(struct book *b, struct record *r, size_t *bad_field, char *err)
{
	struct record_fault f;
	int rc = record_save_ex(b, r, &f, err);

	if (bad_field != NULL)
		*bad_field = f.field;
	return rc;
}

int
record_delete(struct book *b, const struct record *r, char *err)
{
	int rc;

	if (book_writable(b, err) < 0 || no_storage(r->kind, err) < 0 || book_begin(b, err) < 0)
		return REC_ERROR;
	rc = r->kind->remove(b, r, err);
	if (rc == REC_ERROR &&
	    sqlite3_extended_errcode(book_db(b)) == SQLITE_CONSTRAINT_FOREIGNKEY)
		err_set(err, _("it is still used elsewhere in the book: nothing was deleted"));
	if (rc == 0)
		rc = record_custom_delete(b, r, err);
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	return rc;
}

int
record_sortable(const struct record_kind *k, size_t field)
{
	return field < k->nfields && (field == k->key_field || (k->fields[field].flags & RECF_SORT));
}

/* The order and filters are checked here, once for every kind. */
static int
order_ok(const struct record_kind *k, const struct browse_order *o, char *err)
{
	if (!record_sortable(k, o->field))
		return err_set(err, _("a list of %s cannot be sorted by that column"), k->name);
	for (size_t i = 0; i < o->nfilters; i++)
		if ((o->filters[i].field >= k->nfields && o->filters[i].custom == NULL) ||
		    o->filters[i].op < 0 ||
		    o->filters[i].op >= BF_OP_COUNT || o->filters[i].value == NULL)
			return err_set(err, _("a filter of the list of %s is not valid"), k->name);
	return 0;
}

int
record_browse_by(struct book *b, const struct record_kind *k, const struct browse_order *o,
		 enum browse_dir dir, const char *key, int64_t id, size_t n, struct record **rows,
		 size_t *got, char *err)
{
	*got = 0;
	if (no_storage(k, err) < 0 || order_ok(k, o, err) < 0)
		return REC_ERROR;
	if (n == 0)
		return 0;
	if (k->browse(b, k, o, dir, key, id, n, rows, got, err) < 0)
		return REC_ERROR;
	if (record_custom_load_rows(b, k, rows, *got, err) < 0) {
		for (size_t i = 0; i < *got; i++)
			record_free(rows[i]);
		*got = 0;
		return REC_ERROR;
	}
	return 0;
}

int
record_sum_by(struct book *b, const struct record_kind *k, const struct browse_order *o,
	      size_t field, int64_t *sum, char *err)
{
	*sum = 0;
	if (no_storage(k, err) < 0 || order_ok(k, o, err) < 0)
		return REC_ERROR;
	if (k->table == NULL || field >= k->nfields) {
		err_set(err, _("%s cannot be summed"), k->name);
		return REC_ERROR;
	}
	return record_table_sum(b, k, o, field, sum, err);
}

int
record_find_by(struct book *b, const struct record_kind *k, const struct browse_order *o,
	       const char *text, const char *key, int64_t id, struct record **out, char *err)
{
	*out = NULL;
	if (no_storage(k, err) < 0 || order_ok(k, o, err) < 0)
		return REC_ERROR;
	if (k->find(b, k, o, text, key, id, out, err) < 0)
		return REC_ERROR;
	if (*out != NULL && record_custom_load_rows(b, k, out, 1, err) < 0) {
		record_free(*out);
		*out = NULL;
		return REC_ERROR;
	}
	return 0;
}

int
record_browse(struct book *b, const struct record_kind *k, enum browse_dir dir, const char *key,
	      int64_t id, size_t n, struct record **rows, size_t *got, char *err)
{
	struct browse_order o = { .field = k->key_field };

	return record_browse_by(b, k, &o, dir, key, id, n, rows, got, err);
}

int
record_find(struct book *b, const struct record_kind *k, const char *text, const char *key,
	    int64_t id, struct record **out, char *err)
{
	struct browse_order o = { .field = k->key_field };

	return record_find_by(b, k, &o, text, key, id, out, err);
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
code_chars_ok(const char *v, const char *also)
{
	for (const char *p = v; *p != '\0'; p++)
		if (!is_upper_alnum((unsigned char)*p) && strchr(also, *p) == NULL)
			return 0;
	return 1;
}

int
check_one_of(const char *v, const char *codes, const char *msg, char *err)
{
	size_t n = strlen(v);

	for (const char *c = codes; *c != '\0'; c += strspn(c, " ")) {
		size_t len = strcspn(c, " ");
		if (len == n && strncmp(c, v, n) == 0)
			return 0;
		c += len;
	}
	return err_set(err, "%s", msg);
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
 * one source the screens' F4 lists show too. */
int
code_listed(const char *list, const char *v, char *err)
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
	if ((rc = code_listed(CODELIST_PROVINCES, v, err)) == 0)
		return err_set(err, _("%s is not a province (EE: abroad)"), v);
	return rc > 0 ? 0 : -1;
}

int
check_country(const char *v, char *err)
{
	int rc;

	if (!all_of(v, 2, is_upper_alpha))
		return err_set(err, _("must be a 2-letter country code (IT, DE, FR...)"));
	if ((rc = code_listed(CODELIST_COUNTRIES, v, err)) == 0)
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

int
iban_mod97(const char *v)
{
	size_t n = strlen(v);
	int rem = 0;

	for (size_t k = 0; k < n; k++) {
		char c = v[(k + 4) % n];
		int d = isdigit((unsigned char)c) ? c - '0' : c - 'A' + 10;
		rem = (d >= 10 ? rem * 100 : rem * 10) + d;
		rem %= 97;
	}
	return rem;
}

int
check_iban(const char *v, char *err)
{
	size_t n = strlen(v);

	if (n < 15 || n > 34 || !code_chars_ok(v, ""))
		return err_set(err, _("must be 15 to 34 letters and digits"));
	if (!is_upper_alpha((unsigned char)v[0]) || !is_upper_alpha((unsigned char)v[1]) ||
	    !isdigit((unsigned char)v[2]) || !isdigit((unsigned char)v[3]))
		return err_set(err, _("must start with the country and two check digits "
				      "(IT60...)"));
	if (check_country((char[]){ v[0], v[1], '\0' }, NULL) < 0)
		return err_set(err, _("%.2s is not a country code"), v);
	if (strncmp(v, "IT", 2) == 0 && n != 27)
		return err_set(err, _("an Italian IBAN has 27 characters"));
	if (iban_mod97(v) != 1)
		return err_set(err, _("wrong check digits"));
	return 0;
}

int
check_iso_date(const char *v, char *err)
{
	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-' || strspn(v, "0123456789-") != 10 ||
	    atoi(v) < 1900 || iso_day_number(v) == INT64_MIN)
		return err_set(err, _("is not a date"));
	return 0;
}

int
check_integer(const char *v, char *err)
{
	const char *d = v[0] == '-' ? v + 1 : v;
	size_t n = strlen(d);

	if (n == 0 || strspn(d, "0123456789") != n || (n > 1 && d[0] == '0') ||
	    strcmp(v, "-0") == 0)
		return err_set(err, _("must be a whole number"));
	if (n > 18)
		return err_set(err, _("is too large"));
	return 0;
}
