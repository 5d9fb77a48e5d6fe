/* The screen-file parser: a good file gives the fields, positions, labels
 * and list columns it draws; each kind of mistake gives its exact
 * "file:line: message"; the shipped screens parse cleanly. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "bridge/vat.h"
#include "tap.h"
#include "ui/screenfile.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

static const char good[] =
	"# a test screen\n"                                           /* 1 */
	"screen people \"People\"\n"                                  /* 2 */
	"table parties\n"                                             /* 3 */
	"\n"                                                          /* 4 */
	"list\n"                                                      /* 5 */
	"    Name          City\n"                                    /* 6 */
	"    [name       ] [city    ]\n"                              /* 7 */
	"end\n"                                                       /* 8 */
	"layout\n"                                                    /* 9 */
	"    Name      [name                ]\n"                      /* 10 */
	"    Città [city     ]  Prov. [pr]\n"                        /* 11 */
	"\n"                                                          /* 12 */
	"    P.IVA     [piva       ]\n"                               /* 13 */
	"end\n"                                                       /* 14 */
	"fields\n"                                                    /* 15 */
	"  piva  partita_iva  label \"Partita IVA\"\n"                /* 16 */
	"  name  text required max 40\n"                              /* 17 */
	"  city  text upper   # comment\n"                            /* 18 */
	"  pr    province field province default MI\n"               /* 19 */
	"end\n";                                                      /* 20 */

static void
good_file(void)
{
	struct screen *s = NULL;
	struct buf errs = { 0 };
	const struct screen_field *f;

	is_int(screen_parse("good.scr", good, &s, &errs), 0, "a good file has no mistakes");
	ok(errs.data == NULL, "and prints nothing");
	if (s == NULL)
		return;
	is_str(s->name, "people", "name");
	is_str(s->title, "People", "title");
	is_str(s->kind->name, "parties", "record kind");
	is_int(s->rows, 4, "layout rows (trailing blank lines dropped)");
	is_int(s->cols, 32, "layout columns (common indent dropped)");
	is_int(s->nfields, 4, "four fields");
	/* in the order the cursor visits them: by row, then column */
	f = &s->fields[0];
	is_str(f->tag, "name", "first: name");
	is_int(f->row, 0, "name row");
	is_int(f->col, 11, "name column (inside the bracket)");
	is_int(f->width, 20, "name width");
	is_str(f->type->name, "text", "name type");
	ok(f->flags & SF_REQUIRED, "name required");
	is_int(f->max, 40, "name max 40");
	is_str(f->label, "Name", "name's label is the text left of it");
	f = &s->fields[1];
	is_str(f->tag, "city", "second: city");
	is_int(f->row, 1, "city row");
	is_int(f->col, 7, "city column counts 'à' as one column");
	is_int(f->width, 9, "city width");
	ok(f->flags & SF_UPPER, "city upper");
	is_int(f->max, 60, "city max: the record field's 60 caps text's 80");
	is_str(f->label, "Città", "city label");
	f = &s->fields[2];
	is_str(f->tag, "pr", "third: pr");
	is_int(f->col, 26, "pr column");
	is_int(f->width, 2, "pr width");
	is_int((int)f->record_field, record_field_index(s->kind, "province"),
	       "pr is the record's province");
	is_str(f->dflt, "MI", "pr default");
	is_str(f->label, "Prov.", "pr label");
	f = &s->fields[3];
	is_str(f->tag, "piva", "fourth: piva");
	is_int(f->row, 3, "piva row (a blank line counts)");
	is_str(f->label, "Partita IVA", "piva label given");
	is_int(s->ntexts, 4, "four texts in the layout");
	is_str(s->texts[1].text, "Città", "text 'Città'");
	is_int(s->texts[1].width, 5, "a text may use the columns up to its field's bracket");
	is_str(s->texts[2].text, "Prov.", "'Prov.' is one text");
	is_int(s->texts[2].col, 19, "at column 19");
	is_int(s->ncolumns, 2, "two list columns");
	is_int(s->columns[0].col, 1, "name column in the list");
	is_int(s->columns[0].width, 11, "name column width");
	is_int(s->columns[1].col, 15, "city column in the list");
	is_str(s->fields[s->columns[1].field].tag, "city", "second column is city");
	is_int(s->nheadings, 2, "two headings");
	is_int(s->heading_rows, 1, "on one row");
	is_str(s->headings[1].text, "City", "heading City");
	screen_free(s);
	buf_free(&errs);
}

