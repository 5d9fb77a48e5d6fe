/* Articles (table articles) and their stock movements (table stock_moves,
 * child rows of an article); the stock on hand is the sum of the
 * movements, computed when an article is read. */
#ifndef SCRIVANO_ARTICLES_H
#define SCRIVANO_ARTICLES_H

#include "book/record.h"

/* Scales of the fixed-point values (value = digits / 10^scale). */
#define ARTICLE_PRICE_SCALE 8
#define STOCK_QTY_SCALE 3

enum article_field {
	ARTICLE_CODE,
	ARTICLE_DESCRIPTION,
	ARTICLE_UNIT,
	ARTICLE_PRICE,    /* unit price at scale 8; empty: none */
	ARTICLE_VAT_RATE, /* hundredths of a percent (2200 = 22%); empty with a Natura */
	ARTICLE_NATURA,   /* N1 ... N7, with a rate of 0 */
	ARTICLE_CATEGORY,
	ARTICLE_BARCODE,
	ARTICLE_STOCK,    /* computed: the sum of the movements, scale 3 */
	ARTICLE_SUPPLIER, /* the usual supplier: parties.id, or empty */
	ARTICLE_NFIELDS
};

enum stock_move_field {
	MOVE_DATE,     /* YYYY-MM-DD */
	MOVE_QTY,      /* scale 3; positive in, negative out */
	MOVE_REASON,
	MOVE_DOCUMENT, /* documents.id, or empty */
	MOVE_NFIELDS
};

extern const struct record_kind articles_kind;
extern const struct record_kind stock_moves_kind;

#endif
