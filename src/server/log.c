/* The server's log: one line per event, either on stderr, stamped with the
 * local time and the process id and written whole with a single write(),
 * or to syslog (facility daemon), which stamps it itself. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "server/server.h"

static int to_syslog;

void
slog_to_syslog(int on)
{
	if (on && !to_syslog)
		openlog("scrivano", LOG_PID | LOG_NDELAY, LOG_DAEMON);
	else if (!on && to_syslog)
		closelog();
	to_syslog = on;
}

int
slog_is_syslog(void)
{
	return to_syslog;
}

static void
write_stderr(const char *msg)
{
	char line[1024];
	struct tm tm;
	time_t t = time(NULL);
	size_t n;

	localtime_r(&t, &tm);
	n = strftime(line, sizeof line, "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(line + n, sizeof line - n, " scrivano[%ld]: %s", (long)getpid(), msg);
	n = strlen(line);
	if (n == sizeof line - 1)
		n--;
	line[n++] = '\n';
	while (write(STDERR_FILENO, line, n) < 0 && errno == EINTR)
		;
}

void
slog(const char *fmt, ...)
{
	char msg[960];
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (to_syslog)
		syslog(LOG_INFO, "%s", msg);
	else
		write_stderr(msg);
	errno = saved;
}

char *
slog_clean(char *out, size_t size, const char *s)
{
	size_t i = 0;

	if (size == 0)
		return out;
	for (; s != NULL && *s != '\0' && i + 1 < size; s++)
		out[i++] = (*s >= 0x20 && *s < 0x7f) ? *s : '?';
	out[i] = '\0';
	return out;
}

int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
