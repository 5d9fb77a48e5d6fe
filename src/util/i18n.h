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

#endif
