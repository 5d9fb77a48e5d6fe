/* The field type secret: a password. What is typed is kept as it is
 * (blanks too), and shown, while typed and after, as one '*' a character
 * (the editor draws it so: FT_SECRET); it never goes into a draft. A
 * record kind that keeps one gives the form an empty value to type a new
 * one into, never the one kept (the PEC settings: book/pec.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/ft-impl.h"
#include "util/i18n.h"

int
parse_secret(const struct ft_params *p, const char *typed, char **value, char *err)
{
	(void)p;
	(void)err;
	*value = xstrdup(typed);
	return 0;
}

char *
format_secret(const struct ft_params *p, const char *value)
{
	size_t n = utf8_len(value);
	char *s = xmalloc(n + 1);

	(void)p;
	memset(s, '*', n);
	s[n] = '\0';
	return s;
}

int
validate_secret(const struct ft_params *p, const char *value, char *err)
{
	return validate_text(p, value, err);
}

void
rule_secret(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A password: what is typed shows as *, and once saved it is never shown "
			"again; left empty, the one kept stays."));
}
