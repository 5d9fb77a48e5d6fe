/* The prima nota's summary of a year (menu item "Prima nota summary"): the
 * year and the account at the top (PgUp/PgDn the year, Left/Right or F4 the
 * account), the totals in and out by month beside a bar chart of them
 * drawn with the terminal's line-drawing characters (ACS: a vt100, a Wyse
 * and UTF-8 alike), the totals by causale below (Up/Down scroll); F7
 * prints the tables. The numbers come from book/pn-summary.h. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/pn-summary.h"
#include "book/primanota.h"
#include "ui/fieldtype.h"
#include "ui/pages.h"
#include "ui/ui.h"
#include "util/codelist.h"
#include "util/i18n.h"
#include "util/util.h"

static const char *const month_names[12] = {
	N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
	N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

#define CHART_HEIGHT 11 /* rows of the tallest bar */
#define CHART_X 43      /* the chart's first column, beside the months */
#define BODY_Y 4        /* the first row below the year and the account */

struct summary_view {
	int year;
	size_t account;  /* 0: all; else ids[account - 1] */
	int64_t *ids;
	char **names;
	size_t naccounts;
	struct pn_summary s;
	int top;         /* rows of the body scrolled away */
	int body_rows;   /* rows the body takes */
};

static char *
money(int64_t cents)
{
	char v[24];

	snprintf(v, sizeof v, "%" PRId64, cents);
	return fieldtype_find("money")->format(&(struct ft_params){ 0 }, v);
}

static const char *
account_name(const struct summary_view *sv)
{
	return sv->account == 0 ? _("All accounts") : sv->names[sv->account - 1];
}

static void
reload(struct ui *ui, struct summary_view *sv)
{
	char err[ERR_SIZE];
	int64_t id = sv->account == 0 ? 0 : sv->ids[sv->account - 1];

	pn_summary_free(&sv->s);
	if (pn_summary_year(ui->book, id, sv->year, &sv->s, err) < 0)
		ui_error(ui, "%s", err);
}

/* "IC Incasso da cliente", or what stands for no causale. */
static char *
causale_label(const struct pn_causale_total *c)
{
	const struct codelist *l = codelist_shared(CODELIST_CAUSALI, NULL);
	const struct code_entry *e = l != NULL ? codelist_find(l, c->causale) : NULL;

	if (c->causale[0] == '\0')
		return xstrdup(_("(no causale)"));
	return xasprintf("%s %s", c->causale, e != NULL ? e->text : "");
}

/* ---- drawing: the body is rows 0.. below the top lines, scrolled ---- */

/* The screen row of body row r, or -1 when it is scrolled out of sight. */
static int
body_y(const struct summary_view *sv, int r)
{
	int y = BODY_Y + r - sv->top;

	return y >= BODY_Y && y <= LINES - 3 ? y : -1;
}

static void
put_body(const struct summary_view *sv, int r, int x, const char *s, int w, attr_t a)
{
	int y = body_y(sv, r);

	if (y >= 0)
		ui_put(y, x, s, w, 0, a);
}

/* Right-aligned money in a column ending at x + w. */
static void
put_money(const struct summary_view *sv, int r, int x, int w, int64_t cents, attr_t a)
{
	char *m = money(cents);
	int mw = ui_width(m);

	put_body(sv, r, x + (w > mw ? w - mw : 0), m, w, a);
	free(m);
}

static void
draw_months(const struct summary_view *sv)
{
	put_body(sv, 0, 1, _("Month"), 8, A_BOLD);
	put_body(sv, 0, 10 + 14 - ui_width(_("In")), _("In"), 14, A_BOLD);
	put_body(sv, 0, 26 + 14 - ui_width(_("Out")), _("Out"), 14, A_BOLD);
	for (int m = 0; m < 12; m++) {
		put_body(sv, 1 + m, 1, _(month_names[m]), 8, A_NORMAL);
		put_money(sv, 1 + m, 10, 14, sv->s.month_in[m], A_NORMAL);
		put_money(sv, 1 + m, 26, 14, sv->s.month_out[m], A_NORMAL);
	}
	put_body(sv, 13, 1, _("Total"), 8, A_BOLD);
	put_money(sv, 13, 10, 14, sv->s.in, A_BOLD);
	put_money(sv, 13, 26, 14, sv->s.out, A_BOLD);
}

/* A bar's height in rows for v against the tallest, max: proportional,
 * rounded, and at least one row for any amount. */
static int
bar_rows(int64_t v, int64_t max)
{
	int h;

	if (v <= 0 || max <= 0)
		return 0;
	h = (int)((v * 2 * CHART_HEIGHT + max) / (2 * max));
	return h < 1 ? 1 : h;
}

/* Each month two bars side by side, in (a checkerboard) then out (a
 * vertical line), over a base line and the months' initials. */
