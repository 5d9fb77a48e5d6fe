/* CSV statements: which column is which. The header names Italian banks
 * write (one table), the column-map file a user gives for the others, and
 * the test that tells a header row from the preamble above it. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "bank/stmt-impl.h"
#include "util/i18n.h"
#include "util/util.h"

/* Known header names, after norm(). rank: where two columns claim the same
 * role, the lower rank wins and the other is ignored (Data contabile over
 * Data operazione for the booking date). */
static const struct {
	const char *name;
	enum csv_role role;
	int rank;
} known[] = {
	{ "data contabile", CSV_BOOKING, 1 },
	{ "data registrazione", CSV_BOOKING, 1 },
	{ "data contabilizzazione", CSV_BOOKING, 1 },
	{ "booking date", CSV_BOOKING, 1 },
	{ "data operazione", CSV_BOOKING, 2 },
	{ "data op.", CSV_BOOKING, 2 },
	{ "data movimento", CSV_BOOKING, 2 },
	{ "data mov.", CSV_BOOKING, 2 },
	{ "data", CSV_BOOKING, 3 },
	{ "date", CSV_BOOKING, 3 },
	{ "data valuta", CSV_VALUE, 1 },
	{ "data val.", CSV_VALUE, 1 },
	{ "value date", CSV_VALUE, 1 },
	{ "valuta", CSV_VALUTA, 2 },
	{ "importo", CSV_AMOUNT, 1 },
	{ "importo movimento", CSV_AMOUNT, 1 },
	{ "importo operazione", CSV_AMOUNT, 1 },
	{ "amount", CSV_AMOUNT, 1 },
	{ "movimento", CSV_AMOUNT, 2 },
	{ "dare", CSV_DEBIT, 1 },
	{ "importo dare", CSV_DEBIT, 1 },
	{ "uscite", CSV_DEBIT, 1 },
	{ "uscita", CSV_DEBIT, 1 },
	{ "addebiti", CSV_DEBIT, 1 },
	{ "addebito", CSV_DEBIT, 1 },
	{ "debit", CSV_DEBIT, 1 },
	{ "avere", CSV_CREDIT, 1 },
	{ "importo avere", CSV_CREDIT, 1 },
	{ "entrate", CSV_CREDIT, 1 },
	{ "entrata", CSV_CREDIT, 1 },
	{ "accrediti", CSV_CREDIT, 1 },
	{ "accredito", CSV_CREDIT, 1 },
	{ "credit", CSV_CREDIT, 1 },
	{ "causale", CSV_CAUSALE, 1 },
	{ "causale abi", CSV_CAUSALE, 1 },
	{ "tipo operazione", CSV_CAUSALE, 1 },
	{ "descrizione", CSV_TEXT, 1 },
	{ "descrizione operazione", CSV_TEXT, 1 },
	{ "descrizione operazioni", CSV_TEXT, 1 },
	{ "descrizione estesa", CSV_TEXT, 1 },
	{ "descrizione completa", CSV_TEXT, 1 },
	{ "descrizione causale", CSV_TEXT, 1 },
	{ "causale descrizione", CSV_TEXT, 1 },
	{ "operazione", CSV_TEXT, 1 },
	{ "dettagli", CSV_TEXT, 1 },
	{ "dettaglio", CSV_TEXT, 1 },
	{ "motivo", CSV_TEXT, 1 },
	{ "motivazione", CSV_TEXT, 1 },
	{ "informazioni aggiuntive", CSV_TEXT, 1 },
	{ "note", CSV_TEXT, 1 },
	{ "description", CSV_TEXT, 1 },
	{ "beneficiario", CSV_PARTY, 1 },
	{ "ordinante", CSV_PARTY, 1 },
	{ "ordinante/beneficiario", CSV_PARTY, 1 },
	{ "beneficiario/ordinante", CSV_PARTY, 1 },
	{ "controparte", CSV_PARTY, 1 },
	{ "counterparty", CSV_PARTY, 1 },
	{ "riferimento", CSV_REF, 1 },
	{ "riferimento operazione", CSV_REF, 1 },
	{ "id operazione", CSV_REF, 1 },
	{ "numero operazione", CSV_REF, 1 },
	{ "n. operazione", CSV_REF, 1 },
	{ "id transazione", CSV_REF, 1 },
	{ "codice identificativo", CSV_REF, 1 },
	{ "cro", CSV_REF, 2 },
	{ "trn", CSV_REF, 2 },
	{ "reference", CSV_REF, 1 },
	{ "divisa", CSV_CURRENCY, 1 },
	{ "currency", CSV_CURRENCY, 1 },
};

/* The words of a column-map file: English, and the Italian a user may
 * write instead. */
