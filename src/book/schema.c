/* The book's schema as a list of migrations: step N brings user_version from
 * N-1 to N. Append new steps at the end; never edit a step that has shipped. */
#include "config.h"

#include "book/schema.h"
#include "util/util.h"

static const char *const steps[] = {
	/* 1: customers and suppliers */
	"CREATE TABLE parties ("
	"  id       INTEGER PRIMARY KEY,"
	"  role     TEXT NOT NULL DEFAULT 'C' CHECK (role IN ('C','S','B')),"
	"  name     TEXT NOT NULL CHECK (length(name) > 0),"
	"  piva     TEXT NOT NULL DEFAULT '',"
	"  cf       TEXT NOT NULL DEFAULT '',"
	"  address  TEXT NOT NULL DEFAULT '',"
	"  city     TEXT NOT NULL DEFAULT '',"
	"  cap      TEXT NOT NULL DEFAULT '',"
	"  province TEXT NOT NULL DEFAULT '',"
	"  country  TEXT NOT NULL DEFAULT 'IT',"
	"  email    TEXT NOT NULL DEFAULT '',"
	"  pec      TEXT NOT NULL DEFAULT '',"
	"  sdi      TEXT NOT NULL DEFAULT '',"
	"  version  INTEGER NOT NULL DEFAULT 1,"
	"  created  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  modified TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX parties_by_name ON parties (name COLLATE NOCASE, id);"
	"CREATE INDEX parties_by_piva ON parties (piva) WHERE piva <> '';",
};

int
schema_step_count(void)
{
	return (int)ARRAY_LEN(steps);
}

const char *
schema_step(int n)
{
	return n >= 1 && n <= schema_step_count() ? steps[n - 1] : NULL;
}
