/* The record interface: how screens read and write the book without SQL.
 * A record kind (parties, later articles, prima nota, F24, documents) names
 * its fields and gives load, save, delete and browse; a record in memory is
 * one UTF-8 text value per field, in the field's canonical form. */
#ifndef SCRIVANO_RECORD_H
#define SCRIVANO_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"

/* What record functions return besides 0. */
enum {
	REC_ERROR = -1,    /* the book failed (message in err) */
	REC_INVALID = -2,  /* a value is wrong: *bad_field says which */
	REC_CONFLICT = -3, /* changed by someone else since it was loaded */
	REC_GONE = -4,     /* deleted by someone else since it was loaded */
};

#define RECF_REQUIRED 0x1u /* may not be empty */
/* A list may be sorted by it: the kind's table has an index on
 * (column COLLATE NOCASE, id), so every page of any order is a seek. */
#define RECF_SORT 0x2u
#define RECF_NULL 0x4u     /* empty is stored as NULL (foreign keys, optional numbers) */
#define RECF_LINES 0x8u    /* may hold several lines, separated by '\n' (a causale) */

struct record_field {
	const char *name;  /* as screen files name it; the column, for tables */
	const char *label; /* English msgid, used in messages */
	unsigned max;      /* most characters (not bytes) */
	unsigned flags;    /* RECF_* */
	const char *dflt;  /* value of a new record, NULL for empty */
	/* Checks a non-empty value: 0, or -1 with a short message that does
	 * not name the field. NULL: any text. */
	int (*check)(const char *value, char *err);
	/* A computed, read-only field: an SQL expression evaluated in a
	 * SELECT ... FROM the kind's table (which it may name), never
	 * written. NULL: a column of the table. */
	const char *sql;
};

struct record_kind;

/* Rows a record owns (document lines, contacts, stock movements): another
 * kind's records that name their parent's id, kept in order. */
struct record_child {
	const char *name;               /* as a screen file's grid names it */
	const struct record_kind *kind; /* the rows' kind */
	const char *parent_column;      /* the rows' column holding the parent's id */
	const char *position_column;    /* the rows' order column (1, 2, 3...) */
};

/* One child's rows in memory, in order. */
struct record_rows {
	struct record **row;
	size_t n, cap;
};

/* A user-added field (a screen file's `custom` field): kept in table
 * custom_values by kind name, record id and field name. */
struct record_custom {
	char *name;
	char *value;
};

struct record {
	const struct record_kind *kind;
	int64_t id;      /* 0 until first saved */
	int64_t version; /* as loaded or last saved */
	char **values;   /* one per field, never NULL */
	struct record_rows *rows; /* one per child of its kind; NULL when none */
	struct record_custom *custom; /* user-added fields, as loaded or set */
	size_t ncustom;
};

enum browse_dir {
	BROWSE_AFTER,  /* rows after (key, id), in order */
	BROWSE_BEFORE, /* rows before (key, id), nearest first */
};

/* A condition on a list's rows: field op value, value canonical (as the
 * record holds it). Text compares without regard to case. */
enum browse_op {
	BF_EQ,       /* equal */
	BF_CONTAINS, /* holds value somewhere */
	BF_GE,       /* at or after value */
	BF_LE,       /* at or before value */
	BF_NE,       /* different */
	BF_IN,       /* equal to one of the values, given one a line ("C\nB") */
	BF_OP_COUNT
};

struct browse_filter {
	size_t field;
	int op; /* enum browse_op */
	const char *value;
	const char *custom; /* a user-added field's name (field is then unused), or NULL */
};

/* A list's order and filters: by field (case-insensitive for text), then
 * by id; descending reverses both. The field must be the key field or one
 * marked RECF_SORT. Every filter must hold (AND). */
struct browse_order {
	size_t field;
	int descending;
	const struct browse_filter *filters;
	size_t nfilters;
};

/* A command of a record kind: what the kind can do to one of its records
 * besides change it (an F24's "to pay", "pay", "cancel", "copy", a
 * document's "convert", "issue", "credit note", "PDF"). Form and list show
 * the kind's commands in their key line and help and run them; the command
 * line calls the same functions. A command either opens the form of a
 * screen on a new record linked to this one (screen set: the quietanza of
 * an F24, whose kind's insert does the work in one transaction), or asks
 * for at most one value (ask) and runs. */
