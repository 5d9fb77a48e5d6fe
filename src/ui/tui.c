/* `scrivano tui`: reads every screen and key file first (all their
 * mistakes reported at once, before the terminal is touched), opens the
 * book and runs the main menu on this terminal. */
#include "config.h"

#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/history.h"
#include "commands.h"
#include "term/charset.h"
#include "term/printer.h"
#include "term/termtype.h"
#include "ui/idle.h"
#include "ui/ui.h"
#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

/* What the command line says about the terminal. */
struct tui_opts {
	const char *book;
	const char *term;            /* as the terminal library will use it */
	const char *keys;            /* the user's own key file, or NULL */
	const char *charset;         /* the terminal's, as the relay converts */
	const char *printer_charset; /* NULL: the terminal's */
	int relay;                   /* behind scrivano's relay (printer jobs in-band) */
	int check;
	/* --shared OWNER:MODE:FILE: the books shared with the user, whom the
	 * chooser offers with the own one */
	struct book_choice *shared;
	size_t nshared;
};

struct files {
	struct screen **screens;
	size_t nscreens;
	struct keymap *keys;
	struct buf checked; /* what was read without a mistake, for --check */
};

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in share_dir()/dir ending in suffix, sorted. */
static char **
list_dir(const char *dir, const char *suffix, size_t *n, struct buf *errs, int *errors)
{
	char *path = share_path(dir);
	DIR *d = opendir(path);
	char **names = NULL;
	struct dirent *e;

	*n = 0;
	if (d == NULL) {
		buf_printf(errs, _("%s: cannot read the folder\n"), path);
		(*errors)++;
		free(path);
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name), sl = strlen(suffix);
		if (e->d_name[0] == '.' || len <= sl || strcmp(e->d_name + len - sl, suffix) != 0)
			continue;
		names = xreallocarray(names, *n + 1, sizeof *names);
		names[(*n)++] = xasprintf("%s/%s", path, e->d_name);
	}
	closedir(d);
	free(path);
	if (*n > 0)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

static void
free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The shipped lists of a screen's list-typed fields (province, country),
 * read now rather than on first use, so that --check reads them too. A
 * list's mistake is reported once, however many fields use it. */
static int
load_type_lists(struct screen_field *fields, size_t n, struct buf *errs)
{
	char err[ERR_SIZE];
	int errors = 0;

	for (size_t i = 0; i < n; i++) {
		const struct screen_field *sf = &fields[i];
		if (sf->type->list == NULL || sf->params.choices != NULL ||
		    fieldtype_choices(sf->type, &sf->params, err) != NULL)
			continue;
		if (errs->data == NULL || strstr(errs->data, err) == NULL)
			buf_printf(errs, "%s\n", err);
		errors++;
	}
	return errors;
}

static int
load_screens(struct files *f, struct buf *errs)
{
	size_t n;
	int errors = 0;
	char **names = list_dir("screens", ".scr", &n, errs, &errors);

	for (size_t i = 0; i < n; i++) {
		struct screen **got = NULL;
		size_t ngot = 0;
		if (screen_load_all(names[i], &got, &ngot, errs) > 0) {
			errors++;
			continue;
		}
		/* the file's screen, then its views */
		buf_printf(&f->checked, _("screen file %s:"), names[i]);
		for (size_t k = 0; k < ngot; k++) {
			struct screen *s = got[k];
			buf_printf(&f->checked, " %s", s->name);
			errors += load_type_lists(s->fields, s->nfields, errs);
			for (size_t g = 0; g < s->ngrids; g++)
				errors += load_type_lists(s->grids[g].fields, s->grids[g].nfields, errs);
			for (size_t j = 0; j < f->nscreens; j++)
				if (strcmp(f->screens[j]->name, s->name) == 0) {
					buf_printf(errs, _("%s: screen '%s' is also in %s\n"), names[i],
						   s->name, f->screens[j]->file);
					errors++;
				}
			f->screens = xreallocarray(f->screens, f->nscreens + 1, sizeof *f->screens);
			f->screens[f->nscreens++] = s;
		}
		buf_adds(&f->checked, "\n");
		free(got);
	}
	free_names(names, n);
	return errors;
}

