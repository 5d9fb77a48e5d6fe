/* The record interface: records in memory, validation, one transaction per
 * write, the registry of record kinds, and checks of common values. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "book/parties.h"
#include "book/record.h"
#include "fisc/idcheck.h"
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

const struct record_kind *
record_kind_at(size_t i)
{
	return i < ARRAY_LEN(kinds) ? kinds[i] : NULL;
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
	free(r);
}

int
record_child_index(const struct record_kind *k, const char *name)
{
	for (size_t i = 0; i < k->nchildren; i++)
		if (strcmp(k->children[i].name, name) == 0)
			return (int)i;
	return -1;
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
		if (o->filters[i].field >= k->nfields || o->filters[i].op < 0 ||
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
	if (order_ok(k, o, err) < 0)
		return REC_ERROR;
	return n == 0 ? 0 : k->browse(b, k, o, dir, key, id, n, rows, got, err);
}

int
record_find_by(struct book *b, const struct record_kind *k, const struct browse_order *o,
	       const char *text, const char *key, int64_t id, struct record **out, char *err)
{
	*out = NULL;
	if (order_ok(k, o, err) < 0)
		return REC_ERROR;
	return k->find(b, k, o, text, key, id, out, err);
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

int
check_province(const char *v, char *err)
{
	return all_of(v, 2, is_upper_alpha) ? 0 : err_set(err, _("must be 2 letters"));
}

/* ISO 3166-1 alpha-2, and XK (Kosovo), which invoices use. */
static const char country_codes[] =
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL "
	"BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV "
	"CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD "
	"GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM "
	"IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK "
	"LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW "
	"MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR "
	"PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS "
	"ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY "
	"UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

int
check_country(const char *v, char *err)
{
	if (!all_of(v, 2, is_upper_alpha))
		return err_set(err, _("must be a 2-letter country code (IT, DE, FR...)"));
	for (const char *p = country_codes; *p != '\0'; p += p[2] ? 3 : 2)
		if (p[0] == v[0] && p[1] == v[1])
			return 0;
	return err_set(err, _("%s is not a country code"), v);
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
