/* A connection's random bytes straight from the kernel (getrandom), as
 * sshd's arc4random has them: libssh draws every packet's padding through
 * OpenSSL's RAND_bytes, whose DRBG on OpenSSL 3 costs some 15 µs a call
 * (the method looked up under a lock, the fork checked, AES set up again),
 * a seventh of what a keystroke costs the connection's process. */
#include "config.h"

/* RAND_set_rand_method is deprecated in OpenSSL 3 but kept, and the one way
 * to choose what RAND_bytes does for the whole process (libssh included). */
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <errno.h>
#include <openssl/rand.h>
#include <sys/random.h>

#include "server/server.h"

/* 1 with num bytes from the kernel's CSPRNG, 0 if it failed (it does not
 * once the kernel is seeded; getrandom waits until it is). */
static int
kernel_bytes(unsigned char *buf, int num)
{
	size_t done = 0, want = num > 0 ? (size_t)num : 0;

	while (done < want) {
		ssize_t n = getrandom(buf + done, want - done, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		done += (size_t)n;
	}
	return 1;
}

/* The kernel seeds itself: what OpenSSL would add to a pool is not needed. */
static int
kernel_seed(const void *buf, int num)
{
	(void)buf;
	(void)num;
	return 1;
}

static int
kernel_add(const void *buf, int num, double entropy)
{
	(void)buf;
	(void)num;
	(void)entropy;
	return 1;
}

static int
kernel_status(void)
{
	return 1;
}

static const RAND_METHOD kernel_rand = {
	.seed = kernel_seed,
	.bytes = kernel_bytes,
	.add = kernel_add,
	.pseudorand = kernel_bytes,
	.status = kernel_status,
};

int
random_from_kernel(void)
{
	unsigned char probe[16];

	if (RAND_set_rand_method(&kernel_rand) != 1)
		return -1;
	/* the method answers, or OpenSSL's own stays */
	if (RAND_bytes(probe, sizeof probe) != 1) {
		RAND_set_rand_method(NULL);
		return -1;
	}
	return 0;
}
