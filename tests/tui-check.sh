#!/bin/sh
# `scrivano tui --check` parses every screen and key file and the code
# lists they use: on the shipped ones it names each file it read and ends
# with "ok"; on broken copies it reports every mistake as file:line and
# exits 1, and `scrivano tui --book` does the same before touching the
# terminal.
. "$(dirname "$0")/tap.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$SCRIVANO" tui --check >"$tmp/out" 2>"$tmp/err"
check $? "the shipped screens and key maps parse"
[ ! -s "$tmp/err" ]
check $? "with no message"
sed 's/^/# /' "$tmp/err" "$tmp/out"
# what it read, one line each, then "ok"
for f in "$SCRIVANO_SHARE"/screens/*.scr; do
	grep -q "^screen file $f: " "$tmp/out" || echo "# not listed: $f"
done | grep -q . && no=1 || no=0
[ "$no" = 0 ]
check $? "stdout names every screen file"
grep -qx "screen file $SCRIVANO_SHARE/screens/parties.scr: parties customers suppliers" "$tmp/out"
check $? "with the screens and views it holds"
for f in "$SCRIVANO_SHARE"/keymaps/*.keys; do
	grep -qx "key file $f" "$tmp/out" || echo "# not listed: $f"
done | grep -q . && no=1 || no=0
[ "$no" = 0 ]
check $? "every key file"
grep -qx "code list $SCRIVANO_SHARE/data/provinces.txt: [0-9]* codes" "$tmp/out" &&
	grep -qx "code list $SCRIVANO_SHARE/data/natura.txt: [0-9]* codes" "$tmp/out"
check $? "the code lists the screens use, a field type's (provinces) as a choices file's (natura)"
[ "$(tail -n 1 "$tmp/out")" = ok ]
check $? "and ends with ok"
"$SCRIVANO" tui --check --keys "$SCRIVANO_SHARE/keymaps/vt100.keys" >"$tmp/out" 2>&1
grep -qx "key file $SCRIVANO_SHARE/keymaps/vt100.keys (the user's own)" "$tmp/out"
check $? "a user's key file given with --keys is named too"

# a copy of the share folder with one mistake in a screen file and two in
# a key file
mkdir -p "$tmp/share/screens" "$tmp/share/keymaps" "$tmp/share/data"
cp "$SCRIVANO_SHARE"/data/*.txt "$tmp/share/data/"
cp "$SCRIVANO_SHARE"/screens/*.scr "$tmp/share/screens/"
cp "$SCRIVANO_SHARE"/keymaps/*.keys "$tmp/share/keymaps/"
sed 's/^  cap\( *\)cap$/  cap\1cpa/' "$SCRIVANO_SHARE/screens/parties.scr" \
	>"$tmp/share/screens/parties.scr"
line=$(grep -n '^  cap *cpa$' "$tmp/share/screens/parties.scr" | cut -d: -f1)
printf 'save F2\nhalp F1\nnew ^S\n' >"$tmp/share/keymaps/xterm.keys"

SCRIVANO_SHARE="$tmp/share" "$SCRIVANO" tui --check >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" = 1 ]
check $? "--check on broken files exits 1 (got $rc)"
sed 's/^/# /' "$tmp/err"
grep -qx "$tmp/share/screens/parties.scr:$line: unknown field type 'cpa' (known: text integer decimal money percent date choice mark yesno lookup partita_iva codice_fiscale cap province country email iban sdi_code party_role codice_ente number discounts secret)" "$tmp/err"
check $? "the screen file's mistake is file:line: message"
grep -qx "$tmp/share/keymaps/xterm.keys:2: unknown action 'halp'" "$tmp/err"
check $? "the key file's first mistake"
grep -qx "$tmp/share/keymaps/xterm.keys:3: ^S cannot be bound: terminals, tty drivers or SSH clients keep it for themselves" "$tmp/err"
check $? "and its second: every mistake is reported"
[ "$(wc -l <"$tmp/err")" = 3 ]
check $? "three lines, no more"
! grep -qx ok "$tmp/out" && ! grep -q "parties.scr\|xterm.keys" "$tmp/out"
check $? "no ok, and the broken files are not said to be checked"

SCRIVANO_SHARE="$tmp/share" TERM=xterm "$SCRIVANO" tui --book "$tmp/book.sqlite" \
	</dev/null >"$tmp/out" 2>"$tmp/err2"
rc=$?
[ "$rc" = 1 ]
check $? "tui --book on broken files exits 1 (got $rc)"
# A broken screen file stops a session; a broken key file alone would not
# (the built-in keys serve): both are said.
head -1 "$tmp/err" | cmp -s - "$tmp/err2" 2>/dev/null || grep -qxF "$(head -1 "$tmp/err")" "$tmp/err2"
check $? "after printing the screen file's mistake"
grep -q "keymaps/xterm.keys:2: unknown action 'halp'; the built-in keys are in use" "$tmp/err2"
check $? "and the key file's first, with the built-in keys named"
[ ! -s "$tmp/out" ] && [ ! -e "$tmp/book.sqlite" ]
check $? "without touching the terminal or the book"

# a code list with a mistake is read by --check, not only when a field
# first shows it
mkdir -p "$tmp/share2"
cp -r "$SCRIVANO_SHARE/screens" "$SCRIVANO_SHARE/keymaps" "$SCRIVANO_SHARE/data" "$tmp/share2/"
printf 'MI    Milano\nmi    lower case\n' >"$tmp/share2/data/provinces.txt"
SCRIVANO_SHARE="$tmp/share2" "$SCRIVANO" tui --check >"$tmp/out3" 2>"$tmp/err3"
rc=$?
sed 's/^/# /' "$tmp/err3"
[ "$rc" = 1 ] && grep -q "^$tmp/share2/data/provinces.txt:2: " "$tmp/err3"
check $? "--check reports a code list's mistake as file:line (got $rc)"
[ "$(grep -c provinces.txt "$tmp/err3")" = 1 ]
check $? "once, though several fields use the list"

"$SCRIVANO" tui >/dev/null 2>&1
rc=$?
[ "$rc" = 2 ]
check $? "tui without --book is a usage error (got $rc)"
echo "1..$n"
