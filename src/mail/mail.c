/* SMTP and IMAP over TLS through libcurl (mail.h). One curl handle per
 * task: an IMAP reading keeps its connection from the listing to the last
 * message. What the server said last is kept (curl's debug callback sees
 * its answers), so that a refusal is told in the server's own words. */
#include "config.h"

#include <curl/curl.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mail/mail.h"
#include "mail/mime.h"
#include "util/i18n.h"

#define CONNECT_TIMEOUT 30L /* seconds to connect */
#define STALL_SECONDS 60L   /* a transfer under 1 byte/s this long is given up */

const char *
mail_security_name(enum mail_security s)
{
	return s == MAIL_STARTTLS ? "STARTTLS" : "TLS";
}

int
mail_security_parse(const char *word, enum mail_security *out)
{
	if (strcasecmp(word, "TLS") == 0 || strcasecmp(word, "SSL") == 0)
		*out = MAIL_TLS;
	else if (strcasecmp(word, "STARTTLS") == 0)
		*out = MAIL_STARTTLS;
	else
		return -1;
	return 0;
}

/* What one curl task carries besides the handle. */
struct task {
	CURL *curl;
	const struct mail_server *srv;
	char errbuf[CURL_ERROR_SIZE];
	char said[200];   /* the server's last answer line */
	int answered;     /* the server answered at all */
	struct buf *sink; /* what a transfer writes */
	size_t sink_max;
	int too_big;
	const char *up; /* what an upload reads */
	size_t up_len, up_at;
	int64_t told_ms; /* when progress was last told */
};