int
tui_load_screens(struct screen ***screens, size_t *n, struct buf *errs)
{
	struct files f = { 0 };
	int errors = load_screens(&f, errs);

	*screens = f.screens;
	*n = f.nscreens;
	buf_free(&f.checked);
	return errors;
}

/* --check: every key file is checked on its own, each over default.keys. */
static int
check_key_files(struct files *f, struct buf *errs)
{
	size_t n;
	int errors = 0;
	char **names = list_dir("keymaps", ".keys", &n, errs, &errors);
	char *def = share_path("keymaps/default.keys");

	for (size_t i = 0; i < n; i++) {
		struct keymap *km = keymap_new(action_names, ACT_COUNT);
		int bad;
		if (strcmp(names[i], def) == 0)
			bad = keymap_load(km, names[i], errs);
		else {
			struct buf quiet = { 0 };
			keymap_load(km, def, &quiet);
			buf_free(&quiet);
			bad = keymap_load(km, names[i], errs);
		}
		if (bad == 0)
			buf_printf(&f->checked, _("key file %s\n"), names[i]);
		errors += bad;
		keymap_free(km);
	}
	free(def);
	free_names(names, n);
	return errors;
}

/* The map used is default.keys with the terminal's file over it (its own,
 * or its family's), then the user's own key file, whose mistakes are only
 * noted. --check stops at any mistake in any key file; a session whose
 * shared files have one goes on with the built-in default.keys, and the
 * first mistake heads the notes (the status line shows it). */
static int
load_keys(struct files *f, const struct tui_opts *o, struct buf *errs, struct buf *notes)
{
	struct buf bad = { 0 }, user = { 0 };
	const char *shown;
	int errors = 0;

	if (o->check && (errors = check_key_files(f, errs)) > 0)
		return errors;
	f->keys = keymap_new(action_names, ACT_COUNT);
	if (keymap_load_term(f->keys, o->term, o->keys, &bad, &user) == 0 || o->check) {
		errors += bad.len > 0;
		if (errors == 0 && user.len == 0 && o->keys != NULL)
			buf_printf(&f->checked, _("key file %s (the user's own)\n"), o->keys);
		if (bad.len > 0)
			buf_add(errs, bad.data, bad.len);
		if (user.len > 0)
			buf_add(notes, user.data, user.len);
		buf_free(&bad);
		buf_free(&user);
		return errors;
	}
	keymap_free(f->keys);
	buf_free(&user);
	shown = bad.data;
	/* The status line has 80 columns: keymaps/xterm.keys:12, not the whole
	 * path of the share folder. */
	if (str_starts(bad.data, share_dir()) && bad.data[strlen(share_dir())] == '/')
		shown += strlen(share_dir()) + 1;
	f->keys = keymap_new(action_names, ACT_COUNT);
	buf_printf(notes, _("%.*s; the built-in keys are in use\n"),
		   (int)strcspn(shown, "\n"), shown);
	keymap_load_builtin(f->keys, notes);
	if (o->keys != NULL && *o->keys != '\0')
		keymap_load(f->keys, o->keys, notes);
	buf_free(&bad);
	return 0;
}

static void
free_files(struct files *f)
{
	for (size_t i = 0; i < f->nscreens; i++)
		screen_free(f->screens[i]);
	free(f->screens);
	keymap_free(f->keys);
	buf_free(&f->checked);
}

/* --check found nothing wrong: what it read, then "ok". */
static void
print_checked(struct files *f)
{
	const struct codelist *l;
	const char *path;

	fputs(f->checked.data != NULL ? f->checked.data : "", stdout);
	for (size_t i = 0; (l = codelist_shared_nth(i, &path)) != NULL; i++)
		printf(ngettext("code list %s: %zu code\n", "code list %s: %zu codes\n", l->n), path,
		       l->n);
	puts(_("ok"));
}