/* base, with one line replaced by another (or removed when NULL). */
static char *
variant_of(const char *base, int line, const char *text)
{
	struct buf b = { 0 };
	const char *p = base;

	for (int n = 1; *p != '\0'; n++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
		if (n != line)
			buf_add(&b, p, len);
		else if (text != NULL)
			buf_printf(&b, "%s\n", text);
		p += len;
	}
	return b.data;
}

/* good, with one line replaced by another (or removed when NULL). */
static char *
variant(int line, const char *text)
{
	return variant_of(good, line, text);
}

static void
mistake(int line, const char *text, const char *want, const char *what)
{
	char *src = variant(line, text);
	struct screen *s = NULL;
	struct buf errs = { 0 };
	int n = screen_parse("bad.scr", src, &s, &errs);

	ok(n > 0 && s == NULL, "%s: refused", what);
	is_str(errs.data ? errs.data : "", want, "%s: message", what);
	buf_free(&errs);
	free(src);
}

static void
bad_files(void)
{
	mistake(2, "scren people \"People\"",
		"bad.scr:2: unknown word 'scren' (expected screen, view, table, list, layout or fields)\n"
		"bad.scr:20: no 'screen' line\n",
		"misspelt keyword");
	mistake(2, "screen people People",
		"bad.scr:2: write: screen NAME \"Title\" (NAME in lower case)\n", "title unquoted");
	mistake(2, "screen people \"People", "bad.scr:2: a quote is not closed\n",
		"quote not closed");
	mistake(3, "table partis", "bad.scr:3: unknown table 'partis'\n", "unknown table");
	mistake(17, "  name  txt required",
		"bad.scr:17: unknown field type 'txt' (known: text integer decimal money percent "
		"date choice mark yesno lookup partita_iva codice_fiscale cap province country email "
		"iban sdi_code party_role codice_ente number discounts secret)\n",
		"unknown type");
	mistake(17, "  name  text mandatory",
		"bad.scr:17: unknown attribute 'mandatory' (known: required upper readonly custom "
		"max default label help field scale choices only skip lookup)\n",
		"unknown attribute");
	mistake(17, "  name  text only ER",
		"bad.scr:17: 'only' narrows a list: write it after choices\n", "only without choices");
	mistake(17, "  name  choice choices \"A=Alpha,B=Beta\" only Gamma",
		"bad.scr:17: only Gamma: no description of inline starts with it\n",
		"only with no match");
	mistake(17, "  name  choice choices \"A=Alpha,B=Beta\" skip x",
		"bad.scr:17: 'skip' needs a number of words from 0 to 9\n", "skip not a number");
	mistake(17, "  name  text max", "bad.scr:17: 'max' needs a value\n", "max without value");
	mistake(17, "  name  text max 0", "bad.scr:17: 'max' needs a number from 1 to 1000\n",
		"max zero");
	mistake(19, "  pr    province field prov",
		"bad.scr:19: table parties has no field 'prov' (a field of your own is marked "
		"'custom')\n",
		"unknown record field");
	mistake(19, "  pr    province field province default Mlano",
		"bad.scr:19: default of 'pr': 'MLANO' is not in the list; F4 shows it\n",
		"bad default");
	mistake(18, "  name  text",
		"bad.scr:18: field 'name' is already described on line 17\n"
		"bad.scr:11: field 'city' is not described under 'fields'\n"
		"bad.scr:7: field 'city' is not described under 'fields'\n",
		"described twice, and one missing");
	mistake(18, "  cap   cap",
		"bad.scr:11: field 'city' is not described under 'fields'\n"
		"bad.scr:7: field 'city' is not described under 'fields'\n"
		"bad.scr:18: field 'cap' is not placed in the layout\n",
		"not described, and not placed");
	mistake(10, "    Name      [name                ",
		"bad.scr:10: '[' without its ']'\n"
		"bad.scr:17: field 'name' is not placed in the layout\n",
		"bracket not closed");
	mistake(10, "    Name      name]", "bad.scr:10: ']' without its '['\n"
					  "bad.scr:17: field 'name' is not placed in the layout\n",
		"bracket not opened");
	mistake(10, "    Name      [Name   ]",
		"bad.scr:10: brackets hold a field's name and blanks, as [name    ]\n"
		"bad.scr:17: field 'name' is not placed in the layout\n",
		"capital in a field name");
	mistake(13, "    P.IVA     [name       ]",
		"bad.scr:13: field 'name' is in the layout twice\n"
		"bad.scr:16: field 'piva' is not placed in the layout\n",
		"placed twice");
	mistake(19, "  pr    province field city",
		"bad.scr:19: 'city' and 'pr' are the same field of table parties\n",
		"two fields on one record field");
	mistake(14, NULL,
		"bad.scr:19: no 'fields' section\n",
		"layout without its end swallows the rest");
	mistake(20, NULL, "bad.scr:15: 'fields' has no 'end'\n", "fields without end");
	mistake(11, "    Città\t[city     ]  Prov. [pr]",
		"bad.scr:11: a tab: use blanks, so columns are unambiguous\n"
		"bad.scr:18: field 'city' is not placed in the layout\n"
		"bad.scr:19: field 'pr' is not placed in the layout\n",
		"a tab");
	mistake(12, "    [name                                                                   "
		    "     ]",
		"bad.scr:9: the layout is 78 columns wide; at most 76 fit\n"
		"bad.scr:12: field 'name' is in the layout twice\n",
		"too wide (and placed twice)");
	mistake(7, "    [name       ] [city    ] x",
		"bad.scr:7: a list's line of fields holds only fields; put headings above it\n",
		"text on the list's line of fields");
	mistake(3, NULL,
		"bad.scr:19: no 'table' line\n",
		"no table line");
}

