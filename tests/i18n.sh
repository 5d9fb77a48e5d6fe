#!/bin/sh
# Every user-visible string goes through gettext and has an Italian
# translation: extracts the msgids from every source file and checks them
# against po/it/*.po (missing, empty and fuzzy entries all fail).
. "$(dirname "$0")/tap.sh"
cd "${srcdir:-.}" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

find src -name '*.c' | sort > "$tmp/files"
xgettext --from-code=UTF-8 -k_ -kN_ --no-location -o "$tmp/all.pot" -f "$tmp/files" 2>"$tmp/xg.err"
check $? "xgettext reads every source file"
count=$(grep -c '^msgid "..*"' "$tmp/all.pot" 2>/dev/null || echo 0)
echo "# $count msgids in the sources"
msgcat --use-first po/it/*.po > "$tmp/it.po" 2>"$tmp/cat.err"
check $? "the Italian catalog files join cleanly"
dups=$(msgcomm --more-than=1 po/it/*.po 2>/dev/null | grep '^msgid ' | grep -v '^msgid ""$')
[ -z "$dups" ]
check $? "no msgid is translated in two po/it files"
echo "$dups" | grep . | head -10 | sed 's/^/# twice: /'
msgmerge --quiet --no-fuzzy-matching "$tmp/it.po" "$tmp/all.pot" -o "$tmp/merged.po" 2>"$tmp/merge.err"
check $? "the catalog merges with the sources' msgids"
msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" | grep '^msgid ' | grep -v '^msgid ""$' > "$tmp/untr"
[ ! -s "$tmp/untr" ]
check $? "every msgid in the sources has an Italian translation ($(wc -l < "$tmp/untr") missing)"
sed 's/^/# untranslated: /' "$tmp/untr" | head -30
msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/it.po" | grep '^msgid ' > "$tmp/fuzzy"
[ ! -s "$tmp/fuzzy" ]
check $? "no fuzzy translations"
msgfmt -c -o /dev/null "$tmp/it.po" 2>"$tmp/fmt.err"
check $? "format strings agree between English and Italian"
sed 's/^/# /' "$tmp/fmt.err" | head -10
echo "1..$n"
