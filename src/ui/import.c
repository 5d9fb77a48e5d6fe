/* Import in the prima nota's list: the name of a bank statement in the
 * book's import folder (import/BOOK beside the book), the account, then
 * pn_import (one transaction) and its report on the status line. And a
 * kind's own Import (the documents' supplier invoices): the whole folder,
 * its report in the pager. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bank/match.h"
#include "bank/statement.h"
#include "book/primanota.h"
#include "ui/pages.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

static void
show_progress(void *arg, size_t done, size_t total)
{
	struct ui *ui = arg;

	ui_status(ui, _("Importing: %zu of %zu movements..."), done, total);
	ui_repaint(ui);
}

/* The path of the file called name in dir: NULL after a message when the
 * name is not a plain file's name there. */
static char *
statement_path(struct ui *ui, const char *dir, const char *name)
{
	struct stat sb;
	char *path;

	if (name[0] == '\0' || name[0] == '.' || strchr(name, '/') != NULL) {
		ui_error(ui, _("Not imported: give the name of a file in %s, without a folder."),
			 dir);
		return NULL;
	}
	path = xasprintf("%s/%s", dir, name);
	if (lstat(path, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		ui_error(ui, _("Not imported: there is no file %s in %s."), name, dir);
		free(path);
		return NULL;
	}
	return path;
}

static int
run_import(struct ui *ui, const char *path, const char *account)
{
	struct statement st = { 0 };
	struct stmt_counts counts;
	char err[ERR_SIZE], report[256];
	int rc;

	ui_status(ui, "%s", _("Importing..."));
	ui_repaint(ui);
	if (statement_read(path, NULL, &st, err) < 0) {
		ui_error(ui, _("Not imported: %s"), err);
		return 0;
	}
	rc = pn_import(ui->book, account, &st, show_progress, ui, &counts, err);
	statement_free(&st);
	if (rc < 0) {
		ui_error(ui, _("Nothing was imported: %s"), err);
		return 0;
	}
	stmt_counts_text(&counts, report, sizeof report);
	ui_status(ui, _("Imported into %s: %s."), account, report);
	return counts.matched + counts.added > 0;
}

int
import_statement(struct ui *ui, const char *account)
{
	char err[ERR_SIZE], name[256] = "", acct[128] = "", *dir, *question, *path;
	int done = 0;

	if ((dir = book_folder(book_path(ui->book), "import", err)) == NULL) {
		ui_error(ui, _("Not imported: %s"), err);
		return 0;
	}
	question = xasprintf(_("Bank statement (camt.053 or CSV) to import, a file in %s:"), dir);
	if (!dialog_prompt(ui, question, name, sizeof name) || name[0] == '\0')
		ui_status(ui, "%s", _("Not imported."));
	else if ((path = statement_path(ui, dir, name)) != NULL) {
		if (account != NULL)
			str_copy(acct, account, sizeof acct);
		if (acct[0] == '\0' &&
		    (!dialog_prompt(ui, _("Into which account (its name, e.g. Banca)?"), acct,
				    sizeof acct) ||
		     acct[0] == '\0'))
			ui_status(ui, "%s", _("Not imported."));
		else
			done = run_import(ui, path, acct);
		free(path);
	}
	free(question);
	free(dir);
	return done;
}

static void
show_file_progress(void *arg, size_t done, size_t total)
{
	struct ui *ui = arg;

	ui_status(ui, _("Importing: file %zu of %zu..."), done + 1, total);
	ui_repaint(ui);
}

int
import_kind_files(struct ui *ui, const struct record_kind *k)
{
	char err[ERR_SIZE] = "", **lines = NULL, *dir, *title;
	struct doc *d;
	size_t n;

	if ((dir = book_folder(book_path(ui->book), "import", err)) == NULL) {
		ui_error(ui, _("Not imported: %s"), err);
		return 0;
	}
	ui_status(ui, _("Importing the files of %s..."), dir);
	ui_repaint(ui);
	n = k->import(ui->book, dir, show_file_progress, ui, &lines, err);
	if (n == (size_t)-1) {
		ui_error(ui, _("Nothing was imported: %s"), err);
		free(dir);
		return 0;
	}
	title = xasprintf(_("Import from %s"), dir);
	d = doc_new(title);
	doc_lines(d, lines, n);
	print_doc(ui, d, "import");
	doc_free(d);
	ui_status(ui, "%s", n > 0 ? lines[0] : "");
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(title);
	free(dir);
	return 1;
}
