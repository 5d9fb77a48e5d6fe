/* The CBI "Ri.Ba." presentation file (riba.h): fixed-length records of
 * 120 characters, each followed by CR LF. Positions below are 1-based as
 * the CBI standard numbers them; every record opens with a blank and its
 * two-character code.
 *
 *   IB  4-8 sender (SIA), 9-13 receiver (the creditor bank's ABI), 14-19
 *       the day made (DDMMYY), 20-39 the file's name, 114 currency 'E'.
 *   14  4-10 the receipt's number in the file, 23-28 due date (DDMMYY),
 *       29-33 causale 30000, 34-46 amount in cents, 47 sign '-', 48-52
 *       and 53-57 the creditor bank's ABI and CAB, 58-69 its account,
 *       70-74 and 75-79 the debtor bank's ABI and CAB, 92-96 the SIA
 *       code, 97 code type '4', 98-113 the debtor's code, 120 'E'.
 *   20  11-106 the creditor in four segments of 24: name, address,
 *       place, fiscal code.
 *   30  11-70 the debtor's name (two of 30), 71-86 its fiscal code.
 *   40  11-40 the debtor's address, 41-45 CAP, 46-70 city and province,
 *       71-120 its bank's name (left blank).
 *   50  11-90 the reference to the debt (two of 40), 101-116 the
 *       creditor's fiscal code.
 *   51  11-20 the receipt's number for the creditor (the item's), 21-40
 *       the creditor's name.
 *   70  nothing this writer uses (circuit indicators, keys: blank).
 *   EF  4-39 as IB, 46-52 count of receipts, 53-67 their total in
 *       cents (the negative amounts), 68-82 zeros (no positive ones),
 *       83-89 count of records, IB and EF included, 114 'E'. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "book/riba.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

int
riba_cbi_char(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr(" .,-/'()+:?", c) != NULL);
}

/* The CBI letters of code point u (Latin-1 and the euro), or NULL. */
static const char *
fold(unsigned u)
{
	static const struct {
		unsigned from, to;
		const char *as;
	} map[] = {
		{ 0xC0, 0xC5, "A" }, { 0xC6, 0xC6, "AE" }, { 0xC7, 0xC7, "C" },
		{ 0xC8, 0xCB, "E" }, { 0xCC, 0xCF, "I" },  { 0xD0, 0xD0, "D" },
		{ 0xD1, 0xD1, "N" }, { 0xD2, 0xD6, "O" },  { 0xD8, 0xD8, "O" },
		{ 0xD9, 0xDC, "U" }, { 0xDD, 0xDD, "Y" },  { 0xDF, 0xDF, "SS" },
		{ 0xE0, 0xE5, "A" }, { 0xE6, 0xE6, "AE" }, { 0xE7, 0xE7, "C" },
		{ 0xE8, 0xEB, "E" }, { 0xEC, 0xEF, "I" },  { 0xF1, 0xF1, "N" },
		{ 0xF2, 0xF6, "O" }, { 0xF8, 0xF8, "O" },  { 0xF9, 0xFC, "U" },
		{ 0xFD, 0xFD, "Y" }, { 0xFF, 0xFF, "Y" },  { 0x20AC, 0x20AC, "EUR" },
		{ 0x2019, 0x2019, "'" }, { 0x2018, 0x2018, "'" },
	};

	for (size_t i = 0; i < ARRAY_LEN(map); i++)
		if (u >= map[i].from && u <= map[i].to)
			return map[i].as;
	return NULL;
}

void
riba_cbi_text(const char *text, size_t width, char *out)
{
	const unsigned char *p = (const unsigned char *)(text != NULL ? text : "");
	size_t n = 0;

	while (*p != '\0' && n < width) {
		unsigned u = *p++;
		const char *as = NULL;
		char one[2] = { 0 };
		if (u >= 0x80) {
			int more = u >= 0xF0 ? 3 : u >= 0xE0 ? 2 : u >= 0xC0 ? 1 : 0;
			u &= more == 3 ? 0x07 : more == 2 ? 0x0F : 0x1F;
			for (; more > 0 && (*p & 0xC0) == 0x80; more--)
				u = (u << 6) | (*p++ & 0x3F);
			as = fold(u);
		} else if (u >= 'a' && u <= 'z') {
			one[0] = (char)(u - 'a' + 'A');
		} else if (u == '&') {
			as = "E";
		} else if (riba_cbi_char((int)u)) {
			one[0] = (char)u;
		}
		if (as == NULL)
			as = one[0] != '\0' ? one : " ";
		for (; *as != '\0' && n < width; as++)
			out[n++] = *as;
	}
	while (n < width)
		out[n++] = ' ';
	out[n] = '\0';
}

