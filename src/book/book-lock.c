/* The book's session lock: an advisory lock on a file beside the book. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book/book.h"
#include "util/i18n.h"
#include "util/util.h"

/* How long a book being opened waits for a restore to end. */
#define LOCK_WAIT_MS 5000

/* A lock file that root made (a restore or a command run by the
 * administrator) is handed to the owner of the book, or where there is no
 * book yet to the owner of its folder (the service user, who owns the data
 * folder), as SQLite does with its own journal files, so that the
 * sessions can take it. */
static void
own_like_book(int fd, const char *path)
{
	struct stat st, owner;
	char *dir;
	int known;

	if (geteuid() != 0 || fstat(fd, &st) < 0 || st.st_uid != 0)
		return;
	dir = path_folder(path);
	known = stat(path, &owner) == 0 || stat(dir, &owner) == 0;
	free(dir);
	if (known && owner.st_uid != 0 && fchown(fd, owner.st_uid, owner.st_gid) < 0)
		return;
}

/* flock, not SQLite's own POSIX locks: those belong to the process and
 * are lost when any descriptor of the file is closed, and SQLite drops
 * its shared lock between transactions; flock's belong to the open file
 * description, kept from book_open to book_close. The lock file is the
 * owner's alone, as the book (the server refuses a shared one); a
 * read-only descriptor takes an exclusive flock too. */
int
book_lock(const char *path, int exclusive, int *busy, char *err)
{
	char *name = xasprintf("%s-lock", path);
	int fd = open(name, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	int64_t end = mono_ms() + (exclusive ? 0 : LOCK_WAIT_MS);

	*busy = 0;
	if (fd < 0) {
		err_set(err, _("cannot open the lock file %s: %s"), name, strerror(errno));
		free(name);
		return -1;
	}
	own_like_book(fd, path);
	while (flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) < 0) {
		if ((errno != EWOULDBLOCK && errno != EINTR) || mono_ms() >= end) {
			*busy = errno == EWOULDBLOCK;
			if (*busy && exclusive)
				err_set(err, _("book %s is open (a session or a command is using it): end it first"),
					path);
			else if (*busy)
				err_set(err, _("book %s is being restored: try again in a moment"),
					path);
			else
				err_set(err, _("cannot lock %s: %s"), name, strerror(errno));
			close(fd);
			free(name);
			return -1;
		}
		usleep(50 * 1000);
	}
	free(name);
	return fd;
}
