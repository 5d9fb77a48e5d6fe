/* A test helper: a book (made when missing) with one F24 built through the
 * record interface, its id printed. Arguments are PART:field=value,...
 * where PART is "company" (the company profile, saved first: the new
 * F24's contribuente comes from it), "f24" (the form's own fields) or a
 * section's grid name (erario, inps, regioni, locali, inail, altri: one
 * row each). usage: f24-make BOOK PART:field=value,... */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "book/company.h"
#include "book/f24.h"
#include "book/record.h"
#include "util/util.h"

/* Sets r's fields from "field=value,field=value": 0, or -1 after a message. */
static int
set_fields(struct record *r, const char *spec)
{
	char *copy = xstrdup(spec), *save = NULL;
	int rc = 0;

	for (char *kv = strtok_r(copy, ",", &save); kv != NULL; kv = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(kv, '=');
		int i;

		if (eq != NULL)
			*eq = '\0';
		i = eq != NULL ? record_field_index(r->kind, kv) : -1;
		if (i < 0) {
			fprintf(stderr, "f24-make: no field '%s' in %s\n", kv, r->kind->name);
			rc = -1;
			break;
		}
		record_set(r, (size_t)i, eq + 1);
	}
	free(copy);
	return rc;
}

int
main(int argc, char **argv)
{
	struct record *f = NULL, *c;
	struct record_fault fault;
	struct book *b;
	char err[ERR_SIZE];
	size_t bad;
	int status = 1;

	if (argc < 2) {
		fprintf(stderr, "usage: f24-make BOOK PART:field=value,...\n");
		return 2;
	}
	if (book_open(argv[1], &b, err) < 0) {
		fprintf(stderr, "f24-make: %s\n", err);
		return 1;
	}
	for (int a = 2; a < argc; a++)
		if (strncmp(argv[a], "company:", 8) == 0) {
			if (company_load(b, &c, err) < 0 || set_fields(c, argv[a] + 8) < 0 ||
			    record_save(b, c, &bad, err) < 0) {
				fprintf(stderr, "f24-make: company: %s\n", err);
				goto out;
			}
			record_free(c);
		}
	if (f24_new(b, &f, err) < 0) {
		fprintf(stderr, "f24-make: %s\n", err);
		goto out;
	}
	if (f->rows == NULL)
		f->rows = xcalloc(f24_kind.nchildren, sizeof *f->rows);
	for (int a = 2; a < argc; a++) {
		const char *colon = strchr(argv[a], ':');
		char *part = colon != NULL ? xstrndup(argv[a], (size_t)(colon - argv[a])) : NULL;
		int s = part != NULL ? record_child_index(&f24_kind, part) : -1;

		if (part != NULL && strcmp(part, "company") == 0)
			;
		else if (part != NULL && strcmp(part, "f24") == 0) {
			if (set_fields(f, colon + 1) < 0) {
				free(part);
				goto out;
			}
		} else if (s >= 0) {
			struct record *row = record_new(f24_kind.children[s].kind);
			record_rows_insert(&f->rows[s], f->rows[s].n, row);
			if (set_fields(row, colon + 1) < 0) {
				free(part);
				goto out;
			}
		} else {
			fprintf(stderr, "f24-make: '%s' is not company:, f24: or a section\n", argv[a]);
			free(part);
			goto out;
		}
		free(part);
	}
	if (record_save_ex(b, f, &fault, err) < 0) {
		fprintf(stderr, "f24-make: %s\n", err);
		goto out;
	}
	printf("%" PRId64 "\n", f->id);
	status = 0;
out:
	record_free(f);
	book_close(b);
	return status;
}
