/* Keys per terminal: for each TERM, the shipped key files (default.keys,
 * then the terminal's own or its family's) are loaded as a session loads
 * them, the terminal library is set up on a real pty with that TERM, and
 * the bytes each terminal sends are fed through it: the action (or the
 * typed digit) that comes out is checked. Also the TERM families, the
 * unknown-TERM check, and the rules every shipped map keeps. */
#include "config.h"

#include <curses.h>
#include <fcntl.h>
#include <locale.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "term/keymap.h"
#include "term/termtype.h"
#include "ui/actions.h"
#include "util/util.h"

#define TYPED(c) (-1000 - (c)) /* a case expecting the character c typed */

struct key_case {
	const char *bytes, *what;
	int want; /* an action, or TYPED(c) */
};

struct term_cases {
	const char *term;
	const struct key_case *cases;
};

/* What several ANSI terminals share. */
#define ANSI_COMMON                                                                         \
	{ "\0332", "Esc 2 saves", ACT_SAVE }, { "\0330", "Esc 0 goes back", ACT_BACK },         \
	{ "\0337", "Esc 7 prints", ACT_PRINT }, { "\020", "^P prints", ACT_PRINT },             \
	{ "\013", "^K is prev", ACT_PREV }, { "\016", "^N is new", ACT_NEW },                   \
	{ "\010", "^H is Backspace", ACT_BACKSPACE }, { "\033[A", "CSI A is up", ACT_UP }, \
	{ "\033OA", "SS3 A is up", ACT_UP }, { "\033OB", "SS3 B is down", ACT_DOWN },     \
	{ "\033Op", "keypad 0 types 0", TYPED('0') }, { "\033Oq", "keypad 1 types 1", TYPED('1') }, \
	{ "\033Ot", "keypad 4 types 4", TYPED('4') }, { "\033Oy", "keypad 9 types 9", TYPED('9') }, \
	{ "\033Ol", "keypad , types ,", TYPED(',') }, { "\033On", "keypad . types .", TYPED('.') }, \
	{ "5", "a digit types itself", TYPED('5') }

static const struct key_case xterm_cases[] = {
	ANSI_COMMON,
	{ "\033OP", "F1 (SS3 P) is help", ACT_HELP },
	{ "\033[11~", "PuTTY's F1 (CSI 11 ~) is help", ACT_HELP },
	{ "\033[12~", "PuTTY's F2 saves", ACT_SAVE },
	{ "\033[14~", "PuTTY's F4 chooses", ACT_CHOOSE },
	{ "\033[1~", "PuTTY's Home (CSI 1 ~)", ACT_HOME },
	{ "\033[4~", "PuTTY's End (CSI 4 ~)", ACT_END },
	{ "\033OH", "xterm's Home", ACT_HOME },
	{ "\033OF", "xterm's End", ACT_END },
	{ "\033[15~", "F5 is new", ACT_NEW },
	{ "\033[18~", "F7 prints", ACT_PRINT },
	{ "\033[21~", "F10 goes back", ACT_BACK },
	{ "\177", "^? is Backspace", ACT_BACKSPACE },
	{ "\033[Z", "BackTab is prev", ACT_PREV },
	{ "\033[3~", "Delete", ACT_DELETE_CHAR },
	{ NULL, NULL, 0 },
};

static const struct key_case screen_cases[] = {
	{ "\033OP", "F1 is help", ACT_HELP },
	{ "\033[11~", "PuTTY's F1 too (xterm family)", ACT_HELP },
	{ "\033[1~", "Home", ACT_HOME },
	{ "\033[4~", "End", ACT_END },
	{ "\033[Z", "BackTab", ACT_PREV },
	{ "\033Ou", "keypad 5 types 5", TYPED('5') },
	{ NULL, NULL, 0 },
};

