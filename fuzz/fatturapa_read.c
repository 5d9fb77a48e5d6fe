/* libFuzzer target for the FatturaPA reader: any bytes go through the .p7m
 * unwrapping, the XML reader, the checker and the text rendering; none may
 * crash, leak or read out of bounds. Built by bench/fuzz-fatturapa.sh. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "fisc/fatturapa.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	struct fpa_source src;
	struct fpa_report r = { 0 };
	struct fpa_invoice *inv;
	char err[ERR_SIZE];

	if (sink == NULL)
		sink = fopen("/dev/null", "w");
	if (fpa_source_from_memory(data, size, &src, err) < 0)
		return 0;
	if (fpa_read_memory(src.xml, src.len, "fuzz", &inv, &r, err) == 0) {
		fpa_check(inv, &r);
		if (sink)
			fpa_show(inv, 80, sink);
		fpa_invoice_free(inv);
	}
	fpa_report_free(&r);
	fpa_source_free(&src);
	return 0;
}
