/* The main menu: the areas of the books, one line each; Enter opens the
 * highlighted one, Back quits the program. An item may open a menu of its
 * own (Documents: one line a kind), whose Back returns to the main menu. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "book/f24.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

struct menu_item {
	const char *label;  /* English msgid */
	const char *screen; /* the screen it opens; NULL: not built yet */
	int64_t record;     /* 0: the screen's list; else the form on that record */
	void (*run)(struct ui *ui); /* a view of its own instead of a screen */
};

static void documents_menu_run(struct ui *ui);
static void items_menu_run(struct ui *ui);

static const struct menu_item main_items[] = {
	{ N_("Customers & suppliers"), "parties", 0, NULL },
	{ N_("Customers"), "customers", 0, NULL },
	{ N_("Suppliers"), "suppliers", 0, NULL },
	{ N_("Articles"), "articles", 0, NULL },
	{ N_("Company profile"), "company", 1, NULL },
	{ N_("Prima nota"), "primanota", 0, NULL },
	{ N_("Prima nota by period"), "pn_period", 1, NULL },
	{ N_("Cash & bank accounts"), "accounts", 0, NULL },
	{ N_("Prima nota summary"), NULL, 0, pn_summary_run },
	{ N_("F24"), "f24o", 0, NULL },
	{ N_("F24 due and overdue"), "f24due", 0, NULL },
	{ N_("F24 semplificato"), "f24_semplificato", 0, NULL },
	{ N_("F24 Elide"), "f24_elide", 0, NULL },
	{ N_("Documents"), NULL, 0, documents_menu_run },
	/* added at the end, so that the items before keep their numbers */
	{ N_("PEC settings"), "pec", 1, NULL },
	{ N_("Open items"), NULL, 0, items_menu_run },
	{ N_("VAT settlements"), "vat", 0, NULL },
};

/* The documents register's views (screens/documents.scr), one a kind. */
static const struct menu_item documents_items[] = {
	{ N_("All documents"), "documents", 0, NULL },
	{ N_("Quotes"), "quotes", 0, NULL },
	{ N_("Customer orders"), "orders", 0, NULL },
	{ N_("Delivery notes"), "ddt", 0, NULL },
	{ N_("Invoices"), "invoices", 0, NULL },
	{ N_("Deferred invoices"), "deferred", 0, NULL },
	{ N_("Advance invoices"), "advances", 0, NULL },
	{ N_("Credit notes"), "credit_notes", 0, NULL },
	{ N_("Debit notes"), "debit_notes", 0, NULL },
	{ N_("Parcelle"), "parcelle", 0, NULL },
	{ N_("Supplier orders"), "supplier_orders", 0, NULL },
	{ N_("Purchase invoices"), "purchases", 0, NULL },
	{ N_("Self-invoices"), "self_invoices", 0, NULL },
};

/* The open items' views (screens/items.scr, items-ageing.scr). */
static const struct menu_item items_items[] = {
	{ N_("Receivables"), "receivables", 0, NULL },
	{ N_("Payables"), "payables", 0, NULL },
	{ N_("Overdue receivables"), "overdue", 0, NULL },
	{ N_("Ageing of receivables"), "ageing_receivables", 0, NULL },
	{ N_("Ageing of payables"), "ageing_payables", 0, NULL },
	{ N_("All open items"), "items", 0, NULL },
	{ N_("Paid items"), "items_paid", 0, NULL },
};

struct menu {
	const struct menu_item *items;
	size_t n, cur;
	const char *title; /* English msgid */
	int sub;           /* a menu of an item: Back returns, the due line is not shown */
};

/* The F24s to pay in the next days and past their due date, for the line
 * over the menu; NULL when there are none (newly allocated). */
#define F24_DUE_DAYS 15
static char *
due_line(struct ui *ui)
{
	struct f24_due d;
	char today[11], err[ERR_SIZE], next[16], oldest[16];
	struct buf b = { 0 };

	util_today(today);
	if (f24_due_summary(ui->book, today, F24_DUE_DAYS, &d, err) < 0)
		return xstrdup(err);
	snprintf(next, sizeof next, "%.2s/%.2s/%.4s", d.next + 8, d.next + 5, d.next);
	snprintf(oldest, sizeof oldest, "%.2s/%.2s/%.4s", d.oldest + 8, d.oldest + 5, d.oldest);
	if (d.due > 0)
		buf_printf(&b, ngettext("%d F24 due by %s", "%d F24 due by %s", (unsigned long)d.due),
			   d.due, next);
	if (d.overdue > 0) {
		if (b.len > 0)
			buf_adds(&b, ", ");
		buf_printf(&b,
			   ngettext("%d F24 overdue since %s", "%d F24 overdue since %s",
				    (unsigned long)d.overdue),
			   d.overdue, oldest);
	}
	return b.data;
}

