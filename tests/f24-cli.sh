#!/bin/sh
# `scrivano f24`: an F24 to pay in a new book is paid from Banca with a
# receipt file; the prima nota holds the entry of the saldo finale, linked
# both ways; sha256sum of the file equals what `show` prints and what the
# book holds; receipt-export gives the same bytes back (and refuses to
# overwrite without --force); a paid F24 is not paid twice; bad numbers,
# dates, accounts, a closed account, a locked period and a draft are
# refused with a message, status 1, nothing changed; usage is status 2;
# cancel writes the reversing entry and leaves the F24 to pay; an F24 of
# credits only is paid with no entry.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
b=$d/anna.sqlite
q() { sqlite3 "$b" "$1"; }
export LANG=C LC_ALL=C
# what the book holds now: F24s, entries, receipts, versions
state() { q "SELECT (SELECT group_concat(id || state || paid_date || version, ',') FROM f24),
	(SELECT count(*) || ':' || coalesce(sum(amount), 0) FROM pn_entries),
	(SELECT count(*) FROM f24_receipts)"; }

"$S" book init "$b" >/dev/null 2>&1; check $? "a new book (Cassa and Banca)"
q "INSERT INTO f24 (description, state, due_date, cf, name) VALUES
     ('Ritenute marzo', 'T', '2026-04-16', '12345678903', 'Rossi Srl'),
     ('IVA annuale', 'D', '', '12345678903', 'Rossi Srl'),
     ('Compensazione', 'T', '2026-06-16', '12345678903', 'Rossi Srl');
   INSERT INTO f24_erario (f24_id, position, code, year, debit) VALUES
     (1, 1, '1001', '2026', 123456), (1, 2, '1040', '2026', 20000);
   INSERT INTO f24_erario (f24_id, position, code, rate, year, debit) VALUES
     (2, 1, '6099', '0101', '2025', 5000);
   INSERT INTO f24_erario (f24_id, position, code, rate, year, debit, credit) VALUES
     (3, 1, '6099', '0101', '2025', NULL, 30000), (3, 2, '1001', '', '2026', 30000, NULL);"
check $? "F24 1 to pay (1.434,56), F24 2 a draft, F24 3 to pay with credits offsetting its debit"
printf '%%PDF-1.4\nquietanza F24 Ritenute marzo\n\001\002\377 bytes\n' > "$d/quietanza.pdf"
want=$(sha256sum "$d/quietanza.pdf" | cut -d' ' -f1)

"$S" f24 list --book "$b" > "$d/out" 2>&1
grep -q "^ *1  to pay .*2026-04-16 .*1.434,56  Ritenute marzo" "$d/out"; check $? "list shows F24 1 to pay, due and its saldo"
"$S" f24 list --due --book "$b" > "$d/out" 2>&1
! grep -q "IVA annuale" "$d/out" && grep -q "Ritenute marzo" "$d/out"; check $? "list --due leaves the draft out"

# Refusals before paying: nothing changes.
before=$(state)
"$S" f24 pay 1 --date 2026-04-16 --account Posta --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q 'no account is called "Posta"' "$d/err"; check $? "an unknown account: status 1, named"
"$S" f24 pay 1 --date 2026-02-30 --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "Payment date: " "$d/err"; check $? "a date that does not exist: status 1"
sed 's/^/# /' "$d/err"
"$S" f24 pay 9 --date 2026-04-16 --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "there is no F24 number 9" "$d/err"; check $? "an F24 that is not there: status 1"
"$S" f24 pay x1 --date 2026-04-16 --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "'x1' is not an F24's number" "$d/err"; check $? "a number that is not one: status 1"
"$S" f24 pay 2 --date 2026-04-16 --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "is a draft: mark it To pay first" "$d/err"; check $? "a draft is not paid"
q "UPDATE pn_accounts SET closed = 1 WHERE name = 'Cassa'"
"$S" f24 pay 1 --date 2026-04-16 --account Cassa --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "Cassa is closed" "$d/err"; check $? "a closed account is refused"
q "UPDATE company SET lock_date = '2026-04-30'"
"$S" f24 pay 1 --date 2026-04-16 --account Banca --receipt "$d/quietanza.pdf" --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "locked" "$d/err"; check $? "a payment in the locked period is refused"
q "UPDATE company SET lock_date = NULL"
"$S" f24 pay 1 --date 2026-04-16 --account Banca --receipt "$d/none.pdf" --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "none.pdf" "$d/err"; check $? "a receipt that is not there: refused, named"
[ "$(state)" = "$before" ]; check $? "none of these changed anything"

# Paying.
"$S" f24 pay 1 --date 2026-04-16 --account banca --reference PROT-2026-0416-77 \
	--receipt "$d/quietanza.pdf" --book "$b" > "$d/out" 2>"$d/err"
check $? "pay F24 1 from Banca with its receipt"
sed 's/^/# /' "$d/out" "$d/err"
[ "$(q "SELECT state, paid_date, pay_reference FROM f24 WHERE id = 1")" = "P|2026-04-16|PROT-2026-0416-77" ]
check $? "F24 1 is paid on the date, with the bank's reference"
[ "$(q "SELECT a.name, e.amount, e.causale, e.description, e.date, e.doc_ref FROM pn_entries e
	JOIN pn_accounts a ON a.id = e.account_id WHERE e.f24_id = 1")" = "Banca|-143456|F24|F24 Ritenute marzo|2026-04-16|PROT-2026-0416-77" ]
check $? "one entry: Uscite 1.434,56 from Banca, causale F24, 'F24 Ritenute marzo'"
[ "$(q "SELECT count(*) FROM f24 f JOIN pn_entries e ON e.id = f.pay_entry_id AND e.f24_id = f.id WHERE f.id = 1")" = 1 ]
check $? "the F24 names the entry and the entry the F24"
[ "$(q "SELECT sha256 FROM f24_receipts WHERE f24_id = 1")" = "$want" ]; check $? "the book holds the receipt's SHA-256 as sha256sum gives it"
[ "$(q "SELECT name || ' ' || size FROM f24_receipts WHERE f24_id = 1")" = "quietanza.pdf $(wc -c < "$d/quietanza.pdf" | tr -d ' ')" ]
check $? "its name without folders and its size"
"$S" f24 show 1 --book "$b" > "$d/out" 2>&1
grep -q "SHA-256 $want" "$d/out"; check $? "show prints the same SHA-256"
grep -q "Saldo finale 1.434,56" "$d/out" && grep -q "State: paid" "$d/out" && grep -q "Paid on 2026-04-16 from Banca" "$d/out"
check $? "show: saldo finale, state, payment"
grep -q "Codice tributo 1001" "$d/out" && grep -q "total: debit 1.434,56, credit 0,00" "$d/out"
check $? "show: the Erario rows and their total"
sed 's/^/# /' "$d/out"

# The receipt back out.
"$S" f24 receipt-export 1 "$d/back.pdf" --book "$b" > "$d/out" 2>"$d/err"
check $? "receipt-export writes the file"
cmp -s "$d/quietanza.pdf" "$d/back.pdf"; check $? "the same bytes (cmp)"
echo other > "$d/taken.pdf"
"$S" f24 receipt-export 1 "$d/taken.pdf" --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "already exists" "$d/err" && grep -q -- "--force" "$d/err" && [ "$(cat "$d/taken.pdf")" = other ]
check $? "an existing file is not overwritten without --force"
"$S" f24 receipt-export 1 "$d/taken.pdf" --force --book "$b" > "$d/out" 2>"$d/err"
cmp -s "$d/quietanza.pdf" "$d/taken.pdf"; check $? "with --force it is"

# A paid F24 stays as it is.
before=$(state)
"$S" f24 pay 1 --date 2026-04-17 --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "is paid already" "$d/err"; check $? "paid twice: refused"
q "UPDATE pn_accounts SET closed = 0 WHERE name = 'Cassa'"
printf 'second receipt\n' > "$d/ricevuta.txt"
"$S" f24 receipt 1 "$d/ricevuta.txt" --book "$b" > "$d/out" 2>"$d/err"
check $? "a second receipt is attached to the paid F24"
[ "$(q "SELECT count(*) FROM f24_receipts WHERE f24_id = 1")" = 2 ]; check $? "it keeps both"
"$S" f24 receipt 3 "$d/ricevuta.txt" --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "is not paid" "$d/err"; check $? "a receipt for an F24 not paid: refused"
"$S" f24 receipt-export 3 "$d/none3" --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "has no receipt" "$d/err" && [ ! -e "$d/none3" ]; check $? "exporting a receipt that is not there: refused"

# Cancelling.
"$S" f24 cancel 1 --date 2026-04-10 --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "before the payment" "$d/err"; check $? "a cancel dated before the payment: refused"
"$S" f24 cancel 1 --date 2026-04-20 --book "$b" > "$d/out" 2>"$d/err"
check $? "cancel the payment of F24 1"
[ "$(q "SELECT state, paid_date, coalesce(pay_entry_id, '-'), pay_reference FROM f24 WHERE id = 1")" = "T||-|" ]
check $? "F24 1 is to pay again, its payment cleared"
[ "$(q "SELECT group_concat(amount || '@' || date, ' ') FROM (SELECT amount, date FROM pn_entries WHERE f24_id = 1 ORDER BY id)")" = "-143456@2026-04-16 143456@2026-04-20" ]
check $? "both entries kept, the second Entrate of the same amount, linked"
q "SELECT description FROM pn_entries WHERE f24_id = 1 AND amount > 0" | grep -q "Cancelled payment of F24 Ritenute marzo"
check $? "the reversal names the cancelled payment"
[ "$(q "SELECT count(*) FROM f24_receipts WHERE f24_id = 1")" = 2 ]; check $? "the receipts stay"
"$S" f24 cancel 1 --date 2026-04-20 --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "no payment to cancel" "$d/err"; check $? "cancel again: refused"

# Credits only: no entry.
entries=$(q "SELECT count(*) FROM pn_entries")
"$S" f24 pay 3 --date 2026-06-16 --account Banca --book "$b" > "$d/out" 2>"$d/err"
check $? "pay F24 3, a saldo finale of 0"
grep -q "no prima nota entry" "$d/out"; check $? "it says no entry was written"
[ "$(q "SELECT state FROM f24 WHERE id = 3")" = P ] && [ "$(q "SELECT count(*) FROM pn_entries")" = "$entries" ]
check $? "F24 3 is paid and the prima nota has no new entry"

# Usage.
"$S" f24 pay 1 --account Banca --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q -- "--date D is needed" "$d/out"; check $? "pay without --date: status 2"
"$S" f24 show --book "$b" > "$d/out" 2>&1
[ $? = 2 ]; check $? "show without a number: status 2"
"$S" f24 list --force --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q "unknown option" "$d/out"; check $? "an option of another subcommand: status 2"
"$S" f24 frobnicate --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q "unknown subcommand 'frobnicate'" "$d/out"; check $? "an unknown subcommand: status 2"
"$S" f24 list --book "$d/none.sqlite" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "no book" "$d/out" && [ ! -e "$d/none.sqlite" ]; check $? "a missing book is named, not made"
echo "1..$n"