enum record_ask {
	RECORD_ASK_NONE,     /* runs at once */
	RECORD_ASK_CONFIRM,  /* prompt answered yes or no; runs on yes (arg NULL) */
	RECORD_ASK_TEXT,     /* a line of text (a date, a number): arg */
	RECORD_ASK_FILE_IN,  /* a file to read: the form asks its path (relative
			      * paths in the book's import folder) and passes
			      * the full path as arg */
	RECORD_ASK_FILE_OUT, /* a file to write: the form asks a name in the
			      * book's export folder and passes the full path */
};

struct record_command {
	const char *name;   /* one word, as key files and the command line name it */
	const char *label;  /* English msgid: the key line's short label */
	const char *help;   /* English msgid: one line for the help screen */
	/* Whether it applies to r as it is now (NULL: always); a command that
	 * does not apply is not offered. r is saved (id != 0) when called. */
	int (*applies)(const struct record *r);
	enum record_ask ask;
	const char *prompt; /* English msgid, for ask */
	/* For ask CONFIRM, a question of r's own instead of prompt (what a
	 * bank line is offered to pay), into out (ERR_SIZE): 1 to ask it; 0
	 * when there is nothing to ask (out says why: the command is not run);
	 * -1 with a message in out. NULL: prompt. */
	int (*question)(struct book *b, const struct record *r, char *out);
	/* The value offered for ask TEXT or FILE_OUT (a due date, a file
	 * name) into out (ERR_SIZE bytes); NULL: none offered. */
	void (*preset)(struct book *b, const struct record *r, char *out);
	/* Either: the screen whose form opens on a new record of its kind,
	 * with its field link_field set to r's id, filled first by prepare
	 * (may be NULL); saving that record is the command. */
	const char *screen;
	const char *link_field;
	int (*prepare)(struct book *b, const struct record *r, struct record *linked, char *err);
	/* Or: run on saved record r (its kind's; reloaded by the caller
	 * afterwards): 0 with what to tell the user in msg (ERR_SIZE, may be
	 * left empty) and, to open another record of the kind afterwards (a
	 * copy), its id in *open_id; or REC_INVALID, REC_CONFLICT, REC_GONE,
	 * REC_ERROR with a message in err. Writes go through the record
	 * interface, in one transaction. */
	int (*run)(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		   char *msg, char *err);
	/* Or: lines of text to read (a received invoice's original as its
	 * supplier wrote it), shown in the print preview's pager, where they
	 * may be printed or saved too: UTF-8, no '\n', at most 76 columns,
	 * into *lines, each newly allocated as the array is; the number of
	 * lines, or (size_t)-1 with a message in err. Changes nothing. */
	size_t (*show)(struct book *b, const struct record *r, char ***lines, char *err);
	/* Or: run on saved record r (asked for what ask declares, arg as for
	 * run), then tell what it did as lines shown in the pager, as show's
	 * are, into *lines (*n of them): 0, or REC_* with a message in err.
	 * Writes in one transaction; r may be gone afterwards (a person's
	 * record erased whole), and the form then closes. */
	int (*report)(struct book *b, const struct record *r, const char *arg, char ***lines,
		      size_t *n, char *err);
	/* A rare command (a person's erasure): not worth a place on the key
	 * line of forms and lists, which a kind with only such commands
	 * leaves as it is; the Commands key and its help still offer it. */
	int rare;
};

/* A command that takes a while (mailing a server) tells its steps
 * ("Connecting to smtps.pec.example.it:465..."): the form shows each on
 * its status line while the command runs, the command line on stderr.
 * Whoever runs commands sets where they go (NULL: nowhere). */
void record_progress_to(void (*show)(void *ctx, const char *what), void *ctx);
void record_progress(const char *what);

