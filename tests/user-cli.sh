#!/bin/sh
# `scrivano user add|list` from the command line, password on stdin.
n=0
check() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
S=${SCRIVANO:?}

echo 'pass word' | "$S" user add anna --data "$d/data" > "$d/out" 2>&1
check $? "user add reads the password from stdin"
grep -q 'user anna added' "$d/out"; check $? "and says so"
[ -d "$d/data/books" ]; check $? "the data dir and its books folder are made"
[ "$(stat -c %a "$d/data")" = 700 ]; check $? "the data dir is private (0700)"
"$S" user list --data "$d/data" > "$d/out" 2>&1
[ "$(cat "$d/out")" = anna ]; check $? "user list shows anna"
if grep -a -q 'pass word' "$d/data/registry.sqlite"* 2>/dev/null; then r=1; else r=0; fi
check $r "the password is not stored in clear"
echo pw | "$S" user add anna --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "already exists" "$d/out"; check $? "a second anna is refused"
echo pw | "$S" user add ../evil --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "invalid user name" "$d/out"; check $? "a path trick as a name is refused"
"$S" user add bruno --data "$d/data" < /dev/null > "$d/out" 2>&1
[ $? = 1 ] && grep -q "no password" "$d/out"; check $? "no password on stdin is refused"
"$S" user list --data "$d/data" > "$d/out" 2>&1
[ "$(cat "$d/out")" = anna ]; check $? "and nothing was added by the refusals"
"$S" user frobnicate --data "$d/data" > "$d/out" 2>&1
[ $? = 2 ] && grep -q usage "$d/out"; check $? "an unknown verb shows the usage"
"$S" user list --data "$d/none" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "cannot open the user registry" "$d/out"; check $? "a missing registry is reported"
echo "1..$n"