static void
menu_draw(struct ui *ui, struct view *v)
{
	struct menu *m = v->data;
	int w = 0, h = (int)m->n + 4, y, x;
	char *due = m->sub ? NULL : due_line(ui);

	for (size_t i = 0; i < m->n; i++)
		if (ui_width(_(m->items[i].label)) > w)
			w = ui_width(_(m->items[i].label));
	w += 10;
	if (ui_width(_(m->title)) + 8 > w)
		w = ui_width(_(m->title)) + 8;
	y = (LINES - h) / 2 > 2 ? (LINES - h) / 2 : 2;
	x = (COLS - w) / 2 > 0 ? (COLS - w) / 2 : 0;
	ui_box(y, x, h, w, _(m->title));
	for (size_t i = 0; i < m->n; i++) {
		attr_t a = i == m->cur ? A_REVERSE : A_NORMAL;
		char *line = xasprintf(" %zu  %s", i + 1, _(m->items[i].label));
		ui_put(y + 2 + (int)i, x + 2, line, w - 4, 1, a);
		free(line);
	}
	if (due != NULL) /* over the box, centred */
		ui_put(y - 1, (COLS - ui_width(due)) / 2 > 0 ? (COLS - ui_width(due)) / 2 : 0, due,
		       COLS, 0, A_BOLD);
	free(due);
}

static void
menu_open(struct ui *ui, struct menu *m)
{
	const struct menu_item *it = &m->items[m->cur];
	struct screen *scr = it->screen != NULL ? ui_find_screen(ui, it->screen) : NULL;

	if (it->run != NULL) {
		it->run(ui);
		return;
	}
	if (scr == NULL) {
		ui_error(ui, _("%s: not built yet."), _(it->label));
		return;
	}
	if (it->record != 0) /* a record that exists once (the company profile): no list */
		form_open(ui, scr, it->record);
	else
		browse_run(ui, scr);
}

/* A digit opens its item; a letter moves to the next item starting with
 * it. */
static void
menu_typed(struct ui *ui, struct menu *m, wint_t ch)
{
	if (ch >= '1' && ch <= '9' && (size_t)(ch - '0') <= m->n) {
		m->cur = (size_t)(ch - '1');
		menu_open(ui, m);
		return;
	}
	for (size_t k = 1; k <= m->n; k++) {
		size_t i = (m->cur + k) % m->n;
		wchar_t first;
		if (mbtowc(&first, _(m->items[i].label), MB_CUR_MAX) > 0 &&
		    towlower((wint_t)first) == towlower(ch)) {
			m->cur = i;
			return;
		}
	}
}

static int
menu_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct menu *m = v->data;

	if (ui_menu_move(&m->cur, m->n, action))
		return 1;
	switch (action) {
	case ACT_ENTER:
		menu_open(ui, m);
		return 1;
	case ACT_BACK:
		if (m->sub) {
			v->closed = 1;
			return 1;
		}
		/* three habitual Backs must not end the session */
		if (dialog_confirm(ui, _("End the session?")))
			ui->quit = 1;
		return 1;
	case ACT_NONE:
		menu_typed(ui, m, ch);
		return 1;
	default:
		return 0;
	}
}

static const struct key_hint menu_hint_list[] = {
	{ ACT_HELP, NULL },
	{ ACT_ENTER, NULL },
	{ ACT_BACK, N_("Quit") },
	{ ACT_NONE, NULL },
};

static const struct key_hint sub_hint_list[] = {
	{ ACT_HELP, NULL },
	{ ACT_ENTER, NULL },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct key_hint *
menu_hints(struct ui *ui, struct view *v)
{
	const struct menu *m = v->data;

	(void)ui;
	return m->sub ? sub_hint_list : menu_hint_list;
}

static const struct view_ops menu_ops = { menu_draw, menu_handle, menu_hints };

static void
run_menu(struct ui *ui, struct menu *m)
{
	struct view v = { .ops = &menu_ops, .data = m, .title = xstrdup(_(m->title)) };

	ui_run_view(ui, &v);
	free(v.title);
}

void
menu_run(struct ui *ui)
{
	struct menu m = { main_items, ARRAY_LEN(main_items), 0, N_("Main menu"), 0 };

	run_menu(ui, &m);
}

static void
documents_menu_run(struct ui *ui)
{
	struct menu m = { documents_items, ARRAY_LEN(documents_items), 0, N_("Documents"), 1 };

	run_menu(ui, &m);
}

static void
items_menu_run(struct ui *ui)
{
	struct menu m = { items_items, ARRAY_LEN(items_items), 0, N_("Open items"), 1 };

	run_menu(ui, &m);
}