struct record_kind {
	const char *name;  /* as a screen file's `table` line names it */
	const char *table; /* the SQL table, for kinds stored by record_table_* */
	const struct record_field *fields;
	size_t nfields;
	size_t key_field; /* the browse order (case-insensitive) and search field */
	int single;       /* the book holds one such record (the company profile) */
	const struct record_child *children; /* rows it owns, or NULL */
	size_t nchildren;
	/* Checks across fields, after each field's own check (may be NULL). */
	int (*validate)(const struct record *r, size_t *bad_field, char *err);
	/* Storage: each runs inside the transaction record_* opened. */
	int (*load)(struct book *b, struct record *r, char *err);
	int (*insert)(struct book *b, struct record *r, char *err);
	int (*update)(struct book *b, struct record *r, char *err);
	int (*remove)(struct book *b, const struct record *r, char *err);
	/* As record_browse_by and record_find_by (the order is never NULL). */
	int (*browse)(struct book *b, const struct record_kind *k, const struct browse_order *o,
		      enum browse_dir dir, const char *key, int64_t id, size_t n,
		      struct record **rows, size_t *got, char *err);
	int (*find)(struct book *b, const struct record_kind *k, const struct browse_order *o,
		    const char *text, const char *key, int64_t id, struct record **out,
		    char *err);
	/* What else it can do to a record (may be NULL). */
	const struct record_command *commands;
	size_t ncommands;
	/* Sets r's computed fields (those with sql) from r as it is in
	 * memory, its child rows included, so that a form shows them
	 * following what is typed (an F24's totals and saldo finale). NULL:
	 * they show as last loaded or saved. */
	void (*compute)(struct record *r);
	/* Fills a new record a list's New opens (an F24's contribuente from
	 * the company profile): 0, or -1 with a message (NULL: the fields'
	 * defaults only). */
	int (*init)(struct book *b, struct record *r, char *err);
	/* Its own print rendering (may be NULL: Print shows every field as
	 * "Label: value" and each grid as a table): r as lines of text (UTF-8,
	 * no '\n', at most 76 columns, the printed page's width; a longer one
	 * wraps) into *lines, each newly allocated as the array is; returns
	 * how many. The form's Print and the command line's print use it. */
	size_t (*print_text)(const struct record *r, char ***lines);
	/* The same with what the book adds (a document's company header and
	 * its party's address), preferred to print_text by the form's Print
	 * when set: the number of lines, or (size_t)-1 with a message. */
	size_t (*print_book)(struct book *b, const struct record *r, char ***lines, char *err);
	/* After the user gave a field a new value (typed, or chosen from a
	 * lookup: a document's customer, a line's article), fills what
	 * follows from it, reading the book (the chosen record): in r's own
	 * fields when child is RECORD_PARENT, else in row `row` of that child
	 * of r. 0, or -1 with a message the form shows (nothing is refused:
	 * the value stays). NULL: nothing follows. */
	int (*fill)(struct book *b, struct record *r, size_t child, size_t row, size_t field,
		    char *err);
	/* Whether r, as loaded, may be changed (NULL: always): 0 when it may;
	 * 1 when not, with the short words the form's title shows instead of
	 * "Edit" ("Invoice 1/2026, issued") in caption and why a change is
	 * refused in why (both ERR_SIZE). A form shows such a record read
	 * only; its commands, Print and moving about still work. */
	int (*frozen)(const struct record *r, char *caption, char *why);
	/* The list's Import (NULL: the list has none, but for the prima
	 * nota's own): reads the files of dir, the book's import folder, that
	 * the kind takes (a document's FatturaPA files), each in a
	 * transaction of its own; progress(arg, done, total) before each.
	 * Fills *lines with the report for the user (each newly allocated as
	 * the array is; the first a summary) and returns how many, or
	 * (size_t)-1 with a message in err when nothing could be read. */
	size_t (*import)(struct book *b, const char *dir,
			 void (*progress)(void *arg, size_t done, size_t total), void *arg,
			 char ***lines, char *err);
};

/* The kind a screen file's `table NAME` names, or NULL. */
const struct record_kind *record_kind_find(const char *name);
/* Makes k the kind of its name for record_kind_find and record_kind_at,
 * in the place of the book's own of that name when there is one (the
 * documents the screens use, which compute through the fiscal core that
 * src/book may not include): an upper layer calls it once at start, before
 * any screen file is read. k must outlive the program. 0, or -1 when too
 * many are registered. */
