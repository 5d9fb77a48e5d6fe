/* The book: one user's SQLite file. Opening it sets WAL and foreign keys and
 * migrates the schema (PRAGMA user_version). Only domain modules under
 * src/book/ and src/fisc/ run SQL on it; the UI never does. */
#ifndef SCRIVANO_BOOK_H
#define SCRIVANO_BOOK_H

#include <sqlite3.h>

struct book;

/* Opens (creating when absent) the book at path and brings its schema up to
 * date. Returns 0, or -1 with a message in err (ERR_SIZE bytes). */
int book_open(const char *path, struct book **out, char *err);
/* How another account opens a book shared with it (`scrivano user share`):
 * the book must exist (nothing is created in another's name); read-only,
 * the connection is SQLITE_OPEN_READONLY, so that no statement on it can
 * write, whatever it is, and book_begin refuses every write with
 * book_writable's message (a book that needs a migration is refused too: its
 * owner's next opening brings it up to date). */
enum {
	BOOK_OPEN_EXISTING = 0x1, /* refuse a book that is not there */
	BOOK_OPEN_READ_ONLY = 0x2,
};
int book_open_as(const char *path, unsigned flags, struct book **out, char *err);
/* 1 when b was opened read-only. */
int book_read_only(const struct book *b);
/* -1 with "this book is shared with you read-only" when b is, else 0. */
int book_writable(const struct book *b, char *err);
void book_close(struct book *b);
sqlite3 *book_db(struct book *b);
const char *book_path(const struct book *b);

/* Schema version this build writes; a book with a higher one is refused. */
int book_schema_version(void);

/* One transaction per write: begin (IMMEDIATE), then commit or rollback.
 * They nest: a begin inside another's transaction is a savepoint, whose
 * commit keeps its changes for the outer commit and whose rollback undoes
 * them alone; the outermost commit writes, its rollback undoes everything.
 * A rollback after a failed commit (which rolled back already) does
 * nothing more. */
int book_begin(struct book *b, char *err);
int book_commit(struct book *b, char *err);
void book_rollback(struct book *b);
/* A read transaction, for a reader that wants one moment of the book
 * across many queries (the export): deferred, its snapshot taken at once,
 * so that sessions' commits meanwhile are not seen; a book_begin inside it
 * is a savepoint. Ended by book_read_end, which writes nothing. 0, or -1
 * with a message. */
int book_read_begin(struct book *b, char *err);
void book_read_end(struct book *b);
/* The end of a write that began with book_begin: the commit when rc is
 * 0, else the rollback; rc, or REC_ERROR's -1 when the commit failed. */
int book_finish(struct book *b, int rc, char *err);

/* The book's folder top_name ("export", "import"), made (0700) when
 * missing: top_name/BOOK beside the book, BOOK its file name without
 * .sqlite; as an absolute path, newly allocated. NULL with a message.
 * The UI's Print, Export and Import use it, and the F24's receipts. */
char *book_folder(const char *book, const char *top_name, char *err);
/* Whether path (as a form passes it) is a file right in b's folder top:
 * a session reads and writes nothing else (other books belong to the same
 * service user). 0 when it is; 1 when not, with a message; -1 when the
 * folder cannot be made. */
int book_folder_holds(struct book *b, const char *top, const char *path, char *err);

/* The book's session lock (book-lock.c): an advisory lock (flock) on
 * FILE-lock beside the book, made when missing. book_open holds it shared
 * from open to close, whatever the process (a session, a command); a
 * restore takes it exclusive, so it is refused while the book is open and
 * a book being restored is not opened. A shared one waits up to 5 s for a
 * restore; an exclusive one does not wait. Its descriptor (close it to let
 * go), or -1 with a message and *busy set when the other kind is held. */
int book_lock(const char *path, int exclusive, int *busy, char *err);

/* Runs SQL with no result rows (for migrations and simple statements). */
int book_exec(struct book *b, const char *sql, char *err);

#endif
