/* Key maps: parsing key files (action, then the keys that do it), teaching
 * ncurses extra sequences, and reading keys with Esc-then-a-key combinations. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <wctype.h>

#include "term/keymap.h"
#include "util/i18n.h"

#define C(k) (KEYC_CURSES | (keycode)(k))
#define MAX_CODES 4

/* Codes we give ncurses for sequences it does not know: far above its own
 * (KEY_MAX and the extended keys it numbers after it). */
#define KEYPAD_BASE 0x5000
#define RAW_BASE 0x6000

struct binding {
	char *name; /* as the key file writes it */
	keycode codes[MAX_CODES];
	int ncodes;
	char *seq; /* a raw sequence, taught to ncurses by keymap_install */
	const char *file;
	int line;
	int generation; /* which keymap_parse call made it */
};

struct action_keys {
	struct binding *v;
	size_t n;
};

struct keymap {
	const char *const *names;
	size_t nactions;
	struct action_keys *keys;
	int generation;
	int next_raw;
	char **files; /* file names bindings point at */
	size_t nfiles;
};

/* Keys known by name; the first code decides whether the terminal has it. */
static const struct named_key {
	const char *name;
	keycode codes[MAX_CODES];
} named_keys[] = {
	{ "Enter", { '\r', '\n', C(KEY_ENTER) } },
	{ "Tab", { '\t' } },
	{ "BackTab", { C(KEY_BTAB) } },
	{ "Backspace", { C(KEY_BACKSPACE), 8, 127 } },
	{ "Delete", { C(KEY_DC) } },
	{ "Insert", { C(KEY_IC) } },
	{ "Home", { C(KEY_HOME), C(KEY_FIND) } },
	{ "End", { C(KEY_END), C(KEY_SELECT) } },
	{ "PgUp", { C(KEY_PPAGE) } },
	{ "PgDn", { C(KEY_NPAGE) } },
	{ "Up", { C(KEY_UP) } },
	{ "Down", { C(KEY_DOWN) } },
	{ "Left", { C(KEY_LEFT) } },
	{ "Right", { C(KEY_RIGHT) } },
	{ "Esc", { 27 } },
	{ "Space", { ' ' } },
};

/* Control keys that terminals, tty drivers or SSH clients keep for
 * themselves: flow control, signals, telnet's escape. */
static const char refused_ctrl[] = "SQCZ\\]";

/* The numeric keypad in application mode (which keypad(TRUE) turns on):
 * people type amounts there, so its keys are characters. */
static const struct {
	const char *seq;
	char ch;
} keypad_chars[] = {
	{ "\033Op", '0' }, { "\033Oq", '1' }, { "\033Or", '2' }, { "\033Os", '3' },
	{ "\033Ot", '4' }, { "\033Ou", '5' }, { "\033Ov", '6' }, { "\033Ow", '7' },
	{ "\033Ox", '8' }, { "\033Oy", '9' }, { "\033On", '.' }, { "\033Ol", ',' },
	{ "\033Om", '-' }, { "\033Ok", '+' }, { "\033Oj", '*' }, { "\033Oo", '/' },
};

struct keymap *
keymap_new(const char *const *names, size_t n)
{
	struct keymap *km = xcalloc(1, sizeof *km);

	km->names = names;
	km->nactions = n;
	km->keys = xcalloc(n, sizeof *km->keys);
	km->next_raw = RAW_BASE;
	return km;
}

static void
binding_free(struct binding *b)
{
	free(b->name);
	free(b->seq);
}

static void
action_clear(struct action_keys *ak)
{
	for (size_t i = 0; i < ak->n; i++)
		binding_free(&ak->v[i]);
	free(ak->v);
	ak->v = NULL;
	ak->n = 0;
}

void
keymap_free(struct keymap *km)
{
	if (km == NULL)
		return;
	for (size_t i = 0; i < km->nactions; i++)
		action_clear(&km->keys[i]);
	for (size_t i = 0; i < km->nfiles; i++)
		free(km->files[i]);
	free(km->files);
	free(km->keys);
	free(km);
}

