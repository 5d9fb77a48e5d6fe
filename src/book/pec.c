/* The PEC settings (pec.h): one row of table pec_settings, edited through
 * the record interface like the company profile; the password column is
 * never loaded into a record. The field new_password reads as '' and a
 * value saved in it becomes the password, in the save's transaction;
 * password_set says whether one is kept; the command Forget password
 * empties it. */
#include "config.h"

#include <ctype.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "book/pec.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/util.h"

static int
check_port(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0 || strlen(v) > 5 || atoi(v) < 1 || atoi(v) > 65535)
		return err_set(err, "%s", _("must be a port number from 1 to 65535"));
	return 0;
}

static int
check_security(const char *v, char *err)
{
	return check_one_of(v, "TLS STARTTLS",
			    _("must be TLS (encrypted from the start: ports 465, 993) or STARTTLS "
			      "(ports 587, 143)"),
			    err);
}

/* A host name or address: letters, digits, '.' and '-', or an IPv6
 * address in brackets. */
static int
check_host(const char *v, char *err)
{
	size_t n = strlen(v);

	if (v[0] == '[' && v[n - 1] == ']' && n > 2 &&
	    strspn(v + 1, "0123456789abcdefABCDEF:.") == n - 2)
		return 0;
	for (const char *c = v; *c != '\0'; c++)
		if (!isalnum((unsigned char)*c) && *c != '.' && *c != '-')
			return err_set(err, "%s",
				       _("must be a host name (pec.example.it) or an address, "
					 "without a port or a scheme"));
	return 0;
}

static int
check_ca_file(const char *v, char *err)
{
	if (v[0] != '/')
		return err_set(err, "%s", _("must be a file's full path, starting with /"));
	return 0;
}

/* The user of a mailbox, as a login sends it: printable, no blanks. */
static int
check_user(const char *v, char *err)
{
	for (const char *c = v; *c != '\0'; c++)
		if ((unsigned char)*c <= ' ' || *c == 127)
			return err_set(err, "%s", _("must not hold blanks or control characters"));
	return 0;
}

static int
check_password(const char *v, char *err)
{
	for (const char *c = v; *c != '\0'; c++)
		if ((unsigned char)*c < ' ' || *c == 127)
			return err_set(err, "%s", _("must not hold control characters"));
	return 0;
}

static int
pec_update(struct book *b, struct record *r, char *err)
{
	const char *pw = record_get(r, PEC_NEW_PASSWORD);
	sqlite3_stmt *st;
	struct buf sql = { 0 };

	if (record_table_update(b, r, err) < 0)
		return REC_ERROR;
	if (pw[0] == '\0')
		return 0; /* the password kept stays */
	buf_adds(&sql, "UPDATE pec_settings SET password = ?1 WHERE id = ?2");
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_text(st, 1, pw, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, r->id);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	record_set(r, PEC_NEW_PASSWORD, "");
	record_set(r, PEC_PASSWORD_SET, "1");
	return 0;
}

static int
pec_insert(struct book *b, struct record *r, char *err)
{
	(void)b;
	(void)r;
	err_set(err, _("the PEC settings exist once in a book: open them from the menu"));
	return REC_ERROR;
}

static int
pec_remove(struct book *b, const struct record *r, char *err)
{
	(void)b;
	(void)r;
	err_set(err, _("the PEC settings cannot be deleted"));
	return REC_ERROR;
}

static int
password_kept(const struct record *r)
{
	return strcmp(record_get(r, PEC_PASSWORD_SET), "1") == 0;
}

/* Forget password: the one kept is emptied (the save's own transaction
 * rules: refused when someone changed the settings meanwhile). */
static int
forget_password(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		char *msg, char *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	(void)arg;
	(void)open_id;
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	buf_adds(&sql, "UPDATE pec_settings SET password = '', version = version + 1, "
		       "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
		       "WHERE id = ?1 AND version = ?2");
	if (record_prepare(b, &sql, &st, err) < 0) {
		book_rollback(b);
		return REC_ERROR;
	}
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, r->version);
	if ((rc = record_step_done(b, st, err)) < 0 || sqlite3_changes(book_db(b)) == 0) {
		book_rollback(b);
		if (rc == 0)
			err_set(err, "%s", _("the settings were changed meanwhile: open them again"));
		return rc < 0 ? REC_ERROR : REC_CONFLICT;
	}
	if (book_commit(b, err) < 0)
		return REC_ERROR;
	snprintf(msg, ERR_SIZE, "%s", _("The PEC password is forgotten: type a new one to send."));
	return 0;
}