static const struct {
	const char *word;
	enum csv_role role;
} words[] = {
	{ "booking", CSV_BOOKING },   { "data", CSV_BOOKING },
	{ "value", CSV_VALUE },       { "valuta", CSV_VALUE },
	{ "amount", CSV_AMOUNT },     { "importo", CSV_AMOUNT },
	{ "debit", CSV_DEBIT },       { "dare", CSV_DEBIT },
	{ "credit", CSV_CREDIT },     { "avere", CSV_CREDIT },
	{ "causale", CSV_CAUSALE },   { "text", CSV_TEXT },
	{ "descrizione", CSV_TEXT },  { "party", CSV_PARTY },
	{ "controparte", CSV_PARTY }, { "ref", CSV_REF },
	{ "riferimento", CSV_REF },   { "currency", CSV_CURRENCY },
	{ "divisa", CSV_CURRENCY },
};

const char *
csv_role_name(enum csv_role r)
{
	for (size_t i = 0; i < ARRAY_LEN(words); i++)
		if (words[i].role == r)
			return words[i].word;
	return r == CSV_VALUTA ? "valuta" : "";
}

/* A header cell compared loosely: white space squeezed, ASCII lower case,
 * '_' as a space, a trailing ':' and a currency mark ("(EUR)", "(€)",
 * " EUR", " euro", " in euro") dropped. Into out. */
static void
norm(const char *in, char *out, size_t size)
{
	static const char *const tails[] = { "(eur)", "(euro)", "(\xe2\x82\xac)", " in euro",
					     " eur", " euro", "\xe2\x82\xac", ":" };
	size_t len;
	int again = 1;

	str_copy(out, in, size);
	for (char *p = out; *p; p++)
		*p = *p == '_' ? ' ' : (char)tolower((unsigned char)*p);
	stmt_squeeze(out);
	while (again) {
		again = 0;
		for (size_t i = 0; i < ARRAY_LEN(tails); i++) {
			size_t tl = strlen(tails[i]);

			len = strlen(out);
			if (len > tl && strcmp(out + len - tl, tails[i]) == 0) {
				out[len - tl] = '\0';
				stmt_squeeze(out);
				again = 1;
			}
		}
	}
}

static int
complete(const enum csv_role *roles, size_t n)
{
	int date = 0, amount = 0;

	for (size_t i = 0; i < n; i++) {
		date |= roles[i] == CSV_BOOKING || roles[i] == CSV_VALUE || roles[i] == CSV_VALUTA;
		amount |= roles[i] == CSV_AMOUNT || roles[i] == CSV_DEBIT || roles[i] == CSV_CREDIT;
	}
	return date && amount;
}

/* By the user's map: every name it gives must be a cell of the row. */
static int
header_by_map(const struct csv_map *map, char *const *cells, size_t n, enum csv_role *roles)
{
	char a[128], b[128];

	for (size_t j = 0; j < map->n; j++) {
		size_t i;

		norm(map->col[j].name, a, sizeof a);
		for (i = 0; i < n; i++) {
			norm(cells[i], b, sizeof b);
			if (strcmp(a, b) == 0 && roles[i] == CSV_NONE)
				break;
		}
		if (i == n)
			return 0;
		roles[i] = map->col[j].role;
	}
	return 1;
}

int
csv_header(const struct csv_map *map, char *const *cells, size_t n, enum csv_role *roles)
{
	int best[CSV_ROLES];
	int rank[CSV_MAX_COLS];
	char b[128];

	for (size_t i = 0; i < n; i++)
		roles[i] = CSV_NONE;
	if (n > CSV_MAX_COLS)
		return 0;
	if (map != NULL)
		return header_by_map(map, cells, n, roles);
	for (int r = 0; r < CSV_ROLES; r++)
		best[r] = 99;
	for (size_t i = 0; i < n; i++) {
		rank[i] = 99;
		if (strlen(cells[i]) >= sizeof b)
			continue;
		norm(cells[i], b, sizeof b);
		for (size_t k = 0; k < ARRAY_LEN(known); k++)
			if (strcmp(b, known[k].name) == 0) {
				roles[i] = known[k].role;
				rank[i] = known[k].rank;
				break;
			}
		if (roles[i] != CSV_NONE && rank[i] < best[roles[i]])
			best[roles[i]] = rank[i];
	}
	/* One column per role, the best-ranked (the first of equals); text
	 * and causale columns may be several. */
	for (size_t i = 0; i < n; i++) {
		enum csv_role r = roles[i];

		if (r == CSV_NONE || r == CSV_TEXT || r == CSV_CAUSALE)
			continue;
		if (rank[i] > best[r])
			roles[i] = CSV_NONE;
		else
			best[r] = -1; /* taken */
	}
	return complete(roles, n);
}

void
csv_map_free(struct csv_map *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->col[i].name);
	memset(m, 0, sizeof *m);
}