static void
draw_chart(const struct summary_view *sv)
{
	int64_t max = 0;
	char *legend = xasprintf(" %s   %s", _("In"), _("Out"));
	int y;

	for (int m = 0; m < 12; m++) {
		if (sv->s.month_in[m] > max)
			max = sv->s.month_in[m];
		if (sv->s.month_out[m] > max)
			max = sv->s.month_out[m];
	}
	if ((y = body_y(sv, 0)) >= 0) {
		ui_put(y, CHART_X, legend, 36, 0, A_NORMAL);
		mvaddch(y, CHART_X, ACS_CKBOARD);
		mvaddch(y, CHART_X + 3 + ui_width(_("In")), ACS_VLINE);
	}
	free(legend);
	for (int m = 0; m < 12; m++) {
		int hin = bar_rows(sv->s.month_in[m], max), hout = bar_rows(sv->s.month_out[m], max);
		int x = CHART_X + 3 * m;
		char initial[8] = "";

		for (int k = 0; k < CHART_HEIGHT; k++) {
			if ((y = body_y(sv, CHART_HEIGHT - k)) < 0)
				continue;
			if (k < hin)
				mvaddch(y, x, ACS_CKBOARD);
			if (k < hout)
				mvaddch(y, x + 1, ACS_VLINE);
		}
		if ((y = body_y(sv, CHART_HEIGHT + 1)) >= 0)
			mvhline(y, x, ACS_HLINE, m < 11 ? 3 : 2);
		/* the month's first letter, as the table names it */
		initial[0] = _(month_names[m])[0];
		initial[1] = '\0';
		put_body(sv, CHART_HEIGHT + 2, x, initial, 2, A_NORMAL);
	}
}

/* The causali from body row r; returns the row after the last. */
static int
draw_causali(const struct summary_view *sv, int r)
{
	char n[24];

	put_body(sv, r, 1, _("Causale"), 34, A_BOLD);
	put_body(sv, r, 36 + 14 - ui_width(_("In")), _("In"), 14, A_BOLD);
	put_body(sv, r, 52 + 14 - ui_width(_("Out")), _("Out"), 14, A_BOLD);
	put_body(sv, r, 66 + 10 - ui_width(_("Entries")), _("Entries"), 10, A_BOLD);
	for (size_t i = 0; i < sv->s.ncausali; i++) {
		const struct pn_causale_total *c = &sv->s.causali[i];
		char *label = causale_label(c);

		r++;
		put_body(sv, r, 1, label, 34, A_NORMAL);
		put_money(sv, r, 36, 14, c->in, A_NORMAL);
		put_money(sv, r, 52, 14, c->out, A_NORMAL);
		snprintf(n, sizeof n, "%10ld", c->count);
		put_body(sv, r, 66, n, 10, A_NORMAL);
		free(label);
	}
	r++;
	if (sv->s.ncausali == 0) {
		put_body(sv, r, 1, _("No entries in this year."), 70, A_NORMAL);
		return r + 1;
	}
	put_body(sv, r, 1, _("Total"), 34, A_BOLD);
	put_money(sv, r, 36, 14, sv->s.in + sv->s.transfer_in, A_BOLD);
	put_money(sv, r, 52, 14, sv->s.out + sv->s.transfer_out, A_BOLD);
	snprintf(n, sizeof n, "%10ld", sv->s.count);
	put_body(sv, r, 66, n, 10, A_BOLD);
	return r + 1;
}

static char *
transfers_line(const struct summary_view *sv)
{
	char *tin = money(sv->s.transfer_in), *tout = money(sv->s.transfer_out);
	char *line = xasprintf(_("Giroconti (left out of the months): in %s, out %s"), tin, tout);

	free(tin);
	free(tout);
	return line;
}

static void
summary_draw(struct ui *ui, struct view *v)
{
	struct summary_view *sv = v->data;
	char *year = xasprintf("%s %d", _("Year"), sv->year), *line;

	(void)ui;
	ui_put(2, 1, year, 12, 0, A_BOLD);
	ui_put(2, 14, _("Account"), 9, 0, A_NORMAL);
	ui_put(2, 24, account_name(sv), 30, 0, A_BOLD);
	free(year);
	draw_months(sv);
	draw_chart(sv);
	line = transfers_line(sv);
	put_body(sv, 14, 1, line, COLS - 2, A_NORMAL);
	free(line);
	sv->body_rows = draw_causali(sv, 16);
}

/* ---- printing: the same tables on pages ---- */

static void
money_cells(const char **cells, char **m, int64_t in, int64_t out)
{
	m[0] = money(in);
	m[1] = money(out);
	cells[1] = m[0];
	cells[2] = m[1];
}

