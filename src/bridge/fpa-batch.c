/* Supplier invoices in by the batch: the files and folders given (a
 * folder's .xml and .p7m files in name order, its others named as
 * skipped), each through fpa_import_file in a transaction of its own, and
 * the report: imported, duplicates skipped, refused with why. The command
 * line and the documents' list (Import) share it. */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "bridge/fpa-import.h"
#include "util/i18n.h"
#include "util/util.h"

static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n > m && strcasecmp(s + n - m, tail) == 0;
}

static struct fpa_batch_item *
item_add(struct fpa_batch *bt, char *path, enum fpa_outcome o)
{
	struct fpa_batch_item *it;

	bt->v = xreallocarray(bt->v, bt->n + 1, sizeof *bt->v);
	it = &bt->v[bt->n++];
	memset(it, 0, sizeof *it);
	it->path = path;
	it->outcome = o;
	return it;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder's entries: its .xml and .p7m files as items to import, in
 * name order, and its other plain files as skipped. */
static int
expand_folder(struct fpa_batch *bt, const char *dir, char *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (d == NULL)
		return err_set(err, _("cannot read the folder %s"), dir);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s%s%s", dir, ends_with(dir, "/") ? "" : "/", names[i]);
		struct stat sb;

		if (stat(path, &sb) < 0 || !S_ISREG(sb.st_mode))
			free(path); /* a folder in it, a broken link: not ours */
		else if (ends_with(names[i], ".xml") || ends_with(names[i], ".p7m"))
			item_add(bt, path, FPA_REFUSED);
		else
			item_add(bt, path, FPA_SKIPPED);
		free(names[i]);
	}
	free(names);
	return 0;
}

static void
import_item(struct book *b, struct fpa_batch *bt, struct fpa_batch_item *it,
	    const struct fpa_batch_hooks *h)
{
	struct fpa_report r = { 0 };

	if (fpa_import_file(b, it->path, &it->res, &r, it->why) == 0) {
		it->outcome = FPA_IMPORTED;
		bt->imported++;
		bt->documents += (size_t)it->res.documents;
		bt->attachments += (size_t)it->res.attachments;
	} else if (it->res.duplicate) {
		it->outcome = FPA_DUPLICATE;
		bt->duplicates++;
	} else {
		it->outcome = FPA_REFUSED;
		bt->refused++;
	}
	if (h != NULL && h->after != NULL)
		h->after(h->arg, it, &r);
	fpa_report_free(&r);
}

int
fpa_import_batch(struct book *b, char *const *paths, size_t n, const struct fpa_batch_hooks *h,
		 struct fpa_batch *bt, char *err)
{
	size_t total = 0, done = 0;

	memset(bt, 0, sizeof *bt);
	for (size_t i = 0; i < n; i++) {
		struct stat sb;

		if (stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			if (expand_folder(bt, paths[i], err) < 0) {
				fpa_batch_free(bt);
				return -1;
			}
		} else
			item_add(bt, xstrdup(paths[i]), FPA_REFUSED);
	}
	for (size_t i = 0; i < bt->n; i++)
		if (bt->v[i].outcome == FPA_SKIPPED)
			bt->skipped++;
		else
			total++;
	for (size_t i = 0; i < bt->n; i++) {
		if (bt->v[i].outcome == FPA_SKIPPED)
			continue;
		if (h != NULL && h->before != NULL)
			h->before(h->arg, done, total, bt->v[i].path);
		import_item(b, bt, &bt->v[i], h);
		done++;
	}
	return 0;
}

void
fpa_batch_free(struct fpa_batch *bt)
{
	for (size_t i = 0; i < bt->n; i++)
		free(bt->v[i].path);
	free(bt->v);
	memset(bt, 0, sizeof *bt);
}

/* s without folder/ at its start, when it has it. */
static const char *
under(const char *s, const char *folder)
{
	size_t n = folder != NULL ? strlen(folder) : 0;

	if (n > 0 && strncmp(s, folder, n) == 0 && s[n] == '/')
		return s + n + 1;
	return s;
}

void
fpa_batch_report(const struct fpa_batch *bt, const char *folder, struct text_lines *out)
{
	char *line;

	line = xasprintf(_("Files imported: %zu (documents %zu, attachments %zu); already in: "
			   "%zu; refused: %zu; skipped: %zu."),
			 bt->imported, bt->documents, bt->attachments, bt->duplicates, bt->refused,
			 bt->skipped);
	text_lines_add(out, line);
	free(line);
	for (size_t i = 0; i < bt->n; i++) {
		const struct fpa_batch_item *it = &bt->v[i];
		const char *path = under(it->path, folder), *why = under(it->why, folder);

		switch (it->outcome) {
		case FPA_IMPORTED:
			line = xasprintf(_("imported: %s: %d document(s) from %s"), path,
					 it->res.documents, it->res.supplier);
			break;
		case FPA_DUPLICATE:
			line = xasprintf(_("skipped: %s"), why);
			break;
		case FPA_REFUSED:
			line = xasprintf(_("refused: %s"), why);
			break;
		default:
			line = xasprintf(_("skipped, not .xml nor .p7m: %s"), path);
			break;
		}
		text_lines_add(out, line);
		free(line);
	}
}