/* "\e[11~" into the bytes ESC [ 1 1 ~. */
static int
parse_raw(const char *name, char **out, char *err)
{
	struct buf b = { 0 };

	for (const char *p = name; *p != '\0'; p++) {
		int c = (unsigned char)*p;
		if (c == '\\') {
			p++;
			if (*p == 'e' || *p == 'E')
				c = 27;
			else if (*p == '\\')
				c = '\\';
			else if (*p == 'x' && hex_digit(p[1]) >= 0 && hex_digit(p[2]) >= 0) {
				c = hex_digit(p[1]) * 16 + hex_digit(p[2]);
				p += 2;
			} else {
				buf_free(&b);
				return err_set(err, _("unknown escape in '%s' (use \\e, \\\\ or \\xHH)"),
					       name);
			}
			if (c == 0) {
				buf_free(&b);
				return err_set(err, _("a key sequence cannot hold a NUL byte"));
			}
		}
		buf_add(&b, (char[]){ (char)c }, 1);
	}
	if (b.len < 2) {
		buf_free(&b);
		return err_set(err, _("'%s' is too short for a key sequence (two bytes at least)"),
			       name);
	}
	*out = b.data;
	return 0;
}

static int
parse_function_key(const char *name, keycode codes[MAX_CODES], char *err)
{
	char *end;
	long n = strtol(name + 1, &end, 10);

	if (*end != '\0' || n < 1 || n > 63)
		return err_set(err, _("unknown key '%s' (function keys are F1 to F63)"), name);
	codes[0] = C(KEY_F(n));
	return 1;
}

static int
parse_ctrl_key(const char *name, keycode codes[MAX_CODES], char *err)
{
	int c = toupper((unsigned char)name[1]);

	if (name[2] != '\0' || c == '\0')
		return err_set(err, _("unknown key '%s' (write ^ and one letter, as ^O)"), name);
	if (c == '?') {
		codes[0] = 127;
		return 1;
	}
	if (c < '@' || c > '_')
		return err_set(err, _("unknown key '%s' (write ^ and one letter, as ^O)"), name);
	if (strchr(refused_ctrl, c) != NULL)
		return err_set(err, _("%s cannot be bound: terminals, tty drivers or SSH clients "
				      "keep it for themselves"),
			       name);
	codes[0] = (keycode)(c - '@');
	return 1;
}

static int
parse_esc_key(const char *name, keycode codes[MAX_CODES], char *err)
{
	const char *rest = name + 4;
	mbstate_t st;
	wchar_t wc;
	size_t n;

	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, rest, strlen(rest), &st);
	if (n == 0 || n == (size_t)-1 || n == (size_t)-2 || rest[n] != '\0' || !iswgraph(wc))
		return err_set(err, _("unknown key '%s' (Esc- is followed by one character, "
				      "as Esc-1)"),
			       name);
	codes[0] = KEYC_ESC | (keycode)wc;
	return 1;
}

int
keymap_parse_key(const char *name, keycode codes[MAX_CODES], char *err)
{
	for (size_t i = 0; i < ARRAY_LEN(named_keys); i++) {
		if (strcasecmp(name, named_keys[i].name) != 0)
			continue;
		int n = 0;
		while (n < MAX_CODES && named_keys[i].codes[n] != KEYC_NONE) {
			codes[n] = named_keys[i].codes[n];
			n++;
		}
		return n;
	}
	if ((name[0] == 'F' || name[0] == 'f') && isdigit((unsigned char)name[1]))
		return parse_function_key(name, codes, err);
	if (name[0] == '^' && name[1] != '\0')
		return parse_ctrl_key(name, codes, err);
	if (strncasecmp(name, "Esc-", 4) == 0)
		return parse_esc_key(name, codes, err);
	if (utf8_len(name) == 1)
		return err_set(err, _("'%s' cannot be bound: it is typed into fields"), name);
	return err_set(err, _("unknown key '%s'"), name);
}

static int
find_action(const struct keymap *km, const char *name)
{
	for (size_t i = 0; i < km->nactions; i++)
		if (strcmp(km->names[i], name) == 0)
			return (int)i;
	return -1;
}

/* The binding that holds the same key as b (same codes, or same raw
 * sequence), with its action; NULL when none. */
static struct binding *
find_same_key(struct keymap *km, const struct binding *b, size_t *action)
{
	for (size_t a = 0; a < km->nactions; a++) {
		for (size_t i = 0; i < km->keys[a].n; i++) {
			struct binding *o = &km->keys[a].v[i];
			int same = b->seq != NULL ? o->seq != NULL && strcmp(o->seq, b->seq) == 0
						  : o->ncodes > 0 && o->codes[0] == b->codes[0];
			if (same) {
				*action = a;
				return o;
			}
		}
	}
	return NULL;
}

static void
remove_binding(struct action_keys *ak, struct binding *b)
{
	size_t i = (size_t)(b - ak->v);

	binding_free(b);
	memmove(&ak->v[i], &ak->v[i + 1], (ak->n - i - 1) * sizeof *ak->v);
	ak->n--;
}

