/* Per-user settings kept in the registry (the terminal's charset, the
 * printer's charset, a key file of one's own): a table of the settings,
 * each with the check a value must pass before it is stored. */
#include "config.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "term/charset.h"
#include "term/keymap.h"
#include "ui/actions.h"
#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

/* A setting: its name on the command line and in the registry, what it
 * is, and the check that turns what was typed into what is stored (the
 * canonical charset name, the key file's absolute path). */
struct setting_info {
	const char *name;
	const char *help; /* msgid */
	int (*check)(const char *value, char *stored, size_t size, char *err);
};

static int
check_charset(const char *value, char *stored, size_t size, char *err)
{
	const char *canon = charset_canonical(value);
	struct charset_conv *c;
	struct buf list = { 0 };

	if (canon == NULL) {
		for (const char *const *cs = charset_list(); *cs != NULL; cs++)
			buf_printf(&list, "%s%s", list.len ? ", " : "", *cs);
		err_set(err, _("'%s' is not a supported charset (supported: %s)"), value, list.data);
		buf_free(&list);
		return -1;
	}
	if ((c = charset_open(canon, err)) == NULL)
		return -1;
	charset_close(c);
	str_copy(stored, canon, size);
	return 0;
}

/* A key file must be a readable file that parses without a mistake. */
static int
check_keys(const char *value, char *stored, size_t size, char *err)
{
	char real[PATH_MAX];
	struct stat st;
	struct keymap *km;
	struct buf errs = { 0 };
	int mistakes;

	if (realpath(value, real) == NULL || stat(real, &st) < 0 || !S_ISREG(st.st_mode))
		return err_set(err, _("'%s' is not a file that can be read"), value);
	if (strlen(real) >= size)
		return err_set(err, _("the path of '%s' is too long"), value);
	km = keymap_new(action_names, ACT_COUNT);
	mistakes = keymap_load(km, real, &errs);
	keymap_free(km);
	if (mistakes > 0) {
		char *nl = strchr(errs.data, '\n');
		if (nl != NULL)
			*nl = '\0';
		err_set(err, mistakes == 1 ? _("the key file has a mistake: %s")
					   : _("the key file has mistakes, the first: %s"),
			errs.data);
		buf_free(&errs);
		return -1;
	}
	buf_free(&errs);
	str_copy(stored, real, size);
	return 0;
}

static const struct setting_info settings[] = {
	{ "charset", N_("the terminal's charset (else the client's LANG, else UTF-8)"),
	  check_charset },
	{ "printer-charset", N_("the charset of the terminal's printer (else the terminal's)"),
	  check_charset },
	{ "keys", N_("a key file read after the terminal's own"), check_keys },
};

static const struct setting_info *
find_setting(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(settings); i++)
		if (strcmp(settings[i].name, name) == 0)
			return &settings[i];
	return NULL;
}

static int
unknown_setting(const char *name, char *err)
{
	struct buf list = { 0 };

	for (size_t i = 0; i < ARRAY_LEN(settings); i++)
		buf_printf(&list, "%s%s", i ? ", " : "", settings[i].name);
	err_set(err, _("unknown setting '%s' (known: %s)"), name, list.data);
	buf_free(&list);
	return -1;
}

size_t
setting_count(void)
{
	return ARRAY_LEN(settings);
}

const char *
setting_name(size_t i)
{
	return i < ARRAY_LEN(settings) ? settings[i].name : NULL;
}

const char *
setting_help(size_t i)
{
	return i < ARRAY_LEN(settings) ? _(settings[i].help) : NULL;
}

int
registry_setting_set(struct registry *r, const char *user, const char *name, const char *value,
		     char *err)
{
	const struct setting_info *s = find_setting(name);
	char stored[PATH_MAX], why[ERR_SIZE];

	if (s == NULL)
		return unknown_setting(name, err);
	if (user_name_check(user, err) < 0)
		return -1;
	if (!registry_user_exists(r, user))
		return err_set(err, _("no user '%s'"), user);
	if (s->check(value, stored, sizeof stored, why) < 0)
		return err_set(err, "%s: %s", name, why);
	return registry_run(r,
			    "INSERT INTO user_settings (user, name, value) VALUES (?1, ?2, ?3)"
			    " ON CONFLICT (user, name) DO UPDATE SET value = excluded.value",
			    user, name, stored, err);
}

int
registry_setting_unset(struct registry *r, const char *user, const char *name, char *err)
{
	if (find_setting(name) == NULL)
		return unknown_setting(name, err);
	if (user_name_check(user, err) < 0)
		return -1;
	if (!registry_user_exists(r, user))
		return err_set(err, _("no user '%s'"), user);
	return registry_run(r, "DELETE FROM user_settings WHERE user = ?1 AND name = ?2", user,
			    name, NULL, err);
}

int
registry_setting_get(struct registry *r, const char *user, const char *name, char *out,
		     size_t size)
{
	sqlite3_stmt *st;
	int found = 0;

	out[0] = '\0';
	if (sqlite3_prepare_v2(registry_db(r),
			       "SELECT value FROM user_settings WHERE user = ?1 AND name = ?2", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		str_copy(out, (const char *)sqlite3_column_text(st, 0), size);
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}
