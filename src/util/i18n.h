/* gettext for every user-visible string: English msgids, catalogs per
 * language. */
#ifndef SCRIVANO_I18N_H
#define SCRIVANO_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Sets the locale from the environment, choosing the message language from
 * LANGUAGE, LC_ALL, LC_MESSAGES or LANG (English when none names a catalog we
 * have), and makes sure text is handled as UTF-8 even where the named locale
 * is not installed on this machine. */
void i18n_init(void);
/* Where catalogs are read from: $SCRIVANO_LOCALEDIR, else the install path. */
const char *i18n_localedir(void);

/* A date of the book (YYYY-MM-DD) as a message writes it in the session's
 * language: 2026-11-21 in English, 21/11/2026 in Italian (the catalog's
 * translation of the format). Anything else comes back as it is. */
#define DATE_TEXT_SIZE 16
const char *date_text(const char *iso, char buf[DATE_TEXT_SIZE]);

#endif
