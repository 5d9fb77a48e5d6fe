/* The listener: opens the address, accepts each TCP connection and forks a
 * process for it before any SSH is spoken; reaps them, keeps the limits
 * (sessions at once, addresses that failed too often) and stops cleanly
 * on SIGTERM. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server/server.h"
#include "util/i18n.h"
#include "util/util.h"

#define STOP_WAIT_MS 10000 /* sessions get this long to end on SIGTERM */
#define PENALTY_TABLE_MAX 4096

struct child {
	pid_t pid;
	char addr[SERVER_ADDR_MAX];
	int port;
	int logged_in; /* reported a successful login */
};

/* What the listener remembers of an address that failed to log in. */
struct penalty {
	char addr[SERVER_ADDR_MAX];
	int failures;
	int64_t until; /* refused until then (now_ms clock) */
	int64_t seen;
};

struct listener {
	struct server *srv;
	int fd; /* -1 once stopping */
	int report_rd;
	struct child *kids;
	size_t nkids, capkids;
	struct penalty *pen;
	size_t npen, cappen;
	int64_t stop_deadline; /* 0 while running */
	int reload;
};

static int sig_pipe[2] = { -1, -1 };

static void
on_signal(int sig)
{
	unsigned char c = (unsigned char)sig;
	int saved = errno;

	if (write(sig_pipe[1], &c, 1) < 0) {
		/* full: the loop wakes up anyway */
	}
	errno = saved;
}

/* Splits ADDR:PORT or [ADDR]:PORT into its two halves, in place. */
static int
split_spec(char *s, char **host, char **port, char *err)
{
	char *colon;

	if (s[0] == '[') {
		char *end = strchr(s, ']');
		if (end == NULL || end[1] != ':')
			return err_set(err, _("write an IPv6 address as [ADDR]:PORT"));
		*end = '\0';
		*host = s + 1;
		*port = end + 2;
	} else {
		if ((colon = strrchr(s, ':')) == NULL)
			return err_set(err, _("give the address and the port, as in %s"),
				       SERVER_DEFAULT_LISTEN);
		*colon = '\0';
		if (strchr(s, ':') != NULL)
			return err_set(err, _("write an IPv6 address as [ADDR]:PORT"));
		*host = s;
		*port = colon + 1;
	}
	if (**host == '\0')
		return err_set(err, _("the address is missing before the port"));
	if (**port == '\0' || strlen(*port) > 5 || strspn(*port, "0123456789") != strlen(*port) ||
	    atoi(*port) > 65535)
		return err_set(err, _("the port must be a number from 0 to 65535"));
	return 0;
}

/* "ADDR:PORT" (IPv6 in brackets) of a socket address. */
static void
format_addr(const struct sockaddr *sa, socklen_t len, char *out, size_t size, char *host,
	    int *port)
{
	char h[NI_MAXHOST] = "?", p[NI_MAXSERV] = "0";

	getnameinfo(sa, len, h, sizeof h, p, sizeof p, NI_NUMERICHOST | NI_NUMERICSERV);
	if (out != NULL)
		snprintf(out, size, sa->sa_family == AF_INET6 ? "[%s]:%s" : "%s:%s", h, p);
	if (host != NULL)
		str_copy(host, h, SERVER_ADDR_MAX);
	if (port != NULL)
		*port = atoi(p);
}

static int
bind_error(const char *spec, int e, char *err)
{
	if (e == EADDRINUSE)
		return err_set(err, _("%s is busy: another program is listening there"), spec);
	if (e == EADDRNOTAVAIL)
		return err_set(err, _("%s is not an address of this machine"), spec);
	if (e == EACCES)
		return err_set(err, _("no permission to listen on %s (ports below 1024 need "
				      "privileges)"), spec);
	return err_set(err, _("cannot listen on %s: %s"), spec, strerror(e));
}

