#!/bin/sh
# `scrivano user set|get|unset`: per-user terminal settings in the
# registry, each value checked; a bad one changes nothing and says why.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
S=${SCRIVANO:?}
D="$d/data"
stored() {
	sqlite3 "$D/registry.sqlite" "select value from user_settings where user='$1' and name='$2'"
}

echo pw | "$S" user add anna --data "$D" >/dev/null 2>&1
"$S" user set anna charset cp850 --data "$D" >"$d/out" 2>&1
check $? "user set anna charset cp850"
grep -qx "charset of anna set to CP850" "$d/out"; check $? "says so, with the charset's canonical name"
[ "$(stored anna charset)" = CP850 ]; check $? "the registry holds CP850"
"$S" user list --data "$D" >"$d/out" 2>&1
[ "$(cat "$d/out")" = "anna  charset=CP850" ]; check $? "user list shows the setting: $(cat "$d/out")"
"$S" user get anna --data "$D" >"$d/out" 2>&1
grep -q '^charset  *CP850 ' "$d/out" && grep -q '^printer-charset  *- ' "$d/out" &&
	grep -q '^keys  *- ' "$d/out"
check $? "user get lists every setting, set or not"
sed 's/^/# /' "$d/out"

"$S" user set anna charset EBCDIC --data "$D" >"$d/out" 2>&1
[ $? = 1 ]; check $? "an unsupported charset is refused (exit 1)"
grep -qx "scrivano: charset: 'EBCDIC' is not a supported charset (supported: UTF-8, ISO-8859-1, ISO-8859-15, CP1252, CP437, CP850, CP858, KOI8-R, CP866, CP1251)" "$d/out"
check $? "saying which are: $(cat "$d/out")"
[ "$(stored anna charset)" = CP850 ]; check $? "and the setting is unchanged"

for cs in UTF-8 ISO-8859-1 latin9 CP1252 ibm437 CP858 koi8r CP866 windows-1251; do
	"$S" user set anna printer-charset "$cs" --data "$D" >/dev/null 2>&1 || break
done
check $? "every supported charset (or alias) is taken as printer-charset"
[ "$(stored anna printer-charset)" = CP1251 ]; check $? "stored by its canonical name"

printf 'save F2 ^O\nprint F7 ^P Esc-7\n' >"$d/my.keys"
(cd "$d" && "$S" user set anna keys my.keys --data "$D" >"$d/out" 2>&1)
check $? "a key file that parses is taken"
[ "$(stored anna keys)" = "$(realpath "$d/my.keys")" ]; check $? "stored as an absolute path"
printf 'save F2\nhalp F1\n' >"$d/bad.keys"
"$S" user set anna keys "$d/bad.keys" --data "$D" >"$d/out" 2>&1
[ $? = 1 ] && grep -qx "scrivano: keys: the key file has a mistake: $d/bad.keys:2: unknown action 'halp'" "$d/out"
check $? "a key file with a mistake is refused, naming file and line: $(cat "$d/out")"
"$S" user set anna keys "$d/none.keys" --data "$D" >"$d/out" 2>&1
[ $? = 1 ] && grep -q "is not a file that can be read" "$d/out"; check $? "a missing key file is refused"
"$S" user set anna keys "$d" --data "$D" >"$d/out" 2>&1
[ $? = 1 ]; check $? "so is a folder"
[ "$(stored anna keys)" = "$(realpath "$d/my.keys")" ]; check $? "and the setting is unchanged"

"$S" user set anna colour red --data "$D" >"$d/out" 2>&1
[ $? = 1 ] && grep -q "unknown setting 'colour' (known: charset, printer-charset, keys)" "$d/out"
check $? "an unknown setting is refused, naming the known ones"
"$S" user set bruno charset CP850 --data "$D" >"$d/out" 2>&1
[ $? = 1 ] && grep -q "no user 'bruno'" "$d/out"; check $? "an unknown user is refused"
"$S" user set anna charset --data "$D" >"$d/out" 2>&1
[ $? = 2 ] && grep -q "user set NAME" "$d/out"; check $? "a missing value shows the usage"

"$S" user unset anna charset --data "$D" >"$d/out" 2>&1
check $? "user unset anna charset"
[ -z "$(stored anna charset)" ]; check $? "removes it"
"$S" user list --data "$D" >"$d/out" 2>&1
grep -q "^anna  printer-charset=CP1251  keys=" "$d/out"; check $? "user list shows what is left"

"$S" user del anna --data "$D" >/dev/null 2>&1
[ "$(sqlite3 "$D/registry.sqlite" "select count(*) from user_settings")" = 0 ]
check $? "deleting the user deletes their settings"

echo "1..$n"
