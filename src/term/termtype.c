/* Terminal types: the terminfo check behind the vt100 fallback, and the
 * families that let one key file serve every variant of a terminal. */
#include "config.h"

#include <curses.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "term/termtype.h"

/* TERM prefixes and the key file that serves them, first match wins; a
 * keymaps/TERM.keys of the exact name is looked for before this table. */
static const struct family {
	const char *prefix, *family;
} families[] = {
	{ "xterm", "xterm" },  { "putty", "putty" },   { "screen", "xterm" },
	{ "tmux", "xterm" },   { "rxvt", "xterm" },    { "gnome", "xterm" },
	{ "konsole", "xterm" }, { "vte", "xterm" },    { "linux", "linux" },
	{ "vt1", "vt100" },    { "vt2", "vt220" },     { "vt3", "vt220" },
	{ "vt4", "vt220" },    { "vt5", "vt220" },     { "wyse", "wy60" },
	{ "wy", "wy60" },      { "scoansi", "scoansi" }, { "ansi", "scoansi" },
};

static int
plain_name(const char *term)
{
	size_t n;

	if (term == NULL || term[0] == '\0' || term[0] == '.')
		return 0;
	n = strlen(term);
	return n < 64 &&
	       strspn(term, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-") ==
		       n;
}

int
term_known(const char *term)
{
	TERMINAL *before = cur_term;
	int fd, err = 0, known;

	if (!plain_name(term))
		return 0;
	/* setupterm() only reads the entry here; the terminal itself is set
	 * up later by newterm(), so the current one is put back. */
	if ((fd = open("/dev/null", O_WRONLY | O_CLOEXEC)) < 0)
		return 1; /* cannot tell: let newterm() decide */
	known = setupterm(term, fd, &err) == OK && err == 1;
	if (known && cur_term != before)
		del_curterm(cur_term);
	set_curterm(before);
	close(fd);
	return known;
}

const char *
term_family(const char *term)
{
	if (!plain_name(term))
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(families); i++)
		if (str_starts(term, families[i].prefix))
			return families[i].family;
	return NULL;
}

static char *
keys_path_if_readable(const char *name)
{
	char *path = xasprintf("%s/keymaps/%s.keys", share_dir(), name);

	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

char *
term_keys_file(const char *term)
{
	const char *family = term_family(term);
	char *path;

	if (!plain_name(term) || strcmp(term, "default") == 0)
		return NULL;
	if ((path = keys_path_if_readable(term)) != NULL)
		return path;
	return family != NULL ? keys_path_if_readable(family) : NULL;
}

int
keymap_load_term(struct keymap *km, const char *term, const char *user_file, struct buf *errs,
		 struct buf *user_errs)
{
	char *def = share_path("keymaps/default.keys"), *own = term_keys_file(term);
	int errors = keymap_load(km, def, errs);

	if (own != NULL)
		errors += keymap_load(km, own, errs);
	if (user_file != NULL && *user_file != '\0')
		keymap_load(km, user_file, user_errs);
	free(def);
	free(own);
	return errors;
}