int record_kind_register(const struct record_kind *k);
/* The i-th kind known (from 0), or NULL past the last. */
const struct record_kind *record_kind_at(size_t i);
/* Index of a field by name, or -1. */
int record_field_index(const struct record_kind *k, const char *name);

/* A new, unsaved record with the fields' defaults (and no child rows). */
struct record *record_new(const struct record_kind *k);
/* A deep copy, child rows included. */
struct record *record_copy(const struct record *r);
void record_free(struct record *r);
/* Makes dst a deep copy of src (same kind): values, id, version, rows. */
void record_assign(struct record *dst, const struct record *src);
/* Child rows: the index of a child by name (or -1); inserting a row
 * (taken over) at position at (n: the end); removing one (freed); swapping
 * two. Out-of-range positions do nothing (insert: appends). */
int record_child_index(const struct record_kind *k, const char *name);
void record_rows_insert(struct record_rows *rs, size_t at, struct record *row);
void record_rows_remove(struct record_rows *rs, size_t at);
void record_rows_swap(struct record_rows *rs, size_t i, size_t j);
const char *record_get(const struct record *r, size_t field);
void record_set(struct record *r, size_t field, const char *value);

/* User-added fields: the value ("" when never set), and setting one. */
const char *record_custom_get(const struct record *r, const char *name);
void record_custom_set(struct record *r, const char *name, const char *value);

/* Checks every field and the kind's rules. 0, or REC_INVALID with the
 * field's index and "Label: what is wrong" in err. */
int record_validate(const struct record *r, size_t *bad_field, char *err);
/* For a kind's validate: REC_INVALID, with field in *bad (may be NULL) and
 * "Label: msg" in err. */
int record_invalid(const struct record *r, size_t field, size_t *bad, const char *msg, char *err);

/* Where record_save_ex found a bad value: field of the parent (row
 * RECORD_PARENT), or of row `row` (0-based) of child `child`. */
#define RECORD_PARENT ((size_t)-1)
struct record_fault {
	size_t field;
	size_t child;
	size_t row;
};

/* Reads record id, its child rows in position order and its user-added
 * fields. 0, REC_GONE or REC_ERROR. */
int record_load(struct book *b, const struct record_kind *k, int64_t id, struct record **out,
		char *err);
/* The text of record id's key field (what a lookup shows), newly
 * allocated in *out: one query, none of its rows or user-added fields, for
 * kinds kept in a table. 0, REC_GONE or REC_ERROR. */
int record_key_text(struct book *b, const struct record_kind *k, int64_t id, char **out,
		    char *err);
/* Validates, then inserts (id 0) or updates in one transaction. An update
 * of a record changed or deleted since it was loaded is refused
 * (REC_CONFLICT, REC_GONE) and writes nothing. On success id and version
 * are updated. */
int record_save(struct book *b, struct record *r, size_t *bad_field, char *err);
/* record_save that also validates and writes the child rows and the
 * user-added fields, in the same transaction: rows deleted in memory are
 * deleted, the others updated or inserted, positions renumbered 1..n. A
 * bad row is REC_INVALID with "Row 3, Quantity: ..." in err and the place
 * in *fault (may be NULL). A refused save writes nothing; on success the
 * rows' ids and the computed fields are updated. record_save is this, with
 * fault->field in *bad_field (of the parent; a row's field when a row is
 * bad). */
int record_save_ex(struct book *b, struct record *r, struct record_fault *fault, char *err);
/* Deletes in one transaction, refusing as record_save does. */
int record_delete(struct book *b, const struct record *r, char *err);
/* Up to n records after or before (key, id) in the order o, key being the
 * sort field's value of the row at the edge (keyset pagination: each page
 * is one index seek, however far into the list). key NULL is the start
 * (AFTER) or the end (BEFORE) of the list; AFTER with id INT64_MIN starts
 * at the first row whose value starts with key, or else would follow it (a
 * search by prefix). rows gets records the caller frees. A sort field not
 * sortable, or a filter on no field, is REC_ERROR with a message. */
int record_browse_by(struct book *b, const struct record_kind *k, const struct browse_order *o,
		     enum browse_dir dir, const char *key, int64_t id, size_t n,
		     struct record **rows, size_t *got, char *err);