static void
print_summary(struct ui *ui, const struct summary_view *sv)
{
	char *title = xasprintf("%s %d - %s", _("Prima nota summary"), sv->year, account_name(sv));
	char *name = xasprintf("pn-summary-%d", sv->year), *m[2], *head, n[24];
	struct doc *d = doc_new(title);
	const char *cells[4];

	doc_table(d);
	head = xasprintf("%-10s%16s%16s", _("Month"), _("In"), _("Out"));
	doc_heading(d, head);
	free(head);
	doc_column(d, 0, 10, 0);
	doc_column(d, 10, 16, 1);
	doc_column(d, 26, 16, 1);
	for (int i = 0; i <= 12; i++) {
		cells[0] = i < 12 ? _(month_names[i]) : _("Total");
		money_cells(cells, m, i < 12 ? sv->s.month_in[i] : sv->s.in,
			    i < 12 ? sv->s.month_out[i] : sv->s.out);
		doc_row(d, cells);
		free(m[0]);
		free(m[1]);
	}
	head = transfers_line(sv);
	doc_text(d, head);
	free(head);
	doc_table(d);
	head = xasprintf("%-34s%14s%14s%10s", _("Causale"), _("In"), _("Out"), _("Entries"));
	doc_heading(d, head);
	free(head);
	doc_column(d, 0, 34, 0);
	doc_column(d, 34, 14, 1);
	doc_column(d, 48, 14, 1);
	doc_column(d, 62, 10, 1);
	for (size_t i = 0; i <= sv->s.ncausali; i++) {
		const struct pn_causale_total *c = i < sv->s.ncausali ? &sv->s.causali[i] : NULL;
		char *label = c != NULL ? causale_label(c) : xstrdup(_("Total"));

		cells[0] = label;
		money_cells(cells, m, c != NULL ? c->in : sv->s.in + sv->s.transfer_in,
			    c != NULL ? c->out : sv->s.out + sv->s.transfer_out);
		snprintf(n, sizeof n, "%ld", c != NULL ? c->count : sv->s.count);
		cells[3] = n;
		doc_row(d, cells);
		free(label);
		free(m[0]);
		free(m[1]);
	}
	print_doc(ui, d, name);
	doc_free(d);
	free(name);
	free(title);
}

/* ---- keys ---- */

static int
summary_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct summary_view *sv = v->data;
	int rows = LINES - 2 - BODY_Y, most = sv->body_rows - rows > 0 ? sv->body_rows - rows : 0;

	(void)ch;
	switch (action) {
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		if ((action == ACT_PAGE_UP && sv->year <= 1000) ||
		    (action == ACT_PAGE_DOWN && sv->year >= 9999))
			return 1;
		sv->year += action == ACT_PAGE_UP ? -1 : 1;
		reload(ui, sv);
		return 1;
	case ACT_LEFT:
	case ACT_RIGHT:
	case ACT_CHOOSE:
		sv->account = action == ACT_LEFT ? (sv->account + sv->naccounts) % (sv->naccounts + 1)
						 : (sv->account + 1) % (sv->naccounts + 1);
		reload(ui, sv);
		return 1;
	case ACT_DOWN:
	case ACT_NEXT:
		sv->top = sv->top < most ? sv->top + 1 : most;
		return 1;
	case ACT_UP:
	case ACT_PREV:
		sv->top = sv->top > 0 ? sv->top - 1 : 0;
		return 1;
	case ACT_HOME:
		sv->top = 0;
		return 1;
	case ACT_END:
		sv->top = most;
		return 1;
	case ACT_PRINT:
		print_summary(ui, sv);
		return 1;
	case ACT_BACK:
		v->closed = 1;
		return 1;
	default:
		return 0;
	}
}

static const struct key_hint summary_hint_list[] = {
	{ ACT_HELP, NULL },
	{ ACT_PAGE_UP, N_("Year -") },
	{ ACT_PAGE_DOWN, N_("Year +") },
	{ ACT_CHOOSE, N_("Account") },
	{ ACT_PRINT, NULL },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct view_ops summary_ops = { summary_draw, summary_handle, NULL };

void
pn_summary_run(struct ui *ui)
{
	struct summary_view sv = { 0 };
	struct view v = { .ops = &summary_ops, .data = &sv, .key_hints = summary_hint_list,
			  .cursor_y = -1, .cursor_x = -1 };
	char err[ERR_SIZE];
	int month, day;

	fieldtype_today(&sv.year, &month, &day);
	if (pn_account_names(ui->book, &sv.ids, &sv.names, &sv.naccounts, err) < 0)
		ui_error(ui, "%s", err);
	reload(ui, &sv);
	v.title = xstrdup(_("Prima nota summary"));
	ui_run_view(ui, &v);
	free(v.title);
	pn_summary_free(&sv.s);
	for (size_t i = 0; i < sv.naccounts; i++)
		free(sv.names[i]);
	free(sv.names);
	free(sv.ids);
}
