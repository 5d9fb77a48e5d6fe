/* `scrivano tui` — placeholder until this part lands. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "util/i18n.h"

int
cmd_tui(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, _("scrivano: tui is not built yet\n"));
	return 1;
}