static void
add_error(struct buf *errs, const char *file, int line, const char *msg)
{
	buf_printf(errs, "%s:%d: %s\n", file, line, msg);
}

/* Adds one key to an action; returns 0 or -1 with a message. */
static int
bind_key(struct keymap *km, size_t action, const char *name, const char *file, int line,
	 char *err)
{
	struct binding b = { 0 };
	struct binding *old;
	size_t old_action;

	if (name[0] == '\\') {
		if (parse_raw(name, &b.seq, err) < 0)
			return -1;
	} else if ((b.ncodes = keymap_parse_key(name, b.codes, err)) < 0)
		return -1;
	b.name = xstrdup(name);
	b.file = file;
	b.line = line;
	b.generation = km->generation;
	old = find_same_key(km, &b, &old_action);
	if (old != NULL && old->generation == km->generation) {
		if (old_action == action)
			err_set(err, _("%s is named twice for '%s'"), name, km->names[action]);
		else
			err_set(err, _("%s is already bound to '%s' on line %d"), name,
				km->names[old_action], old->line);
		binding_free(&b);
		return -1;
	}
	if (old != NULL)
		remove_binding(&km->keys[old_action], old);
	km->keys[action].v = xreallocarray(km->keys[action].v, km->keys[action].n + 1,
					   sizeof b);
	km->keys[action].v[km->keys[action].n++] = b;
	return 0;
}

/* Splits a line into blank-separated words; a word starting with # ends it. */
static size_t
split_words(char *line, char **words, size_t max)
{
	size_t n = 0;
	char *save = NULL;

	for (char *w = strtok_r(line, " ", &save); w != NULL && n < max;
	     w = strtok_r(NULL, " ", &save)) {
		if (w[0] == '#')
			break;
		words[n++] = w;
	}
	return n;
}

static int
parse_line(struct keymap *km, const char *file, int lineno, char *line, int *seen_line,
	   struct buf *errs)
{
	char *words[64];
	char err[ERR_SIZE];
	size_t n = split_words(line, words, ARRAY_LEN(words));
	int action, errors = 0;

	if (n == 0)
		return 0;
	if ((action = find_action(km, words[0])) < 0) {
		err_set(err, _("unknown action '%s'"), words[0]);
		add_error(errs, file, lineno, err);
		return 1;
	}
	if (seen_line[action] != 0) {
		err_set(err, _("'%s' is already bound on line %d"), words[0], seen_line[action]);
		add_error(errs, file, lineno, err);
		return 1;
	}
	if (n == 1) {
		err_set(err, _("'%s' needs at least one key"), words[0]);
		add_error(errs, file, lineno, err);
		return 1;
	}
	seen_line[action] = lineno;
	action_clear(&km->keys[action]);
	for (size_t i = 1; i < n; i++) {
		if (bind_key(km, (size_t)action, words[i], file, lineno, err) < 0) {
			add_error(errs, file, lineno, err);
			errors++;
		}
	}
	return errors;
}

int
keymap_parse(struct keymap *km, const char *file, const char *text, struct buf *errs)
{
	int *seen_line = xcalloc(km->nactions, sizeof *seen_line);
	char *copy = xstrdup(text), *line = copy, *next;
	int errors = 0, lineno = 0;

	km->generation++;
	km->files = xreallocarray(km->files, km->nfiles + 1, sizeof *km->files);
	km->files[km->nfiles] = xstrdup(file);
	file = km->files[km->nfiles++];
	for (; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		for (char *p = line; *p != '\0'; p++)
			if (*p == '\t' || *p == '\r')
				*p = ' ';
		if (!utf8_valid_text(line)) {
			add_error(errs, file, lineno, _("not UTF-8 text, or holds control characters"));
			errors++;
			continue;
		}
		errors += parse_line(km, file, lineno, line, seen_line, errs);
	}
	free(copy);
	free(seen_line);
	return errors;
}

int
keymap_load(struct keymap *km, const char *path, struct buf *errs)
{
	char *text;
	int n;

	if (file_read_reporting(path, 1 << 20, &text, errs) < 0)
		return 1;
	n = keymap_parse(km, path, text, errs);
	free(text);
	return n;
}

/* keymaps/default.keys as it was at build time. */
static const char builtin_keys[] =
#include "term/default-keys.h"
	;

int
keymap_load_builtin(struct keymap *km, struct buf *errs)
{
	return keymap_parse(km, KEYMAP_BUILTIN_NAME, builtin_keys, errs);
}