static const struct key_case putty_cases[] = {
	ANSI_COMMON,
	{ "\033[11~", "F1 (its entry's CSI 11 ~)", ACT_HELP },
	{ "\033OP", "F1 in Xterm R6 mode (SS3 P)", ACT_HELP },
	{ "\033OS", "F4 in Xterm R6 mode", ACT_CHOOSE },
	{ "\033[1~", "Home", ACT_HOME },
	{ "\033[4~", "End", ACT_END },
	{ "\033[7~", "Home in rxvt mode", ACT_HOME },
	{ "\033[15~", "F5 is new", ACT_NEW },
	{ "\177", "^? is Backspace", ACT_BACKSPACE },
	{ "\033[Z", "BackTab", ACT_PREV },
	{ NULL, NULL, 0 },
};

static const struct key_case linux_cases[] = {
	{ "\033[[A", "F1 (CSI [ A) is help", ACT_HELP },
	{ "\033[[E", "F5 (CSI [ E) is new", ACT_NEW },
	{ "\033[11~", "PuTTY's F1 under TERM=linux", ACT_HELP },
	{ "\033[18~", "F7 prints", ACT_PRINT },
	{ "\033[1~", "Home", ACT_HOME },
	{ "\033[4~", "End", ACT_END },
	{ "\177", "^? is Backspace", ACT_BACKSPACE },
	{ "\033\t", "BackTab (Esc Tab)", ACT_PREV },
	{ "\0335", "Esc 5 is new", ACT_NEW },
	{ "\020", "^P prints", ACT_PRINT },
	{ NULL, NULL, 0 },
};

static const struct key_case vt100_cases[] = {
	ANSI_COMMON,
	{ "\033OP", "PF1 is help", ACT_HELP },
	{ "\033OS", "PF4 chooses", ACT_CHOOSE },
	{ "\033Ov", "keypad 6 (its entry's F7) types 6", TYPED('6') },
	{ "\033Ow", "keypad 7 types 7", TYPED('7') },
	{ "\033Ox", "keypad 8 types 8", TYPED('8') },
	{ "\033OM", "keypad Enter is Enter", ACT_ENTER },
	{ "\033[11~", "PuTTY's F1 under TERM=vt100", ACT_HELP },
	{ "\033[15~", "PuTTY's F5 is new", ACT_NEW },
	{ "\033[18~", "PuTTY's F7 prints", ACT_PRINT },
	{ "\033[21~", "PuTTY's F10 goes back", ACT_BACK },
	{ "\177", "^? is Backspace", ACT_BACKSPACE },
	{ "\r", "Return is Enter", ACT_ENTER },
	{ NULL, NULL, 0 },
};

static const struct key_case vt220_cases[] = {
	{ "\033OP", "an emulator's F1 is help", ACT_HELP },
	{ "\033[28~", "the Help key", ACT_HELP },
	{ "\033[29~", "Do saves", ACT_SAVE },
	{ "\033[17~", "F6 is new", ACT_NEW },
	{ "\033[18~", "F7 prints", ACT_PRINT },
	{ "\033[19~", "F8 deletes", ACT_DELETE },
	{ "\033[23~", "F11 (Esc) goes back", ACT_BACK },
	{ "\033[1~", "Find is Home", ACT_HOME },
	{ "\033[4~", "Select is End", ACT_END },
	{ "\033[5~", "Prev Screen", ACT_PAGE_UP },
	{ "\010", "^H is Backspace", ACT_BACKSPACE },
	{ "\177", "^? is Backspace", ACT_BACKSPACE },
	{ "\0335", "Esc 5 is new", ACT_NEW },
	{ "\022", "^R deletes", ACT_DELETE },
	{ NULL, NULL, 0 },
};