/* help "Text": a field's help for F1, on the field's line or on lines of
 * its own after it (joined with a blank), for a grid's column too; its
 * mistakes are file:line messages. */
static const char with_grid[] =
	"screen art \"Articles\"\n"                                        /* 1 */
	"table  articles\n"                                                /* 2 */
	"layout\n"                                                         /* 3 */
	"  Code  [code      ]\n"                                           /* 4 */
	"  grid moves rows 3\n"                                            /* 5 */
	"    Date         Quantity\n"                                      /* 6 */
	"    [date      ] [qty        ]\n"                                 /* 7 */
	"  end\n"                                                          /* 8 */
	"end\n"                                                            /* 9 */
	"fields\n"                                                         /* 10 */
	"  code  text  required  help \"The article's code.\"  max 35\n"   /* 11 */
	"        help \"Unique: two articles never share one.\"\n"         /* 12 */
	"  moves.date  date  help \"When the goods moved.\"\n"             /* 13 */
	"  moves.qty   decimal  scale 3  field quantity\n"                 /* 14 */
	"    help \"Positive in, negative out.\"\n"                        /* 15 */
	"end\n";                                                           /* 16 */

static void
help_attribute(void)
{
	struct screen *s = NULL;
	struct buf errs = { 0 };

	is_int(screen_parse("help.scr", with_grid, &s, &errs), 0,
	       "help: a file with help texts parses");
	is_str(errs.data ? errs.data : "", "", "help: no message");
	if (s != NULL) {
		is_str(s->fields[0].help,
		       "The article's code. Unique: two articles never share one.",
		       "help: on the field's line, continued on the next (joined with a blank)");
		is_int(s->fields[0].max, 35, "help: attributes after it still count");
		ok(s->ngrids == 1 && s->grids[0].nfields == 2, "help: the grid has its two columns");
		if (s->ngrids == 1 && s->grids[0].nfields == 2) {
			is_str(s->grids[0].fields[0].help, "When the goods moved.",
			       "help: a grid column's, on its line");
			is_str(s->grids[0].fields[1].help, "Positive in, negative out.",
			       "help: a grid column's, on the line after it");
		}
	}
	screen_free(s);
	buf_free(&errs);
	/* a field without one has none */
	s = NULL;
	screen_parse("good.scr", good, &s, &errs);
	ok(s != NULL && s->fields[0].help == NULL, "help: a field without help has none");
	screen_free(s);
	buf_free(&errs);

	mistake(17, "  name  text required max 40 help \"The name, as on invoices",
		"bad.scr:17: a quote is not closed\n"
		"bad.scr:10: field 'name' is not described under 'fields'\n"
		"bad.scr:7: field 'name' is not described under 'fields'\n",
		"help: quote not closed on the field's line");
	mistake(17, "  name  text required max 40\n    help \"The name, as on invoices",
		"bad.scr:18: a quote is not closed\n", "help: quote not closed on a line of its own");
	mistake(17, "  name  text required max 40 help Name",
		"bad.scr:17: write the help text in quotes: help \"Text\"\n",
		"help: unquoted on the field's line");
	mistake(17, "  name  text required max 40\n    help The name",
		"bad.scr:18: write: help \"Text\" (a line of its own continues the help of the "
		"field above it)\n",
		"help: unquoted on a line of its own");
	mistake(17, "  name  text required max 40 help \"\"", "bad.scr:17: the help text is empty\n",
		"help: empty");
	mistake(17, "  name  text required max 40 help", "bad.scr:17: 'help' needs a value\n",
		"help: without its text");
	mistake(15, "fields\n  help \"Who they are.\"",
		"bad.scr:16: 'help' on a line of its own continues the field described above it, "
		"and there is none\n",
		"help: on a line of its own with no field above it");
	mistake(4, "help \"People we deal with.\"",
		"bad.scr:4: 'help' describes a field: write it under 'fields', on the field's line "
		"or on a line of its own after it\n",
		"help: outside the fields section");
	/* a field line refused already: its help line adds nothing */
	mistake(18, "  name  text\n    help \"Again.\"",
		"bad.scr:18: field 'name' is already described on line 17\n"
		"bad.scr:11: field 'city' is not described under 'fields'\n"
		"bad.scr:7: field 'city' is not described under 'fields'\n",
		"help: after a refused field line, no second message");
}

