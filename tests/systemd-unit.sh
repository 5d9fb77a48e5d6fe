#!/bin/sh
# The systemd unit (data/scrivano.service.in, with the built binary in place
# of @bindir@) passes `systemd-analyze verify` without a word, and its
# hardening rates "OK" or better in `systemd-analyze security --offline`.
. "$(dirname "$0")/tap.sh"
skip() {
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}
S=${SCRIVANO:?}
src=${srcdir:-.}
unit=$src/data/scrivano.service.in
grep -q '^ExecStart=@bindir@/scrivano serve --config @sysconfdir@/scrivano/scrivano.conf$' "$unit"
check $? "the unit starts 'scrivano serve' with the installed config"
grep -q '^ExecReload=/bin/kill -HUP \$MAINPID$' "$unit"
check $? "reload is SIGHUP (the config read again)"
grep -q '^KillMode=mixed$' "$unit"
check $? "stop sends SIGTERM to the listener only, which closes the sessions itself"
if ! command -v systemd-analyze >/dev/null 2>&1; then
	skip "systemd-analyze verify passes" "systemd-analyze not installed"
	skip "the hardening rates OK" "systemd-analyze not installed"
	echo "1..$n"
	exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/man1" "$tmp/man5"
cp "$src/man/scrivano-serve.1" "$tmp/man1/" && cp "$src/man/scrivano.conf.5" "$tmp/man5/"
sed -e "s|@bindir@|$(dirname "$S")|" -e "s|@sysconfdir@|/etc|" "$unit" >"$tmp/scrivano.service"
out=$(MANPATH=$tmp systemd-analyze verify "$tmp/scrivano.service" 2>&1)
[ -z "$out" ]
check $? "systemd-analyze verify passes without a warning"
[ -z "$out" ] || echo "$out" | sed 's/^/# /'
level=$(systemd-analyze security --offline=yes "$tmp/scrivano.service" 2>&1 |
	sed -n 's/.*Overall exposure level for scrivano.service: \([0-9.]*\) \([A-Z]*\).*/\1 \2/p')
case $level in
*" OK" | *" SAFE") check 0 "the hardening rates OK or better ($level)" ;;
*) check 1 "the hardening rates OK or better (${level:-no rating})" ;;
esac
echo "1..$n"