/* The sum of field over every record of kind k that o's filters pass (the
 * whole list, not a page: one aggregate query; o's sort field is not
 * used): for fields whose canonical values are integers (cents,
 * hundredths, scaled decimals); an empty value counts 0. For kinds kept
 * in a table. A filter on no field, a sum past int64 or a kind not in a
 * table is REC_ERROR with a message. */
int record_sum_by(struct book *b, const struct record_kind *k, const struct browse_order *o,
		  size_t field, int64_t *sum, char *err);
/* The first record after (key, id) in the order o whose sort field holds
 * text (any case); *out is NULL when none. */
int record_find_by(struct book *b, const struct record_kind *k, const struct browse_order *o,
		   const char *text, const char *key, int64_t id, struct record **out,
		   char *err);
/* As the two above, in key-field order, without filters. */
int record_browse(struct book *b, const struct record_kind *k, enum browse_dir dir,
		  const char *key, int64_t id, size_t n, struct record **rows, size_t *got,
		  char *err);
int record_find(struct book *b, const struct record_kind *k, const char *text, const char *key,
		int64_t id, struct record **out, char *err);
/* Whether field may order a list of kind k (the key field, or RECF_SORT). */
int record_sortable(const struct record_kind *k, size_t field);

/* Storage for kinds kept in one table whose columns are named as the
 * fields, plus id, version and modified. */
int record_table_load(struct book *b, struct record *r, char *err);
int record_table_insert(struct book *b, struct record *r, char *err);
int record_table_update(struct book *b, struct record *r, char *err);
int record_table_remove(struct book *b, const struct record *r, char *err);
int record_table_browse(struct book *b, const struct record_kind *k,
			const struct browse_order *o, enum browse_dir dir, const char *key,
			int64_t id, size_t n, struct record **rows, size_t *got, char *err);
int record_table_find(struct book *b, const struct record_kind *k, const struct browse_order *o,
		      const char *text, const char *key, int64_t id, struct record **out,
		      char *err);
int record_table_sum(struct book *b, const struct record_kind *k, const struct browse_order *o,
		     size_t field, int64_t *sum, char *err);
/* Browse and find of a kind kept nowhere (a form whose save is a command,
 * an F24's or an open item's payment): no rows. */
int record_none_browse(struct book *b, const struct record_kind *k, const struct browse_order *o,
		       enum browse_dir dir, const char *key, int64_t id, size_t n,
		       struct record **rows, size_t *got, char *err);
int record_none_find(struct book *b, const struct record_kind *k, const struct browse_order *o,
		     const char *text, const char *key, int64_t id, struct record **out,
		     char *err);

/* Checks of common values, for record kinds and the screens' field types
 * alike: 0, or -1 with a short message that does not name the field. */
int check_partita_iva(const char *v, char *err);
int check_codice_fiscale(const char *v, char *err);
int check_cap(const char *v, char *err);
/* Whether v holds only capital letters A-Z, digits and the characters of
 * also (1 or 0). */
int code_chars_ok(const char *v, const char *also);
/* v is one of codes (separated by blanks: "SU SM"): 0, or -1 with msg. */
int check_one_of(const char *v, const char *codes, const char *msg, char *err);
/* Whether v is a code of a list in data/ (util/codelist.h): 1, 0, or -1
 * with a message when the list cannot be read. */
int code_listed(const char *list, const char *v, char *err);
int check_province(const char *v, char *err);
int check_country(const char *v, char *err);
int check_email(const char *v, char *err);
int check_sdi_code(const char *v, char *err);
/* An IBAN: country, check digits (mod 97), at most 34 letters and digits. */
int check_iban(const char *v, char *err);
/* The remainder modulo 97 of the number an IBAN stands for (1 when its
 * check digits are right): the first four characters moved to the end,
 * each letter read as 10 (A) to 35 (Z). v holds only A-Z and 0-9. */
int iban_mod97(const char *v);
/* An ISO date YYYY-MM-DD that exists in the calendar. */
int check_iso_date(const char *v, char *err);
/* An integer: optional '-', digits, no leading zeros; within int64. */
int check_integer(const char *v, char *err);

#endif