int
listener_open(const char *spec, int *out, char *shown, size_t size, char *err)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV };
	struct addrinfo *ai = NULL;
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char *copy = xstrdup(spec), *host = NULL, *port = NULL;
	int fd = -1, one = 1, rc;

	if (split_spec(copy, &host, &port, err) < 0) {
		free(copy);
		return -1;
	}
	if ((rc = getaddrinfo(host, port, &hints, &ai)) != 0) {
		err_set(err, _("bad address %s: %s"), spec, gai_strerror(rc));
		free(copy);
		return -1;
	}
	free(copy);
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		freeaddrinfo(ai);
		return err_set(err, _("cannot listen on %s: %s"), spec, strerror(errno));
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (ai->ai_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, 128) < 0) {
		int e = errno;
		freeaddrinfo(ai);
		close(fd);
		return bind_error(spec, e, err);
	}
	freeaddrinfo(ai);
	if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
		format_addr((struct sockaddr *)&ss, len, shown, size, NULL, NULL);
	else
		str_copy(shown, spec, size);
	*out = fd;
	return 0;
}

static struct penalty *
penalty_find(struct listener *l, const char *addr, int create)
{
	size_t oldest = 0;

	for (size_t i = 0; i < l->npen; i++) {
		if (strcmp(l->pen[i].addr, addr) == 0)
			return &l->pen[i];
		if (l->pen[i].seen < l->pen[oldest].seen)
			oldest = i;
	}
	if (!create)
		return NULL;
	if (l->npen == PENALTY_TABLE_MAX) { /* forget the one heard of longest ago */
		memset(&l->pen[oldest], 0, sizeof l->pen[oldest]);
		str_copy(l->pen[oldest].addr, addr, sizeof l->pen[oldest].addr);
		return &l->pen[oldest];
	}
	if (l->npen == l->cappen)
		l->pen = xreallocarray(l->pen, l->cappen = l->cappen ? l->cappen * 2 : 16,
				       sizeof *l->pen);
	memset(&l->pen[l->npen], 0, sizeof l->pen[l->npen]);
	str_copy(l->pen[l->npen].addr, addr, sizeof l->pen[l->npen].addr);
	return &l->pen[l->npen++];
}

static void
penalty_note(struct listener *l, const struct report *rep)
{
	char addr[SERVER_ADDR_MAX];
	struct penalty *p;

	if (l->srv->penalty_failures <= 0 || l->srv->penalty_seconds <= 0)
		return;
	str_copy(addr, rep->addr, sizeof addr); /* the report may lack its NUL */
	if (rep->kind == REPORT_SUCCESS) {
		if ((p = penalty_find(l, addr, 0)) != NULL)
			p->failures = 0;
		return;
	}
	if (rep->kind != REPORT_FAILURE)
		return;
	p = penalty_find(l, addr, 1);
	p->seen = now_ms();
	if (++p->failures >= l->srv->penalty_failures) {
		p->failures = 0;
		p->until = p->seen + (int64_t)l->srv->penalty_seconds * 1000;
		slog(_("%s refused for %d s after %d failed logins"), addr,
		     l->srv->penalty_seconds, l->srv->penalty_failures);
	}
}

static int
penalized(struct listener *l, const char *addr)
{
	struct penalty *p = penalty_find(l, addr, 0);

	return p != NULL && p->until > now_ms();
}

static void
mark_logged_in(struct listener *l, pid_t pid)
{
	for (size_t i = 0; i < l->nkids; i++)
		if (l->kids[i].pid == pid)
			l->kids[i].logged_in = 1;
}

static void
read_reports(struct listener *l)
{
	struct report rep;

	while (read(l->report_rd, &rep, sizeof rep) == (ssize_t)sizeof rep) {
		if (rep.kind == REPORT_SUCCESS)
			mark_logged_in(l, rep.pid);
		penalty_note(l, &rep);
	}
}

/* Connections at once: logged in, and not yet (in all, and from addr). */
static void
count_kids(const struct listener *l, const char *addr, size_t *in, size_t *out,
	   size_t *out_addr)
{
	*in = *out = *out_addr = 0;
	for (size_t i = 0; i < l->nkids; i++) {
		if (l->kids[i].logged_in) {
			(*in)++;
			continue;
		}
		(*out)++;
		if (strcmp(l->kids[i].addr, addr) == 0)
			(*out_addr)++;
	}
}

/* sshd's random early drop: with out connections logging in, from start
 * on, rate % of new ones are dropped, and more as out nears full. Silent
 * connections that keep coming back cannot keep every slot: a real login
 * gets a fair chance, and the banner grace frees slots fast. */
