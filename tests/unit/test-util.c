/* Unit tests of the utility layer: trimming (in linear time, since a hostile
 * file can hold megabytes of blanks), UTF-8 checks, buffers, dates in
 * messages. */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "util/i18n.h"
#include "util/util.h"

#define BIG (4 * 1024 * 1024)

static void
test_trim(void)
{
	char a[] = "  \t hello world \r\n ", b[] = "", c[] = "   ", d[] = "x";
	char *big;

	is_str(str_trim(a), "hello world", "blanks go from both ends");
	is_str(str_trim(b), "", "an empty string stays empty");
	is_str(str_trim(c), "", "a string of blanks becomes empty");
	is_str(str_trim(d), "x", "a string without blanks is unchanged");
	ok(str_trim(a) == a, "the string is trimmed in place");

	/* A FatturaPA element or a key comment may carry megabytes of leading
	 * blanks: a trim that moved the string once per blank would take
	 * minutes here (the alarm ends the test instead). */
	big = xmalloc(2 * BIG + 2);
	memset(big, ' ', BIG);
	big[BIG] = 'x';
	memset(big + BIG + 1, '\n', BIG);
	big[2 * BIG + 1] = '\0';
	alarm(20);
	is_str(str_trim(big), "x", "megabytes of blanks are trimmed at once");
	alarm(0);
	free(big);
}

static void
test_utf8(void)
{
	ok(utf8_valid_text("Caffè Società"), "accented text is valid");
	ok(!utf8_valid_text("a\x1b[31m"), "an escape is not text");
	ok(!utf8_valid_text("\xc2\x9b" "31m"), "a C1 control (CSI) is not text");
	ok(!utf8_valid_text("\xc3"), "a cut sequence is not text");
	ok(!utf8_valid_text("\xc0\xaf"), "an overlong '/' is not text");
	ok(!utf8_valid_text("\xed\xa0\x80"), "a surrogate is not text");
	is_int((int)utf8_len("Caffè"), 5, "characters, not bytes, are counted");
}

static void
test_printable(void)
{
	char esc[] = "a\x1b]0;x\x07\x1b[2Jb", c1[] = "a\xc2\x9b" "2J\rb", ok8[] = "Caffè € 😀";
	char bad[] = "a\xc3(\xe2\x82\xed\xa0\x80z", cut[] = "ab\xe2\x82";

	is_str(str_printable(esc), "a?]0;x??[2Jb", "escapes and BEL become '?'");
	is_str(str_printable(c1), "a??2J?b", "a C1 control and a CR become '?'");
	is_str(str_printable(ok8), "Caffè € 😀", "printable UTF-8 is left alone");
	is_str(str_printable(bad), "a?(?????z", "each byte of a malformed sequence becomes '?'");
	is_str(str_printable(cut), "ab??", "a sequence cut at the end becomes '?'");
	ok(utf8_valid_text(esc) && utf8_valid_text(c1) && utf8_valid_text(bad),
	   "what comes out is valid text");
}

static void
test_buf(void)
{
	struct buf b = { 0 };

	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	is_int((int)b.len, (int)strlen(b.data), "a buffer stays NUL-terminated as it grows");
	ok(str_starts(b.data, "0,1,2,") && strstr(b.data, ",999,") != NULL, "and keeps every piece");
	buf_free(&b);
	ok(b.data == NULL && b.len == 0 && b.cap == 0, "a freed buffer is empty");
}

/* A date in a message follows the language: ISO in English, dd/mm/yyyy in
 * Italian; what is not a date is left as it is. */
static void
test_date_text(void)
{
	char buf[DATE_TEXT_SIZE];
	const char *dir = getenv("SCRIVANO_LOCALEDIR");

	setenv("LANG", "C.UTF-8", 1);
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	i18n_init();
	is_str(date_text("2026-11-21", buf), "2026-11-21", "English: an ISO date stays ISO");
	is_str(date_text("2026-11-2", buf), "2026-11-2", "a short value is left as it is");
	is_str(date_text("2026-11-21T10:42", buf), "2026-11-21T10:42", "so is a longer one");
	is_str(date_text("", buf), "", "and an empty one");
	is_str(date_text("20x6-11-21", buf), "20x6-11-21", "and one with a letter");
	if (dir == NULL) {
		ok(0, "SCRIVANO_LOCALEDIR is set (for the Italian catalog)");
		return;
	}
	setenv("LANGUAGE", "it", 1);
	is_str(date_text("2026-11-21", buf), "21/11/2026", "Italian: 21/11/2026");
	is_str(date_text("2014-01-05", buf), "05/01/2014", "with its zeros");
	is_str(date_text("n/a", buf), "n/a", "Italian: not a date, left as it is");
	unsetenv("LANGUAGE");
}

/* A cut never splits a UTF-8 character; a cell is its columns exactly. */
static void
test_utf8_cut(void)
{
	char small[6], cell[32];

	str_copy(small, "ab\xc3\x92\xe2\x82\xac", sizeof small); /* a b O-grave euro */
	is_str(small, "ab\xc3\x92", "str_copy backs off to the euro sign's first byte");
	str_copy(small, "abcd\xc3\x92", sizeof small);
	is_str(small, "abcd", "and to a two-byte character's");
	str_copy(small, "abcdefg", sizeof small);
	is_str(small, "abcde", "ASCII is cut where it fits");
	str_copy(small, "ab\x80\x80\x80\x80\x80", sizeof small);
	is_str(small, "ab\x80\x80\x80", "not UTF-8: cut where it fits");
	is_str(utf8_cell(cell, sizeof cell, "\xf0\x9d\x94\xb8\xf0\x9d\x94\xb8\xf0\x9d\x94\xb8", 2),
	       "\xf0\x9d\x94\xb8\xf0\x9d\x94\xb8", "a cell of 2 columns holds 2 characters of 4 bytes");
	is_str(utf8_cell(cell, sizeof cell, "\xc3\x92", 3), "\xc3\x92  ", "padded to its columns");
	is_str(utf8_cell(cell, 4, "abcdef", 5), "abc", "never past its buffer");
}

int
main(void)
{
	test_trim();
	test_utf8();
	test_printable();
	test_buf();
	test_date_text();
	test_utf8_cut();
	return tap_done();
}
