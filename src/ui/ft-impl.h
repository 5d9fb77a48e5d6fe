/* The field types' functions, shared by the files that define them
 * (ft-*.c) and the one table in fieldtype.c. Not for other parts: they use
 * fieldtype.h. */
#ifndef SCRIVANO_FT_IMPL_H
#define SCRIVANO_FT_IMPL_H

#include "ui/fieldtype.h"

#define FT_FUNCS(name)                                                                     \
	int parse_##name(const struct ft_params *p, const char *typed, char **value,       \
			 char *err);                                                       \
	char *format_##name(const struct ft_params *p, const char *value);                 \
	int validate_##name(const struct ft_params *p, const char *value, char *err);      \
	void rule_##name(const struct ft_params *p, struct buf *out);

FT_FUNCS(text)
FT_FUNCS(integer)
FT_FUNCS(decimal)
FT_FUNCS(money)
FT_FUNCS(percent)
FT_FUNCS(date)
FT_FUNCS(choice)
/* a choice shown by its description: typed, checked and explained as one */
char *format_mark(const struct ft_params *p, const char *value);
FT_FUNCS(yesno)
FT_FUNCS(lookup)
FT_FUNCS(piva)
FT_FUNCS(cf)
FT_FUNCS(cap)
FT_FUNCS(province)
FT_FUNCS(country)
FT_FUNCS(email)
FT_FUNCS(sdi)
FT_FUNCS(role)
FT_FUNCS(iban)
FT_FUNCS(ente)
FT_FUNCS(exact)
FT_FUNCS(discounts)
FT_FUNCS(secret)
#undef FT_FUNCS

char *offer_date(const struct ft_params *p);
/* Numbers as plain CSV writes them: 1234.56, no grouping. */
char *plain_integer(const struct ft_params *p, const char *value);
char *plain_decimal(const struct ft_params *p, const char *value);
char *plain_money(const struct ft_params *p, const char *value);
char *plain_percent(const struct ft_params *p, const char *value);
char *plain_exact(const struct ft_params *p, const char *value);

/* Shared pieces. */
char *ft_trim(const char *typed);
/* Upper case, blanks dropped: how codes are kept. */
char *ft_code(const char *typed);
char *ft_plain(const struct ft_params *p, const char *value);
/* 1 when s is a canonical integer: optional '-', digits, no leading 0. */
int ft_is_integer(const char *s);
/* s as an int64 when canonical: 0, or -1. */
int ft_to_int64(const char *s, int64_t *out);
/* The choices of a list type: p->choices, else the shipped file. */
const struct codelist *ft_list_of(const struct ft_params *p, const char *relpath, char *err);

#endif
