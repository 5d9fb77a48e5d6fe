#!/bin/sh
# `scrivano book verify`: a demo book is clean (status 0); a row changed,
# added or deleted with sqlite3 behind the program's back is named (status
# 1), and so is the first history entry tampered with; put back, clean
# again; a missing file, a file that is no book and a usage error are
# status 2 with a message.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
b=$d/anna.sqlite
q() { sqlite3 "$b" "$1"; }
export LANG=C LC_ALL=C

"$S" book demo "$b" >/dev/null 2>&1; check $? "a demo book"
"$S" book verify "$b" > "$d/out" 2>&1; check $? "verifies clean (status 0)"
grep -q "the history verifies" "$d/out"; check $? "and says so"

city=$(q "SELECT city FROM parties WHERE id = 2")
q "UPDATE parties SET city = 'Altrove' WHERE id = 2"
"$S" book verify "$b" > "$d/out" 2>&1; check $(($? != 1)) "a row changed with sqlite3: status 1"
grep -q "^parties 2: differs from its last history entry ([0-9]*): changed outside scrivano$" \
	"$d/out"; check $? "the row is named"
[ "$(wc -l < "$d/out")" -eq 1 ]; check $? "and nothing else"
q "UPDATE parties SET city = '$city' WHERE id = 2"
"$S" book verify "$b" > /dev/null 2>&1; check $? "put back: clean again"

q "INSERT INTO party_contacts (party_id, position, name) VALUES (2, 9, 'Intruso')"
id=$(q "SELECT max(id) FROM party_contacts")
"$S" book verify "$b" > "$d/out" 2>&1; check $(($? != 1)) "a row added with sqlite3: status 1"
grep -q "^party_contacts $id: not in the history: written outside scrivano$" "$d/out"
check $? "it is named"
q "DELETE FROM party_contacts WHERE id = $id; DELETE FROM stock_moves WHERE id = 1"
"$S" book verify "$b" > "$d/out" 2>&1; check $(($? != 1)) "a row deleted with sqlite3: status 1"
grep -q "^stock_moves 1: deleted outside scrivano (history entry [0-9]* keeps it)$" "$d/out"
check $? "it is named"

rm -f "$b"*; "$S" book demo "$b" >/dev/null 2>&1
# the first entry that holds a word to change, and one after it
first=$(q "SELECT min(seq) FROM history WHERE after LIKE '%Comune%'")
later=$(q "SELECT max(seq) FROM history")
q "UPDATE history SET after = replace(after, 'Comune', 'Paese') WHERE seq = $first;
   UPDATE history SET account = 'mallory' WHERE seq = $later"
"$S" book verify "$b" > "$d/out" 2>&1; check $(($? != 1)) "entries tampered with: status 1"
head -1 "$d/out" | grep -q "^history entry $first: its hash does not match its content"
check $? "the first one is named"
rm -f "$b"*; "$S" book demo "$b" >/dev/null 2>&1
q "DELETE FROM history WHERE seq = 15"
"$S" book verify "$b" > "$d/out" 2>&1; check $(($? != 1)) "an entry removed: status 1"
grep -q "^history entry 16: does not follow entry 14: an entry was removed or changed$" "$d/out"; check $? "the gap is named"

"$S" book verify "$d/none.sqlite" > "$d/out" 2>&1; check $(($? != 2)) "a missing book: status 2"
grep -q "none.sqlite: No such file" "$d/out"; check $? "with a message"
[ ! -e "$d/none.sqlite" ]; check $? "and no book is made"
echo "not a book at all, just some text long enough to be a header of sorts" > "$d/junk.sqlite"
"$S" book verify "$d/junk.sqlite" > "$d/out" 2>&1; check $(($? != 2)) "a file that is no book: status 2"
grep -q "not a database" "$d/out"; check $? "with a message"
"$S" book verify > "$d/out" 2>&1; check $(($? != 2)) "no file: usage, status 2"
grep -q "scrivano book verify FILE" "$d/out"; check $? "the usage names verify"
echo "1..$n"