static const struct key_case wy60_cases[] = {
	{ "\001@\r", "F1 (^A @ CR) is help", ACT_HELP },
	{ "\001A\r", "F2 saves", ACT_SAVE },
	{ "\001D\r", "F5 is new", ACT_NEW },
	{ "\001F\r", "F7 prints", ACT_PRINT },
	{ "\001G\r", "F8 deletes", ACT_DELETE },
	{ "\001I\r", "F10 goes back", ACT_BACK },
	{ "\010", "^H (Backspace, and Left) deletes back", ACT_BACKSPACE },
	{ "\002", "^B moves left", ACT_LEFT },
	{ "\013", "^K (Up) is up", ACT_UP },
	{ "\n", "^J (Down) is down", ACT_DOWN },
	{ "\014", "^L (Right) moves right", ACT_RIGHT },
	{ "\036", "^^ (Home) is Home", ACT_HOME },
	{ "\033I", "BackTab (Esc I) is prev", ACT_PREV },
	{ "\033W", "Delete (Esc W)", ACT_DELETE_CHAR },
	{ "\033J", "PgUp (Esc J)", ACT_PAGE_UP },
	{ "\0335", "Esc 5 is new", ACT_NEW },
	{ "\0330", "Esc 0 goes back", ACT_BACK },
	{ "\020", "^P prints", ACT_PRINT },
	{ "\017", "^O saves", ACT_SAVE },
	{ "\r", "Return is Enter", ACT_ENTER },
	{ "7", "a digit types itself", TYPED('7') },
	{ NULL, NULL, 0 },
};

static const struct key_case scoansi_cases[] = {
	{ "\033[M", "F1 (CSI M) is help", ACT_HELP },
	{ "\033[N", "F2 saves", ACT_SAVE },
	{ "\033[Q", "F5 is new", ACT_NEW },
	{ "\033[S", "F7 prints", ACT_PRINT },
	{ "\033[V", "F10 goes back", ACT_BACK },
	{ "\177", "Del (^?) deletes under the cursor", ACT_DELETE_CHAR },
	{ "\010", "^H is Backspace", ACT_BACKSPACE },
	{ "\033[H", "Home", ACT_HOME },
	{ "\033[F", "End", ACT_END },
	{ "\033[Z", "BackTab", ACT_PREV },
	{ "\0332", "Esc 2 saves", ACT_SAVE },
	{ NULL, NULL, 0 },
};

static const struct key_case ansi_cases[] = {
	{ "\033[M", "F1 (CSI M, taught by scoansi.keys) is help", ACT_HELP },
	{ "\033[V", "F10 goes back", ACT_BACK },
	{ "\033[H", "Home", ACT_HOME },
	{ "\0337", "Esc 7 prints", ACT_PRINT },
	{ NULL, NULL, 0 },
};

static const struct term_cases terms[] = {
	{ "xterm", xterm_cases },     { "xterm-256color", xterm_cases },
	{ "screen", screen_cases },   { "tmux-256color", screen_cases },
	{ "putty", putty_cases },     { "putty-256color", putty_cases },
	{ "linux", linux_cases },     { "vt100", vt100_cases },
	{ "vt220", vt220_cases },     { "vt320", vt220_cases },
	{ "wy60", wy60_cases },       { "wy50", wy60_cases },
	{ "scoansi", scoansi_cases }, { "ansi", ansi_cases },
};

/* The labels the key line shows on a terminal. */
static const struct {
	const char *term;
	int action;
	const char *label;
} labels[] = {
	{ "xterm", ACT_NEW, "F5" },    { "xterm", ACT_PRINT, "F7" },  { "vt100", ACT_NEW, "^N" },
	{ "vt100", ACT_PRINT, "^P" },  { "vt100", ACT_HELP, "F1" },   { "vt100", ACT_BACK, "^X" },
	{ "vt220", ACT_NEW, "F6" },    { "vt220", ACT_BACK, "F10" },  { "wy60", ACT_NEW, "F5" },
	{ "wy60", ACT_PRINT, "F7" },   { "linux", ACT_NEW, "F5" },    { "putty", ACT_HELP, "F1" },
	{ "scoansi", ACT_PRINT, "F7" }, { "ansi", ACT_HELP, "Esc-1" },
};

struct pty_term {
	int master;
	SCREEN *scr;
	FILE *in, *out;
};

static void
drain(int fd)
{
	char b[4096];

	while (read(fd, b, sizeof b) > 0)
		;
}

