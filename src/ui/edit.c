/* The one-line editor of form fields and prompts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "ui/actions.h"
#include "ui/edit.h"
#include "ui/ui.h"
#include "util/util.h"

void
edit_set(struct edit *e, const char *utf8)
{
	size_t n = mbstowcs(NULL, utf8, 0);

	if (n == (size_t)-1)
		n = 0;
	if (n + 1 > e->cap) {
		e->cap = n + 16;
		e->text = xreallocarray(e->text, e->cap, sizeof *e->text);
	}
	if (n > 0)
		mbstowcs(e->text, utf8, n + 1);
	e->text[n] = L'\0';
	e->len = n;
	e->pos = n;
	e->scroll = 0;
	e->fresh = 0;
}

char *
edit_get(const struct edit *e)
{
	size_t n;
	char *out;

	if (e->text == NULL)
		return xstrdup("");
	n = wcstombs(NULL, e->text, 0);
	if (n == (size_t)-1)
		return xstrdup("");
	out = xmalloc(n + 1);
	wcstombs(out, e->text, n + 1);
	return out;
}

static int
insert(struct edit *e, wint_t ch)
{
	if (e->max > 0 && e->len >= e->max)
		return -1;
	if (e->len + 2 > e->cap) {
		e->cap = e->cap * 2 + 16;
		e->text = xreallocarray(e->text, e->cap, sizeof *e->text);
	}
	if (e->upper)
		ch = towupper(ch);
	memmove(&e->text[e->pos + 1], &e->text[e->pos], (e->len - e->pos + 1) * sizeof *e->text);
	e->text[e->pos++] = (wchar_t)ch;
	e->len++;
	return 1;
}

static void
delete_at(struct edit *e, size_t at)
{
	memmove(&e->text[at], &e->text[at + 1], (e->len - at) * sizeof *e->text);
	e->len--;
}

int
edit_handle(struct edit *e, int action, wint_t ch)
{
	if (e->text == NULL)
		edit_set(e, "");
	if (e->fresh &&
	    (action == ACT_NONE || action == ACT_BACKSPACE || action == ACT_DELETE_CHAR)) {
		edit_set(e, "");
		if (action != ACT_NONE)
			return 1;
	}
	e->fresh = 0;
	switch (action) {
	case ACT_NONE:
		return insert(e, ch);
	case ACT_LEFT:
		if (e->pos > 0)
			e->pos--;
		return 1;
	case ACT_RIGHT:
		if (e->pos < e->len)
			e->pos++;
		return 1;
	case ACT_HOME:
		e->pos = 0;
		return 1;
	case ACT_END:
		e->pos = e->len;
		return 1;
	case ACT_BACKSPACE:
		if (e->pos > 0)
			delete_at(e, --e->pos);
		return 1;
	case ACT_DELETE_CHAR:
		if (e->pos < e->len)
			delete_at(e, e->pos);
		return 1;
	default:
		return 0;
	}
}

static int
cols(const wchar_t *s, size_t n)
{
	int w = wcswidth(s, n);

	return w < 0 ? (int)n : w;
}

int
edit_draw(struct edit *e, int y, int x, int width, attr_t attr)
{
	if (e->text == NULL)
		edit_set(e, "");
	if (e->secret) { /* a '*' a character, the cursor among them */
		wchar_t *stars;
		size_t n;

		if (e->len <= (size_t)width)
			e->scroll = 0;
		else if (e->pos < e->scroll)
			e->scroll = e->pos;
		else if (e->pos - e->scroll >= (size_t)width)
			e->scroll = e->pos - (size_t)width + 1;
		n = e->len - e->scroll;
		stars = xcalloc(n + 1, sizeof *stars);
		wmemset(stars, L'*', n);
		ui_putw(y, x, stars, n, width, 1, e->fresh && e->len > 0 ? attr | A_BOLD : attr);
		free(stars);
		return x + (int)(e->pos - e->scroll);
	}
	/* all of it when it fits (the cursor may then sit on the closing
	 * bracket); else scrolled so the cursor is inside */
	if (cols(e->text, e->len) <= width)
		e->scroll = 0;
	else {
		if (e->pos < e->scroll)
			e->scroll = e->pos;
		while (e->scroll < e->pos && cols(e->text + e->scroll, e->pos - e->scroll) >= width)
			e->scroll++;
	}
	/* a text the next key replaces shows so */
	if (e->fresh && e->len > 0)
		attr |= A_BOLD;
	ui_putw(y, x, e->text + e->scroll, e->len - e->scroll, width, 1, attr);
	return x + cols(e->text + e->scroll, e->pos - e->scroll);
}

void
edit_free(struct edit *e)
{
	free(e->text);
	memset(e, 0, sizeof *e);
}
