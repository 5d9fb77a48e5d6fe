/* `scrivano book …`: create or migrate a book, and fill a new one with the
 * demo data; backup and restore are src/cli/backup.c's, the export
 * src/cli/book-export.c's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include "book/book.h"
#include "book/history.h"
#include "commands.h"
#include "util/i18n.h"
#include "util/util.h"

#define DEMO_SQL_MAX (1024 * 1024)

static int
book_usage(void)
{
	fprintf(stderr, _("usage: scrivano book init FILE\n"
			  "       scrivano book demo FILE\n"
			  "       scrivano book backup FILE OUT [--force]\n"
			  "       scrivano book backup --data DIR --to DIR [--keep-daily N] "
			  "[--keep-monthly M]\n"
			  "       scrivano book restore BACKUP FILE\n"
			  "       scrivano book export FILE OUT.zip [--force]\n"
			  "       scrivano book verify FILE\n"));
	return 2;
}

static int
count_parties(struct book *b, int *n)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b), "SELECT count(*) FROM parties", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Loads data/demo-book.sql into a book that has no parties yet, in one
 * transaction. */
static int
load_demo(struct book *b, char *err)
{
	char *path = share_path("data/demo-book.sql"), *sql = NULL;
	int n = 0, rc = -1;

	if (count_parties(b, &n) < 0)
		err_set(err, _("book %s: %s"), book_path(b), sqlite3_errmsg(book_db(b)));
	else if (n > 0)
		err_set(err, _("book %s already has data: the demo goes only into a new book"),
			book_path(b));
	else if (file_read_all(path, DEMO_SQL_MAX, &sql, NULL, err) == 0 &&
		 book_begin(b, err) == 0) {
		rc = book_exec(b, sql, err) < 0 ? -1 : book_commit(b, err);
		if (rc < 0)
			book_rollback(b);
	}
	free(sql);
	free(path);
	return rc;
}

/* scrivano book verify FILE: 0 clean, 1 something found, 2 an error. */
static int
book_verify(const char *path)
{
	char err[ERR_SIZE];
	struct book *b;
	int rc;

	if (access(path, F_OK) < 0) {
		fprintf(stderr, "scrivano: %s: %s\n", path, strerror(errno));
		return 2;
	}
	if (book_open(path, &b, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 2;
	}
	rc = history_verify(b, stdout, err);
	book_close(b);
	if (rc < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 2;
	}
	if (rc == 0)
		printf(_("book %s: the history verifies, and every row is as its last entry "
			 "keeps it\n"),
		       path);
	return rc;
}

int
cmd_book(int argc, char **argv)
{
	char err[ERR_SIZE];
	struct book *b;
	int rc = 0;

	if (argc >= 2 && (strcmp(argv[1], "backup") == 0 || strcmp(argv[1], "restore") == 0)) {
		rc = strcmp(argv[1], "backup") == 0 ? cmd_book_backup(argc - 1, argv + 1)
						    : cmd_book_restore(argc - 1, argv + 1);
		return rc < 0 ? book_usage() : rc;
	}
	if (argc >= 2 && strcmp(argv[1], "export") == 0) {
		rc = cmd_book_export(argc - 1, argv + 1);
		return rc < 0 ? book_usage() : rc;
	}
	if (argc == 3 && strcmp(argv[1], "verify") == 0)
		return book_verify(argv[2]);
	if (argc != 3 || (strcmp(argv[1], "init") != 0 && strcmp(argv[1], "demo") != 0))
		return book_usage();
	if (book_open(argv[2], &b, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	if (strcmp(argv[1], "demo") == 0)
		rc = load_demo(b, err);
	book_close(b);
	if (rc < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	printf(_("book %s ready (schema version %d)\n"), argv[2], book_schema_version());
	return 0;
}
