/* The user registry: who may log in, with a slow salted password hash
 * (yescrypt), kept in DIR/registry.sqlite; each user's book is
 * DIR/books/NAME.sqlite. */
#ifndef SCRIVANO_USERS_H
#define SCRIVANO_USERS_H

#include <stddef.h>

#define USER_NAME_MAX 32

struct registry;

/* 1 when name is a valid account name: 1–32 of letters, digits, '.', '_'
 * and '-', not starting with '.' or '-' (so never a path trick). */
int user_name_valid(const char *name);
/* The same, as 0 or -1 with a message saying what a name may hold. */
int user_name_check(const char *name, char *err);

/* Opens DIR/registry.sqlite, creating DIR and the registry when create is
 * set. */
int registry_open(const char *datadir, int create, struct registry **out, char *err);
void registry_close(struct registry *r);

int registry_add(struct registry *r, const char *name, const char *password, char *err);
/* Calls fn for each user in name order. */
int registry_list(struct registry *r, void (*fn)(const char *name, int locked, void *ud),
		  void *ud, char *err);
/* Returns 1 when the password is right for an existing unlocked user, 0
 * otherwise; it costs the same time whether or not the user exists. */
int registry_check_password(struct registry *r, const char *name, const char *password);

/* Names are one account whatever their case: copies the registered
 * spelling of name into out and returns 1, or 0 when there is none. */
int registry_user_name(struct registry *r, const char *name, char *out, size_t size);

/* DIR/books/NAME.sqlite, newly allocated; NULL for an invalid name. */
char *user_book_path(const char *datadir, const char *name);

/* Changes to existing users: 0, or -1 with a message (unknown user…). */
int registry_del(struct registry *r, const char *name, char *err);
int registry_set_password(struct registry *r, const char *name, const char *password, char *err);
int registry_set_locked(struct registry *r, const char *name, int locked, char *err);
int registry_user_exists(struct registry *r, const char *name);
/* 1 when locked or unknown. */
int registry_is_locked(struct registry *r, const char *name);
int registry_exec(struct registry *r, const char *sql, char *err);

/* A public key as stored: its number for the user (from 1), OpenSSH type
 * name, base64 data, comment and SHA256 fingerprint. */
struct user_key {
	int n;
	char *type, *blob, *comment, *fingerprint;
};
void user_key_free(struct user_key *k);
/* Parses and checks one authorized_keys line (no options). Returns 0 and
 * fills out, 1 for a blank or comment line, -1 with a message. */
int authorized_key_parse(const char *line, struct user_key *out, char *err);
char *key_fingerprint(const char *type, const char *blob);
/* Adds every key in an authorized_keys text, all or none; *added counts
 * them. Errors name the line: "FILE:LINE: message". */
int registry_keys_add(struct registry *r, const char *name, const char *text,
		      const char *origin, int *added, char *err);
int registry_keys_list(struct registry *r, const char *name,
		       void (*fn)(const struct user_key *k, void *ud), void *ud, char *err);
int registry_key_del(struct registry *r, const char *name, int n, char *err);
/* 1 when the unlocked user name has a key with this base64 data (as
 * ssh_pki_export_pubkey_base64 gives it). Only a key whose signature the
 * server has verified may log anyone in. */
int registry_has_key(struct registry *r, const char *name, const char *blob);

/* The registry's SQLite handle and file, for the parts of the registry
 * kept in other files (settings.c). */
struct sqlite3 *registry_db(struct registry *r);
const char *registry_path(const struct registry *r);
/* Runs one statement that returns no rows, with ?1, ?2 and ?3 bound to
 * the texts given (NULL: left unbound). 0, or -1 with the registry's
 * message; registry_error gives that message alone. */
int registry_run(struct registry *r, const char *sql, const char *p1, const char *p2,
		 const char *p3, char *err);
int registry_error(struct registry *r, char *err);

/* Per-user settings (settings.c), by name: "charset" and "printer-charset"
 * (one of charset_list(), stored by its canonical name) and "keys" (a key
 * file that parses cleanly, stored as an absolute path). A value that
 * fails its check changes nothing and says why. */
size_t setting_count(void);
const char *setting_name(size_t i);
/* What setting i is, translated. */
const char *setting_help(size_t i);
int registry_setting_set(struct registry *r, const char *user, const char *name,
			 const char *value, char *err);
int registry_setting_unset(struct registry *r, const char *user, const char *name, char *err);
/* 1 with the value in out, 0 when not set, -1 when the registry fails. */
int registry_setting_get(struct registry *r, const char *user, const char *name, char *out,
			 size_t size);

/* Books shared with other accounts (shares.c): the owner's book opens for
 * the grantee after login, read-only or read-write. A share names two
 * existing, different accounts; sharing again changes the mode. */
enum share_mode { SHARE_READ_ONLY, SHARE_READ_WRITE };
const char *share_mode_name(enum share_mode m); /* "read-only", "read-write" */
/* 0, with *was the mode it had before (-1 when newly shared); -1 with a
 * message, changing nothing. */
int registry_share(struct registry *r, const char *owner, const char *grantee,
		   enum share_mode mode, int *was, char *err);
int registry_unshare(struct registry *r, const char *owner, const char *grantee, char *err);
/* Calls fn for each book shared with grantee, by its owner's name. */
int registry_shared_with(struct registry *r, const char *grantee,
			 void (*fn)(const char *owner, enum share_mode mode, void *ud), void *ud,
			 char *err);
/* Calls fn for each account owner's book is shared with. */
int registry_shares_of(struct registry *r, const char *owner,
		       void (*fn)(const char *grantee, enum share_mode mode, void *ud), void *ud,
		       char *err);

/* Password hashing (yescrypt through libxcrypt). */
char *password_hash(const char *password, char *err);
int password_verify(const char *password, const char *hash);

#endif
