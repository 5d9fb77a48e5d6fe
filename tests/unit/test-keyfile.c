/* The key-file parser: a good file binds what it says, each kind of
 * mistake gives its exact "file:line: message" and the rest is still read,
 * a later file overrides, and the shipped key files parse cleanly. */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdlib.h>

#include "tap.h"
#include "term/keymap.h"
#include "ui/actions.h"
#include "util/util.h"

static struct keymap *
fresh(void)
{
	return keymap_new(action_names, ACT_COUNT);
}

static void
good_file(void)
{
	struct keymap *km = fresh();
	struct buf errs = { 0 };
	int n = keymap_parse(km, "good.keys",
			     "# a comment\n"
			     "\n"
			     "save   F2  Esc-2  ^O   # trailing comment\n"
			     "help\tF1 ^G \\e[11~\n"
			     "enter  Enter\n"
			     "backspace Backspace\n"
			     "prev   BackTab Up ^P\n",
			     &errs);

	is_int(n, 0, "a good file has no mistakes");
	ok(errs.data == NULL, "and prints nothing");
	is_int(keymap_action(km, KEYC_CURSES | KEY_F(2)), ACT_SAVE, "F2 saves");
	is_int(keymap_action(km, KEYC_ESC | '2'), ACT_SAVE, "Esc-2 saves");
	is_int(keymap_action(km, 'O' - '@'), ACT_SAVE, "^O saves");
	is_int(keymap_action(km, 'G' - '@'), ACT_HELP, "^G is help (after a tab)");
	is_int(keymap_action(km, '\r'), ACT_ENTER, "CR is Enter");
	is_int(keymap_action(km, KEYC_CURSES | KEY_ENTER), ACT_ENTER, "keypad Enter too");
	is_int(keymap_action(km, 8), ACT_BACKSPACE, "^H is Backspace");
	is_int(keymap_action(km, 127), ACT_BACKSPACE, "^? is Backspace");
	is_int(keymap_action(km, KEYC_CURSES | KEY_BACKSPACE), ACT_BACKSPACE,
	       "KEY_BACKSPACE is Backspace");
	is_int(keymap_action(km, KEYC_CURSES | KEY_BTAB), ACT_PREV, "BackTab is prev");
	is_int(keymap_action(km, KEYC_ESC | '3'), -1, "Esc-3 is not bound");
	is_int(keymap_action(km, 'a'), -1, "a letter is not bound");
	struct buf d = { 0 };
	keymap_describe(km, ACT_HELP, &d);
	is_str(d.data, "F1 ^G", "the help screen lists the keys, raw sequences left out");
	buf_free(&d);
	buf_free(&errs);
	keymap_free(km);
}

/* Parses text as "bad.keys" and compares the messages. */
static void
mistakes(const char *text, const char *want, int count, const char *what)
{
	struct keymap *km = fresh();
	struct buf errs = { 0 };
	int n = keymap_parse(km, "bad.keys", text, &errs);

	is_int(n, count, "%s: count", what);
	is_str(errs.data ? errs.data : "", want, "%s: message", what);
	buf_free(&errs);
	keymap_free(km);
}

static void
bad_files(void)
{
	mistakes("halp F1\n", "bad.keys:1: unknown action 'halp'\n", 1, "unknown action");
	mistakes("\nsave F99\n", "bad.keys:2: unknown key 'F99' (function keys are F1 to F63)\n",
		 1, "F99");
	mistakes("save Ctrl-O\n", "bad.keys:1: unknown key 'Ctrl-O'\n", 1, "unknown key name");
	mistakes("save ^S\n",
		 "bad.keys:1: ^S cannot be bound: terminals, tty drivers or SSH clients keep it "
		 "for themselves\n",
		 1, "^S refused");
	mistakes("save ^\\\n",
		 "bad.keys:1: ^\\ cannot be bound: terminals, tty drivers or SSH clients keep it "
		 "for themselves\n",
		 1, "^\\ refused");
	mistakes("save ^OO\n", "bad.keys:1: unknown key '^OO' (write ^ and one letter, as ^O)\n",
		 1, "^OO");
	mistakes("save Esc-12\n",
		 "bad.keys:1: unknown key 'Esc-12' (Esc- is followed by one character, as Esc-1)\n",
		 1, "Esc-12");
	mistakes("save q\n", "bad.keys:1: 'q' cannot be bound: it is typed into fields\n", 1,
		 "a printable character");
	mistakes("save\n", "bad.keys:1: 'save' needs at least one key\n", 1, "no keys");
	mistakes("save F2\nhelp F2\n", "bad.keys:2: F2 is already bound to 'save' on line 1\n", 1,
		 "a key twice");
	mistakes("save F2 F2\n", "bad.keys:1: F2 is named twice for 'save'\n", 1,
		 "a key twice on one line");
	mistakes("save F2\nsave F3\n", "bad.keys:2: 'save' is already bound on line 1\n", 1,
		 "an action twice");
	mistakes("help \\e[1\\q\n",
		 "bad.keys:1: unknown escape in '\\e[1\\q' (use \\e, \\\\ or \\xHH)\n", 1,
		 "a bad escape");
	mistakes("help \\e\n",
		 "bad.keys:1: '\\e' is too short for a key sequence (two bytes at least)\n", 1,
		 "a one-byte sequence");
	mistakes("help \\e\\x00\n", "bad.keys:1: a key sequence cannot hold a NUL byte\n", 1,
		 "a NUL byte");
	mistakes("save \x01\n", "bad.keys:1: not UTF-8 text, or holds control characters\n", 1,
		 "a control character");
	mistakes("halp F1\nsave F2 ^C\nnew F5\nhelp F5\n",
		 "bad.keys:1: unknown action 'halp'\n"
		 "bad.keys:2: ^C cannot be bound: terminals, tty drivers or SSH clients keep it "
		 "for themselves\n"
		 "bad.keys:4: F5 is already bound to 'new' on line 3\n",
		 3, "every mistake is reported, in order");
}