static int
usage(FILE *out, int status)
{
	fprintf(out, _("usage: scrivano tui --book FILE\n"
		       "       scrivano tui --check\n"));
	fprintf(out, _("options: --keys FILE  --charset NAME  --printer-charset NAME  --relay\n"));
	fprintf(out, _("         --shared OWNER:read-only|read-write:FILE  (a book shared with "
		       "the user; repeated)\n"));
	return status;
}

/* The options that take a value, by where they store it. */
static const char **
option_value(struct tui_opts *o, const char *name)
{
	static const struct {
		const char *name;
		size_t off;
	} valued[] = {
		{ "--book", offsetof(struct tui_opts, book) },
		{ "--keys", offsetof(struct tui_opts, keys) },
		{ "--charset", offsetof(struct tui_opts, charset) },
		{ "--printer-charset", offsetof(struct tui_opts, printer_charset) },
	};

	for (size_t i = 0; i < ARRAY_LEN(valued); i++)
		if (strcmp(name, valued[i].name) == 0)
			return (const char **)(void *)((char *)o + valued[i].off);
	return NULL;
}

/* "anna:read-only:/srv/scrivano/books/anna.sqlite" into o->shared: the
 * owner an account name, the mode one of the two, the file the rest. */
static int
add_shared(struct tui_opts *o, char *spec)
{
	char *mode = strchr(spec, ':'), *file = mode != NULL ? strchr(mode + 1, ':') : NULL;
	struct book_choice c;

	if (file == NULL || file[1] == '\0')
		goto bad;
	*mode++ = '\0';
	*file++ = '\0';
	c = (struct book_choice){ file, spec, strcmp(mode, "read-only") == 0 };
	if (!user_name_valid(spec) || (!c.read_only && strcmp(mode, "read-write") != 0))
		goto bad;
	o->shared = xreallocarray(o->shared, o->nshared + 1, sizeof *o->shared);
	o->shared[o->nshared++] = c;
	return 0;
bad:
	fprintf(stderr, _("scrivano tui: --shared takes OWNER:read-only:FILE or "
			  "OWNER:read-write:FILE\n"));
	return -1;
}

/* Fills o from argv; 0, 1 for --help, or -1 after a message. */
static int
parse_options(int argc, char **argv, struct tui_opts *o)
{
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '='), name[32];
		const char **slot;

		str_copy(name, argv[i], eq != NULL && (size_t)(eq - argv[i]) < sizeof name
						? (size_t)(eq - argv[i]) + 1
						: sizeof name);
		if ((slot = option_value(o, name)) != NULL && eq != NULL)
			*slot = eq + 1;
		else if (slot != NULL && eq == NULL && i + 1 < argc)
			*slot = argv[++i];
		else if (strcmp(argv[i], "--shared") == 0 && i + 1 < argc) {
			if (add_shared(o, argv[++i]) < 0)
				return -1;
		} else if (strncmp(argv[i], "--shared=", 9) == 0) {
			if (add_shared(o, argv[i] + 9) < 0)
				return -1;
		} else if (strcmp(argv[i], "--check") == 0)
			o->check = 1;
		else if (strcmp(argv[i], "--relay") == 0)
			o->relay = 1;
		else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
		else {
			fprintf(stderr, _("scrivano tui: unknown option '%s'\n"), argv[i]);
			return -1;
		}
	}
	return 0;
}

/* The charsets named on the command line, made canonical; a bad one is
 * refused before the terminal is touched. */
static int
check_charsets(struct tui_opts *o, char *err)
{
	const char *screen = o->charset != NULL ? charset_canonical(o->charset) : "UTF-8";
	const char *printer = o->printer_charset != NULL ? charset_canonical(o->printer_charset)
						      : screen;

	if (screen == NULL)
		return err_set(err, _("unknown charset '%s'"), o->charset);
	if (printer == NULL)
		return err_set(err, _("unknown charset '%s'"), o->printer_charset);
	o->charset = screen;
	o->printer_charset = printer;
	return 0;
}

/* The terminal as the library will know it: an unknown TERM works as a
 * vt100 (keys and all), with a note for the status line. */
