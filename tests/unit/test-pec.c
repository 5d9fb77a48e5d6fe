/* The PEC settings (src/book/pec.c): one row made with the book, SdI's
 * first address by default; a password saved through the record kind is
 * kept in the book and never loaded back into a record (the form shows
 * only that one is kept); an empty one keeps it; Forget password empties
 * it; the checks of ports, security, hosts and addresses. */
#include "config.h"

#include <string.h>

#include "book-fixtures.h"
#include "book/pec.h"

static struct record *
load(struct book *b)
{
	struct record *r = NULL;
	char err[ERR_SIZE];

	if (record_load(b, &pec_kind, 1, &r, err) < 0)
		ok(0, "the PEC settings load: %s", err);
	return r;
}

static int
save_with(struct book *b, size_t field, const char *value, char *err)
{
	struct record *r = load(b);
	size_t bad;
	int rc;

	record_set(r, field, value);
	rc = record_save(b, r, &bad, err);
	record_free(r);
	return rc;
}

int
main(void)
{
	struct temp_book t;
	struct book *b = temp_book_open(&t);
	struct pec_settings s;
	struct record *r;
	char err[ERR_SIZE], msg[ERR_SIZE];
	size_t bad;
	int64_t open_id = 0;

	if (b == NULL)
		return tap_done();
	ok(record_kind_find("pec") == &pec_kind, "screens find the kind as pec");
	r = load(b);
	is_str(record_get(r, PEC_SDI_ADDRESS), PEC_SDI_DEFAULT, "SdI's first address by default");
	is_str(record_get(r, PEC_SMTP_PORT), "465", "SMTP on 465");
	is_str(record_get(r, PEC_IMAP_SECURITY), "TLS", "IMAP over TLS");
	is_str(record_get(r, PEC_PASSWORD_SET), "0", "no password kept in a new book");

	record_set(r, PEC_SMTP_HOST, "smtps.pec.example.it");
	record_set(r, PEC_USER, "fatture@pec.example.it");
	record_set(r, PEC_NEW_PASSWORD, "s3cret pass");
	ok(record_save(b, r, &bad, err) == 0, "settings saved with a password: %s", err);
	record_free(r);
	is_str(book_query(b, "SELECT password FROM pec_settings"), "s3cret pass",
	       "the password is kept in the book");
	r = load(b);
	is_str(record_get(r, PEC_NEW_PASSWORD), "", "loaded again, the record holds no password");
	is_str(record_get(r, PEC_PASSWORD_SET), "1", "but says one is kept");
	for (size_t i = 0; i < PEC_NFIELDS; i++)
		ok(strstr(record_get(r, i), "s3cret") == NULL, "field %s does not show it",
		   pec_kind.fields[i].name);
	record_set(r, PEC_SMTP_PORT, "587");
	record_set(r, PEC_SMTP_SECURITY, "STARTTLS");
	ok(record_save(b, r, &bad, err) == 0, "saved again with no password typed");
	record_free(r);
	is_str(book_query(b, "SELECT password FROM pec_settings"), "s3cret pass",
	       "the password kept stays");
	ok(pec_settings_read(b, &s, err) == 0 && strcmp(s.password, "s3cret pass") == 0 &&
		   s.smtp_port == 587 && strcmp(s.smtp_security, "STARTTLS") == 0 &&
		   strcmp(s.smtp_host, "smtps.pec.example.it") == 0 &&
		   strcmp(s.sdi_address, PEC_SDI_DEFAULT) == 0,
	   "the mail reads the settings with the password");
	pec_settings_free(&s);

	ok(save_with(b, PEC_SMTP_PORT, "70000", err) == REC_INVALID && strstr(err, "port") != NULL,
	   "a port past 65535 is refused: %s", err);
	ok(save_with(b, PEC_IMAP_PORT, "0", err) == REC_INVALID, "port 0 is refused");
	ok(save_with(b, PEC_SMTP_SECURITY, "NONE", err) == REC_INVALID,
	   "a security other than TLS or STARTTLS is refused: %s", err);
	ok(save_with(b, PEC_IMAP_HOST, "imaps://host:993", err) == REC_INVALID,
	   "a host with a scheme and a port is refused: %s", err);
	ok(save_with(b, PEC_SDI_ADDRESS, "not an address", err) == REC_INVALID,
	   "SdI's address must be an e-mail address");
	ok(save_with(b, PEC_SDI_ADDRESS, "", err) == REC_INVALID, "and is required");
	ok(save_with(b, PEC_CA_FILE, "certs/ca.pem", err) == REC_INVALID,
	   "a CA file must be a full path: %s", err);
	ok(save_with(b, PEC_NEW_PASSWORD, "a\nb", err) == REC_INVALID,
	   "a password with a control character is refused");
	ok(save_with(b, PEC_SDI_ADDRESS, "sdi27@pec.fatturapa.it", err) == 0,
	   "SdI's address changes (the one its first answer gives)");

	r = load(b);
	ok(pec_kind.ncommands == 1 && pec_kind.commands[0].applies(r),
	   "Forget password is offered when a password is kept");
	ok(pec_kind.commands[0].run(b, r, NULL, &open_id, msg, err) == 0,
	   "Forget password runs: %s", msg);
	record_free(r);
	is_str(book_query(b, "SELECT password FROM pec_settings"), "", "and empties the password");
	r = load(b);
	ok(!pec_kind.commands[0].applies(r), "it is not offered when none is kept");
	ok(record_delete(b, r, err) < 0, "the settings cannot be deleted");
	record_free(r);
	temp_book_close(&t, b);
	return tap_done();
}
