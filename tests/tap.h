/* A tiny TAP producer for the C unit tests: each check prints "ok N - what"
 * or "not ok N - what"; tests/run counts them. */
#ifndef SCRIVANO_TAP_H
#define SCRIVANO_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

#define ok(cond, ...)                                                          \
	do {                                                                   \
		int ok_ = (cond) ? 1 : 0;                                       \
		printf("%sok %d - ", ok_ ? "" : "not ", ++tap_n);              \
		printf(__VA_ARGS__);                                           \
		printf("\n");                                                  \
		if (!ok_) {                                                    \
			tap_failed++;                                          \
			printf("#   at %s:%d: %s\n", __FILE__, __LINE__, #cond);   \
		}                                                              \
	} while (0)

#define is_str(got, want, ...)                                                 \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		ok(g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0, __VA_ARGS__); \
		if (!(g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0))        \
			printf("#   got '%s', want '%s'\n", g_ ? g_ : "(null)",    \
			       w_ ? w_ : "(null)");                            \
	} while (0)

#define is_int(got, want, ...)                                                 \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		ok(g_ == w_, __VA_ARGS__);                                     \
		if (g_ != w_)                                                  \
			printf("#   got %lld, want %lld\n", g_, w_);           \
	} while (0)

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