static void
resolve_term(struct tui_opts *o, char *note, size_t size)
{
	const char *term = getenv("TERM");

	o->term = term;
	if (term_known(term))
		return;
	snprintf(note, size, _("Unknown terminal type '%s': working as a vt100."),
		 term != NULL ? term : "");
	setenv("TERM", TERM_FALLBACK, 1);
	o->term = TERM_FALLBACK;
}

/* Boxes are drawn with the terminal's own line drawing (ACS) unless its
 * charset is UTF-8. The UI always runs in a UTF-8 locale, where ncurses
 * draws boxes as Unicode characters for many terminals, which the relay
 * could then only transliterate (to + - | in Latin-9, to '?' for double
 * lines). NCURSES_NO_UTF8_ACS=0 makes it use the terminfo entry's line
 * drawing (smacs/acsc) whatever the locale. */
static void
setup_terminal_charset(const struct tui_opts *o)
{
	if (strcmp(o->charset, "UTF-8") != 0)
		setenv("NCURSES_NO_UTF8_ACS", "0", 1);
	print_setup(o->term, o->printer_charset, o->relay);
}

/* The books to choose among: the own one first, then the shared ones. */
static int
run_chooser(struct tui_opts *o, struct files *f, const char *note, const char *user, char *err)
{
	struct book_choice *all = xcalloc(o->nshared + 1, sizeof *all);
	int rc;

	all[0] = (struct book_choice){ o->book, NULL, 0 };
	memcpy(all + 1, o->shared, o->nshared * sizeof *all);
	rc = ui_main(NULL, all, o->nshared + 1, user, f->keys, f->screens, f->nscreens, note, err);
	free(all);
	return rc;
}

static int
run(struct tui_opts *o, struct files *f, const char *note)
{
	struct book *book = NULL;
	const char *user = getenv("USER");
	char err[ERR_SIZE];
	int status = 0, rc;

	/* served: the server made the environment, USER its account */
	if (o->relay && user != NULL)
		history_set_account(user);
	/* more than one book: the chooser opens the one picked, after the
	 * terminal is set up */
	if (o->nshared == 0 && book_open(o->book, &book, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	setup_terminal_charset(o);
	if (o->nshared > 0)
		rc = run_chooser(o, f, note, user != NULL ? user : "", err);
	else
		rc = ui_main(book, NULL, 0, user, f->keys, f->screens, f->nscreens, note, err);
	if (rc < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		status = 1;
	} else if (idle_stopped()) {
		status = UI_EXIT_STOP;
	} else if (idle_expired()) {
		status = UI_EXIT_IDLE;
	}
	book_close(book);
	return status;
}

int
cmd_tui(int argc, char **argv)
{
	struct tui_opts o = { 0 };
	struct files f = { 0 };
	struct buf errs = { 0 }, notes = { 0 };
	char note[256] = "", err[ERR_SIZE];
	int status = 0, rc = parse_options(argc, argv, &o);

	if (rc != 0)
		return usage(rc > 0 ? stdout : stderr, rc > 0 ? 0 : 2);
	if (!o.check && o.book == NULL)
		return usage(stderr, 2);
	if (check_charsets(&o, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 2;
	}
	resolve_term(&o, note, sizeof note);
	if (load_screens(&f, &errs) + load_keys(&f, &o, &errs, &notes) > 0 ||
	    (o.check && notes.len > 0)) {
		fputs(errs.data != NULL ? errs.data : "", stderr);
		fputs(notes.data != NULL ? notes.data : "", stderr);
		status = 1;
	} else if (o.check) {
		print_checked(&f);
	} else {
		/* the user's key file has mistakes: the first shows, the rest of
		 * the file works */
		if (notes.len > 0 && note[0] == '\0')
			str_copy(note, notes.data, strcspn(notes.data, "\n") + 1 < sizeof note
							   ? strcspn(notes.data, "\n") + 1
							   : sizeof note);
		status = run(&o, &f, note);
	}
	buf_free(&errs);
	buf_free(&notes);
	free_files(&f);
	free(o.shared);
	return status;
}
