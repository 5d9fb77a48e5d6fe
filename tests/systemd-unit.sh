#!/bin/sh
# The systemd unit (data/scrivano.service.in, with the built binary in place
# of @bindir@) passes `systemd-analyze verify` without a word, and its
# hardening rates "OK" or better in `systemd-analyze security --offline`.
# So do the nightly backup's service and timer (data/scrivano-backup.*),
# and the backup's command line, run with the built binary on a data
# folder of the test's own, backs its book up.
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
bunit=$src/data/scrivano-backup.service.in
timer=$src/data/scrivano-backup.timer
grep -q '^Type=oneshot$' "$bunit"
check $? "the backup service runs once and ends"
exec_line=$(sed -n 's/^ExecStart=@bindir@\/scrivano book backup --data \/var\/lib\/scrivano --to \/var\/lib\/scrivano-backup /&/p' "$bunit")
[ -n "$exec_line" ]
check $? "it runs 'scrivano book backup' from the data folder to the backup folder"
grep -q '^StateDirectory=scrivano-backup$' "$bunit" && grep -q '^User=scrivano$' "$bunit"
check $? "as the service user, into a state folder systemd makes for it"
grep -q '^OnCalendar=\*-\*-\* 02:30:00$' "$timer" && grep -q '^Persistent=true$' "$timer" &&
	grep -q '^WantedBy=timers.target$' "$timer"
check $? "the timer runs it nightly, catching up a missed night, once enabled"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo pw | "$S" user add anna --data "$tmp/data" >/dev/null 2>&1 &&
	"$S" book init "$tmp/data/books/anna.sqlite" >/dev/null 2>&1
cmd=$(sed -n 's/^ExecStart=//p' "$bunit" | sed -e "s|@bindir@/scrivano|$S|" \
	-e "s|/var/lib/scrivano-backup|$tmp/backups|" -e "s|/var/lib/scrivano|$tmp/data|")
out=$(SCRIVANO_TODAY=2026-11-21 sh -c "$cmd" 2>&1)
rc=$?
[ $rc = 0 ] && [ -f "$tmp/backups/anna-2026-11-21.sqlite" ]
check $? "its command line, run with this binary, backs the book up (status $rc)"
[ $rc = 0 ] || echo "$out" | sed 's/^/# /'
if ! command -v systemd-analyze >/dev/null 2>&1; then
	skip "systemd-analyze verify passes" "systemd-analyze not installed"
	skip "the hardening rates OK" "systemd-analyze not installed"
	skip "systemd-analyze verify passes the backup's units" "systemd-analyze not installed"
	skip "the backup's hardening rates OK" "systemd-analyze not installed"
	echo "1..$n"
	exit 0
fi
mkdir "$tmp/man1" "$tmp/man5"
cp "$src/man/scrivano-serve.1" "$src/man/scrivano-book.1" "$tmp/man1/" &&
	cp "$src/man/scrivano.conf.5" "$tmp/man5/"
sed -e "s|@bindir@|$(dirname "$S")|" -e "s|@sysconfdir@|/etc|" "$unit" >"$tmp/scrivano.service"
# verify WHAT UNIT...: systemd-analyze verify says nothing of the units
verify() {
	what=$1
	shift
	out=$(MANPATH=$tmp systemd-analyze verify "$@" 2>&1)
	[ -z "$out" ]
	check $? "systemd-analyze verify passes $what without a warning"
	[ -z "$out" ] || echo "$out" | sed 's/^/# /'
}
# rated WHAT NAME: the service's hardening rates OK or better
rated() {
	level=$(systemd-analyze security --offline=yes "$tmp/$2" 2>&1 |
		sed -n "s/.*Overall exposure level for $2: \([0-9.]*\) \([A-Z]*\).*/\1 \2/p")
	case $level in
	*" OK" | *" SAFE") check 0 "$1 rates OK or better ($level)" ;;
	*) check 1 "$1 rates OK or better (${level:-no rating})" ;;
	esac
}
verify "the server's unit" "$tmp/scrivano.service"
rated "the server's hardening" scrivano.service
sed -e "s|@bindir@|$(dirname "$S")|" "$bunit" >"$tmp/scrivano-backup.service"
cp "$timer" "$tmp/scrivano-backup.timer"
verify "the backup's service and timer" "$tmp/scrivano-backup.service" "$tmp/scrivano-backup.timer"
rated "the backup's hardening" scrivano-backup.service
echo "1..$n"
