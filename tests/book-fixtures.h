/* Helpers shared by the unit tests that work on a book: a new book in a
 * temporary folder of its own, and the files and folder removed at the end. */
#ifndef SCRIVANO_BOOK_FIXTURES_H
#define SCRIVANO_BOOK_FIXTURES_H

#include <stdlib.h>
#include <unistd.h>

#include "book/book.h"
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

#endif
