/* A test helper: a book (made when missing) with one document built
 * through the record interface, its id printed. Arguments are
 * PART:field=value|field=value... ('|' between fields, since values hold
 * commas; "\n" in a value is a line break) where PART is "company" (the
 * company profile, saved first), "party" (a new customer or supplier,
 * saved next: the document names it), "doc" (the document's own fields)
 * or a child's name (lines, vat, withholdings, payments: one row each).
 * usage: doc-make BOOK PART:field=value|... */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "book/company.h"
#include "book/documents.h"
#include "book/parties.h"
#include "book/record.h"
#include "util/util.h"

/* Sets r's fields from "field=value|field=value": 0, or -1 after a message. */
static int
set_fields(struct record *r, const char *spec)
{
	char *copy = xstrdup(spec), *save = NULL;
	int rc = 0;

	for (char *kv = strtok_r(copy, "|", &save); kv != NULL; kv = strtok_r(NULL, "|", &save)) {
		char *eq = strchr(kv, '='), *v, *nl;
		int i;

		if (eq != NULL)
			*eq = '\0';
		i = eq != NULL ? record_field_index(r->kind, kv) : -1;
		if (i < 0) {
			fprintf(stderr, "doc-make: no field '%s' in %s\n", kv, r->kind->name);
			rc = -1;
			break;
		}
		v = xstrdup(eq + 1);
		while ((nl = strstr(v, "\\n")) != NULL) {
			nl[0] = '\n';
			memmove(nl + 1, nl + 2, strlen(nl + 2) + 1);
		}
		record_set(r, (size_t)i, v);
		free(v);
	}
	free(copy);
	return rc;
}

static int
save(struct book *b, struct record *r, const char *what)
{
	struct record_fault fault;
	char err[ERR_SIZE];

	if (record_save_ex(b, r, &fault, err) < 0) {
		fprintf(stderr, "doc-make: %s: %s\n", what, err);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct record *d = NULL, *r;
	struct book *b;
	char err[ERR_SIZE], id[32];
	int status = 1;

	if (argc < 2) {
		fprintf(stderr, "usage: doc-make BOOK PART:field=value|...\n");
		return 2;
	}
	if (book_open(argv[1], &b, err) < 0) {
		fprintf(stderr, "doc-make: %s\n", err);
		return 1;
	}
	d = record_new(&documents_kind);
	if (d->rows == NULL)
		d->rows = xcalloc(documents_kind.nchildren, sizeof *d->rows);
	for (int a = 2; a < argc; a++) {
		const char *colon = strchr(argv[a], ':');
		char *part = colon != NULL ? xstrndup(argv[a], (size_t)(colon - argv[a])) : xstrdup("");
		int c = record_child_index(&documents_kind, part), bad = 0;

		if (strcmp(part, "company") == 0) {
			bad = company_load(b, &r, err) < 0 || set_fields(r, colon + 1) < 0 ||
			      save(b, r, "company") < 0;
			record_free(r);
		} else if (strcmp(part, "party") == 0) {
			r = record_new(&parties_kind);
			bad = set_fields(r, colon + 1) < 0 || save(b, r, "party") < 0;
			snprintf(id, sizeof id, "%" PRId64, r->id);
			record_set(d, DOC_PARTY, id);
			record_free(r);
		} else if (strcmp(part, "doc") == 0)
			bad = set_fields(d, colon + 1) < 0;
		else if (c >= 0) {
			r = record_new(documents_kind.children[c].kind);
			record_rows_insert(&d->rows[c], d->rows[c].n, r);
			if (c == DOC_LINES) {
				snprintf(id, sizeof id, "%zu", d->rows[c].n);
				record_set(r, LINE_NO, id);
			}
			bad = set_fields(r, colon + 1) < 0;
		} else {
			fprintf(stderr, "doc-make: '%s' is not company:, party:, doc: or a child\n",
				argv[a]);
			bad = 1;
		}
		free(part);
		if (bad)
			goto out;
	}
	if (save(b, d, "document") < 0)
		goto out;
	printf("%" PRId64 "\n", d->id);
	status = 0;
out:
	record_free(d);
	book_close(b);
	return status;
}
