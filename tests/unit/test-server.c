/* The SSH server's pieces that need no client: the listen address, the
 * host key made once and read back, log lines that clients cannot forge,
 * the rule that keeps chacha20 to strict key exchanges, max-startups'
 * random early drop, and OpenSSL's random bytes taken from the kernel. */
#include "config.h"

/* RAND_get_rand_method, RAND_OpenSSL: deprecated in OpenSSL 3, kept */
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/server.h"
#include "tap.h"
#include "util/util.h"

static void
test_bad_addresses(void)
{
	static const struct {
		const char *spec, *says;
	} bad[] = {
		{ "nonsense", "address and the port" },
		{ "127.0.0.1", "address and the port" },
		{ ":2222", "address is missing" },
		{ "127.0.0.1:", "port must be" },
		{ "127.0.0.1:65536", "port must be" },
		{ "127.0.0.1:22x", "port must be" },
		{ "::1:2222", "IPv6" },
		{ "[::1:2222", "IPv6" },
		{ "no-such-host.invalid:2222", "bad address" },
		{ "192.0.2.1:2222", "not an address of this machine" },
	};
	char err[ERR_SIZE], shown[SERVER_ADDR_MAX + 8];
	int fd;

	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		err[0] = '\0';
		int rc = listener_open(bad[i].spec, &fd, shown, sizeof shown, err);
		ok(rc < 0 && strstr(err, bad[i].says) != NULL, "'%s' is refused: %s", bad[i].spec,
		   err);
		if (rc == 0)
			close(fd);
	}
}

static void
test_listen(void)
{
	char err[ERR_SIZE], shown[SERVER_ADDR_MAX + 8], again[SERVER_ADDR_MAX + 8];
	int fd, fd2;

	ok(listener_open("127.0.0.1:0", &fd, shown, sizeof shown, err) == 0,
	   "127.0.0.1:0 opens");
	ok(str_starts(shown, "127.0.0.1:") && strcmp(shown, "127.0.0.1:0") != 0,
	   "and shows the port it got: %s", shown);
	err[0] = '\0';
	ok(listener_open(shown, &fd2, again, sizeof again, err) < 0 &&
	   strstr(err, "is busy") != NULL, "the same address again is busy: %s", err);
	close(fd);
	if (listener_open("[::1]:0", &fd, shown, sizeof shown, err) == 0) {
		ok(str_starts(shown, "[::1]:"), "IPv6 is shown in brackets: %s", shown);
		close(fd);
	} else {
		printf("ok %d - IPv6 is shown in brackets # SKIP no IPv6 here: %s\n", ++tap_n, err);
	}
}

static void
test_hostkey(void)
{
	char dir[] = "/tmp/scrivano-test-server.XXXXXX", err[ERR_SIZE];
	char *fp1 = NULL, *fp2 = NULL, *path, *pub;
	ssh_key key;
	struct stat st;
	FILE *f;

	if (mkdtemp(dir) == NULL) {
		ok(0, "mkdtemp");
		return;
	}
	path = xasprintf("%s/hostkeys/ssh_host_ed25519_key", dir);
	pub = xasprintf("%s.pub", path);
	err[0] = '\0';
	ok(hostkey_load(dir, &key, &fp1, err) == 0, "a first load makes the key: %s", err);
	ssh_key_free(key);
	ok(fp1 != NULL && str_starts(fp1, "SHA256:") && strlen(fp1) == 7 + 43,
	   "its fingerprint is SHA256: and 43 base64 digits: %s", fp1 ? fp1 : "");
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "the private key has mode 0600");
	ok(stat(pub, &st) == 0, "the public key is beside it");
	ok(hostkey_load(dir, &key, &fp2, err) == 0, "a second load reads it: %s", err);
	ssh_key_free(key);
	is_str(fp2, fp1, "the same key, the same fingerprint");
	free(fp2);
	chmod(path, 0644);
	err[0] = '\0';
	ok(hostkey_load(dir, &key, &fp2, err) < 0 && strstr(err, "read by others") != NULL,
	   "a key others may read is refused: %s", err);
	if ((f = fopen(path, "w")) != NULL) {
		fputs("not a key\n", f);
		fclose(f);
	}
	chmod(path, 0600);
	err[0] = '\0';
	ok(hostkey_load(dir, &key, &fp2, err) < 0 && strstr(err, "not a private key") != NULL,
	   "a file that is no key is refused: %s", err);
	unlink(path);
	unlink(pub);
	free(path);
	free(pub);
	path = xasprintf("%s/hostkeys", dir);
	rmdir(path);
	free(path);
	rmdir(dir);
	free(fp1);
	free(fp2);
}

static void
test_log_clean(void)
{
	char out[16];

	is_str(slog_clean(out, sizeof out, "anna"), "anna", "a plain name stays");
	is_str(slog_clean(out, sizeof out, "a\nlogin root"), "a?login root",
	       "a newline cannot start a forged line");
	is_str(slog_clean(out, sizeof out, "\x1b[2J\xc3\xa0"), "?[2J??",
	       "escapes and non-ASCII bytes become ?");
	is_str(slog_clean(out, sizeof out, "abcdefghijklmnopqrstuvwxyz"), "abcdefghijklmno",
	       "a long name is cut");
	is_str(slog_clean(out, sizeof out, NULL), "", "no name is empty");
}