/* The help screens' wrapping: at blanks, within the width in display
 * columns, continuation lines indented, a word wider than a line cut. */
static void
wrapping(void)
{
	char **l;
	size_t n = help_wrap("  F5 Esc-5    add a new record; in a line grid, a line at the end", 44,
			     15, &l);

	is_int(n, 2, "wrap: two lines at 44 columns");
	if (n == 2) {
		is_str(l[0], "  F5 Esc-5    add a new record; in a line",
		       "wrap: the first keeps its blanks");
		is_str(l[1], "               grid, a line at the end",
		       "wrap: the second starts at the indent");
	}
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
	n = help_wrap("Città è più già così", 10, 0, &l);
	is_int(n, 3, "wrap: accented letters count one column each");
	if (n == 3)
		is_str(l[1], "più già", "wrap: 'più già' is 7 columns");
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
	n = help_wrap("IT0123456789012345", 8, 0, &l);
	is_int(n, 3, "wrap: a word wider than the line is cut");
	if (n == 3)
		is_str(l[2], "45", "wrap: its rest on the last line");
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
	n = help_wrap("", 8, 0, &l);
	ok(n == 1 && strcmp(l[0], "") == 0, "wrap: an empty paragraph is one empty line");
	free(l[0]);
	free(l);
}

/* F1's text on a field: the help text, the type's rule, required or not,
 * capitals, the characters, the list. */
static void
field_help(void)
{
	struct screen *s = NULL;
	struct buf errs = { 0 };
	char *text;

	screen_parse("help.scr", with_grid, &s, &errs);
	if (s == NULL) {
		ok(0, "field help: the screen parses");
		return;
	}
	text = help_field_text(&s->fields[0], "F4");
	is_str(text,
	       "The article's code. Unique: two articles never share one.\n\n"
	       "Text, as typed; blanks at its start and end are dropped.\n"
	       "Required: it may not be left empty.\n"
	       "At most 35 characters; the field shows 10 at a time.\n",
	       "field help: the code's");
	free(text);
	text = help_field_text(&s->grids[0].fields[0], "F4");
	ok(strstr(text, "When the goods moved.\n\nA date, dd/mm/yyyy;") == text,
	   "field help: a grid column's, with its type's rule");
	free(text);
	screen_free(s);
	buf_free(&errs);
}

/* A file that ends inside a block. */
static void
truncated(void)
{
	char *src = xstrndup(good, (size_t)(strstr(good, "end\nfields") - good));
	struct screen *s = NULL;
	struct buf errs = { 0 };

	ok(screen_parse("cut.scr", src, &s, &errs) > 0, "a file cut inside its layout: refused");
	is_str(errs.data ? errs.data : "", "cut.scr:9: 'layout' has no 'end'\n"
					   "cut.scr:13: no 'fields' section\n",
	       "the layout has no end, and there are no fields");
	buf_free(&errs);
	free(src);
}

