/* `scrivano tui`: reads every screen and key file first (all their
 * mistakes reported at once, before the terminal is touched), opens the
 * book and runs the main menu on this terminal. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "ui/idle.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

struct files {
	struct screen **screens;
	size_t nscreens;
	struct keymap *keys;
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
		for (size_t k = 0; k < ngot; k++) {
			struct screen *s = got[k];
			for (size_t j = 0; j < f->nscreens; j++)
				if (strcmp(f->screens[j]->name, s->name) == 0) {
					buf_printf(errs, _("%s: screen '%s' is also in %s\n"), names[i],
						   s->name, f->screens[j]->file);
					errors++;
				}
			f->screens = xreallocarray(f->screens, f->nscreens + 1, sizeof *f->screens);
			f->screens[f->nscreens++] = s;
		}
		free(got);
	}
	free_names(names, n);
	return errors;
}

/* The per-terminal key file for TERM, when TERM is a plain name. */
static char *
term_keys_path(void)
{
	const char *term = getenv("TERM");

	if (term == NULL || *term == '\0' ||
	    strspn(term, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-") !=
		    strlen(term) ||
	    term[0] == '.')
		return NULL;
	return xasprintf("%s/keymaps/%s.keys", share_dir(), term);
}

/* Every key file is checked on its own; the map used is default.keys with
 * the terminal's file over it. */
static int
load_keys(struct files *f, struct buf *errs)
{
	size_t n;
	int errors = 0;
	char **names = list_dir("keymaps", ".keys", &n, errs, &errors);
	char *def = share_path("keymaps/default.keys"), *term = term_keys_path();

	for (size_t i = 0; i < n; i++) {
		struct keymap *km = keymap_new(action_names, ACT_COUNT);
		if (strcmp(names[i], def) == 0)
			errors += keymap_load(km, names[i], errs);
		else {
			struct buf quiet = { 0 };
			keymap_load(km, def, &quiet);
			buf_free(&quiet);
			errors += keymap_load(km, names[i], errs);
		}
		keymap_free(km);
	}
	f->keys = keymap_new(action_names, ACT_COUNT);
	if (errors == 0) {
		struct buf quiet = { 0 };
		errors += keymap_load(f->keys, def, errs);
		if (term != NULL && access(term, R_OK) == 0)
			keymap_load(f->keys, term, &quiet);
		buf_free(&quiet);
	}
	free(def);
	free(term);
	free_names(names, n);
	return errors;
}

static void
free_files(struct files *f)
{
	for (size_t i = 0; i < f->nscreens; i++)
		screen_free(f->screens[i]);
	free(f->screens);
	keymap_free(f->keys);
}

static int
usage(FILE *out, int status)
{
	fprintf(out, _("usage: scrivano tui --book FILE\n"
		       "       scrivano tui --check\n"));
	return status;
}

int
cmd_tui(int argc, char **argv)
{
	const char *book_file = NULL;
	int check = 0, status = 0;
	struct files f = { 0 };
	struct buf errs = { 0 };
	struct book *book;
	char err[ERR_SIZE];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--book") == 0 && i + 1 < argc)
			book_file = argv[++i];
		else if (strncmp(argv[i], "--book=", 7) == 0)
			book_file = argv[i] + 7;
		else if (strcmp(argv[i], "--check") == 0)
			check = 1;
		else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return usage(stdout, 0);
		else {
			fprintf(stderr, _("scrivano tui: unknown option '%s'\n"), argv[i]);
			return usage(stderr, 2);
		}
	}
	if (!check && book_file == NULL)
		return usage(stderr, 2);
	if (load_screens(&f, &errs) + load_keys(&f, &errs) > 0) {
		fputs(errs.data, stderr);
		status = 1;
	} else if (!check) {
		if (book_open(book_file, &book, err) < 0) {
			fprintf(stderr, "scrivano: %s\n", err);
			status = 1;
		} else {
			if (ui_main(book, f.keys, f.screens, f.nscreens, NULL, err) < 0) {
				fprintf(stderr, "scrivano: %s\n", err);
				status = 1;
			} else if (idle_expired()) {
				status = UI_EXIT_IDLE;
			}
			book_close(book);
		}
	}
	buf_free(&errs);
	free_files(&f);
	return status;
}
