/* Started as root, the server keeps root only in the listener (the socket,
 * the host key, signalling its sessions); each connection's process
 * becomes the service user before it reads a byte from the client, and the
 * data folder is checked as that user before the first connection. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server/server.h"
#include "util/i18n.h"
#include "util/util.h"

int
priv_service_user(struct server *srv, const char *name, char *err)
{
	struct passwd *pw;

	srv->drop = 0;
	if (geteuid() != 0)
		return 0; /* nothing to drop: we already are who serves */
	errno = 0;
	if (name == NULL || *name == '\0' || (pw = getpwnam(name)) == NULL)
		return err_set(err, _("started as root, but there is no user '%s' to serve as: "
				      "create it (adduser --system --group %s) or name another "
				      "with --service-user"), name ? name : "", name ? name : "");
	if (pw->pw_uid == 0)
		return err_set(err, _("the service user '%s' is root: sessions must run as an "
				      "unprivileged user"), name);
	srv->drop = 1;
	srv->service_uid = pw->pw_uid;
	srv->service_gid = pw->pw_gid;
	return 0;
}

int
priv_drop(const struct server *srv, char *err)
{
	gid_t gid = srv->service_gid;

	if (!srv->drop)
		return 0;
	if (setgroups(1, &gid) < 0 || setresgid(gid, gid, gid) < 0 ||
	    setresuid(srv->service_uid, srv->service_uid, srv->service_uid) < 0)
		return err_set(err, _("cannot become the service user: %s"), strerror(errno));
	/* Gone for good: root must not be reachable again. */
	if (setuid(0) == 0 || geteuid() != srv->service_uid || getegid() != gid)
		return err_set(err, _("the service user's privileges are not what they should be"));
	return 0;
}

/* In the child: drops, runs fn, writes its message to fd; its exit status
 * says whether fn succeeded. */
static void __attribute__((noreturn))
run_child(const struct server *srv, int (*fn)(const struct server *, char *), int fd)
{
	char msg[ERR_SIZE] = "";
	int rc = priv_drop(srv, msg);

	if (rc == 0)
		rc = fn(srv, msg);
	if (rc < 0 && write(fd, msg, strlen(msg)) < 0) {
		/* the parent sees the status anyway */
	}
	_exit(rc < 0 ? 1 : 0);
}

int
priv_run_as_service(const struct server *srv, int (*fn)(const struct server *, char *),
		    char *err)
{
	int p[2], st;
	ssize_t n;
	pid_t pid;

	if (!srv->drop)
		return fn(srv, err);
	if (pipe(p) < 0 || (pid = fork()) < 0)
		return err_set(err, _("cannot check the data folder: %s"), strerror(errno));
	if (pid == 0) {
		close(p[0]);
		run_child(srv, fn, p[1]);
	}
	close(p[1]);
	n = read(p[0], err, ERR_SIZE - 1);
	err[n > 0 ? n : 0] = '\0';
	close(p[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (err[0] == '\0')
		err_set(err, _("cannot check the data folder as the service user"));
	return -1;
}
