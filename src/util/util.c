/* Allocation that cannot fail, error messages, strings and buffers. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "util/i18n.h"
#include "util/util.h"

#if defined(__SANITIZE_ADDRESS__) /* GCC */
#define HAVE_LSAN 1
#elif defined(__has_feature) /* clang */
#if __has_feature(address_sanitizer)
#define HAVE_LSAN 1
#endif
#endif
#ifdef HAVE_LSAN
#include <sanitizer/lsan_interface.h>
#endif

static void
oom(void)
{
	/* Nothing sensible can go on without memory: say so and stop. */
	fputs("scrivano: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		oom();
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		oom();
	va_end(ap);
	return s;
}

int
err_set(char *err, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL) {
		va_start(ap, fmt);
		vsnprintf(err, ERR_SIZE, fmt, ap);
		va_end(ap);
	}
	return -1;
}

size_t
str_copy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		/* src[n] a continuation byte: the character before it would be
		 * cut; at most 3 of them follow its first byte */
		for (int back = 0; n < len && n > 0 && back < 3 &&
				   ((unsigned char)src[n] & 0xC0) == 0x80; back++)
			n--;
		if (n < len && ((unsigned char)src[n] & 0xC0) == 0x80)
			n = size - 1; /* not UTF-8 there: cut where it fits */
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* In place and in linear time: a hostile file may hold megabytes of blanks. */
char *
str_trim(char *s)
{
	size_t start = 0, end = strlen(s);

	while (start < end && isspace((unsigned char)s[start]))
		start++;
	while (end > start && isspace((unsigned char)s[end - 1]))
		end--;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

int
str_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
utf8_char_width(const char *s, size_t *len)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int w;

	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, strlen(s), &st);
	if (n == 0 || n == (size_t)-1 || n == (size_t)-2) {
		*len = 1;
		return 1;
	}
	*len = n;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

size_t
utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