static int
map_line(const char *path, long ln, char *line, struct csv_map *m, char *err)
{
	char *rest = line + strcspn(line, " \t");
	size_t i;

	if (*rest)
		*rest++ = '\0';
	str_trim(rest);
	for (char *p = line; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (strcmp(line, "separator") == 0) {
		if (strcmp(rest, ";") == 0 || strcmp(rest, ",") == 0)
			m->sep = rest[0];
		else if (strcmp(rest, "tab") == 0)
			m->sep = '\t';
		else
			return err_set(err, _("%s:%ld: the separator is ; , or tab, not '%s'"), path,
				       ln, rest);
		return 0;
	}
	if (strcmp(line, "skip") == 0) {
		char *end;
		long v = strtol(rest, &end, 10);

		if (*rest == '\0' || *end || v < 0 || v > 1000)
			return err_set(err, _("%s:%ld: skip needs a number of lines from 0 to 1000"),
				       path, ln);
		m->skip = v;
		return 0;
	}
	if (strcmp(line, "charset") == 0) {
		if (*rest == '\0' || strlen(rest) >= sizeof m->charset)
			return err_set(err, _("%s:%ld: charset needs a name like CP1252"), path, ln);
		str_copy(m->charset, rest, sizeof m->charset);
		return 0;
	}
	for (i = 0; i < ARRAY_LEN(words); i++)
		if (strcmp(line, words[i].word) == 0)
			break;
	if (i == ARRAY_LEN(words))
		return err_set(err, _("%s:%ld: unknown word '%s' (booking, value, amount, debit, "
				      "credit, causale, text, party, ref, currency, separator, "
				      "charset, skip)"), path, ln, line);
	if (*rest == '\0')
		return err_set(err, _("%s:%ld: %s needs the column's name as the header writes "
				      "it"), path, ln, line);
	if (m->n == CSV_MAX_COLS)
		return err_set(err, _("%s:%ld: more than %d columns"), path, ln, CSV_MAX_COLS);
	for (size_t j = 0; j < m->n; j++)
		if (m->col[j].role == words[i].role && words[i].role != CSV_TEXT &&
		    words[i].role != CSV_CAUSALE)
			return err_set(err, _("%s:%ld: a second %s column (the first is on line "
					      "%ld)"), path, ln, line, m->col[j].line);
	if (rest[0] == '#') {
		char *end;
		long v = strtol(rest + 1, &end, 10);

		if (*end || v < 1 || v > CSV_MAX_COLS)
			return err_set(err, _("%s:%ld: '%s' is not a column number from #1 to #%d"),
				       path, ln, rest, CSV_MAX_COLS);
		m->col[m->n].pos = (int)v;
	}
	m->col[m->n].role = words[i].role;
	m->col[m->n].name = xstrdup(rest);
	m->col[m->n++].line = ln;
	return 0;
}

/* Every column by name, or every one by position with the separator. */
static int
map_kind(const char *path, struct csv_map *m, char *err)
{
	size_t bypos = 0;

	for (size_t i = 0; i < m->n; i++)
		bypos += m->col[i].pos > 0;
	if (bypos > 0 && bypos < m->n)
		return err_set(err, _("%s: a map names every column by its header or every one by "
				      "its number (#N), not both"), path);
	m->positional = bypos > 0;
	if (m->positional && m->sep == 0)
		return err_set(err, _("%s: a map by column numbers needs its separator line"), path);
	for (size_t i = 0; i < m->n; i++)
		for (size_t j = 0; j < i && m->positional; j++)
			if (m->col[i].pos == m->col[j].pos)
				return err_set(err, _("%s:%ld: column #%d is already given on line %ld"),
					       path, m->col[i].line, m->col[i].pos, m->col[j].line);
	return 0;
}

int
csv_map_read(const char *path, struct csv_map *m, char *err)
{
	char *data, *line, *save = NULL;
	size_t len;
	long ln = 0;
	int rc = 0;
	enum csv_role roles[CSV_MAX_COLS];

	memset(m, 0, sizeof *m);
	if (file_read_all(path, 64 * 1024, &data, &len, err) < 0)
		return -1;
	for (char *p = data; rc == 0 && p; p = save) {
		save = strchr(p, '\n');
		if (save)
			*save++ = '\0';
		line = p;
		ln++;
		stmt_squeeze(line);
		if (*line && *line != '#')
			rc = map_line(path, ln, line, m, err);
	}
	free(data);
	for (size_t i = 0; rc == 0 && i < m->n; i++)
		roles[i] = m->col[i].role;
	if (rc == 0)
		rc = map_kind(path, m, err);
	if (rc == 0 && !complete(roles, m->n))
		rc = err_set(err, _("%s: the map needs a date column (booking or value) and an "
				    "amount (amount, or debit and credit)"), path);
	if (rc < 0) {
		if (err)
			str_printable(err);
		csv_map_free(m);
	}
	return rc;
}
