#!/bin/sh
# The libFuzzer target of the FatturaPA reader, seeded with the official
# samples when $SCRIVANO_FATTURAPA is set: bench/fuzz-parsers.sh builds and
# runs it (and says SKIP, status 77, without clang or libFuzzer).
# Usage: bench/fuzz-fatturapa.sh [RUNS] (default 100000)
exec sh "$(dirname "$0")/fuzz-parsers.sh" fatturapa_read "$@"
