/* The session channel: one per connection, and what the client asks of it
 * (pty-req, env, window-change, shell); exec and subsystem requests, and a
 * shell without a pty, are answered with a message and a clean close. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/conn.h"
#include "term/charset.h"
#include "util/i18n.h"
#include "util/util.h"

static int
on_data(ssh_session ssh, ssh_channel chan, void *data, uint32_t len, int is_stderr,
	void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	if (is_stderr || c->relay == NULL)
		return (int)len; /* nothing reads it yet: dropped */
	c->last_key = now_ms(); /* someone is at the keys: not idle */
	return (int)relay_input(c->relay, data, len);
}

static void
on_close(ssh_session ssh, ssh_channel chan, void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	c->client_closed = 1;
}

static int
clamp_cells(int n, int fallback, int max)
{
	return n <= 0 ? fallback : n > max ? max : n;
}

/* A TERM name is letters, digits and a few signs: anything else would be
 * a trick on terminfo's paths. */
static int
term_valid(const char *t)
{
	size_t n = strlen(t);

	if (n == 0 || n >= TERM_MAX || t[0] == '.')
		return 0;
	return strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-._") == n;
}

static int
on_pty_request(ssh_session ssh, ssh_channel chan, const char *term, int cols, int rows, int px,
	       int py, void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	(void)px;
	(void)py;
	if (c->pty || c->shell)
		return -1;
	c->pty = 1;
	str_copy(c->term, term_valid(term) ? term : "vt100", sizeof c->term);
	c->cols = clamp_cells(cols, 80, SIZE_MAX_COLS);
	c->rows = clamp_cells(rows, 24, SIZE_MAX_ROWS);
	return 0;
}

static int
on_window_change(ssh_session ssh, ssh_channel chan, int cols, int rows, int px, int py,
		 void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	(void)px;
	(void)py;
	c->cols = clamp_cells(cols, c->cols, SIZE_MAX_COLS);
	c->rows = clamp_cells(rows, c->rows, SIZE_MAX_ROWS);
	if (c->relay != NULL)
		relay_resize(c->relay, c->cols, c->rows);
	return 0;
}

