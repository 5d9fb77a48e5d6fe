# TAP for the shell tests, sourced before anything else (before any cd):
#	. "$(dirname "$0")/tap.sh"
# check STATUS WHAT prints "ok N - WHAT" when STATUS is 0, else
# "not ok N - WHAT"; $n counts them, for the plan: echo "1..$n".
n=0
check() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