static void
tell(struct task *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
tell(struct task *t, const char *fmt, ...)
{
	char msg[ERR_SIZE];
	va_list ap;

	if (t->srv->progress == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	t->srv->progress(t->srv->ctx, msg);
}

static int
on_debug(CURL *c, curl_infotype type, char *data, size_t n, void *ud)
{
	struct task *t = ud;

	(void)c;
	if (type != CURLINFO_HEADER_IN || n == 0)
		return 0;
	if (!t->answered) {
		t->answered = 1;
		tell(t, _("Connected to %s:%d, logging in..."), t->srv->host, t->srv->port);
	}
	while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r'))
		n--;
	/* an untagged IMAP data line is not an answer worth telling */
	if (n >= 2 && data[0] == '*' && data[1] == ' ' && t->said[0] != '\0')
		return 0;
	if (n >= sizeof t->said)
		n = sizeof t->said - 1;
	memcpy(t->said, data, n);
	t->said[n] = '\0';
	str_printable(t->said);
	return 0;
}

static size_t
on_write(char *data, size_t size, size_t nmemb, void *ud)
{
	struct task *t = ud;
	size_t n = size * nmemb;

	if (t->sink == NULL)
		return n;
	if (t->sink->len + n > t->sink_max) {
		t->too_big = 1;
		return 0; /* curl stops with CURLE_WRITE_ERROR */
	}
	buf_add(t->sink, data, n);
	return n;
}

static size_t
on_read(char *out, size_t size, size_t nmemb, void *ud)
{
	struct task *t = ud;
	size_t n = size * nmemb;

	if (n > t->up_len - t->up_at)
		n = t->up_len - t->up_at;
	memcpy(out, t->up + t->up_at, n);
	t->up_at += n;
	return n;
}

static int
on_progress(void *ud, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
	struct task *t = ud;
	int64_t now = mono_ms();

	(void)dltotal;
	(void)ultotal;
	if (now - t->told_ms < 250 || (ulnow == 0 && dlnow == 0))
		return 0;
	t->told_ms = now;
	if (t->up != NULL)
		tell(t, _("Sending to %s: %lld of %lld KB..."), t->srv->host,
		     (long long)(ulnow + 1023) / 1024, (long long)(t->up_len + 1023) / 1024);
	else
		tell(t, _("Reading from %s: %lld KB..."), t->srv->host,
		     (long long)(dlnow + 1023) / 1024);
	return 0;
}

/* A host as a URL can carry it: letters, digits, '.', '-', or an IPv6
 * address in brackets. */
static int
host_ok(const char *h)
{
	size_t n = strlen(h);

	if (n == 0 || n > 253)
		return 0;
	if (h[0] == '[')
		return h[n - 1] == ']' && strspn(h + 1, "0123456789abcdefABCDEF:.") == n - 2;
	for (const char *c = h; *c != '\0'; c++)
		if (!isalnum((unsigned char)*c) && *c != '.' && *c != '-')
			return 0;
	return 1;
}

/* A task on server s for protocol proto ("smtp" or "imap"). */
static int
task_start(struct task *t, const struct mail_server *s, const char *proto, char *err)
{
	static int ready;

	memset(t, 0, sizeof *t);
	t->srv = s;
	if (!host_ok(s->host))
		return err_set(err, _("the mail server's name '%s' is not a host name"), s->host);
	if (s->port < 1 || s->port > 65535)
		return err_set(err, _("the mail server's port %d is not 1 to 65535"), s->port);
	if (!ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
			return err_set(err, "%s", _("libcurl could not be started"));
		ready = 1;
	}
	if ((t->curl = curl_easy_init()) == NULL)
		return err_set(err, "%s", _("libcurl could not be started"));
	curl_easy_setopt(t->curl, CURLOPT_PROTOCOLS_STR,
			 strcmp(proto, "smtp") == 0 ? "smtp,smtps" : "imap,imaps");
	curl_easy_setopt(t->curl, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(t->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(t->curl, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT);
	curl_easy_setopt(t->curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(t->curl, CURLOPT_LOW_SPEED_TIME, STALL_SECONDS);
	curl_easy_setopt(t->curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	curl_easy_setopt(t->curl, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(t->curl, CURLOPT_SSL_VERIFYHOST, 2L);
	if (s->ca_file != NULL && s->ca_file[0] != '\0')
		curl_easy_setopt(t->curl, CURLOPT_CAINFO, s->ca_file);
	if (s->user != NULL && s->user[0] != '\0') {
		curl_easy_setopt(t->curl, CURLOPT_USERNAME, s->user);
		curl_easy_setopt(t->curl, CURLOPT_PASSWORD, s->password != NULL ? s->password : "");
	}
	curl_easy_setopt(t->curl, CURLOPT_VERBOSE, 1L); /* for on_debug: nothing is printed */
	curl_easy_setopt(t->curl, CURLOPT_DEBUGFUNCTION, on_debug);
	curl_easy_setopt(t->curl, CURLOPT_DEBUGDATA, t);
	curl_easy_setopt(t->curl, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(t->curl, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(t->curl, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(t->curl, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(t->curl, CURLOPT_XFERINFODATA, t);
	return 0;
}

/* The URL of the server, with path (may be ""). */
static char *
task_url(const struct task *t, const char *proto, const char *path)
{
	return xasprintf("%s%s://%s:%d/%s", proto, t->srv->security == MAIL_TLS ? "s" : "",
			 t->srv->host, t->srv->port, path);
}

/* Runs the transfer as set up: 0, or -1 with what went wrong, named. */
static int
task_perform(struct task *t, char *err)
{
	CURLcode rc;

	t->errbuf[0] = '\0';
	t->too_big = 0;
	if ((rc = curl_easy_perform(t->curl)) == CURLE_OK)
		return 0;
	const char *what = t->errbuf[0] != '\0' ? t->errbuf : curl_easy_strerror(rc);
	if (t->too_big)
		return err_set(err, _("%s:%d: the answer is larger than %zu KiB: not read"),
			       t->srv->host, t->srv->port, t->sink_max >> 10);
	if (!t->answered) /* not reached, or no TLS with it: curl says why */
		return err_set(err, "%s:%d: %s", t->srv->host, t->srv->port, what);
	return err_set(err, _("%s:%d: %s; the server said: %s"), t->srv->host, t->srv->port,
		       what, t->said[0] != '\0' ? t->said : _("(nothing)"));
}

static void
task_end(struct task *t)
{
	if (t->curl != NULL)
		curl_easy_cleanup(t->curl);
	t->curl = NULL;
}

int
mail_smtp_send(const struct mail_server *s, const char *from, const char *to, const char *msg,
	       size_t len, char *err)
{
	struct curl_slist *rcpt = NULL;
	struct task t;
	char *url, *addr;
	int rc;

	if (task_start(&t, s, "smtp", err) < 0)
		return -1;
	url = task_url(&t, "smtp", "");
	curl_easy_setopt(t.curl, CURLOPT_URL, url);
	addr = xasprintf("<%s>", from);
	curl_easy_setopt(t.curl, CURLOPT_MAIL_FROM, addr);
	free(addr);
	addr = xasprintf("<%s>", to);
	rcpt = curl_slist_append(rcpt, addr);
	free(addr);
	curl_easy_setopt(t.curl, CURLOPT_MAIL_RCPT, rcpt);
	t.up = msg;
	t.up_len = len;
	curl_easy_setopt(t.curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(t.curl, CURLOPT_READFUNCTION, on_read);
	curl_easy_setopt(t.curl, CURLOPT_READDATA, &t);
	curl_easy_setopt(t.curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	tell(&t, _("Connecting to %s:%d (%s)..."), s->host, s->port,
	     mail_security_name(s->security));
	rc = task_perform(&t, err);
	if (rc == 0)
		tell(&t, _("Sent: the server said: %s"), t.said);
	curl_slist_free_all(rcpt);
	free(url);
	task_end(&t);
	return rc;
}

/* ---- IMAP ---- */

struct mail_imap {
	struct task t;
	char *url;   /* the mailbox's */
	char *mailbox;
	uint32_t *seen; /* the UIDs read (\Seen) when listed, ascending */
	size_t nseen;
};

/* Runs an IMAP command on the mailbox (the selected one): its untagged
 * answers into out (may be NULL). */
static int
imap_command(struct mail_imap *m, const char *command, struct buf *out, char *err)
{
	m->t.sink = out;
	m->t.sink_max = MAIL_MAX_LISTING;
	curl_easy_setopt(m->t.curl, CURLOPT_URL, m->url);
	curl_easy_setopt(m->t.curl, CURLOPT_CUSTOMREQUEST, command);
	int rc = task_perform(&m->t, err);
	curl_easy_setopt(m->t.curl, CURLOPT_CUSTOMREQUEST, NULL);
	m->t.sink = NULL;
	return rc;
}

/* A mailbox name as an IMAP URL takes it: letters, digits, '.', '-', '_',
 * '/'. */
static int
mailbox_ok(const char *mb)
{
	return mb[0] != '\0' && strlen(mb) < 200 &&
	       strspn(mb, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_/") ==
		       strlen(mb);
}

int
mail_imap_open(const struct mail_server *s, const char *mailbox, struct mail_imap **out,
	       char *err)
{
	struct mail_imap *m = xcalloc(1, sizeof *m);

	*out = NULL;
	if (!mailbox_ok(mailbox)) {
		free(m);
		return err_set(err, _("the mailbox name '%s' is not one this program reads"),
			       mailbox);
	}
	if (task_start(&m->t, s, "imap", err) < 0) {
		free(m);
		return -1;
	}
	m->mailbox = xstrdup(mailbox);
	m->url = task_url(&m->t, "imap", mailbox);
	tell(&m->t, _("Connecting to %s:%d (%s)..."), s->host, s->port,
	     mail_security_name(s->security));
	/* NOOP on the mailbox: curl logs in and selects it first */
	if (imap_command(m, "NOOP", NULL, err) < 0) {
		mail_imap_close(m);
		return -1;
	}
	*out = m;
	return 0;
}

/* The numbers of the "* SEARCH n n n" lines of an answer, in order, into
 * uids (at most max, the last ones). */
static size_t
search_numbers(const char *text, uint32_t *uids, size_t max, size_t *total)
{
	size_t n = 0;

	*total = 0;
	for (const char *line = text; line != NULL && *line != '\0';) {
		const char *eol = strchr(line, '\n');
		if (strncasecmp(line, "* SEARCH", 8) == 0) {
			const char *p = line + 8;
			while (eol == NULL || p < eol) {
				char *end;
				while (*p == ' ')
					p++;
				if (!isdigit((unsigned char)*p))
					break;
				unsigned long v = strtoul(p, &end, 10);
				if (v > 0 && v <= UINT32_MAX) {
					if (n == max) { /* keep the newest */
						memmove(uids, uids + 1, (max - 1) * sizeof *uids);
						n--;
					}
					uids[n++] = (uint32_t)v;
					(*total)++;
				}
				p = end;
			}
		}
		line = eol != NULL ? eol + 1 : NULL;
	}
	return n;
}

static int
cmp_uid(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The UIDs a search finds (at most MAIL_MAX_MESSAGES, the newest),
 * ascending, into *uids (newly allocated). */
static int
imap_search(struct mail_imap *m, const char *command, uint32_t **uids, size_t *n, char *err)
{
	struct buf out = { 0 };
	size_t total;

	*uids = NULL;
	*n = 0;
	if (imap_command(m, command, &out, err) < 0) {
		buf_free(&out);
		return -1;
	}
	buf_add(&out, "", 0);
	*uids = xcalloc(MAIL_MAX_MESSAGES, sizeof **uids);
	*n = search_numbers(out.data, *uids, MAIL_MAX_MESSAGES, &total);
	qsort(*uids, *n, sizeof **uids, cmp_uid);
	buf_free(&out);
	return 0;
}

int
mail_imap_list(struct mail_imap *m, uint32_t **uids, size_t *n, char *err)
{
	free(m->seen);
	if (imap_search(m, "UID SEARCH SEEN", &m->seen, &m->nseen, err) < 0)
		return -1;
	return imap_search(m, "UID SEARCH ALL", uids, n, err);
}

int
mail_imap_fetch(struct mail_imap *m, uint32_t uid, struct buf *out, char *err)
{
	char *url;
	int seen = bsearch(&uid, m->seen, m->nseen, sizeof uid, cmp_uid) != NULL, rc;

	url = xasprintf("%s;UID=%u", m->url, uid);
	m->t.sink = out;
	m->t.sink_max = MIME_MAX_SIZE;
	curl_easy_setopt(m->t.curl, CURLOPT_URL, url);
	rc = task_perform(&m->t, err);
	m->t.sink = NULL;
	free(url);
	if (rc == 0 && !seen) {
		char cmd[64];
		snprintf(cmd, sizeof cmd, "UID STORE %u -FLAGS.SILENT (\\Seen)", uid);
		rc = imap_command(m, cmd, NULL, err);
	}
	return rc;
}

void
mail_imap_close(struct mail_imap *m)
{
	if (m == NULL)
		return;
	task_end(&m->t);
	free(m->url);
	free(m->mailbox);
	free(m->seen);
	free(m);
}