static int
env_name_allowed(const char *name)
{
	if (strcmp(name, "LANG") == 0)
		return 1;
	return str_starts(name, "LC_") && name[3] != '\0' &&
	       strspn(name + 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == strlen(name + 3);
}

int
env_value_allowed(const char *v)
{
	size_t n = strlen(v);

	return n > 0 && n < ENV_VALUE_MAX &&
	       strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-@") == n;
}

static int
on_env(ssh_session ssh, ssh_channel chan, const char *name, const char *value, void *userdata)
{
	struct conn *c = userdata;
	size_t n = strlen(name);

	(void)ssh;
	(void)chan;
	if (c->shell || !env_name_allowed(name) || !env_value_allowed(value))
		return 1;
	for (int i = 0; i < c->nenv; i++) {
		if (strncmp(c->env[i], name, n) == 0 && c->env[i][n] == '=') {
			free(c->env[i]);
			c->env[i] = xasprintf("%s=%s", name, value);
			return 0;
		}
	}
	if (c->nenv >= ENV_MAX)
		return 1;
	c->env[c->nenv++] = xasprintf("%s=%s", name, value);
	return 0;
}

/* A request the session cannot serve is accepted, so that the client
 * reads why on its channel, and then closed. */
static int
refuse(struct conn *c, const char *msgid, const char *why)
{
	if (c->shell || c->refusal != NULL)
		return 1;
	c->refusal = msgid;
	c->refusal_why = why;
	return 0;
}

static int
on_shell(ssh_session ssh, ssh_channel chan, void *userdata)
{
	struct conn *c = userdata;

	(void)ssh;
	(void)chan;
	if (!c->pty)
		return refuse(c, N_("the forms need a terminal: connect with 'ssh -t'."),
			      N_("shell without a terminal refused"));
	if (c->shell || c->refusal != NULL)
		return 1;
	c->shell = 1;
	return 0;
}

static int
on_exec(ssh_session ssh, ssh_channel chan, const char *command, void *userdata)
{
	(void)ssh;
	(void)chan;
	(void)command;
	return refuse(userdata, N_("no commands are run here: connect without one to use the "
				   "forms."), N_("command refused"));
}

static int
on_subsystem(ssh_session ssh, ssh_channel chan, const char *subsystem, void *userdata)
{
	(void)ssh;
	(void)chan;
	(void)subsystem;
	return refuse(userdata, N_("no subsystems (such as sftp) are offered here: connect "
				   "without one to use the forms."), N_("subsystem refused"));
}

ssh_channel
channel_open(ssh_session ssh, void *userdata)
{
	struct conn *c = userdata;

	if (c->state != C_SETUP || c->chan != NULL)
		return NULL;
	c->chan = ssh_channel_new(ssh);
	if (c->chan == NULL)
		return NULL;
	ssh_callbacks_init(&c->ccb);
	c->ccb.userdata = c;
	c->ccb.channel_data_function = on_data;
	c->ccb.channel_close_function = on_close;
	c->ccb.channel_pty_request_function = on_pty_request;
	c->ccb.channel_pty_window_change_function = on_window_change;
	c->ccb.channel_env_request_function = on_env;
	c->ccb.channel_shell_request_function = on_shell;
	c->ccb.channel_exec_request_function = on_exec;
	c->ccb.channel_subsystem_request_function = on_subsystem;
	ssh_set_channel_callbacks(c->chan, &c->ccb);
	return c->chan;
}

/* The language the client asked for (LC_ALL, LC_MESSAGES, then LANG), for
 * the messages written to it; NULL when it named none. */
const char *
client_locale(const struct conn *c)
{
	static const char *const vars[] = { "LC_ALL=", "LC_MESSAGES=", "LANG=" };

	for (size_t v = 0; v < ARRAY_LEN(vars); v++)
		for (int i = 0; i < c->nenv; i++)
			if (str_starts(c->env[i], vars[v]))
				return c->env[i] + strlen(vars[v]);
	return NULL;
}

/* The client's charset, as its locale says (LC_ALL, LC_CTYPE, then LANG);
 * NULL for UTF-8 or a charset we do not convert. */
const char *
client_charset(const struct conn *c)
{
	static const char *const vars[] = { "LC_ALL=", "LC_CTYPE=", "LANG=" };

	for (size_t v = 0; v < ARRAY_LEN(vars); v++)
		for (int i = 0; i < c->nenv; i++)
			if (str_starts(c->env[i], vars[v]))
				return charset_from_locale(c->env[i] + strlen(vars[v]));
	return NULL;
}

/* The UI works in UTF-8 whatever the client's charset, which the relay
 * converts: "it_IT.ISO-8859-15" or "it_IT@euro" become "it_IT.UTF-8". */
void
client_env_to_utf8(struct conn *c)
{
	for (int i = 0; i < c->nenv; i++) {
		char *eq = strchr(c->env[i], '=');
		const char *cs = charset_from_locale(eq + 1);

		if (cs != NULL && strcmp(cs, "UTF-8") != 0) {
			char *fixed = xasprintf("%.*s.UTF-8", (int)(strcspn(c->env[i], ".@")),
						c->env[i]);
			free(c->env[i]);
			c->env[i] = fixed;
		}
	}
}

/* UTF-8 text to the client's error stream, in the client's charset. */
static void
write_client(struct conn *c, const char *text)
{
	const char *cs = client_charset(c);
	struct charset_conv *conv = cs != NULL ? charset_open(cs, NULL) : NULL;
	struct buf out = { 0 };

	if (conv != NULL)
		charset_out(conv, text, strlen(text), &out);
	else
		buf_adds(&out, text);
	ssh_channel_write_stderr(c->chan, out.data, (uint32_t)out.len);
	buf_free(&out);
	charset_close(conv);
}

/* Writes a message for the person at the client, in their language, on
 * the channel's error stream. */
void
tell_client(struct conn *c, const char *msgid)
{
	const char *loc = client_locale(c), *old = getenv("LANGUAGE");
	char *saved = old != NULL ? xstrdup(old) : NULL, *text;
	char lang[16];

	if (loc != NULL) {
		size_t n = strcspn(loc, ".@");
		snprintf(lang, sizeof lang, "%.*s", (int)(n < sizeof lang ? n : sizeof lang - 1),
			 loc);
		setenv("LANGUAGE", strcmp(lang, "C") == 0 || strcmp(lang, "POSIX") == 0 ? "en" : lang,
		       1);
	}
	text = xasprintf("scrivano: %s\r\n", _(msgid));
	if (saved != NULL)
		setenv("LANGUAGE", saved, 1);
	else
		unsetenv("LANGUAGE");
	free(saved);
	write_client(c, text);
	free(text);
}
