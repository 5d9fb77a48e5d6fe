#!/bin/sh
# Every command has a man page that renders cleanly, and every option that
# a command's usage names is documented in its page.
. "$(dirname "$0")/tap.sh"
S=${SCRIVANO:?}
cd "${srcdir:-.}" || exit 1
cmds=$(env -i "$S" help | sed -n 's/^  \([a-z]*\) .*/\1/p')
[ -n "$cmds" ]; check $? "scrivano help lists commands"
for c in $cmds; do
	case $c in help | version) page=man/scrivano.1 ;; *) page=man/scrivano-$c.1 ;; esac
	[ -f "$page" ]; check $? "$c has a man page ($page)"
	[ -f "$page" ] || continue
	out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
	[ -z "$out" ]; check $? "$page renders without warnings"
	[ -z "$out" ] || echo "$out" | head -5 | sed 's/^/# /'
	for o in $(env -i "$S" help | grep "^  $c " | grep -o -- '--[a-z-]*' | sort -u); do
		grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" "$page"
		check $? "$page documents $o"
	done
done
grep -q 'scrivano\\-' man/scrivano.1; check $? "scrivano(1) points to the command pages"
echo "1..$n"