/* The ncurses code for a raw sequence: the one it already knows, or a new
 * one taught with define_key. */
static int
install_raw(struct keymap *km, struct binding *b, struct buf *errs)
{
	int code = key_defined(b->seq);

	if (code <= 0) {
		code = km->next_raw++;
		if (define_key(b->seq, code) == ERR) {
			buf_printf(errs, "%s:%d: %s\n", b->file, b->line,
				   _("the terminal library refused this key sequence"));
			return 1;
		}
	}
	b->codes[0] = C(code);
	b->ncodes = 1;
	return 0;
}

int
keymap_install(struct keymap *km, struct buf *errs)
{
	int errors = 0;

	for (size_t i = 0; i < ARRAY_LEN(keypad_chars); i++)
		define_key(keypad_chars[i].seq, KEYPAD_BASE + keypad_chars[i].ch);
	for (size_t a = 0; a < km->nactions; a++)
		for (size_t i = 0; i < km->keys[a].n; i++)
			if (km->keys[a].v[i].seq != NULL)
				errors += install_raw(km, &km->keys[a].v[i], errs);
	return errors;
}

int
keymap_action(const struct keymap *km, keycode k)
{
	for (size_t a = 0; a < km->nactions; a++)
		for (size_t i = 0; i < km->keys[a].n; i++)
			for (int c = 0; c < km->keys[a].v[i].ncodes; c++)
				if (km->keys[a].v[i].codes[c] == k)
					return (int)a;
	return -1;
}

/* Whether the terminal can send this key: function keys and other ncurses
 * keys only when its terminfo entry has them. */
static int
terminal_has(const struct binding *b)
{
	if (b->seq != NULL || b->ncodes == 0)
		return 0;
	if ((b->codes[0] & KEYC_CURSES) != 0)
		return has_key((int)(b->codes[0] & KEYC_VALUE));
	return 1;
}

const char *
keymap_label(const struct keymap *km, int action)
{
	if (action < 0 || (size_t)action >= km->nactions)
		return NULL;
	for (size_t i = 0; i < km->keys[action].n; i++)
		if (terminal_has(&km->keys[action].v[i]))
			return km->keys[action].v[i].name;
	return NULL;
}

void
keymap_describe(const struct keymap *km, int action, struct buf *out)
{
	int first = 1;

	if (action < 0 || (size_t)action >= km->nactions)
		return;
	for (size_t i = 0; i < km->keys[action].n; i++) {
		const struct binding *b = &km->keys[action].v[i];
		if (b->seq != NULL)
			continue;
		buf_printf(out, "%s%s", first ? "" : " ", b->name);
		first = 0;
	}
}

static keycode
decode(int rc, wint_t ch)
{
	if (rc == KEY_CODE_YES) {
		if (ch >= KEYPAD_BASE && ch < KEYPAD_BASE + 128)
			return (keycode)(ch - KEYPAD_BASE);
		return C(ch);
	}
	return (keycode)ch;
}

/* Swallows the rest of a CSI (ESC [ ... final) or SS3 (ESC O x) sequence
 * the terminal library did not know: better nothing than a stray Esc. */
static void
skip_sequence(WINDOW *win, wint_t intro)
{
	wint_t ch;
	int n = 0;

	while (n++ < 16 && wget_wch(win, &ch) == OK)
		if (intro == 'O' || (ch >= 0x40 && ch <= 0x7E))
			break;
}

int
keymap_read_key(const struct keymap *km, WINDOW *win, keycode *out)
{
	wint_t ch;
	int rc = wget_wch(win, &ch);
	keycode k;

	if (rc == ERR)
		return -1;
	k = decode(rc, ch);
	if (k == 27) {
		/* what arrives with the Esc is a sequence; what a person types
		 * after it comes later */
		wtimeout(win, 0);
		rc = wget_wch(win, &ch);
		if (rc == OK && (ch == '[' || ch == 'O')) {
			skip_sequence(win, ch);
			wtimeout(win, -1);
			*out = KEYC_NONE;
			return 0;
		}
		if (rc == ERR) {
			wtimeout(win, KEYMAP_ESC_WAIT_MS);
			rc = wget_wch(win, &ch);
		}
		wtimeout(win, -1);
		if (rc == OK && keymap_action(km, KEYC_ESC | (keycode)ch) >= 0)
			k = KEYC_ESC | (keycode)ch;
		else if (rc == OK)
			unget_wch((wchar_t)ch);
		else if (rc == KEY_CODE_YES)
			ungetch((int)ch);
	}
	*out = k;
	return 0;
}
