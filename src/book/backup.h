/* Backups of a book and their restore: SQLite's online backup, each copy
 * checked before it takes its name. */
#ifndef SCRIVANO_BACKUP_H
#define SCRIVANO_BACKUP_H

/* Checks that the file at path is a sound book: an SQLite database, whose
 * PRAGMA integrity_check is "ok", with a schema version (user_version)
 * from 1 to book_schema_version() and every table a book of that version
 * has. Messages call the file name. Opens path for writing (so that a hot
 * journal is rolled back): call it only on a copy of one's own. Its
 * version in *version; 0, or -1 with what is wrong. */
int book_file_check(const char *path, const char *name, int *version, char *err);
/* The same without the integrity check, on a book in use: opened read
 * only, so that nothing of a file that is not a book is changed (before
 * book_open, which would make one of it). Messages name path. */
int book_file_recognize(const char *path, int *version, char *err);

/* Copies the book at src into out while sessions use it (SQLite's online
 * backup: in WAL mode they go on writing; in rollback mode a save waits
 * for the copy, within the book's busy timeout): into a temporary beside
 * out, made a file of its own (journal mode DELETE), checked by
 * book_file_check, fsync'ed, then renamed to out (an existing out is
 * refused unless replace). Its size and schema version; 0, or -1 with a
 * message and out as it was. */
int book_backup(const char *src, const char *out, int replace, long long *size, int *version,
		char *err);

/* Puts the backup in the place of the book file: the backup copied to a
 * temporary beside file and checked (refused, with nothing changed, when
 * the check fails); refused while the book is open anywhere (its session
 * lock, book_lock); the book it replaces kept beside it as
 * FILE.replaced-YYYYMMDD-HHMMSS (*kept, newly allocated; NULL when there
 * was no book), with its WAL or journal; then the copy renamed to file.
 * 0, or -1 with a message. */
int book_restore(const char *backup, const char *file, char **kept, int *version, char *err);

#endif
