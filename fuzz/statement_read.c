/* libFuzzer target for the bank-statement readers: any bytes are read as
 * a camt.053 file and as a CSV file, and every movement read is looked
 * at; no crash, leak or read out of bounds. Built by bench/fuzz-parsers.sh. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "bank/statement.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum stmt_format formats[] = { STMT_CAMT053, STMT_CSV, STMT_AUTO };
	volatile size_t sum = 0;

	for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
		struct stmt_opts o = { .format = formats[f] };
		struct statement st;
		char err[ERR_SIZE];

		if (statement_read_memory((const char *)data, size, "fuzz", &o, &st, err) < 0) {
			sum += strlen(err);
			continue;
		}
		for (size_t i = 0; i < st.n; i++)
			sum += strlen(st.mv[i].text) + strlen(st.mv[i].party) + strlen(st.mv[i].ref) +
			       strlen(st.mv[i].booking) + strlen(st.mv[i].value);
		statement_free(&st);
	}
	return 0;
}