int
startups_drop_percent(const struct server *srv, size_t out)
{
	long span = srv->startups_full - srv->startups_start;
	long p = srv->startups_rate;

	if (out < (size_t)srv->startups_start)
		return 0;
	if (out >= (size_t)srv->startups_full)
		return 100;
	if (span > 0)
		p += (100 - p) * ((long)out - srv->startups_start) / span;
	return (int)p;
}

int
startups_drop(const struct server *srv, size_t out, unsigned draw)
{
	return draw % 100 < (unsigned)startups_drop_percent(srv, out);
}

static int
early_drop(const struct server *srv, size_t out)
{
	return startups_drop(srv, out, (unsigned)random());
}

/* Why a new connection from addr must be refused, or NULL. Connections that
 * have not logged in have limits of their own, in all and per address, so
 * that idle sockets held until the grace time cannot lock everyone out. */
static const char *
over_limit(const struct listener *l, const char *addr)
{
	const struct server *srv = l->srv;
	size_t in, out, out_addr;

	count_kids(l, addr, &in, &out, &out_addr);
	if (srv->max_sessions > 0 && in >= (size_t)srv->max_sessions)
		return N_("the most sessions allowed are open");
	if (out >= (size_t)srv->startups_full)
		return N_("too many connections are logging in");
	if (out >= (size_t)srv->startups_start && early_drop(srv, out))
		return N_("too many connections are logging in (dropped at random)");
	if (srv->max_startups_addr > 0 && out_addr >= (size_t)srv->max_startups_addr)
		return N_("too many connections from this address are logging in");
	return NULL;
}

static void
child_add(struct listener *l, pid_t pid, const char *addr, int port)
{
	if (l->nkids == l->capkids)
		l->kids = xreallocarray(l->kids, l->capkids = l->capkids ? l->capkids * 2 : 16,
					sizeof *l->kids);
	l->kids[l->nkids].pid = pid;
	str_copy(l->kids[l->nkids].addr, addr, sizeof l->kids[l->nkids].addr);
	l->kids[l->nkids].port = port;
	l->kids[l->nkids].logged_in = 0;
	l->nkids++;
}

static void
reap(struct listener *l)
{
	pid_t pid;
	int st;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		for (size_t i = 0; i < l->nkids; i++) {
			if (l->kids[i].pid != pid)
				continue;
			if (WIFSIGNALED(st) && !(l->stop_deadline != 0 && WTERMSIG(st) == SIGTERM))
				slog(_("the process of the connection from %s port %d ended by "
				       "signal %d"), l->kids[i].addr, l->kids[i].port, WTERMSIG(st));
			l->kids[i] = l->kids[--l->nkids];
			break;
		}
	}
}

/* In the new process: nothing of the listener's stays, and the connection
 * is served to its end. */
static void __attribute__((noreturn))
serve_child(struct listener *l, int fd, const char *addr, int port)
{
	static const int sigs[] = { SIGCHLD, SIGTERM, SIGINT, SIGHUP };
	char err[ERR_SIZE];

	for (size_t i = 0; i < ARRAY_LEN(sigs); i++)
		signal(sigs[i], SIG_DFL);
	/* Out of the terminal's process group: a Ctrl-C meant for the server
	 * reaches the listener only, which then ends the sessions cleanly. */
	setpgid(0, 0);
	close(l->fd);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	close(l->report_rd);
	/* Root stays with the listener: not a byte from the client is read
	 * before this process is the service user. */
	if (priv_drop(l->srv, err) < 0) {
		slog(_("connection from %s port %d dropped: %s"), addr, port, err);
		close(fd);
		_exit(1);
	}
	/* Each packet's padding costs a getrandom, not a pass through OpenSSL 3's
	 * DRBG: a seventh of a keystroke's cost here (random.c). */
	random_from_kernel();
	int status = session_run(l->srv, fd, addr, port);
	leak_check();
	_exit(status);
}

