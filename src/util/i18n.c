/* Locale and message-catalog set-up, robust to locales that are not
 * installed: the catalog language is taken from the environment by name. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/util.h"

const char *
i18n_localedir(void)
{
	const char *dir = getenv("SCRIVANO_LOCALEDIR");

	return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* The first of the variables POSIX consults for messages that is set. */
static const char *
message_locale_name(void)
{
	static const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < ARRAY_LEN(vars); i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

void
i18n_init(void)
{
	const char *name = message_locale_name();
	char lang[16];

	/* Text inside scrivano is always UTF-8. If the client's locale exists
	 * here, use it; otherwise fall back to C.UTF-8 for character handling. */
	if (setlocale(LC_ALL, "") == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C");
	}
	/* glibc reads LANGUAGE whenever the message locale is not plain "C",
	 * which C.UTF-8 is not: so a catalog is found even when, say, it_IT is
	 * not generated on this machine. */
	if (name != NULL && getenv("LANGUAGE") == NULL && strcmp(name, "C") != 0 &&
	    strcmp(name, "POSIX") != 0) {
		size_t n = strcspn(name, ".@");
		if (n >= sizeof lang)
			n = sizeof lang - 1;
		memcpy(lang, name, n);
		lang[n] = '\0';
		setenv("LANGUAGE", lang, 1);
	}
	bindtextdomain(PACKAGE, i18n_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

const char *
date_text(const char *iso, char buf[DATE_TEXT_SIZE])
{
	static const char shape[] = "dddd-dd-dd";
	int y, m, d;

	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? iso[i] < '0' || iso[i] > '9' : iso[i] != shape[i])
			return iso;
	if (iso[10] != '\0' || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return iso;
	/* TRANSLATORS: year, month, day; reorder them with %3$ %2$ %1$ */
	snprintf(buf, DATE_TEXT_SIZE, _("%1$04d-%2$02d-%3$02d"), y, m, d);
	return buf;
}
