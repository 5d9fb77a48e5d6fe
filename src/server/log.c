/* The server's log: one line per event on stderr, stamped with the local
 * time and the process id, each written whole with a single write(). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "server/server.h"

void
slog(const char *fmt, ...)
{
	char line[1024];
	struct tm tm;
	time_t t = time(NULL);
	size_t n;
	va_list ap;
	int saved = errno;

	localtime_r(&t, &tm);
	n = strftime(line, sizeof line, "%Y-%m-%d %H:%M:%S", &tm);
	n += (size_t)snprintf(line + n, sizeof line - n, " scrivano[%ld]: ", (long)getpid());
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof line - n, fmt, ap);
	va_end(ap);
	n = strlen(line);
	if (n == sizeof line - 1)
		n--;
	line[n++] = '\n';
	while (write(STDERR_FILENO, line, n) < 0 && errno == EINTR)
		;
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
