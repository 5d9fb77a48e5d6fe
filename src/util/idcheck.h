/* Checks of Italian tax identifiers: partita IVA and codice fiscale. */
#ifndef SCRIVANO_IDCHECK_H
#define SCRIVANO_IDCHECK_H

/* A partita IVA: 11 digits with a valid check digit. 0, or -1 with a
 * message in err (ERR_SIZE bytes, may be NULL). */
int piva_check(const char *s, char *err);
/* 1 when a valid partita IVA's office code (digits 8–10) is none of
 * 001–100, 120, 121, 888, 999: worth a warning, not a refusal. */
int piva_office_unusual(const char *s);

/* A codice fiscale: 16 characters (letters upper case; omocodia digits
 * accepted) with a valid check character, or a company's 11-digit partita
 * IVA. 0, or -1 with a message in err. */
int cf_check(const char *s, char *err);
/* The check character of the first 15 characters of a personal codice
 * fiscale, or 0 when they contain something that is not a letter or digit. */
char cf_check_char(const char *first15);

#endif
