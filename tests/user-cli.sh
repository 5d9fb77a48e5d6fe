#!/bin/sh
# `scrivano user add|list` from the command line, password on stdin.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
S=${SCRIVANO:?}

echo 'pass word' | "$S" user add anna --data "$d/data" > "$d/out" 2>&1
check $? "user add reads the password from stdin"
grep -q 'user anna added' "$d/out"; check $? "and says so"
[ -d "$d/data/books" ]; check $? "the data dir and its books folder are made"
[ "$(stat -c %a "$d/data")" = 700 ]; check $? "the data dir is private (0700)"
# Whatever umask the shell has, the registry (the password hashes) and its
# WAL files are the owner's alone.
(umask 022; echo pw | "$S" user add umasked --data "$d/u022" >/dev/null 2>&1)
modes=$(stat -c %a "$d/u022" "$d/u022/books" "$d/u022"/registry.sqlite* | sort -u | tr '\n' ' ')
[ "$modes" = "600 700 " ]; check $? "with umask 022, user add leaves the registry 0600 and its folders 0700 (got $modes)"
(umask 000; "$S" book init "$d/u000.sqlite" >/dev/null 2>&1)
[ "$(stat -c %a "$d/u000.sqlite")" = 600 ]; check $? "with umask 000, book init makes a book 0600"
"$S" user list --data "$d/data" > "$d/out" 2>&1
[ "$(cat "$d/out")" = anna ]; check $? "user list shows anna"
if grep -a -q 'pass word' "$d/data/registry.sqlite"* 2>/dev/null; then r=1; else r=0; fi
check $r "the password is not stored in clear"
echo pw | "$S" user add anna --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "already exists" "$d/out"; check $? "a second anna is refused"
echo pw | "$S" user add ANNA --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "already exists as 'anna'" "$d/out"; check $? "ANNA is anna: refused, naming the account"
echo pw | "$S" user add Anna.B --data "$d/data" > /dev/null 2>&1 && "$S" user del Anna.B --data "$d/data" >/dev/null 2>&1
check $? "a name that differs in more than case is another account"
"$S" user lock ANNA --data "$d/data" >/dev/null 2>&1 && "$S" user list --data "$d/data" | grep -q '^anna (locked)$'
check $? "user lock ANNA locks anna"
"$S" user unlock Anna --data "$d/data" >/dev/null 2>&1
echo pw | "$S" user add ../evil --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "invalid user name" "$d/out"; check $? "a path trick as a name is refused"
"$S" user add bruno --data "$d/data" < /dev/null > "$d/out" 2>&1
[ $? = 1 ] && grep -q "no password" "$d/out"; check $? "no password on stdin is refused"
head -c 1100 /dev/zero | tr '\0' 'p' | "$S" user add carla --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "the password is too long" "$d/out"; check $? "a password too long to keep whole is refused, not cut"
"$S" user list --data "$d/data" > "$d/out" 2>&1
[ "$(cat "$d/out")" = anna ]; check $? "and nothing was added by the refusals"
"$S" user frobnicate --data "$d/data" > "$d/out" 2>&1
[ $? = 2 ] && grep -q usage "$d/out"; check $? "an unknown verb shows the usage"
"$S" user list --data "$d/none" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "cannot open the user registry" "$d/out"; check $? "a missing registry is reported"

# del, passwd, lock, unlock
echo pw2 | "$S" user add bruno --data "$d/data" >/dev/null 2>&1
h1=$(sqlite3 "$d/data/registry.sqlite" "select hash from users where name='bruno'" 2>/dev/null)
echo newpw | "$S" user passwd bruno --data "$d/data" > "$d/out" 2>&1
check $? "user passwd changes a password"
h2=$(sqlite3 "$d/data/registry.sqlite" "select hash from users where name='bruno'" 2>/dev/null)
[ -n "$h1" ] && [ "$h1" != "$h2" ]; check $? "and the stored hash changes"
echo x | "$S" user passwd nobody --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "no user 'nobody'" "$d/out"; check $? "passwd of an unknown user is refused"
"$S" user lock bruno --data "$d/data" >/dev/null 2>&1
"$S" user list --data "$d/data" | grep -q '^bruno (locked)$'; check $? "user lock marks the user locked"
"$S" user unlock bruno --data "$d/data" >/dev/null 2>&1
"$S" user list --data "$d/data" | grep -q '^bruno$'; check $? "user unlock unlocks"
: > "$d/data/books/bruno.sqlite"
"$S" user del bruno --data "$d/data" > "$d/out" 2>&1
grep -q "is kept" "$d/out" && [ -f "$d/data/books/bruno.sqlite" ]; check $? "user del keeps the book, and says so"
"$S" user list --data "$d/data" | grep -q bruno; [ $? = 1 ]; check $? "bruno is gone"

