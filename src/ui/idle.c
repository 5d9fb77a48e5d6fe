/* The UI's count of idle time (see idle.h): reads keys with a deadline,
 * shows the warning with its count-down on the status line, and quits the
 * forms when the time is up. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "ui/idle.h"
#include "ui/ui.h"
#include "util/i18n.h"

#define IDLE_MAX_S (7 * 86400)
#define FAST_ERRORS_MAX 100 /* reads failing at once, in a row, mean no terminal */

static struct {
	int ready;
	int64_t timeout_ms, warning_ms;
	int64_t last_key;
	int fast_errors;
	int expired;
	int64_t stop_at; /* when the stop's grace ends; 0: not stopping */
	int stopped;
} idle;

static volatile sig_atomic_t stop_signalled, hung_up;

static void
on_stop(int sig)
{
	(void)sig;
	stop_signalled = 1;
}

/* The terminal hung up (the client went, the link dropped): no more keys,
 * but the forms still close properly and keep what was typed as drafts,
 * rather than the default end at once. */
static void
on_hangup(int sig)
{
	(void)sig;
	hung_up = 1;
}

/* Seconds from the environment: 0 when unset or not a plain number. */
static int64_t
env_seconds(const char *name)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (v == NULL || *v == '\0')
		return 0;
	errno = 0;
	n = strtol(v, &end, 10);
	return errno == 0 && *end == '\0' && n > 0 && n <= IDLE_MAX_S ? (int64_t)n : 0;
}

static void
idle_setup(void)
{
	idle.ready = 1;
	idle.timeout_ms = env_seconds(UI_IDLE_ENV) * 1000;
	idle.warning_ms = env_seconds(UI_IDLE_WARNING_ENV) * 1000;
	if (idle.warning_ms > idle.timeout_ms / 2)
		idle.warning_ms = idle.timeout_ms / 2;
	idle.last_key = mono_ms();
	/* No SA_RESTART: the signal ends the wait for a key at once. */
	sigaction(SIGTERM, &(struct sigaction){ .sa_handler = on_stop }, NULL);
	sigaction(SIGHUP, &(struct sigaction){ .sa_handler = on_hangup }, NULL);
}

/* The pty was hung up (or reads keep failing at once): no more keys. */
static int
terminal_gone(int64_t waited_ms)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0)
		return 1;
	idle.fast_errors = waited_ms < 5 ? idle.fast_errors + 1 : 0;
	return idle.fast_errors >= FAST_ERRORS_MAX;
}

static void
show_warning(struct ui *ui, int64_t left_ms)
{
	ui_error(ui, _("No key for a while: this session closes in %d s (what is not saved is "
		       "kept as a draft for your next login). Press any key to stay."),
		 (int)((left_ms + 999) / 1000));
}

static void
show_stop_warning(struct ui *ui, int64_t left_ms)
{
	ui_error(ui, _("The server is stopping: this session closes in %d s. Save your work now."),
		 (int)((left_ms + 999) / 1000));
}

/* Milliseconds to the nearer of the stop's end and the idle timeout, the
 * warning for it shown; INT64_MAX when neither runs. */
static int64_t
time_left(struct ui *ui, int64_t now, int *warning)
{
	int64_t left = INT64_MAX;

	*warning = 0;
	if (stop_signalled && idle.stop_at == 0)
		idle.stop_at = now + UI_STOP_GRACE_S * 1000;
	if (idle.timeout_ms > 0) {
		left = idle.last_key + idle.timeout_ms - now;
		if ((*warning = left <= idle.warning_ms) && left > 0)
			show_warning(ui, left);
	}
	if (idle.stop_at != 0 && idle.stop_at - now < left) {
		left = idle.stop_at - now;
		*warning = 1;
		if (left > 0)
			show_stop_warning(ui, left);
	}
	return left;
}

int
idle_read_key(struct ui *ui, uint32_t *k)
{
	int64_t now, left, wait;
	int rc, warning;

	if (!idle.ready)
		idle_setup();
	if (hung_up)
		return -1;
	now = mono_ms();
	left = time_left(ui, now, &warning);
	if (left <= 0) {
		if (idle.stop_at != 0 && idle.stop_at <= now)
			idle.stopped = 1;
		else
			idle.expired = 1;
		ui->quit = 1;
		return 1;
	}
	/* Awake at the warning, then once a second for its count-down. */
	if (left == INT64_MAX)
		wait = -1;
	else
		wait = warning ? (left - 1) % 1000 + 1 : left - idle.warning_ms;
	wtimeout(stdscr, wait > INT32_MAX ? INT32_MAX : (int)wait);
	rc = keymap_read_key(ui->keys, stdscr, k);
	wtimeout(stdscr, -1);
	if (rc == 0) {
		idle.fast_errors = 0;
		if (*k != (KEYC_CURSES | KEY_RESIZE)) /* a resize is not someone at the keys */
			idle.last_key = mono_ms();
		return 0;
	}
	if (hung_up)
		return -1;
	if (stop_signalled && idle.stop_at == 0)
		return 1; /* the stop: paint its warning */
	return terminal_gone(mono_ms() - now) ? -1 : 1;
}

int
idle_expired(void)
{
	return idle.expired;
}

int
idle_stopped(void)
{
	return idle.stopped;
}
