/* Helpers shared by the unit tests that work on a book: a new book in a
 * temporary folder of its own, and the files and folder removed at the end. */
#ifndef SCRIVANO_BOOK_FIXTURES_H
#define SCRIVANO_BOOK_FIXTURES_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "book/book.h"
#include "book/history.h"
#include "book/record.h"
#include "tap.h"
#include "util/util.h"

#define TEMP_DIR_TEMPLATE "/tmp/scrivano-test-XXXXXX"

struct temp_book {
	char dir[sizeof TEMP_DIR_TEMPLATE]; /* the folder, made by temp_book_open */
	char *path;                         /* dir/book.sqlite */
};

/* Removes the book file dir/name and its -wal and -shm files, where they are. */
static inline void
book_files_remove(const char *dir, const char *name)
{
	static const char *const ext[] = { "", "-wal", "-shm" };

	for (size_t i = 0; i < ARRAY_LEN(ext); i++) {
		char *p = xasprintf("%s/%s%s", dir, name, ext[i]);
		unlink(p);
		free(p);
	}
}

/* Makes a temporary folder and opens a new book.sqlite in it: the book, or
 * NULL after a failing check that says why. */
static inline struct book *
temp_book_open(struct temp_book *t)
{
	struct book *b;
	char err[ERR_SIZE];

	str_copy(t->dir, TEMP_DIR_TEMPLATE, sizeof t->dir);
	t->path = NULL;
	if (mkdtemp(t->dir) == NULL) {
		ok(0, "temporary folder");
		return NULL;
	}
	t->path = xasprintf("%s/book.sqlite", t->dir);
	if (book_open(t->path, &b, err) < 0) {
		ok(0, "book opens: %s", err);
		return NULL;
	}
	return b;
}

/* Closes b (the book temp_book_open gave) and removes its files and folder. */
static inline void
temp_book_close(struct temp_book *t, struct book *b)
{
	book_close(b);
	book_files_remove(t->dir, "book.sqlite");
	free(t->path);
	t->path = NULL;
	rmdir(t->dir);
}

/* history_verify's result on b, and its report in *out (kept until the
 * next call). */
static inline int
history_verify_text(struct book *b, const char **out)
{
	static char *text;
	size_t len;
	char err[ERR_SIZE] = "";
	FILE *f;
	int rc;

	free(text);
	text = NULL;
	f = open_memstream(&text, &len);
	rc = history_verify(b, f, err);
	fclose(f);
	if (rc < 0)
		printf("# verify: %s\n", err);
	*out = text;
	return rc;
}

/* The first column of the first row sql gives in book b, as text ("" when
 * none); the buffer is the next call's. */
static inline const char *
book_query(struct book *b, const char *sql)
{
	static char out[512];
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		str_copy(out, (const char *)sqlite3_column_text(st, 0), sizeof out);
	sqlite3_finalize(st);
	return out;
}

/* Appends a row to r's child c: values as "field", "value" pairs,
 * NULL-ended; a field its kind lacks is said as a TAP comment. */
static inline void
record_row_add(struct record *r, size_t c, ...)
{
	const struct record_kind *k = r->kind->children[c].kind;
	struct record *row = record_new(k);
	va_list ap;
	const char *name;

	va_start(ap, c);
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *v = va_arg(ap, const char *);
		int i = record_field_index(k, name);
		if (i < 0)
			printf("# no field %s in %s\n", name, k->name);
		else
			record_set(row, (size_t)i, v);
	}
	va_end(ap);
	record_rows_insert(&r->rows[c], r->rows[c].n, row);
}

#endif