/* Every field of a shipped screen, a grid's columns too, has a help text
 * (F1), and the help text an Italian translation. */
static void
help_translated(const struct screen *s)
{
	int without = 0, untranslated = 0;

	for (size_t g = 0; g <= s->ngrids; g++) {
		const struct screen_field *v = g == 0 ? s->fields : s->grids[g - 1].fields;
		size_t n = g == 0 ? s->nfields : s->grids[g - 1].nfields;
		for (size_t i = 0; i < n; i++) {
			if (v[i].help == NULL) {
				printf("# no help text: %s\n", v[i].tag);
				without++;
			} else if (gettext(v[i].help) == v[i].help) {
				printf("# help not translated: %s\n", v[i].help);
				untranslated++;
			}
		}
	}
	is_int(without, 0, "%s: every field has a help text", s->name);
	is_int(untranslated, 0, "%s: and every help text an Italian translation", s->name);
}

/* Every text a shipped screen shows has an Italian translation, and the
 * translation fits the room the layout leaves it. */
static void
translated(const struct screen *s)
{
	int missing = 0, too_wide = 0;
	const char *dir = getenv("SCRIVANO_LOCALEDIR");

	if (dir == NULL) {
		ok(0, "SCRIVANO_LOCALEDIR is set");
		return;
	}
	setenv("LANGUAGE", "it", 1);
	bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	missing += gettext(s->title) == s->title;
	for (size_t i = 0; i < s->nfields; i++)
		missing += gettext(s->fields[i].label) == s->fields[i].label;
	for (int list = 0; list < 2; list++) {
		const struct screen_text *t = list ? s->headings : s->texts;
		size_t n = list ? s->nheadings : s->ntexts;
		for (size_t i = 0; i < n; i++) {
			const char *it = gettext(t[i].text);
			if (it == t[i].text) {
				printf("# no translation: %s\n", t[i].text);
				missing++;
			} else if (ui_width(it) > t[i].width) {
				printf("# too wide: '%s' has %d columns\n", it, t[i].width);
				too_wide++;
			}
		}
	}
	is_int(missing, 0, "%s: every text has an Italian translation", s->name);
	is_int(too_wide, 0, "%s: and it fits", s->name);
	help_translated(s);
	unsetenv("LANGUAGE");
}

static void
shipped(void)
{
	const char *names[] = { "screens/parties.scr", "screens/company.scr", "screens/articles.scr",
				"screens/accounts.scr", "screens/primanota.scr", "screens/pn-period.scr",
				"screens/f24.scr", "screens/f24-pay.scr",
				"screens/f24-semplificato.scr", "screens/f24-elide.scr",
				"screens/documents.scr", "screens/pec.scr", "screens/vat.scr" };

	if (getenv("SCRIVANO_SHARE") == NULL) {
		ok(0, "SCRIVANO_SHARE is set");
		return;
	}
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		char *path = share_path(names[i]);
		struct screen *s = NULL;
		struct buf errs = { 0 };
		is_int(screen_load(path, &s, &errs), 0, "%s parses", names[i]);
		is_str(errs.data ? errs.data : "", "", "%s: no message", names[i]);
		ok(s != NULL && s->nfields > 0, "%s: has fields", names[i]);
		if (s != NULL)
			translated(s);
		screen_free(s);
		buf_free(&errs);
		free(path);
	}
}

/* only and skip: the F24's grids list only their section's codici
 * tributo, the descriptions without the attribute words. */
static const struct codelist *
column_choices(const struct screen *s, const char *grid, const char *tag)
{
	for (size_t g = 0; s != NULL && g < s->ngrids; g++)
		for (size_t i = 0; i < s->grids[g].nfields; i++)
			if (strcmp(s->grids[g].child, grid) == 0 &&
			    strcmp(s->grids[g].fields[i].tag, tag) == 0)
				return s->grids[g].fields[i].params.choices;
	return NULL;
}