/* A record being made: 120 blanks and its code at 2-3. */
struct rec {
	char c[RIBA_RECORD + 1];
};

static void
rec_start(struct rec *r, const char *code)
{
	memset(r->c, ' ', RIBA_RECORD);
	r->c[RIBA_RECORD] = '\0';
	memcpy(r->c + 1, code, 2);
}

/* text at positions pos..pos+width-1 (1-based), in the CBI set. */
static void
put(struct rec *r, size_t pos, size_t width, const char *text)
{
	char f[RIBA_RECORD + 1];

	riba_cbi_text(text, width, f);
	memcpy(r->c + pos - 1, f, width);
}

/* v with leading zeros in width digits. */
static void
put_num(struct rec *r, size_t pos, size_t width, int64_t v)
{
	char f[32];

	snprintf(f, sizeof f, "%0*" PRId64, (int)width, v);
	memcpy(r->c + pos - 1, f + strlen(f) - width, width);
}

static void
rec_end(struct rec *r, struct buf *out, size_t *count)
{
	buf_add(out, r->c, RIBA_RECORD);
	buf_adds(out, "\r\n");
	(*count)++;
}

/* YYYY-MM-DD as DDMMYY into out (7 bytes): 0 or -1. */
static int
ddmmyy(const char *iso, char *out)
{
	if (check_iso_date(iso, NULL) < 0)
		return -1;
	snprintf(out, 7, "%.2s%.2s%.2s", iso + 8, iso + 5, iso + 2);
	return 0;
}

