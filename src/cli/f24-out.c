/* `scrivano f24 pdf ID OUT.pdf` and `scrivano f24 print ID`: an F24 of a
 * book as a PDF laid out like the model (book/f24-pdf.c, on src/pdf's
 * drawing layer) or as the text of the form's Print (book/f24-text.c). The
 * options are f24.c's. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "book/book.h"
#include "book/f24-pdf.h"
#include "book/f24-text.h"
#include "book/f24.h"
#include "cli/f24-cli.h"
#include "util/i18n.h"
#include "util/util.h"

int
f24_cli_pdf(struct book *b, const struct f24_opts *o)
{
	const char *file = o->args[1];
	char err[ERR_SIZE];
	int64_t id;

	if (parse_id(o->args[0], &id) < 0)
		return 1;
	if (!o->force && access(file, F_OK) == 0) {
		fail(_("pdf: %s already exists; --force replaces it"), file);
		return 1;
	}
	if (f24_pdf_file(b, id, file, o->force, err) < 0) {
		fail(_("pdf: %s; nothing was written"), err);
		return 1;
	}
	return 0;
}

int
f24_cli_print(struct book *b, const struct f24_opts *o)
{
	struct record *f;
	char **lines;
	size_t n;

	if (load_f24(b, o->args[0], &f) < 0)
		return 1;
	n = f24_text(f, &lines);
	for (size_t i = 0; i < n; i++)
		printf("%s\n", lines[i]);
	f24_text_free(lines, n);
	record_free(f);
	return fflush(stdout) == 0 ? 0 : 1;
}