static void
narrowed(void)
{
	char *path = share_path("screens/f24.scr");
	struct screen *s = NULL;
	struct buf errs = { 0 };
	const struct codelist *er, *el;
	const struct code_entry *e;

	screen_load(path, &s, &errs);
	er = column_choices(s, "erario", "cod");
	el = column_choices(s, "locali", "cod");
	ok(er != NULL && el != NULL, "the F24's Erario and IMU code columns have lists");
	if (er != NULL && el != NULL) {
		ok(codelist_find(er, "6001") != NULL && codelist_find(er, "3918") == NULL &&
			   codelist_find(er, "3800") == NULL,
		   "only ER: 6001 is an Erario code, 3918 and 3800 are not");
		ok(codelist_find(el, "3918") != NULL && codelist_find(el, "6001") == NULL,
		   "only EL: 3918 is there, 6001 is not");
		e = codelist_find(er, "6099");
		is_str(e != NULL ? e->text : "", "IVA - versamento annuale",
		       "skip 3: the description without its attribute words");
	}
	screen_free(s);
	buf_free(&errs);
	free(path);
}

/* A view's own list: `list VIEW` after the screen's is the list of that
 * view only; the screen and the other views keep the screen's. */
static const char viewed[] =
	"screen people \"People\"\n"                                 /* 1 */
	"view   customers \"Customers\"  where role in C\n"           /* 2 */
	"view   suppliers \"Suppliers\"  where role in S\n"           /* 3 */
	"table parties\n"                                            /* 4 */
	"list\n"                                                     /* 5 */
	"    Name          City\n"                                   /* 6 */
	"    [name       ] [city    ]\n"                             /* 7 */
	"end\n"                                                      /* 8 */
	"list suppliers\n"                                           /* 9 */
	"    City       Name     Prov.\n"                            /* 10 */
	"    [city    ] [name  ] [pr]\n"                             /* 11 */
	"end\n"                                                      /* 12 */
	"layout\n"                                                   /* 13 */
	"    Name      [name                ]\n"                     /* 14 */
	"    City      [city     ]  Prov. [pr]\n"                    /* 15 */
	"end\n"                                                      /* 16 */
	"fields\n"                                                   /* 17 */
	"  name  text required max 40\n"                             /* 18 */
	"  city  text\n"                                             /* 19 */
	"  pr    province field province\n"                          /* 20 */
	"end\n";                                                     /* 21 */

static const char *
column_tags(const struct screen *s)
{
	static char out[64];

	out[0] = '\0';
	for (size_t i = 0; s != NULL && i < s->ncolumns; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " " : "",
			 s->fields[s->columns[i].field].tag);
	return out;
}

static void
view_list(void)
{
	struct screen *s = NULL;
	struct buf errs = { 0 };
	char *src;

	is_int(screen_parse("views.scr", viewed, &s, &errs), 0, "a view's list: no mistakes");
	is_str(column_tags(s), "name city", "the screen lists by its own list");
	screen_free(s);
	s = NULL;
	is_int(screen_parse_view("views.scr", viewed, 1, &s, &errs), 0, "view 1");
	is_str(column_tags(s), "name city", "customers: the screen's list too");
	screen_free(s);
	s = NULL;
	is_int(screen_parse_view("views.scr", viewed, 2, &s, &errs), 0, "view 2");
	is_str(column_tags(s), "city name pr", "suppliers: the list of their own");
	screen_free(s);
	is_str(errs.data ? errs.data : "", "", "nothing said");
	buf_free(&errs);

	src = variant_of(viewed, 9, "list others");
	s = NULL;
	ok(screen_parse("bad.scr", src, &s, &errs) > 0 && s == NULL, "a list of no view: refused");
	is_str(errs.data ? errs.data : "",
	       "bad.scr:9: write: list VIEW, after the view's line and the screen's list\n",
	       "its message");
	buf_free(&errs);
	free(src);
	{
		char *a = variant_of(viewed, 5, "# the screen's list left out"), *b2, *c;

		b2 = variant_of(a, 6, "#");
		c = variant_of(b2, 7, "#");
		free(a);
		a = variant_of(c, 8, "#");
		s = NULL;
		ok(screen_parse_view("bad.scr", a, 2, &s, &errs) > 0 && s == NULL,
		   "a view's list before the screen's: refused");
		ok(errs.data != NULL &&
			   strstr(errs.data, "bad.scr:9: a view's list comes after the screen's "
					     "list\n") != NULL,
		   "its message: %s", errs.data ? errs.data : "");
		buf_free(&errs);
		free(a);
		free(b2);
		free(c);
	}
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	/* the kinds an upper layer adds, as main() does */
	vat_kind_register();
	good_file();
	bad_files();
	help_attribute();
	wrapping();
	field_help();
	truncated();
	shipped();
	narrowed();
	view_list();
	return tap_done();
}
