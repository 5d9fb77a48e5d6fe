/* The user registry: names, slow salted hashes, password checks. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "users/users.h"
#include "util/util.h"

int
main(void)
{
	char dir[] = "/tmp/scrivano-test-users.XXXXXX", err[ERR_SIZE];
	struct registry *r;
	char *h1, *h2, *book;

	ok(user_name_valid("anna"), "anna is a valid name");
	ok(user_name_valid("m.rossi_2-b"), "letters, digits, . _ - are valid");
	ok(!user_name_valid(""), "empty is not");
	ok(!user_name_valid("../etc"), "a path trick is not");
	ok(!user_name_valid("a/b"), "a slash is not");
	ok(!user_name_valid(".hidden"), "a leading dot is not");
	ok(!user_name_valid("-rf"), "a leading dash is not");
	ok(!user_name_valid("anna rossi"), "a space is not");
	ok(!user_name_valid("àgata"), "non-ASCII is not");
	ok(!user_name_valid("abcdefghijabcdefghijabcdefghijabc"), "33 characters are too many");
	ok(user_name_valid("abcdefghijabcdefghijabcdefghijab"), "32 characters are fine");

	h1 = password_hash("segreto", err);
	h2 = password_hash("segreto", err);
	ok(h1 != NULL && strncmp(h1, "$y$", 3) == 0, "the hash is yescrypt");
	ok(h1 && h2 && strcmp(h1, h2) != 0, "two hashes of one password differ (salted)");
	ok(h1 && password_verify("segreto", h1), "the right password verifies");
	ok(h1 && !password_verify("Segreto", h1), "a wrong password does not");
	ok(h1 && !password_verify("", h1), "an empty password does not");
	free(h1);
	free(h2);

	if (mkdtemp(dir) == NULL)
		return 1;
	ok(registry_open(dir, 1, &r, err) == 0, "a registry is created");
	ok(registry_add(r, "anna", "pw1", err) == 0, "anna is added");
	ok(registry_add(r, "anna", "pw2", err) < 0, "anna cannot be added twice");
	is_str(err, "user 'anna' already exists", "the message says why");
	ok(registry_add(r, "../x", "pw", err) < 0, "a bad name is refused");
	ok(registry_add(r, "bruno", "", err) < 0, "an empty password is refused");
	ok(registry_check_password(r, "anna", "pw1") == 1, "anna logs in with her password");
	ok(registry_check_password(r, "anna", "pw2") == 0, "not with another");
	ok(registry_check_password(r, "nobody", "pw1") == 0, "an unknown user does not log in");
	ok(registry_check_password(r, "nobody", "no-one-knows-this") == 0,
	   "not even with the dummy hash's password");
	book = user_book_path(dir, "anna");
	ok(book != NULL && strstr(book, "/books/anna.sqlite") != NULL, "anna's book path");
	free(book);
	ok(user_book_path(dir, "../anna") == NULL, "no book path for a bad name");
	registry_close(r);
	ok(registry_open("/nonexistent/dir", 0, &r, err) < 0, "a missing registry is an error");
	ok(strstr(err, "cannot open the user registry") != NULL, "with a clear message");
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", dir);
		free(cmd);
	}
	return tap_done();
}