# public keys
ssh-keygen -q -t ed25519 -N '' -C 'anna@ufficio' -f "$d/k1" </dev/null >/dev/null 2>&1
ssh-keygen -q -t ecdsa -N '' -C 'anna@casa' -f "$d/k2" </dev/null >/dev/null 2>&1
ssh-keygen -q -t rsa -b 1024 -N '' -f "$d/weak" </dev/null >/dev/null 2>&1
cat "$d/k1.pub" "$d/k2.pub" > "$d/both"
"$S" user key add anna "$d/both" --data "$d/data" > "$d/out" 2>&1
grep -q '2 keys added for anna' "$d/out"; check $? "user key add takes an authorized_keys file"
"$S" user key list anna --data "$d/data" > "$d/out" 2>&1
fp=$(ssh-keygen -lf "$d/k1.pub" | cut -d' ' -f2)
grep -q "^1  ssh-ed25519  $fp  anna@ufficio$" "$d/out"; check $? "user key list shows the OpenSSH fingerprint and comment"
grep -q "^2  ecdsa-sha2-nistp256 " "$d/out"; check $? "and numbers the keys"
"$S" user key add anna "$d/k1.pub" --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "has this key already" "$d/out"; check $? "a key twice is refused"
"$S" user key add anna "$d/weak.pub" --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "1024 bits is too weak" "$d/out"; check $? "a weak RSA key is refused"
ssh-keygen -q -t ed25519 -N '' -f "$d/k3" </dev/null >/dev/null 2>&1
printf '# mine\n%s\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBROKEN\n' "$(cat "$d/k3.pub")" |
	"$S" user key add anna - --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "standard input:3: the ssh-ed25519 key data is not valid" "$d/out"
check $? "a bad file names the line, and adds nothing"
echo 'from="10.0.0.1" ssh-ed25519 AAAA' | "$S" user key add anna - --data "$d/data" > "$d/out" 2>&1
grep -q "options" "$d/out"; check $? "key options are refused with a message"
[ "$("$S" user key list anna --data "$d/data" | wc -l)" = 2 ]; check $? "still two keys after the refusals"
"$S" user key del anna 1 --data "$d/data" >/dev/null 2>&1
"$S" user key list anna --data "$d/data" | grep -q '^1 '; [ $? = 1 ]; check $? "user key del removes key 1"
"$S" user key del anna 7 --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "no key number 7" "$d/out"; check $? "deleting a missing key is refused"
"$S" user key del anna x --data "$d/data" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "not a key number" "$d/out"; check $? "a key number must be a number"

# share and unshare: the accountant's access
echo pw | "$S" user add studio --data "$d/data" >/dev/null 2>&1
echo pw | "$S" user add terzo --data "$d/data" >/dev/null 2>&1
shares() { sqlite3 "$d/data/registry.sqlite" "select owner, grantee, mode from shares order by 1, 2" 2>/dev/null | tr '\n' ' '; }
"$S" user share anna --with studio --read-only --data "$d/data" > "$d/out" 2>&1
[ $? = 0 ] && grep -q "the book of anna is shared with studio, read-only" "$d/out"
check $? "user share anna --with studio --read-only shares it, and says so"
[ "$(shares)" = "anna|studio|read-only " ]; check $? "the registry holds the share (got $(shares))"
"$S" user list --data "$d/data" | grep -q '^anna  share=studio:read-only$'; check $? "user list shows anna's share"
"$S" user list --data "$d/data" | grep -q '^studio$'; check $? "and nothing on studio's line"
refused() { # refused DESCRIPTION STATUS PATTERN ARGS...: refused, with the message, nothing changed
	desc=$1 want=$2 pat=$3; shift 3
	before=$(shares)
	"$S" user "$@" --data "$d/data" > "$d/out" 2>&1
	got=$?
	[ "$got" = "$want" ] && grep -q -- "$pat" "$d/out" && [ "$(shares)" = "$before" ]
	check $? "$desc (status $got: $(head -1 "$d/out"))"
}
refused "sharing with an unknown account is refused" 1 "no user 'nobody'" share anna --with nobody --read-write
refused "sharing an unknown account's book is refused" 1 "no user 'nobody'" share nobody --with studio --read-only
refused "sharing a book with its owner is refused" 1 "cannot share a book with itself" share anna --with ANNA --read-write
refused "both --read-only and --read-write are refused" 1 "not both" share anna --with terzo --read-only --read-write
refused "neither --read-only nor --read-write is refused" 1 "give --read-only or --read-write" share anna --with terzo
refused "share without --with is refused" 1 "give --with ACCOUNT" share anna --read-only
refused "a bad name in --with is refused" 1 "invalid user name" share anna --with ../studio --read-only
refused "unsharing what is not shared is refused" 1 "the book of anna is not shared with terzo" unshare anna --with terzo
refused "unshare takes no mode" 1 "are for share" unshare anna --with studio --read-only
refused "unshare without --with is refused" 1 "give --with ACCOUNT" unshare anna
refused "the share options belong to share and unshare alone" 2 usage list --with studio
refused "share takes one name" 2 usage share anna terzo --with studio --read-only
"$S" user share anna --with STUDIO --read-write --data "$d/data" > "$d/out" 2>&1
[ $? = 0 ] && grep -q "now shared with studio read-write (it was read-only)" "$d/out" &&
	[ "$(shares)" = "anna|studio|read-write " ]
check $? "sharing again read-write (STUDIO is studio) changes the mode, and says what it was"
"$S" user share anna --with studio --read-write --data "$d/data" > "$d/out" 2>&1
[ $? = 0 ] && grep -q "already shared with studio, read-write" "$d/out"; check $? "sharing the same way again says so"
"$S" user share terzo --with studio --read-only --data "$d/data" >/dev/null 2>&1
"$S" user unshare anna --with studio --data "$d/data" > "$d/out" 2>&1
[ $? = 0 ] && grep -q "no longer shared with studio: the next login does not offer it" "$d/out" &&
	[ "$(shares)" = "terzo|studio|read-only " ]
check $? "user unshare removes that share alone, and says when it applies"
"$S" user del terzo --data "$d/data" >/dev/null 2>&1
[ -z "$(shares)" ]; check $? "deleting an account removes its shares"
echo "1..$n"
