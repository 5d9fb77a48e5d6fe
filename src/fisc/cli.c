/* `scrivano fatturapa …` — placeholder until the fiscal core lands (issue 6). */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "util/i18n.h"

int
cmd_fatturapa(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, _("scrivano: fatturapa is not built yet\n"));
	return 1;
}
