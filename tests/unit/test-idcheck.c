/* Partita IVA and codice fiscale checks: valid, invalid and edge cases. */
#include "config.h"

#include "util/idcheck.h"
#include "tap.h"
#include "util/util.h"

int
main(void)
{
	char err[ERR_SIZE];

	/* partita IVA */
	ok(piva_check("01234567897", err) == 0, "01234567897 is valid");
	ok(piva_check("01234567890", err) < 0, "01234567890 (the placeholder of the FatturaPA samples) is not");
	ok(piva_check("00743110157", err) == 0, "00743110157 is valid");
	ok(piva_check("12345678903", err) == 0, "12345678903 is valid");
	ok(piva_check("00000000000", err) == 0, "all zeros has a valid check digit");
	ok(piva_check("01234567891", err) < 0, "a wrong check digit is refused");
	is_str(err, "partita IVA 01234567891: wrong check digit", "the message names it");
	ok(piva_check("0123456789", err) < 0, "ten digits are refused");
	is_str(err, "a partita IVA is 11 digits", "the message says why");
	ok(piva_check("012345678901", err) < 0, "twelve digits are refused");
	ok(piva_check("0123456789A", err) < 0, "a letter is refused");
	ok(piva_check("", err) < 0, "empty is refused");
	ok(piva_check(" 1234567890", err) < 0, "a space is refused");
	ok(piva_check("10000000012", err) < 0, "transposed digits are caught");
	ok(piva_office_unusual("01234567897"), "office 789 is unusual");
	ok(!piva_office_unusual("00743110157"), "office 015 is usual");
	ok(piva_office_unusual("12345678903"), "office 890 is unusual");

	/* codice fiscale */
	ok(cf_check("RSSMRA80A01H501U", err) == 0, "RSSMRA80A01H501U is valid");
	ok(cf_check("MRTMTT25D09F205Z", err) == 0, "MRTMTT25D09F205Z is valid");
	ok(cf_check("BNCGLI85T41F205X", err) == 0, "a woman's day (+40) is valid");
	ok(cf_check("RSSMRA80A01H50MM", err) == 0, "omocodia in the last digit is valid");
	ok(cf_check("RSSMRA80A01H5L1F", err) == 0, "omocodia in the middle is valid");
	ok(cf_check("RSSMRA80A01H501A", err) < 0, "a wrong check character is refused");
	is_str(err, "codice fiscale RSSMRA80A01H501A: wrong check character (expected U)",
	       "the message gives the expected character");
	ok(cf_check("RSSMRA80Z01H501U", err) < 0, "Z is no month letter");
	is_str(err, "codice fiscale RSSMRA80Z01H501U: character 9 is not valid there",
	       "the message names the position");
	ok(cf_check("rssmra80a01h501u", err) < 0, "lower case is refused (fields upper-case it)");
	ok(cf_check("RSSMRA80A01H501", err) < 0, "15 characters are refused");
	ok(cf_check("00743110157", err) == 0, "a company's partita IVA is a valid CF");
	ok(cf_check("00743110158", err) < 0, "a company CF with a wrong check digit is refused");
	ok(cf_check("", err) < 0, "empty is refused");
	is_int(cf_check_char("RSSMRA80A01H501"), 'U', "check character of RSSMRA80A01H501");
	is_int(cf_check_char("RSSMRA80A01H50!"), 0, "a bad character gives no check character");
	return tap_done();
}