static void
accept_one(struct listener *l, int fd, const struct sockaddr_storage *ss, socklen_t len)
{
	char addr[SERVER_ADDR_MAX];
	int port, one = 1;
	const char *why;
	pid_t pid;

	format_addr((const struct sockaddr *)ss, len, NULL, 0, addr, &port);
	if (penalized(l, addr)) {
		slog(_("connection from %s port %d refused: too many failed logins lately"),
		     addr, port);
		close(fd);
		return;
	}
	if ((why = over_limit(l, addr)) != NULL) {
		slog(_("connection from %s port %d refused: %s"), addr, port, _(why));
		close(fd);
		return;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	if ((pid = fork()) < 0) {
		slog(_("connection from %s port %d dropped: cannot fork: %s"), addr, port,
		     strerror(errno));
		close(fd);
		return;
	}
	if (pid == 0)
		serve_child(l, fd, addr, port);
	close(fd);
	child_add(l, pid, addr, port);
}

static void
accept_all(struct listener *l)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int fd;

	while (l->fd >= 0 && (fd = accept4(l->fd, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC)) >= 0) {
		accept_one(l, fd, &ss, len);
		len = sizeof ss;
	}
}

static void
begin_stop(struct listener *l)
{
	if (l->stop_deadline != 0) { /* asked twice: no more waiting */
		for (size_t i = 0; i < l->nkids; i++)
			kill(l->kids[i].pid, SIGKILL);
		return;
	}
	slog(_("stopping: no new connections; closing %zu sessions"), l->nkids);
	close(l->fd);
	l->fd = -1;
	l->stop_deadline = now_ms() + STOP_WAIT_MS;
	for (size_t i = 0; i < l->nkids; i++)
		kill(l->kids[i].pid, SIGTERM);
}

/* SIGHUP: the options and the host key are read again (for new
 * connections) and every address's penalty is forgotten. */
static void
reload(struct listener *l)
{
	char err[ERR_SIZE];
	struct hostkeys hk;

	serve_reload(l->srv);
	if (hostkeys_load(l->srv->datadir, &hk, err) < 0) {
		slog(_("reload: %s; keeping the host keys in use"), err);
	} else if (hostkeys_use(l->srv->bind, &hk, err) < 0) {
		slog(_("reload: %s"), err);
	} else {
		for (size_t i = 0; i < HOSTKEY_KINDS; i++)
			slog(_("reload: host key %s (%s)"), hk.fingerprint[i], hk.shown[i]);
	}
	hostkeys_free(&hk);
	l->npen = 0;
	slog(_("reload: penalties forgotten; %zu sessions open"), l->nkids);
}

static void
handle_signals(struct listener *l)
{
	unsigned char sigs[64];
	ssize_t n;

	while ((n = read(sig_pipe[0], sigs, sizeof sigs)) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			if (sigs[i] == SIGCHLD)
				reap(l);
			else if (sigs[i] == SIGHUP)
				reload(l);
			else
				begin_stop(l);
		}
	}
}

static int
setup(struct listener *l)
{
	static const int sigs[] = { SIGCHLD, SIGTERM, SIGINT, SIGHUP };
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESTART };
	int rep[2];

	if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) < 0 || pipe2(rep, O_CLOEXEC) < 0)
		return -1;
	fcntl(rep[0], F_SETFL, O_NONBLOCK);
	l->report_rd = rep[0];
	l->srv->report_fd = rep[1];
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_LEN(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

int
listener_run(struct server *srv, int fd)
{
	struct listener l = { .srv = srv, .fd = fd };

	srandom((unsigned)(getpid() ^ now_ms()));
	if (setup(&l) < 0) {
		slog(_("cannot set up the listener: %s"), strerror(errno));
		return 1;
	}
	while (l.stop_deadline == 0 || l.nkids > 0) {
		struct pollfd p[3] = {
			{ .fd = sig_pipe[0], .events = POLLIN },
			{ .fd = l.report_rd, .events = POLLIN },
			{ .fd = l.fd, .events = POLLIN },
		};
		int timeout = l.stop_deadline != 0 ? 100 : -1;

		if (poll(p, l.fd >= 0 ? 3 : 2, timeout) < 0 && errno != EINTR)
			break;
		handle_signals(&l);
		read_reports(&l);
		accept_all(&l);
		reap(&l);
		if (l.stop_deadline != 0 && now_ms() > l.stop_deadline && l.nkids > 0) {
			slog(_("%zu sessions did not end in time: killed"), l.nkids);
			for (size_t i = 0; i < l.nkids; i++)
				kill(l.kids[i].pid, SIGKILL);
			l.stop_deadline = now_ms() + STOP_WAIT_MS;
		}
	}
	slog(_("stopped"));
	close(l.report_rd);
	close(srv->report_fd);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	free(l.kids);
	free(l.pen);
	return 0;
}
