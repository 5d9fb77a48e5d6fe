/* Unit tests of the utility layer: trimming (in linear time, since a hostile
 * file can hold megabytes of blanks), UTF-8 checks, buffers. */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
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

int
main(void)
{
	test_trim();
	test_utf8();
	test_printable();
	test_buf();
	return tap_done();
}