static void
test_strictkex(void)
{
	static const char *const chacha = "chacha20-poly1305@openssh.com";

	ok(strictkex_allowed(chacha, chacha, 1), "chacha20 with strict key exchange: allowed");
	ok(!strictkex_allowed(chacha, chacha, 0), "chacha20 without it: refused");
	ok(!strictkex_allowed("aes256-gcm@openssh.com", chacha, 0),
	   "chacha20 one way only, without it: refused");
	ok(strictkex_allowed("aes256-gcm@openssh.com", "aes128-ctr", 0),
	   "AES without strict key exchange: allowed");
	ok(strictkex_allowed(NULL, NULL, 0), "no cipher known: nothing to refuse");
}

/* The drop decision over every draw (0..99) drops exactly the percentage's
 * draws; the percentages are sshd's MaxStartups line, worked out by hand. */
static int
drops_over_draws(const struct server *srv, size_t out)
{
	int n = 0;

	for (unsigned draw = 0; draw < 100; draw++)
		n += startups_drop(srv, out, draw);
	return n;
}

static void
test_early_drop(void)
{
	static const struct {
		size_t out;
		int want; /* of 100 new connections, dropped */
	} line[] = {
		{ 0, 0 },    { 9, 0 },     { 10, 30 },  { 11, 30 }, /* 30 + 70 * 1 / 90 = 30.8 */
		{ 19, 37 },  { 55, 65 },   { 64, 72 },  { 99, 99 },
		{ 100, 100 }, { 500, 100 },
	};
	struct server srv = { .startups_start = 10, .startups_rate = 30, .startups_full = 100 };
	int last = 0, monotonic = 1, hits = 0;
	const int draws = 100000;

	for (size_t i = 0; i < ARRAY_LEN(line); i++)
		is_int(drops_over_draws(&srv, line[i].out), line[i].want,
		       "max-startups 10:30:100 with %zu logging in: %d of 100 draws dropped",
		       line[i].out, line[i].want);
	for (size_t out = 0; out <= 110; out++) {
		int n = drops_over_draws(&srv, out);
		if (n < last)
			monotonic = 0;
		last = n;
		if (n != startups_drop_percent(&srv, out))
			monotonic = 0;
	}
	ok(monotonic, "from 0 to 110 logging in the drops never fall, and match the percentage");
	/* The draws random() makes, seeded: 65 % of them dropped, give or take
	 * what 100,000 draws allow (the standard deviation is 0.15 %). */
	srandom(20261206);
	for (int i = 0; i < draws; i++)
		hits += startups_drop(&srv, 55, (unsigned)random());
	ok(hits > draws * 64 / 100 && hits < draws * 66 / 100,
	   "with 55 logging in, %d of %d seeded draws dropped (65 %% expected)", hits, draws);
	srv.startups_start = srv.startups_full = 8; /* max-startups 8: 8:100:8 */
	srv.startups_rate = 100;
	ok(drops_over_draws(&srv, 7) == 0 && drops_over_draws(&srv, 8) == 100,
	   "max-startups 8 alone: none dropped with 7 logging in, all with 8");
	srv.startups_full = 9; /* 8:1:9, the lowest rate */
	srv.startups_rate = 1;
	ok(drops_over_draws(&srv, 8) == 1 && drops_over_draws(&srv, 9) == 100,
	   "max-startups 8:1:9: 1 %% dropped at 8, all at 9");
}

/* After random_from_kernel, RAND_bytes (libssh's padding, its keys) is
 * no longer OpenSSL's DRBG, and what it gives is not a constant: 64 draws
 * of 32 bytes, all different, and every byte value among 2,048 bytes but
 * a few (a constant or a short cycle would fail both). */
static void
test_random(void)
{
	unsigned char draws[64][32];
	int seen[256] = { 0 }, values = 0, differ = 1, answered = 1;

	is_int(random_from_kernel(), 0, "OpenSSL's random bytes come from the kernel");
	ok(RAND_get_rand_method() != RAND_OpenSSL(), "RAND_bytes no longer goes to its DRBG");
	for (int i = 0; i < 64; i++) {
		if (RAND_bytes(draws[i], sizeof draws[i]) != 1)
			answered = 0;
		for (int j = 0; j < i; j++)
			if (memcmp(draws[i], draws[j], sizeof draws[i]) == 0)
				differ = 0;
		for (size_t b = 0; b < sizeof draws[i]; b++)
			values += seen[draws[i][b]]++ == 0;
	}
	ok(answered, "RAND_bytes answers");
	ok(differ, "64 draws of 32 bytes, all different");
	ok(values > 240, "%d of the 256 byte values among 2,048 bytes", values);
}

int
main(void)
{
	test_bad_addresses();
	test_listen();
	test_hostkey();
	test_log_clean();
	test_strictkex();
	test_early_drop();
	test_random();
	return tap_done();
}