size_t
utf8_prefix(const char *s, size_t chars)
{
	size_t i = 0;

	for (size_t c = 0; s[i] != '\0' && c < chars; c++) {
		i++;
		while ((s[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

char *
utf8_cell(char *out, size_t size, const char *s, size_t cols)
{
	size_t o = 0, used = 0, len;

	if (size == 0)
		return out;
	while (*s != '\0') {
		size_t w = (size_t)utf8_char_width(s, &len);
		if (used + w > cols || o + len >= size)
			break;
		memcpy(out + o, s, len);
		o += len;
		used += w;
		s += len;
	}
	while (used < cols && o + 1 < size) {
		out[o++] = ' ';
		used++;
	}
	out[o] = '\0';
	return out;
}

/* Length of the well-formed UTF-8 sequence of a printable character at p
 * (C1 controls, surrogates and overlong forms excluded); 0 when there is
 * none. */
static size_t
utf8_char_len(const unsigned char *p)
{
	unsigned c = *p, cp;
	size_t extra;

	if (c >= 0x20 && c < 0x7F)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		extra = 1, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		extra = 2, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		extra = 3, cp = c & 0x07;
	else
		return 0;
	for (size_t i = 1; i <= extra; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && cp < 0xA0))
		return 0;
	return extra + 1;
}

int
utf8_valid_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p != '\0') {
		if ((n = utf8_char_len(p)) == 0)
			return 0;
		p += n;
	}
	return 1;
}

char *
str_printable(char *s)
{
	unsigned char *p = (unsigned char *)s;

	while (*p != '\0') {
		size_t n = utf8_char_len(p);
		if (n == 0) {
			*p++ = '?';
			continue;
		}
		p += n;
	}
	return s;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	buf_add(b, s, (size_t)n);
	free(s);
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
file_read_all(const char *path, size_t max, char **out, size_t *lenp, char *err)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;

	if (f == NULL)
		return err_set(err, _("cannot open %s: %s"), path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max) {
			fclose(f);
			buf_free(&b);
			return err_set(err, _("%s: file too large (over %zu bytes)"), path, max);
		}
		buf_add(&b, chunk, n);
	}
	if (ferror(f)) {
		fclose(f);
		buf_free(&b);
		return err_set(err, _("cannot read %s: %s"), path, strerror(errno));
	}
	fclose(f);
	if (b.data == NULL)
		buf_add(&b, "", 0);
	*out = b.data;
	if (lenp != NULL)
		*lenp = b.len;
	return 0;
}

int
file_read_reporting(const char *path, size_t max, char **out, struct buf *errs)
{
	char err[ERR_SIZE];

	if (file_read_all(path, max, out, NULL, err) < 0) {
		buf_printf(errs, "%s\n", err);
		return -1;
	}
	return 0;
}

const char *
share_dir(void)
{
	const char *dir = getenv("SCRIVANO_SHARE");

	return dir != NULL && *dir != '\0' ? dir : PKGDATADIR;
}

char *
share_path(const char *rel)
{
	return xasprintf("%s/%s", share_dir(), rel);
}

void
leak_check(void)
{
#ifdef HAVE_LSAN
	__lsan_do_leak_check();
#endif
}

void
util_today(char *out)
{
	const char *s = getenv("SCRIVANO_TODAY");
	time_t now;
	struct tm tm = { 0 };
	int y, m, d, n = 0;

	if (s != NULL && strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 &&
	    n == 10 && m >= 1 && m <= 12 && d >= 1) {
		/* a day that exists: mktime leaves it as it is */
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		tm.tm_hour = 12;
		tm.tm_isdst = -1;
		if (mktime(&tm) != (time_t)-1 && tm.tm_mday == d && tm.tm_mon == m - 1) {
			str_copy(out, s, 11);
			return;
		}
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int64_t
iso_day_number(const char *iso)
{
	static const int month_days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, n = 0, leap;
	int64_t era, yoe, doy, doe;

	if (iso == NULL || strlen(iso) != 10 || sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || m < 1 || m > 12 || d < 1)
		return INT64_MIN;
	/* a day past its month's length (31/04, 29/02 of a common year) is no
	 * day: not the next month's first */
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > month_days[m - 1] || (m == 2 && d == 29 && !leap))
		return INT64_MIN;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
text_lines_add(struct text_lines *o, const char *s)
{
	size_t len = strlen(s);

	while (len > 0 && s[len - 1] == ' ')
		len--;
	o->v = xreallocarray(o->v, o->n + 1, sizeof *o->v);
	o->v[o->n++] = xstrndup(s, len);
}

char *
path_folder(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? xstrdup(".") : xstrndup(path, (size_t)(slash - path) + (slash == path));
}

int
file_temp_beside(const char *path, char **tmp, char *err)
{
	sigset_t old;
	int fd;

	*tmp = xasprintf("%s.XXXXXX", path);
	temp_guard_block(&old); /* made and guarded, or neither */
	fd = mkstemp(*tmp);
	if (fd >= 0)
		temp_guard_add(*tmp);
	temp_guard_unblock(&old);
	if (fd < 0) {
		err_set(err, "%s: %s", path, strerror(errno));
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

/* fsync of the folder that holds path, so that a name just made there
 * lasts a power cut. */
static int
sync_folder_of(const char *path, char *err)
{
	char *dir = path_folder(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = 0;

	if (fd < 0 || fsync(fd) < 0)
		rc = err_set(err, "%s: %s", dir, strerror(errno));
	if (fd >= 0)
		close(fd);
	free(dir);
	return rc;
}

int
file_install(const char *tmp, const char *path, int replace, char *err)
{
	int fd = open(tmp, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return err_set(err, "%s: %s", tmp, strerror(errno));
	rc = fsync(fd);
	close(fd);
	if (rc < 0)
		return err_set(err, "%s: %s", path, strerror(errno));
	if ((replace ? rename(tmp, path) : link(tmp, path)) < 0)
		return errno == EEXIST ? err_set(err, _("%s already exists"), path)
				       : err_set(err, "%s: %s", path, strerror(errno));
	if (!replace)
		unlink(tmp);
	temp_guard_forget(tmp);
	return sync_folder_of(path, err);
}

void
file_temp_remove(const char *tmp)
{
	unlink(tmp);
	temp_guard_forget(tmp);
}

int
file_write_whole(const char *path, int replace, int (*write)(FILE *out, void *ctx, char *err),
		 void *ctx, char *err)
{
	char *tmp;
	FILE *out;
	int fd, rc;

	if (!replace && access(path, F_OK) == 0)
		return err_set(err, _("%s already exists"), path);
	if ((fd = file_temp_beside(path, &tmp, err)) < 0)
		return -1;
	if ((out = fdopen(fd, "wb")) == NULL) {
		rc = err_set(err, "%s: %s", path, strerror(errno));
		close(fd);
	} else {
		rc = write(out, ctx, err);
		if (fclose(out) != 0 && rc == 0)
			rc = err_set(err, "%s: %s", path, strerror(errno));
		if (rc == 0)
			rc = file_install(tmp, path, replace, err);
	}
	if (rc < 0)
		file_temp_remove(tmp);
	free(tmp);
	return rc < 0 ? -1 : 0;
}

void
file_safe(char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			*s = '_';
}
