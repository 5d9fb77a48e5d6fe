#!/bin/sh
# tools/demo takes the port to serve on (default 2222), refuses a bad one
# with a clear message before building anything, and names the port in
# the ssh line it prints. Run on a copy of tools/demo beside stand-ins for
# tools/deps, tools/build and the program, which only say how they ran.
. "$(dirname "$0")/tap.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
mkdir -p "$tmp/tools" "$tmp/src" "$tmp/screens" "$tmp/keymaps"
cp "$SCRIVANO_SHARE/tools/demo" "$tmp/tools/demo"
printf '#!/bin/sh\necho "$(basename "$0") $*" >>"%s/ran"\n' "$tmp" >"$tmp/tools/deps"
cp "$tmp/tools/deps" "$tmp/tools/build"
cat >"$tmp/src/scrivano" <<STUB
#!/bin/sh
echo "scrivano \$*" >>"$tmp/ran"
case "\$1 \$2" in
"book demo") mkdir -p "\$(dirname "\$3")" && : >"\$3" ;;
esac
STUB
chmod 755 "$tmp/tools/deps" "$tmp/tools/build" "$tmp/src/scrivano" "$tmp/tools/demo"

for bad in abc 0 22x 65536 123456 -1 ""; do
	rm -f "$tmp/ran"
	"$tmp/tools/demo" "$bad" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" = 2 ] && grep -q "is not a port number" "$tmp/err" && grep -q "usage: tools/demo \[PORT\]" "$tmp/err"
	check $? "tools/demo '$bad' is refused with a message and status 2 (got $rc: $(head -1 "$tmp/err"))"
	[ ! -e "$tmp/ran" ]
	check $? "before installing or building anything"
done
"$tmp/tools/demo" 2223 2224 >"$tmp/out" 2>"$tmp/err"
[ $? = 2 ] && grep -q "one port at most" "$tmp/err"
check $? "two ports are refused"

rm -f "$tmp/ran"
"$tmp/tools/demo" 2223 >"$tmp/out" 2>"$tmp/err"
check $? "tools/demo 2223 runs"
grep -q -- "^scrivano serve --data $tmp/demo-data --listen 127.0.0.1:2223" "$tmp/ran"
check $? "and serves on 127.0.0.1:2223"
grep -q "ssh -p 2223 demo@127.0.0.1" "$tmp/out"
check $? "its ssh line names port 2223"
sed 's/^/# /' "$tmp/err" "$tmp/ran"

"$tmp/tools/demo" >"$tmp/out" 2>"$tmp/err"
grep -q -- "--listen 127.0.0.1:2222" "$tmp/ran" && grep -q "ssh -p 2222 demo@127.0.0.1" "$tmp/out"
check $? "with no argument, port 2222"
echo "1..$n"
