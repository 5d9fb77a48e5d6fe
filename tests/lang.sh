#!/bin/sh
# The language follows LANG / LC_ALL / LC_MESSAGES (as an SSH client sends
# them), even where that locale is not installed, and falls back to English.
. "$(dirname "$0")/tap.sh"
S=${SCRIVANO:?}
run() { env -i PATH="$PATH" SCRIVANO_LOCALEDIR="$SCRIVANO_LOCALEDIR" "$@" "$S" help 2>&1; }
run LANG=it_IT.UTF-8 | grep -q '^comandi:'; check $? "LANG=it_IT.UTF-8 speaks Italian"
run LANG=it_CH.UTF-8 | grep -q '^comandi:'; check $? "LANG=it_CH.UTF-8 too"
run LANG=en_US.UTF-8 | grep -q '^commands:'; check $? "LANG=en_US.UTF-8 speaks English"
run LANG=de_DE.UTF-8 | grep -q '^commands:'; check $? "a language with no catalog falls back to English"
run | grep -q '^commands:'; check $? "no LANG at all is English"
run LANG=en_US.UTF-8 LC_ALL=it_IT.UTF-8 | grep -q '^comandi:'; check $? "LC_ALL wins over LANG"
run LANG=en_US.UTF-8 LC_MESSAGES=it_IT.UTF-8 | grep -q '^comandi:'; check $? "LC_MESSAGES wins over LANG"
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
echo pw | "$S" user add anna --data "$d" >/dev/null 2>&1
echo pw | LANG=it_IT.UTF-8 "$S" user add anna --data "$d" 2>&1 | grep -q "l'utente 'anna' esiste già"
check $? "accented Italian comes out as UTF-8"
echo "1..$n"
