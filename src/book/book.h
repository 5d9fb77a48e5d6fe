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