static void
override(void)
{
	struct keymap *km = fresh();
	struct buf errs = { 0 };

	keymap_parse(km, "default.keys", "new F5 ^N\nhelp F1\nsave F2\n", &errs);
	is_int(keymap_parse(km, "vt100.keys", "new ^N Esc-5\nhelp F2\n", &errs), 0,
	       "a later file may rebind keys an earlier one bound");
	ok(errs.data == NULL, "without a message");
	is_int(keymap_action(km, KEYC_CURSES | KEY_F(5)), -1, "new's old keys are gone");
	is_int(keymap_action(km, KEYC_ESC | '5'), ACT_NEW, "new has its new keys");
	is_int(keymap_action(km, KEYC_CURSES | KEY_F(2)), ACT_HELP, "F2 moved to help");
	is_int(keymap_action(km, KEYC_CURSES | KEY_F(1)), -1, "help's line replaced F1");
	struct buf d = { 0 };
	keymap_describe(km, ACT_SAVE, &d);
	ok(d.data == NULL, "save has no key left");
	buf_free(&d);
	buf_free(&errs);
	keymap_free(km);
}

static void
shipped(void)
{
	const char *share = getenv("SCRIVANO_SHARE");
	struct keymap *km = fresh();
	struct buf errs = { 0 };
	char *def, *vt;

	if (share == NULL) {
		ok(0, "SCRIVANO_SHARE is set");
		keymap_free(km);
		return;
	}
	def = share_path("keymaps/default.keys");
	vt = share_path("keymaps/vt100.keys");
	is_int(keymap_load(km, def, &errs), 0, "the shipped default.keys parses");
	is_int(keymap_load(km, vt, &errs), 0, "vt100.keys over it too");
	is_str(errs.data ? errs.data : "", "", "with no message");
	for (int a = 0; a < ACT_COUNT; a++) {
		struct buf d = { 0 };
		int ctrl = 0;
		keymap_describe(km, a, &d);
		/* Ctrl letters ran out: later actions have Esc and a letter,
		 * which every terminal types too */
		ctrl = d.data != NULL && (strchr(d.data, '^') != NULL || strstr(d.data, "Esc-") != NULL);
		ok(ctrl || a == ACT_NEXT || a == ACT_ENTER || a == ACT_BACKSPACE || a == ACT_DOWN || a == ACT_RIGHT ||
			   a == ACT_UP,
		   "'%s' has a Ctrl key or Esc-X (or is Tab, Enter, Backspace, an arrow): %s",
		   action_names[a], d.data ? d.data : "(none)");
		buf_free(&d);
	}
	free(def);
	free(vt);
	buf_free(&errs);
	keymap_free(km);
}

/* The built-in default.keys (what a session falls back on) parses with no
 * mistake and binds what the shipped file binds. */
static void
builtin(void)
{
	struct keymap *km = fresh(), *file = fresh();
	struct buf errs = { 0 }, a = { 0 }, b = { 0 };
	char *def = share_path("keymaps/default.keys");

	is_int(keymap_load_builtin(km, &errs), 0, "the built-in default.keys parses");
	is_str(errs.data ? errs.data : "", "", "with no message");
	keymap_load(file, def, &errs);
	for (int i = 0; i < ACT_COUNT; i++) {
		keymap_describe(km, i, &a);
		keymap_describe(file, i, &b);
		buf_adds(&a, "\n");
		buf_adds(&b, "\n");
	}
	is_str(a.data, b.data, "and binds every action as keymaps/default.keys does");
	free(def);
	buf_free(&errs);
	buf_free(&a);
	buf_free(&b);
	keymap_free(km);
	keymap_free(file);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	good_file();
	bad_files();
	override();
	shipped();
	builtin();
	return tap_done();
}
