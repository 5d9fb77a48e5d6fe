/* The print preview: the pages a print would send, and the choice of
 * sending them to the terminal's printer, saving them as a text file, or
 * neither. */
#ifndef SCRIVANO_PREVIEW_H
#define SCRIVANO_PREVIEW_H

#include "ui/pages.h"
#include "ui/ui.h"

enum preview_choice {
	PREVIEW_CANCEL,
	PREVIEW_SEND, /* to the terminal's printer */
	PREVIEW_SAVE, /* as a text file */
};

/* Shows p (at least one page) until the user chooses. */
enum preview_choice preview_run(struct ui *ui, const struct pages *p);

#endif
