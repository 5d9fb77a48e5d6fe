/* The F24's PDF (src/book/f24-pdf.c) against a temporary book: how many
 * pages (models) the rows take at each section's boundary; the kind's
 * "pdf" command (record.h) asks for a file to write and offers
 * F24-ID-DESCRIPTION.pdf; its run writes a PDF into the path given and
 * says so, refuses an existing file and leaves it as it was, and names an
 * F24 that is not there. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "book-fixtures.h"
#include "book/company.h"
#include "book/f24.h"
#include "book/record.h"
#include "book/f24-pdf.h"
#include "tap.h"
#include "util/util.h"

static void
add_rows(struct record *f, int s, size_t n)
{
	const struct record_kind *k = f24_kind.children[s].kind;

	for (size_t i = 0; i < n; i++)
		record_rows_insert(&f->rows[s], f->rows[s].n, record_new(k));
}

static void
pages(void)
{
	static const struct {
		int section;
		size_t rows;
		int pages;
	} cases[] = {
		{ F24_ERARIO, 0, 1 }, { F24_ERARIO, 6, 1 },  { F24_ERARIO, 7, 2 },
		{ F24_ERARIO, 12, 2 }, { F24_ERARIO, 13, 3 }, { F24_INPS, 4, 1 },
		{ F24_INPS, 5, 2 },   { F24_REGIONI, 5, 2 }, { F24_LOCALI, 4, 1 },
		{ F24_LOCALI, 9, 3 }, { F24_INAIL, 3, 1 },   { F24_INAIL, 4, 2 },
		{ F24_ALTRI, 2, 1 },  { F24_ALTRI, 3, 2 },
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct record *f = record_new(&f24_kind);
		if (f->rows == NULL)
			f->rows = xcalloc(f24_kind.nchildren, sizeof *f->rows);
		add_rows(f, cases[i].section, cases[i].rows);
		is_int(f24_pdf_pages(f), cases[i].pages, "%s with %zu rows: %d page(s)",
		       f24_kind.children[cases[i].section].name, cases[i].rows, cases[i].pages);
		record_free(f);
	}
}

static const struct record_command *
command(const char *name)
{
	for (size_t i = 0; i < f24_kind.ncommands; i++)
		if (strcmp(f24_kind.commands[i].name, name) == 0)
			return &f24_kind.commands[i];
	return NULL;
}

static void
the_command(struct book *b, const char *dir)
{
	const struct record_command *c = command("pdf");
	struct record *co, *f;
	struct record_fault fault;
	char err[ERR_SIZE] = "", msg[ERR_SIZE] = "", name[ERR_SIZE] = "", head[8] = "";
	char *path, *expect;
	int64_t open_id = 0;
	size_t bad;
	struct stat st;
	FILE *in;

	ok(c != NULL, "the F24 kind has a pdf command");
	if (c == NULL)
		return;
	ok(c->ask == RECORD_ASK_FILE_OUT && c->run != NULL && c->preset != NULL &&
		   c->screen == NULL,
	   "it asks for a file to write, offers a name and runs");
	if (c->run == NULL || c->preset == NULL)
		return;
	if (company_load(b, &co, err) < 0) {
		ok(0, "company loads: %s", err);
		return;
	}
	record_set(co, COMPANY_NAME, "Rossi Srl");
	record_set(co, COMPANY_PIVA, "12345678903");
	ok(record_save(b, co, &bad, err) == 0, "the company profile: %s", err);
	record_free(co);
	if (f24_new(b, &f, err) < 0) {
		ok(0, "a new F24: %s", err);
		return;
	}
	record_set(f, F24_DESCRIPTION, "IVA marzo/aprile è");
	if (f->rows == NULL)
		f->rows = xcalloc(f24_kind.nchildren, sizeof *f->rows);
	add_rows(f, F24_ERARIO, 1);
	record_set(f->rows[F24_ERARIO].row[0], ERARIO_CODE, "6003");
	record_set(f->rows[F24_ERARIO].row[0], ERARIO_YEAR, "2026");
	record_set(f->rows[F24_ERARIO].row[0], ERARIO_DEBIT, "12345");
	ok(record_save_ex(b, f, &fault, err) == 0, "the F24 is saved: %s", err);
	c->preset(b, f, name);
	expect = xasprintf("F24-%lld-IVA_marzo_aprile___.pdf", (long long)f->id);
	is_str(name, expect, "the name offered: F24-ID-description, the description made safe");
	free(expect);
	path = xasprintf("%s/%s", dir, name);
	ok(c->run(b, f, path, &open_id, msg, err) == 0, "run writes it: %s", err);
	ok(strstr(msg, "Written to") != NULL && strstr(msg, path) != NULL, "and says where: %s",
	   msg);
	in = fopen(path, "rb");
	if (in != NULL) {
		if (fread(head, 1, 5, in) != 5)
			head[0] = '\0';
		fclose(in);
	}
	is_str(head, "%PDF-", "the file is a PDF");
	ok(stat(path, &st) == 0 && (st.st_mode & 077) == 0, "only its owner may read it");
	ok(open_id == 0, "it opens no other record");
	err[0] = '\0';
	ok(c->run(b, f, path, &open_id, msg, err) == REC_ERROR && strstr(err, "already exists"),
	   "a second run on the same name is refused: %s", err);
	ok(stat(path, &st) == 0 && st.st_size > 1000, "and the file is still there, whole");
	unlink(path);
	f->id += 1000;
	ok(c->run(b, f, path, &open_id, msg, err) == REC_GONE && strstr(err, "no F24") != NULL,
	   "an F24 that is not there: %s", err);
	ok(stat(path, &st) != 0, "and no file");
	free(path);
	record_free(f);
}

int
main(void)
{
	struct temp_book t;
	struct book *b;

	umask(077);
	pages();
	b = temp_book_open(&t);
	if (b != NULL) {
		the_command(b, t.dir);
		temp_book_close(&t, b);
	}
	return tap_done();
}
