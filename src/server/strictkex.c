/* chacha20-poly1305 only with strict key exchange: without it, that cipher
 * is open to the Terrapin prefix-truncation attack (CVE-2023-48795). libssh
 * (0.10.6) negotiates strict key exchange with every client that offers it,
 * but tells nobody except its debug log: the key exchange is watched through
 * that log, and a session that ends up with chacha20 and no strict key
 * exchange is refused. Should libssh ever word its log differently, the
 * refusal errs on the safe side (and the e2e test of a chacha20 login, with
 * an OpenSSH client that offers strict key exchange, fails). */
#include "config.h"

#include <libssh/callbacks.h>
#include <stdio.h>
#include <string.h>

#include "server/server.h"
#include "util/i18n.h"
#include "util/util.h"

#define STRICT_MARK "Client supports strict kex"
#define CHACHA "chacha20-poly1305@openssh.com"

static int strict_seen;

static void
on_libssh_log(int priority, const char *function, const char *buffer, void *userdata)
{
	(void)priority;
	(void)function;
	(void)userdata;
	if (buffer != NULL && strstr(buffer, STRICT_MARK) != NULL)
		strict_seen = 1;
}

void
strictkex_watch(void)
{
	strict_seen = 0;
	ssh_set_log_callback(on_libssh_log);
	ssh_set_log_level(SSH_LOG_PACKET);
}

int
strictkex_allowed(const char *cipher_in, const char *cipher_out, int strict)
{
	int chacha = (cipher_in != NULL && strcmp(cipher_in, CHACHA) == 0) ||
		     (cipher_out != NULL && strcmp(cipher_out, CHACHA) == 0);

	return !chacha || strict;
}

int
strictkex_check(ssh_session ssh, char *err)
{
	ssh_set_log_level(SSH_LOG_NOLOG);
	if (strictkex_allowed(ssh_get_cipher_in(ssh), ssh_get_cipher_out(ssh), strict_seen))
		return 0;
	return err_set(err, _("chacha20-poly1305 without strict key exchange (the client should "
			      "be updated, or use AES)"));
}