/* ncurses sets the terminal modes on its output, so both ends are the
 * slave; what it writes is drained from the master. */
static int
pty_open(struct pty_term *t, const char *term)
{
	int slave;

	if (openpty(&t->master, &slave, NULL, NULL, NULL) < 0)
		return -1;
	fcntl(t->master, F_SETFL, O_NONBLOCK);
	t->in = fdopen(slave, "r");
	t->out = fdopen(dup(slave), "w");
	t->scr = newterm(term, t->out, t->in);
	if (t->scr == NULL)
		return -1;
	set_term(t->scr);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(100);
	refresh();
	drain(t->master);
	return 0;
}

static void
pty_close(struct pty_term *t)
{
	endwin();
	drain(t->master);
	delscreen(t->scr);
	fclose(t->in);
	fclose(t->out);
	close(t->master);
}

/* Feeds the bytes and reads one key, as the UI does. */
static int
feed(struct pty_term *t, const struct keymap *km, const char *bytes, keycode *k)
{
	drain(t->master);
	if (write(t->master, bytes, strlen(bytes)) != (ssize_t)strlen(bytes))
		return -1;
	wtimeout(stdscr, 2000);
	if (keymap_read_key(km, stdscr, k) < 0)
		return -1;
	/* nothing may be left over: one key, all its bytes */
	wtimeout(stdscr, 150);
	wint_t extra;
	int rc = wget_wch(stdscr, &extra);
	if (rc != ERR) {
		printf("# left over: %d %d\n", rc, (int)extra);
		return -1;
	}
	return 0;
}

static const char *
name_of(int want, char *buf, size_t size)
{
	if (want <= -1000)
		snprintf(buf, size, "'%c' typed", -want - 1000);
	else
		snprintf(buf, size, "%s", action_names[want]);
	return buf;
}

static void
run_term(const struct term_cases *tc)
{
	struct keymap *km = keymap_new(action_names, ACT_COUNT);
	struct buf errs = { 0 }, user = { 0 };
	struct pty_term t;
	char want_name[32];

	is_int(keymap_load_term(km, tc->term, NULL, &errs, &user), 0,
	       "%s: the shipped key files load cleanly", tc->term);
	if (pty_open(&t, tc->term) < 0) {
		ok(0, "%s: the terminal library knows it", tc->term);
		keymap_free(km);
		return;
	}
	is_int(keymap_install(km, &errs), 0, "%s: the raw sequences are taught", tc->term);
	if (errs.data != NULL)
		printf("# %s", errs.data);
	for (const struct key_case *c = tc->cases; c->bytes != NULL; c++) {
		keycode k = KEYC_NONE;
		int got = -2, rc = feed(&t, km, c->bytes, &k);

		if (rc == 0)
			got = keymap_action(km, k);
		if (rc == 0 && got < 0 && (k & (KEYC_CURSES | KEYC_ESC)) == 0)
			got = TYPED((int)k);
		ok(rc == 0 && got == c->want, "%s: %s (%s)", tc->term, c->what,
		   name_of(c->want, want_name, sizeof want_name));
		if (got != c->want)
			printf("#   got key 0x%x, action %d\n", (unsigned)k, got);
	}
	for (size_t i = 0; i < ARRAY_LEN(labels); i++)
		if (strcmp(labels[i].term, tc->term) == 0)
			is_str(keymap_label(km, labels[i].action), labels[i].label,
			       "%s: the key line shows %s for %s", tc->term, labels[i].label,
			       action_names[labels[i].action]);
	pty_close(&t);
	buf_free(&errs);
	buf_free(&user);
	keymap_free(km);
}

/* For every shipped map: each command (the actions of the first group) has
 * an Esc-digit and a Ctrl-letter, and on Wyse terminals the Ctrl codes
 * their own keys send (^A ^H ^J ^K ^L ^^) do only what those keys mean. */
