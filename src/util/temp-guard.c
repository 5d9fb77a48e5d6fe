/* The temporaries a command is writing beside its output
 * (file_temp_beside), removed when SIGINT, SIGTERM or SIGHUP ends it
 * before they take their name: a Ctrl-C leaves no OUT.zip.XXXXXX behind.
 * The handler only unlinks paths prepared beforehand and re-raises the
 * signal with its default action (both async-signal-safe); it is set only
 * where the signal's action is the default one, so a program's own
 * handling (the server's) is left as it is. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

#define GUARD_SLOTS 8

static struct {
	char *path, *journal;          /* the temporary, and an SQLite journal beside it */
	volatile sig_atomic_t used;
} slots[GUARD_SLOTS];

static const int guarded[] = { SIGINT, SIGTERM, SIGHUP };

static void
on_fatal(int sig)
{
	int saved = errno;

	for (size_t i = 0; i < GUARD_SLOTS; i++)
		if (slots[i].used) {
			unlink(slots[i].path);
			unlink(slots[i].journal);
		}
	signal(sig, SIG_DFL);
	raise(sig); /* delivered, with the default action, when this returns */
	errno = saved;
}

static void
install(void)
{
	static int done;
	struct sigaction sa, old;

	if (done)
		return;
	done = 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof guarded / sizeof *guarded; i++)
		sigaddset(&sa.sa_mask, guarded[i]);
	for (size_t i = 0; i < sizeof guarded / sizeof *guarded; i++)
		if (sigaction(guarded[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
			sigaction(guarded[i], &sa, NULL);
}

void
temp_guard_block(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof guarded / sizeof *guarded; i++)
		sigaddset(&set, guarded[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

void
temp_guard_unblock(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

void
temp_guard_add(const char *path)
{
	install();
	for (size_t i = 0; i < GUARD_SLOTS; i++)
		if (!slots[i].used) {
			slots[i].path = xstrdup(path);
			slots[i].journal = xasprintf("%s-journal", path);
			slots[i].used = 1;
			return;
		}
	/* more at once than any command writes: left unguarded */
}

void
temp_guard_forget(const char *path)
{
	for (size_t i = 0; i < GUARD_SLOTS; i++)
		if (slots[i].used && strcmp(slots[i].path, path) == 0) {
			slots[i].used = 0;
			free(slots[i].path);
			free(slots[i].journal);
			slots[i].path = slots[i].journal = NULL;
			return;
		}
}
