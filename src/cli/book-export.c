/* `scrivano book export FILE OUT.zip`: the whole book as one zip, what a
 * user takes away before an account closes (what it holds:
 * book-export-files.c). The book is read in one read transaction, so the
 * zip is of one moment while its sessions go on writing; the zip is
 * written into a temporary beside OUT, which takes OUT's name only when
 * it is whole (an existing OUT only with --force); a failure leaves
 * nothing. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>

#include "book/backup.h"
#include "bridge/fpa-export.h"
#include "cli/book-export.h"
#include "cli/cli.h"
#include "commands.h"
#include "ui/ui.h"
#include "ui/export.h"
#include "util/i18n.h"

/* The zip's bytes from which its writing shows its progress. */
#define PROGRESS_BYTES (16 * 1024 * 1024)

void
xport_progress(struct xport *x, const char *fmt, ...)
{
	va_list ap;

	if (!x->tty)
		return;
	va_start(ap, fmt);
	fputc('\r', stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\033[K", stderr); /* the rest of the last line */
	va_end(ap);
	fflush(stderr);
	x->shown = 1;
}

static void
progress_end(struct xport *x)
{
	if (x->shown)
		fputs("\r\033[K", stderr);
	x->shown = 0;
}

/* ---- the zip ---- */

/* A blob of the book as a zip source: read when libzip comes to it (while
 * the zip is written, in the export's read transaction), one at a time. */
struct blob_source {
	struct xport *x;
	const struct xfile *f;
	void *data;
	size_t len, off;
	zip_error_t error;
	char *failed; /* the first blob that could not be read, and why */
};

static zip_int64_t
blob_read(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct blob_source *s = ud;
	char err[ERR_SIZE];

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		if (book_dump_blob(s->x->b, s->f->table, s->f->col, s->f->rowid, &s->data, &s->len,
				   err) < 0) {
			free(s->failed);
			s->failed = xasprintf("%s: %s", s->f->path, err);
			zip_error_set(&s->error, ZIP_ER_READ, 0);
			return -1;
		}
		s->off = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		size_t n = s->len - s->off < len ? s->len - s->off : (size_t)len;

		if (n > 0)
			memcpy(data, (char *)s->data + s->off, n);
		s->off += n;
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_CLOSE:
		free(s->data);
		s->data = NULL;
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;

		zip_stat_init(st);
		st->size = (zip_uint64_t)s->f->len;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof *st;
	}
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&s->error, data, len);
	case ZIP_SOURCE_FREE:
		free(s->data);
		zip_error_fini(&s->error);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
						      ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
						      ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

struct zip_progress {
	struct xport *x;
	const char *out;
};

static void
zip_progress(zip_t *z, double done, void *ud)
{
	struct zip_progress *p = ud;

	(void)z;
	xport_progress(p->x, _("Writing %s: %d%%"), p->out, (int)(done * 100));
}

/* ---- the archive written into the temporary's own descriptor ---- */

/* zip_open(path) would have libzip write a temporary of its own beside
 * path, one a signal could leave behind: the archive is written straight
 * into the (empty, guarded) temporary instead, through this source. */
struct fd_archive {
	int fd;
	zip_error_t error;
};

static zip_int64_t
fd_seek(struct fd_archive *a, void *data, zip_uint64_t len)
{
	zip_source_args_seek_t *s = ZIP_SOURCE_GET_ARGS(zip_source_args_seek_t, data, len,
							&a->error);

	if (s == NULL)
		return -1;
	if (lseek(a->fd, (off_t)s->offset, s->whence) < 0) {
		zip_error_set(&a->error, ZIP_ER_SEEK, errno);
		return -1;
	}
	return 0;
}

static zip_int64_t
fd_archive_cmd(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct fd_archive *a = ud;
	struct stat st;
	ssize_t n;
	off_t at;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		return lseek(a->fd, 0, SEEK_SET) < 0 ? -1 : 0;
	case ZIP_SOURCE_READ:
		if ((n = read(a->fd, data, len)) < 0)
			zip_error_set(&a->error, ZIP_ER_READ, errno);
		return n;
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_COMMIT_WRITE: /* file_install fsyncs it */
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_STAT:
		if (fstat(a->fd, &st) < 0) {
			zip_error_set(&a->error, ZIP_ER_READ, errno);
			return -1;
		}
		zip_stat_init(data);
		((zip_stat_t *)data)->size = (zip_uint64_t)st.st_size;
		((zip_stat_t *)data)->valid |= ZIP_STAT_SIZE;
		return sizeof(zip_stat_t);
	case ZIP_SOURCE_BEGIN_WRITE:
	case ZIP_SOURCE_ROLLBACK_WRITE:
	case ZIP_SOURCE_REMOVE:
		if (ftruncate(a->fd, 0) < 0 || lseek(a->fd, 0, SEEK_SET) < 0) {
			zip_error_set(&a->error, ZIP_ER_WRITE, errno);
			return -1;
		}
		return 0;
	case ZIP_SOURCE_WRITE:
		for (zip_uint64_t done = 0; done < len; done += (zip_uint64_t)n)
			if ((n = write(a->fd, (const char *)data + done, len - done)) < 0) {
				if (errno == EINTR) {
					n = 0;
					continue;
				}
				zip_error_set(&a->error, ZIP_ER_WRITE, errno);
				return -1;
			}
		return (zip_int64_t)len;
	case ZIP_SOURCE_SEEK:
	case ZIP_SOURCE_SEEK_WRITE:
		return fd_seek(a, data, len);
	case ZIP_SOURCE_TELL:
	case ZIP_SOURCE_TELL_WRITE:
		if ((at = lseek(a->fd, 0, SEEK_CUR)) < 0)
			zip_error_set(&a->error, ZIP_ER_SEEK, errno);
		return at;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&a->error, data, len);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(
			ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
			ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL,
			ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_WRITE, ZIP_SOURCE_COMMIT_WRITE,
			ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE,
			ZIP_SOURCE_REMOVE, -1);
	default:
		zip_error_set(&a->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* The files into the zip written into fd, whole at zip_close. */
static int
write_zip(struct xport *x, int fd, const char *out, char *err)
{
	struct blob_source *blobs = xcalloc(x->nfiles ? x->nfiles : 1, sizeof *blobs);
	struct zip_progress p = { x, out };
	struct fd_archive a = { .fd = fd };
	zip_error_t ze;
	zip_source_t *src;
	int rc = 0;
	int64_t bytes = 0;
	zip_t *z = NULL;

	zip_error_init(&a.error);
	zip_error_init(&ze);
	if ((src = zip_source_function_create(fd_archive_cmd, &a, &ze)) == NULL ||
	    (z = zip_open_from_source(src, ZIP_CREATE | ZIP_TRUNCATE, &ze)) == NULL) {
		err_set(err, _("cannot write %s: %s"), out, zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		zip_error_fini(&a.error);
		free(blobs);
		return -1;
	}
	zip_error_fini(&ze);
	for (size_t i = 0; i < x->nfiles && rc == 0; i++) {
		struct xfile *f = &x->files[i];
		zip_source_t *s;

		bytes += f->len;
		if (f->table != NULL) {
			blobs[i] = (struct blob_source){ .x = x, .f = f };
			zip_error_init(&blobs[i].error);
			s = zip_source_function(z, blob_read, &blobs[i]);
		} else
			s = zip_source_buffer(z, f->bytes.data != NULL ? f->bytes.data : "",
					      f->bytes.len, 0);
		if (s == NULL || zip_file_add(z, f->path, s, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(s);
			rc = err_set(err, _("cannot write %s: %s"), out, zip_strerror(z));
		}
	}
	/* a small book's zip is written before anyone could read a line */
	if (rc == 0 && x->tty && (x->rows >= EXPORT_PROGRESS_ROWS || bytes >= PROGRESS_BYTES))
		zip_register_progress_callback_with_state(z, 0.01, zip_progress, NULL, &p);
	if (rc == 0 && zip_close(z) < 0) {
		const char *why = zip_strerror(z);

		for (size_t i = 0; i < x->nfiles; i++)
			if (blobs[i].failed != NULL) {
				why = blobs[i].failed;
				break;
			}
		rc = err_set(err, _("cannot write %s: %s"), out, why);
		zip_discard(z);
	} else if (rc < 0)
		zip_discard(z);
	for (size_t i = 0; i < x->nfiles; i++)
		free(blobs[i].failed);
	free(blobs);
	zip_error_fini(&a.error);
	return rc;
}

/* ---- the checks before anything is read or written ---- */

/* OUT: in a folder that is there and writable; not a folder; not there
 * unless force; not the book. 0, or -1 with a message. */
static int
check_out(const char *book, const char *out, int force, char *err)
{
	char *dir = path_folder(out);
	struct stat st, sb;
	int rc = 0;

	if (stat(dir, &st) < 0)
		rc = err_set(err, _("cannot write %s: folder %s: %s"), out, dir, strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		rc = err_set(err, _("cannot write %s: %s is not a folder"), out, dir);
	else if (access(dir, W_OK | X_OK) < 0)
		rc = err_set(err, _("cannot write %s: folder %s: %s"), out, dir, strerror(errno));
	else if (stat(out, &st) == 0) {
		if (stat(book, &sb) == 0 && st.st_dev == sb.st_dev && st.st_ino == sb.st_ino)
			rc = err_set(err, _("%s is the book itself"), out);
		else if (S_ISDIR(st.st_mode))
			rc = err_set(err, _("%s is a folder"), out);
		else if (!force)
			rc = err_set(err, _("%s already exists (--force replaces it)"), out);
	}
	free(dir);
	return rc;
}

/* ---- the command ---- */

static void
xport_free(struct xport *x)
{
	for (size_t i = 0; i < x->nfiles; i++) {
		free(x->files[i].path);
		free(x->files[i].about);
		buf_free(&x->files[i].bytes);
	}
	free(x->files);
	xport_names_free(x);
	book_dump_tables_free(x->tables, x->ntables);
	for (size_t i = 0; i < x->nscreens; i++)
		screen_free(x->screens[i]);
	for (size_t i = 0; i < x->ntyped; i++)
		free(x->typed[i]);
	free(x->typed);
	free(x->screens);
	for (size_t i = 0; i < x->notes.n; i++)
		free(x->notes.v[i]);
	free(x->notes.v);
	if (x->xsd != NULL)
		fpa_schema_free(x->xsd);
}

static void
report(const struct xport *x, const char *out)
{
	static const struct {
		enum xgroup g;
		const char *what;
	} groups[] = {
		{ XG_FPA, N_("FatturaPA files the book keeps") },
		{ XG_FPA_UNSENT, N_("FatturaPA files made for this export (never exported)") },
		{ XG_RECEIPT, N_("SdI receipts") },
		{ XG_ORIGINAL, N_("original files of received invoices") },
		{ XG_ATTACHMENT, N_("attachments") },
		{ XG_F24_RECEIPT, N_("F24 receipts") },
		{ XG_OTHER, N_("other files") },
	};

	printf(ngettext("book %s exported to %s: %zu file, ", "book %s exported to %s: %zu files, ",
			x->nfiles),
	       x->book_path, out, x->nfiles);
	printf(ngettext("%zu row\n", "%zu rows\n", x->rows), x->rows);
	printf(_("  %zu tables as CSV, each in italian/ and plain/\n"), x->csv_tables);
	for (size_t i = 0; i < ARRAY_LEN(groups); i++)
		if (x->count[groups[i].g] > 0)
			printf("  %zu %s\n", x->count[groups[i].g], _(groups[i].what));
	printf(_("  README.txt: what each file holds\n"));
	for (size_t i = 0; i < x->notes.n; i++)
		cli_fail("book", _("not in the zip: %s"), x->notes.v[i]);
}

static int
export_book(struct xport *x, const char *out, int force, char *err)
{
	struct buf errs = { 0 };
	char *tmp = NULL;
	time_t now = time(NULL);
	int fd, rc = -1;

	if (tui_load_screens(&x->screens, &x->nscreens, &errs) > 0)
		cli_fail("book", _("the screen files have mistakes: the columns of the screens they "
				   "leave out are written as the book keeps them\n%s"),
			 errs.data != NULL ? errs.data : "");
	buf_free(&errs);
	if (fpa_schema_find(NULL, &x->xsd, x->xsd_err) < 0)
		x->xsd = NULL;
	if ((fd = file_temp_beside(out, &tmp, err)) < 0)
		return -1;
	if (book_read_begin(x->b, err) == 0) {
		strftime(x->when, sizeof x->when, "%Y-%m-%d %H:%M:%S %z", localtime(&now));
		if (xport_collect(x, err) == 0) {
			xport_readme(x);
			rc = write_zip(x, fd, out, err);
		}
		book_read_end(x->b);
	}
	if (close(fd) < 0 && rc == 0)
		rc = err_set(err, "%s: %s", out, strerror(errno));
	progress_end(x);
	if (rc == 0)
		rc = file_install(tmp, out, force, err);
	if (rc < 0)
		file_temp_remove(tmp);
	free(tmp);
	return rc;
}

int
cmd_book_export(int argc, char **argv)
{
	const char *pos[2] = { NULL, NULL };
	struct xport x = { 0 };
	char err[ERR_SIZE];
	int force = 0, npos = 0, rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			force = 1;
		else if (argv[i][0] != '-' && npos < 2)
			pos[npos++] = argv[i];
		else
			return -1;
	}
	if (npos != 2)
		return -1;
	if (access(pos[0], F_OK) != 0) {
		err_set(err, _("no book %s"), pos[0]);
		cli_fail("book", _("%s; nothing was exported"), err);
		return 1;
	}
	/* OUT first: a refusal of it leaves the book's folder untouched (a
	 * read-only look into a book in WAL mode leaves its -wal and -shm) */
	if (check_out(pos[0], pos[1], force, err) < 0 ||
	    book_file_recognize(pos[0], &x.version, err) < 0 || book_open(pos[0], &x.b, err) < 0) {
		cli_fail("book", _("%s; nothing was exported"), err);
		return 1;
	}
	x.book_path = pos[0];
	x.tty = isatty(STDERR_FILENO);
	rc = export_book(&x, pos[1], force, err);
	if (rc < 0)
		cli_fail("book", _("%s; nothing was exported"), err);
	else
		report(&x, pos[1]);
	book_close(x.b);
	xport_free(&x);
	return rc < 0 ? 1 : 0;
}
