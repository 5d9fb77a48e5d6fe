/* `scrivano serve` — placeholder until this part lands. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "util/i18n.h"

int
cmd_serve(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, _("scrivano: serve is not built yet\n"));
	return 1;
}