static void
rules(const char *term)
{
	struct keymap *km = keymap_new(action_names, ACT_COUNT);
	struct buf errs = { 0 }, user = { 0 };

	keymap_load_term(km, term, NULL, &errs, &user);
	for (int a = 0; a < ACT_COUNT; a++) {
		struct buf d = { 0 };
		int esc = 0, ctrl = 0;

		if (action_table[a].group != GROUP_GENERAL)
			continue;
		for (int c = '0'; c <= '9'; c++)
			esc |= keymap_action(km, KEYC_ESC | (keycode)c) == a;
		for (int c = 1; c < 32; c++)
			ctrl |= c != 1 && c != 8 && c != 10 && c != 11 && c != 12 && c != 30 &&
				keymap_action(km, (keycode)c) == a;
		keymap_describe(km, a, &d);
		ok(esc && ctrl, "%s: '%s' has Esc-digit and a Ctrl-letter (%s)", term, action_names[a],
		   d.data ? d.data : "");
		buf_free(&d);
	}
	if (strcmp(term, "wy60") == 0) {
		static const struct {
			keycode code;
			int action;
		} wyse[] = { { 1, -1 }, { 8, ACT_BACKSPACE }, { 10, ACT_ENTER }, { 11, ACT_PREV },
			     { 12, -1 }, { 30, -1 } };
		for (size_t i = 0; i < ARRAY_LEN(wyse); i++)
			is_int(keymap_action(km, wyse[i].code), wyse[i].action,
			       "wy60: the byte %u is bound only as the Wyse key it is",
			       (unsigned)wyse[i].code);
	}
	buf_free(&errs);
	buf_free(&user);
	keymap_free(km);
}

static void
families(void)
{
	static const struct {
		const char *term, *family, *file;
	} f[] = {
		{ "xterm-256color", "xterm", "xterm.keys" }, { "putty-256color", "putty", "putty.keys" },
		{ "screen", "xterm", "xterm.keys" },         { "tmux-256color", "xterm", "xterm.keys" },
		{ "screen.xterm-256color", "xterm", "xterm.keys" },
		{ "vt320", "vt220", "vt220.keys" },          { "vt102", "vt100", "vt100.keys" },
		{ "wy50", "wy60", "wy60.keys" },             { "wyse60", "wy60", "wy60.keys" },
		{ "linux-16color", "linux", "linux.keys" },  { "ansi", "scoansi", "scoansi.keys" },
		{ "vt100", "vt100", "vt100.keys" },          { "dumb", NULL, NULL },
		{ "../../etc/passwd", NULL, NULL },          { "default", NULL, NULL },
	};

	for (size_t i = 0; i < ARRAY_LEN(f); i++) {
		const char *fam = term_family(f[i].term);
		char *file = term_keys_file(f[i].term);
		const char *base = file != NULL ? strrchr(file, '/') + 1 : NULL;

		ok((fam == NULL) == (f[i].family == NULL) &&
			   (fam == NULL || strcmp(fam, f[i].family) == 0),
		   "TERM=%s is of the %s family", f[i].term, f[i].family ? f[i].family : "no");
		ok((base == NULL) == (f[i].file == NULL) &&
			   (base == NULL || strcmp(base, f[i].file) == 0),
		   "TERM=%s reads %s", f[i].term, f[i].file ? f[i].file : "no file of its own");
		free(file);
	}
	ok(term_known("xterm") && term_known("vt100") && term_known("wy60") &&
		   term_known("putty") && term_known("scoansi") && term_known("vt320"),
	   "terminfo knows xterm, vt100, and (from ncurses-term) wy60, putty, scoansi, vt320");
	ok(!term_known("no-such-terminal") && !term_known("") && !term_known(NULL) &&
		   !term_known("../x"),
	   "an unknown TERM, an empty one or a path is not known");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	alarm(60); /* a key the library never completes must not hang the suite */
	families();
	for (size_t i = 0; i < ARRAY_LEN(terms); i++)
		run_term(&terms[i]);
	rules("xterm");
	rules("vt100");
	rules("vt220");
	rules("linux");
	rules("putty");
	rules("wy60");
	rules("scoansi");
	return tap_done();
}
