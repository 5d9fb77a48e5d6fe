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

/* DIR/books/NAME.sqlite, newly allocated; NULL for an invalid name. */
char *user_book_path(const char *datadir, const char *name);

/* Password hashing (yescrypt through libxcrypt). */
char *password_hash(const char *password, char *err);
int password_verify(const char *password, const char *hash);

#endif