static int
digits5(const char *v)
{
	if (strlen(v) != 5)
		return 0;
	for (size_t i = 0; i < 5; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return 1;
}

/* The opening and closing records share their first 45 positions. */
static void
head(struct rec *r, const char *code, const struct riba_creditor *c, const char *made,
     const char *name)
{
	rec_start(r, code);
	put(r, 4, 5, c->sia);
	put(r, 9, 5, c->abi);
	put(r, 14, 6, made);
	put(r, 20, 20, name);
	put(r, 114, 1, "E");
}

static void
receipt(const struct riba_creditor *c, const struct riba_receipt *x, int64_t seq,
	const char *due, struct buf *out, size_t *count)
{
	struct rec r;
	char t[160], m[32];

	rec_start(&r, "14");
	put_num(&r, 4, 7, seq);
	put(&r, 23, 6, due);
	put(&r, 29, 5, "30000");
	put_num(&r, 34, 13, x->amount);
	put(&r, 47, 1, "-");
	put(&r, 48, 5, c->abi);
	put(&r, 53, 5, c->cab);
	put(&r, 58, 12, c->account);
	put(&r, 70, 5, x->abi);
	put(&r, 75, 5, x->cab);
	put(&r, 92, 5, c->sia);
	put(&r, 97, 1, "4");
	snprintf(t, sizeof t, "%" PRId64, x->debtor_code);
	put(&r, 98, 16, t);
	put(&r, 120, 1, "E");
	rec_end(&r, out, count);

	rec_start(&r, "20");
	put_num(&r, 4, 7, seq);
	put(&r, 11, 24, c->name);
	put(&r, 35, 24, c->address);
	put(&r, 59, 24, c->place);
	put(&r, 83, 24, c->fiscal);
	rec_end(&r, out, count);

	rec_start(&r, "30");
	put_num(&r, 4, 7, seq);
	put(&r, 11, 60, x->debtor);
	put(&r, 71, 16, x->fiscal);
	rec_end(&r, out, count);

	rec_start(&r, "40");
	put_num(&r, 4, 7, seq);
	put(&r, 11, 30, x->address);
	put(&r, 41, 5, x->cap);
	snprintf(t, sizeof t, "%.22s", x->city);
	put(&r, 46, 22, t);
	put(&r, 69, 2, x->province);
	rec_end(&r, out, count);

	rec_start(&r, "50");
	put_num(&r, 4, 7, seq);
	snprintf(t, sizeof t, "FATT. %s DEL %.2s/%.2s/%.4s", x->doc, x->doc_date + 8,
		 x->doc_date + 5, x->doc_date);
	put(&r, 11, 40, t);
	if (x->of > 1)
		snprintf(t, sizeof t, "RATA %d DI %d IMPORTO %s", x->seq, x->of,
			 cents_format_it(x->amount, m, sizeof m));
	else
		snprintf(t, sizeof t, "IMPORTO %s", cents_format_it(x->amount, m, sizeof m));
	put(&r, 51, 40, t);
	put(&r, 101, 16, c->fiscal);
	rec_end(&r, out, count);

	rec_start(&r, "51");
	put_num(&r, 4, 7, seq);
	put_num(&r, 11, 10, x->number);
	put(&r, 21, 20, c->name);
	rec_end(&r, out, count);

	rec_start(&r, "70");
	put_num(&r, 4, 7, seq);
	rec_end(&r, out, count);
}

int
riba_cbi_write(const struct riba_creditor *c, const char *created, const char *name,
	       const struct riba_receipt *r, size_t n, struct buf *out, char *err)
{
	char made[7], due[7];
	int64_t total = 0;
	size_t count = 0;
	struct rec rec;

	if (n == 0)
		return err_set(err, "%s", _("no receipts to present"));
	if (c->sia[0] == '\0' || riba_check_sia(c->sia, NULL) < 0)
		return err_set(err, "%s", _("the company profile has no SIA code: the bank gives it "
					    "(the CBI sender's code, 5 characters)"));
	if (!digits5(c->abi) || !digits5(c->cab) || c->account[0] == '\0')
		return err_set(err, "%s", _("the bank account has no ABI, CAB and account number "
					    "(an Italian IBAN)"));
	if (ddmmyy(created, made) < 0)
		return err_set(err, _("the day made must be a date, YYYY-MM-DD, not %s"), created);
	for (size_t i = 0; i < n; i++) {
		if (r[i].amount <= 0)
			return err_set(err, _("receipt %" PRId64 ": the amount must be more than 0"),
				       r[i].number);
		if (r[i].amount > INT64_C(9999999999999))
			return err_set(err, _("receipt %" PRId64 ": the amount is past the 13 digits "
					      "of its CBI field"),
				       r[i].number);
		if (!digits5(r[i].abi) || !digits5(r[i].cab))
			return err_set(err, _("receipt %" PRId64 " (%s): the customer's bank has no "
					      "ABI and CAB"),
				       r[i].number, r[i].debtor);
		if (ddmmyy(r[i].due, due) < 0 || ddmmyy(r[i].doc_date, due) < 0)
			return err_set(err, _("receipt %" PRId64 ": its due date or its invoice's date is not a date"),
				       r[i].number);
		total += r[i].amount;
		if (total > INT64_C(999999999999999))
			return err_set(err, "%s", _("the receipts' total is past the 15 digits of the "
						    "CBI closing record: present them in more files"));
	}
	head(&rec, "IB", c, made, name);
	rec_end(&rec, out, &count);
	for (size_t i = 0; i < n; i++) {
		ddmmyy(r[i].due, due);
		receipt(c, &r[i], (int64_t)i + 1, due, out, &count);
	}
	head(&rec, "EF", c, made, name);
	put_num(&rec, 46, 7, (int64_t)n);
	put_num(&rec, 53, 15, total);
	put_num(&rec, 68, 15, 0);
	put_num(&rec, 83, 7, (int64_t)count + 1);
	rec_end(&rec, out, &count);
	return 0;
}

int
riba_check_sia(const char *v, char *err)
{
	size_t n = strlen(v);

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= '0' && v[i] <= '9')))
			n = 0;
	if (n == 5)
		return 0;
	return err_set(err, "%s", _("must be the SIA code, 5 capital letters or digits"));
}

int
riba_check_bank_code(const char *v, char *err)
{
	if (v[0] == '\0' || digits5(v))
		return 0;
	return err_set(err, "%s", _("must be 5 digits"));
}