static const struct record_command pec_commands[] = {
	{ .name = "forget_password", .label = N_("Forget password"),
	  .help = N_("Empty the PEC mailbox's password kept in the book"),
	  .applies = password_kept, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Forget the PEC password kept in the book?"), .run = forget_password },
};

static const struct record_field pec_fields[PEC_NFIELDS] = {
	[PEC_SMTP_HOST] = { "smtp_host", N_("SMTP server"), 253, 0, NULL, check_host },
	[PEC_SMTP_PORT] = { "smtp_port", N_("SMTP port"), 5, RECF_REQUIRED, "465", check_port },
	[PEC_SMTP_SECURITY] = { "smtp_security", N_("SMTP security"), 8, RECF_REQUIRED, "TLS",
				check_security },
	[PEC_IMAP_HOST] = { "imap_host", N_("IMAP server"), 253, 0, NULL, check_host },
	[PEC_IMAP_PORT] = { "imap_port", N_("IMAP port"), 5, RECF_REQUIRED, "993", check_port },
	[PEC_IMAP_SECURITY] = { "imap_security", N_("IMAP security"), 8, RECF_REQUIRED, "TLS",
				check_security },
	[PEC_USER] = { "username", N_("User"), 254, 0, NULL, check_user },
	[PEC_NEW_PASSWORD] = { "new_password", N_("Password"), 200, 0, NULL, check_password,
			       "''" },
	[PEC_PASSWORD_SET] = { "password_set", N_("Password kept"), 1, 0, NULL, NULL,
			       "CASE WHEN password <> '' THEN '1' ELSE '0' END" },
	[PEC_FROM] = { "from_address", N_("From address"), 254, 0, NULL, check_email },
	[PEC_SDI_ADDRESS] = { "sdi_address", N_("SdI's address"), 254, RECF_REQUIRED,
			      PEC_SDI_DEFAULT, check_email },
	[PEC_CA_FILE] = { "ca_file", N_("CA file"), 1000, 0, NULL, check_ca_file },
};

const struct record_kind pec_kind = {
	.name = "pec",
	.table = "pec_settings",
	.fields = pec_fields,
	.nfields = PEC_NFIELDS,
	.key_field = PEC_SMTP_HOST,
	.single = 1,
	.load = record_table_load,
	.insert = pec_insert,
	.update = pec_update,
	.remove = pec_remove,
	.browse = record_table_browse,
	.find = record_table_find,
	.commands = pec_commands,
	.ncommands = ARRAY_LEN(pec_commands),
};

static char *
column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return xstrdup(v != NULL ? (const char *)v : "");
}

int
pec_settings_read(struct book *b, struct pec_settings *s, char *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	memset(s, 0, sizeof *s);
	buf_adds(&sql, "SELECT smtp_host, smtp_port, smtp_security, imap_host, imap_port, "
		       "imap_security, username, password, from_address, sdi_address, ca_file "
		       "FROM pec_settings WHERE id = 1");
	if (record_prepare(b, &sql, &st, err) < 0)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s->smtp_host = column_text(st, 0);
		s->smtp_port = sqlite3_column_int(st, 1);
		s->smtp_security = column_text(st, 2);
		s->imap_host = column_text(st, 3);
		s->imap_port = sqlite3_column_int(st, 4);
		s->imap_security = column_text(st, 5);
		s->user = column_text(st, 6);
		s->password = column_text(st, 7);
		s->from = column_text(st, 8);
		s->sdi_address = column_text(st, 9);
		s->ca_file = column_text(st, 10);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? err_set(err, "%s", _("the book has no PEC settings"))
					 : record_db_error(b, err);
	return 0;
}

void
pec_settings_free(struct pec_settings *s)
{
	free(s->smtp_host);
	free(s->smtp_security);
	free(s->imap_host);
	free(s->imap_security);
	free(s->user);
	if (s->password != NULL)
		memset(s->password, 0, strlen(s->password));
	free(s->password);
	free(s->from);
	free(s->sdi_address);
	free(s->ca_file);
	memset(s, 0, sizeof *s);
}
