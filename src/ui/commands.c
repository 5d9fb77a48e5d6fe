/* A record kind's commands (record.h: struct record_command) in forms and
 * lists: Commands (F11, Esc c) opens a small menu of those that apply to
 * the record as saved, asks what the chosen one declares (nothing, yes or
 * no, a line of text, a file to read, a file to write), runs it and shows
 * what it says (or the text it gives, in the print preview's pager); a command that opens a screen runs that screen's form on
 * a new record linked to this one. Nothing here knows a kind by name: the
 * kinds' tables say it all. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ui/pages.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

/* The most commands one kind offers at once. */
#define COMMANDS_MAX 16

int
commands_any(const struct record_kind *k)
{
	return k != NULL && k->ncommands > 0;
}

size_t
commands_applicable(const struct record *r, const struct record_command **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < r->kind->ncommands && n < max; i++) {
		const struct record_command *c = &r->kind->commands[i];
		if (c->applies == NULL || c->applies(r))
			out[n++] = c;
	}
	return n;
}

/* A file to read: a name in the book's import folder, or an absolute
 * path; NULL after a message when it is not a plain file. */
static char *
file_in(struct ui *ui, const struct record_command *c, const char *dir, const char *typed)
{
	struct stat sb;
	char *path;

	if (typed[0] == '/')
		path = xstrdup(typed);
	else if (typed[0] == '.' || strstr(typed, "/../") != NULL || strncmp(typed, "../", 3) == 0) {
		ui_error(ui, _("%s: not run: give a file of %s, or its full path."), _(c->label),
			 dir);
		return NULL;
	} else
		path = xasprintf("%s/%s", dir, typed);
	if (stat(path, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		ui_error(ui, _("%s: not run: there is no file %s."), _(c->label), path);
		free(path);
		return NULL;
	}
	return path;
}

/* A file to write: a new name in the book's export folder; NULL after a
 * message when it has a folder or a file of that name is there. */
static char *
file_out(struct ui *ui, const struct record_command *c, const char *dir, const char *typed)
{
	struct stat sb;
	char *path;

	if (typed[0] == '.' || strchr(typed, '/') != NULL) {
		ui_error(ui, _("%s: not run: give a file name for %s, without a folder."),
			 _(c->label), dir);
		return NULL;
	}
	path = xasprintf("%s/%s", dir, typed);
	if (lstat(path, &sb) == 0) {
		ui_error(ui, _("%s: not run: there is already a file %s in %s."), _(c->label),
			 typed, dir);
		free(path);
		return NULL;
	}
	return path;
}

/* Asks what c declares: 1 with the value in *arg (newly allocated, NULL
 * for none), 0 when the user cancelled, -1 when the value was refused
 * (the message shown). */
static int
ask_value(struct ui *ui, const struct record_command *c, const struct record *r, char **arg)
{
	char text[ERR_SIZE] = "", err[ERR_SIZE], *dir, *question;
	const char *prompt = c->prompt != NULL ? _(c->prompt) : _(c->label);
	int in = c->ask == RECORD_ASK_FILE_IN, ok;

	*arg = NULL;
	switch (c->ask) {
	case RECORD_ASK_NONE:
		return 1;
	case RECORD_ASK_CONFIRM:
		if (c->question != NULL) {
			int rc = c->question(ui->book, r, text);
			if (rc <= 0) {
				if (rc == 0)
					ui_status(ui, "%s: %s", _(c->label), text);
				else
					ui_error(ui, _("%s: not run: %s"), _(c->label), text);
				return -1;
			}
			return dialog_confirm(ui, text);
		}
		return dialog_confirm(ui, prompt);
	case RECORD_ASK_TEXT:
		if (c->preset != NULL)
			c->preset(ui->book, r, text);
		if (!dialog_prompt(ui, prompt, text, sizeof text))
			return 0;
		*arg = xstrdup(text);
		return 1;
	case RECORD_ASK_FILE_IN:
	case RECORD_ASK_FILE_OUT:
		break;
	}
	if ((dir = book_folder(book_path(ui->book), in ? "import" : "export", err)) == NULL) {
		ui_error(ui, _("%s: not run: %s"), _(c->label), err);
		return -1;
	}
	if (!in && c->preset != NULL)
		c->preset(ui->book, r, text);
	question = xasprintf(in ? _("%s (a file in %s):") : _("%s (a new file in %s):"), prompt,
			     dir);
	ok = dialog_prompt(ui, question, text, sizeof text) && text[0] != '\0';
	if (ok && (*arg = in ? file_in(ui, c, dir, text) : file_out(ui, c, dir, text)) == NULL)
		ok = -1;
	free(question);
	free(dir);
	return ok;
}

/* A command that opens a screen's form on a new record linked to r. */
static int
run_screen(struct ui *ui, const struct record_command *c, const struct record *r)
{
	struct screen *scr = ui_find_screen(ui, c->screen);
	struct record *linked;
	char err[ERR_SIZE], id[32];
	int64_t saved = 0;
	int field;

	if (scr == NULL || scr->kind == NULL ||
	    (field = record_field_index(scr->kind, c->link_field)) < 0) {
		ui_error(ui, _("%s: screen %s is missing or has no field %s."), _(c->label),
			 c->screen, c->link_field);
		return 0;
	}
	linked = record_new(scr->kind);
	snprintf(id, sizeof id, "%lld", (long long)r->id);
	record_set(linked, (size_t)field, id);
	if (c->prepare != NULL && c->prepare(ui->book, r, linked, err) < 0) {
		ui_error(ui, "%s: %s", _(c->label), err);
		record_free(linked);
		return 0;
	}
	form_run(ui, scr, linked, &saved);
	record_free(linked);
	return saved != 0;
}

/* What a command that takes a while is doing, on the status line now. */
static void
show_progress(void *ctx, const char *what)
{
	struct ui *ui = ctx;

	ui_status(ui, "%s", what);
	ui_repaint(ui);
}

/* Lines in the print preview's pager, under the command's label and the
 * record's key; freed. */
static void
show_lines(struct ui *ui, struct screen *scr, const struct record_command *c,
	   const struct record *r, char **lines, size_t n)
{
	char *title, *name;
	struct doc *d;

	title = xasprintf("%s - %s", _(c->label), record_get(r, r->kind->key_field));
	name = xasprintf("%s-%s-%lld", scr->name, c->name, (long long)r->id);
	d = doc_new(title);
	doc_lines(d, lines, n);
	print_doc(ui, d, name);
	doc_free(d);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(name);
	free(title);
}

/* Whether record r is one view s lists (a screen that is no view lists
 * them all). */
static int
in_view(const struct screen *s, const struct record *r)
{
	const char *v = record_get(r, s->where_record), *p = s->where_in;
	size_t n = strlen(v);

	if (p == NULL)
		return 1;
	for (; *p != '\0'; p += strcspn(p, "\n"), p += *p == '\n')
		if (strncmp(p, v, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
			return 1;
	return 0;
}

/* The screen a command's new record opens in: scr, when its view lists
 * it; else the first view of the same file that does (a delivery note's
 * deferred invoice opens as a deferred invoice, not under the title of
 * the delivery notes), else the file's screen of every record. */
static struct screen *
screen_for(struct ui *ui, struct screen *scr, int64_t id)
{
	struct screen *pick = NULL, *all = NULL;
	struct record *r = NULL;
	char err[ERR_SIZE];

	if (scr->where_in == NULL || scr->where_custom != NULL ||
	    record_load(ui->book, scr->kind, id, &r, err) < 0)
		return scr;
	if (in_view(scr, r))
		pick = scr;
	for (size_t i = 0; i < ui->nscreens && pick == NULL; i++) {
		struct screen *s = ui->screens[i];

		if (s->kind != scr->kind || strcmp(s->file, scr->file) != 0 ||
		    s->where_custom != NULL)
			continue;
		if (s->where_in == NULL)
			all = all ? all : s;
		else if (in_view(s, r))
			pick = s;
	}
	record_free(r);
	return pick ? pick : all ? all : scr;
}

/* A command that shows text. */
static void
run_show(struct ui *ui, struct screen *scr, const struct record_command *c,
	 const struct record *r)
{
	char **lines = NULL, err[ERR_SIZE] = "";
	size_t n;

	if ((n = c->show(ui->book, r, &lines, err)) == (size_t)-1) {
		ui_error(ui, _("%s: not shown: %s"), _(c->label), err);
		return;
	}
	show_lines(ui, scr, c, r, lines, n);
}

/* A command that runs and reports what it did in the pager: 1 when it
 * ran. */
static int
run_report(struct ui *ui, struct screen *scr, const struct record_command *c,
	   const struct record *r)
{
	char **lines = NULL, err[ERR_SIZE] = "", *arg;
	size_t n = 0;
	int rc;

	if ((rc = ask_value(ui, c, r, &arg)) <= 0) {
		if (rc == 0)
			ui_status(ui, _("%s: not run."), _(c->label));
		return 0;
	}
	rc = c->report(ui->book, r, arg, &lines, &n, err);
	free(arg);
	if (rc < 0) {
		ui_error(ui, _("%s: not done: %s"), _(c->label), err);
		return 0;
	}
	show_lines(ui, scr, c, r, lines, n);
	ui_status(ui, _("%s: done."), _(c->label));
	return 1;
}

/* Runs c on r (asked for what it needs): 1 when it did something. */
static int
run_command(struct ui *ui, struct screen *scr, const struct record_command *c,
	    const struct record *r)
{
	char msg[ERR_SIZE] = "", err[ERR_SIZE] = "", *arg;
	int64_t open_id = 0;
	int rc;

	if (c->screen != NULL)
		return run_screen(ui, c, r);
	if (c->show != NULL) {
		run_show(ui, scr, c, r);
		return 0;
	}
	if (c->report != NULL)
		return run_report(ui, scr, c, r);
	if (c->run == NULL)
		return 0;
	if ((rc = ask_value(ui, c, r, &arg)) <= 0) {
		if (rc == 0)
			ui_status(ui, _("%s: not run."), _(c->label));
		return 0;
	}
	record_progress_to(show_progress, ui);
	rc = c->run(ui->book, r, arg, &open_id, msg, err);
	record_progress_to(NULL, NULL);
	free(arg);
	if (rc < 0) {
		ui_error(ui, _("%s: not done: %s"), _(c->label), err);
		return 0;
	}
	if (msg[0] != '\0')
		ui_status(ui, "%s", msg);
	else
		ui_status(ui, _("%s: done."), _(c->label));
	if (open_id != 0)
		form_open(ui, screen_for(ui, scr, open_id), open_id);
	return 1;
}

int
commands_offer(struct ui *ui, struct screen *scr, int64_t id)
{
	const struct record_command *cmds[COMMANDS_MAX];
	struct dialog_item items[COMMANDS_MAX];
	struct record *r;
	char err[ERR_SIZE];
	size_t n;
	int pick, done = 0;

	if (!commands_any(scr->kind)) {
		ui_status(ui, "%s", _("This screen's records have no commands."));
		return 0;
	}
	if (id == 0) {
		ui_status(ui, "%s", _("Save the record first: commands work on a saved record."));
		return 0;
	}
	if (record_load(ui->book, scr->kind, id, &r, err) < 0) {
		ui_error(ui, "%s", err);
		return 0;
	}
	if ((n = commands_applicable(r, cmds, COMMANDS_MAX)) == 0)
		ui_status(ui, "%s", _("No command applies to this record as it is now."));
	else {
		for (size_t i = 0; i < n; i++)
			items[i] = (struct dialog_item){ cmds[i]->label, cmds[i]->help };
		if ((pick = dialog_menu(ui, _("Commands"), items, n)) >= 0)
			done = run_command(ui, scr, cmds[pick], r);
	}
	record_free(r);
	return done;
}

const struct key_hint *
commands_hints(const struct key_hint *base, const struct record_kind *k, struct key_hint *buf,
	       size_t size)
{
	size_t n = 0, rare = 0;

	if (!commands_any(k))
		return base;
	for (size_t i = 0; i < k->ncommands; i++)
		rare += k->commands[i].rare != 0;
	if (rare == k->ncommands)
		return base;
	/* after the first two (Help, Save or Search): it is what the screen
	 * is for, after editing */
	for (const struct key_hint *h = base; h->action != ACT_NONE && n + 2 < size; h++) {
		buf[n++] = *h;
		if (h - base == 1)
			buf[n++] = (struct key_hint)COMMANDS_HINT;
	}
	buf[n] = (struct key_hint){ ACT_NONE, NULL };
	return buf;
}
