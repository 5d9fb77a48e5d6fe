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
	/* 2: documents (purchase invoices imported from FatturaPA, and sales),
	 * with their lines, VAT summary, withholdings, payment schedule and the
	 * original file. Money in integer cents, rates in hundredths of a
	 * percent (2200 = 22%), quantities and prices as their exact decimal
	 * text ("0.00886292"). */
	"CREATE TABLE document_files ("
	"  id           INTEGER PRIMARY KEY,"
	"  name         TEXT NOT NULL,"
	"  sha256       TEXT NOT NULL,"
	"  signed       INTEGER NOT NULL DEFAULT 0,"
	"  signature_ok INTEGER NOT NULL DEFAULT 0,"
	"  signer       TEXT NOT NULL DEFAULT '',"
	"  content      BLOB NOT NULL,"
	"  imported     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE TABLE documents ("
	"  id          INTEGER PRIMARY KEY,"
	"  direction   TEXT NOT NULL CHECK (direction IN ('P','S')),"
	"  party_id    INTEGER NOT NULL REFERENCES parties(id),"
	"  type        TEXT NOT NULL,"
	"  number      TEXT NOT NULL,"
	"  date        TEXT NOT NULL,"
	"  currency    TEXT NOT NULL DEFAULT 'EUR',"
	"  taxable     INTEGER NOT NULL DEFAULT 0,"
	"  tax         INTEGER NOT NULL DEFAULT 0,"
	"  total       INTEGER NOT NULL DEFAULT 0,"
	"  withholding INTEGER NOT NULL DEFAULT 0,"
	"  bollo       INTEGER NOT NULL DEFAULT 0,"
	"  payable     INTEGER NOT NULL DEFAULT 0,"
	"  split_payment INTEGER NOT NULL DEFAULT 0,"
	"  causale     TEXT NOT NULL DEFAULT '',"
	"  file_id     INTEGER REFERENCES document_files(id),"
	"  file_body   INTEGER NOT NULL DEFAULT 1,"
	"  version     INTEGER NOT NULL DEFAULT 1,"
	"  created     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  modified    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  UNIQUE (direction, party_id, number, date)"
	");"
	"CREATE INDEX documents_by_date ON documents (date, id);"
	"CREATE INDEX documents_by_party ON documents (party_id, date);"
	"CREATE TABLE document_lines ("
	"  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  seq         INTEGER NOT NULL,"
	"  line_no     INTEGER NOT NULL,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  quantity    TEXT NOT NULL DEFAULT '',"
	"  unit        TEXT NOT NULL DEFAULT '',"
	"  unit_price  TEXT NOT NULL,"
	"  discounts   TEXT NOT NULL DEFAULT '',"
	"  total       TEXT NOT NULL,"
	"  vat_rate    INTEGER NOT NULL,"
	"  natura      TEXT NOT NULL DEFAULT '',"
	"  ritenuta    INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (document_id, seq)"
	");"
	"CREATE TABLE document_vat ("
	"  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  seq         INTEGER NOT NULL,"
	"  vat_rate    INTEGER NOT NULL,"
	"  natura      TEXT NOT NULL DEFAULT '',"
	"  taxable     INTEGER NOT NULL,"
	"  tax         INTEGER NOT NULL,"
	"  rounding    INTEGER NOT NULL DEFAULT 0,"
	"  esigibilita TEXT NOT NULL DEFAULT '',"
	"  norm        TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (document_id, seq)"
	");"
	"CREATE TABLE document_withholdings ("
	"  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  seq         INTEGER NOT NULL,"
	"  type        TEXT NOT NULL,"
	"  rate        INTEGER NOT NULL,"
	"  amount      INTEGER NOT NULL,"
	"  causale     TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (document_id, seq)"
	");"
	"CREATE TABLE document_payments ("
	"  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  seq         INTEGER NOT NULL,"
	"  terms       TEXT NOT NULL DEFAULT '',"
	"  mode        TEXT NOT NULL DEFAULT '',"
	"  due         TEXT NOT NULL DEFAULT '',"
	"  amount      INTEGER NOT NULL,"
	"  iban        TEXT NOT NULL DEFAULT '',"
	"  paid        TEXT,"
	"  PRIMARY KEY (document_id, seq)"
	");"
	"CREATE INDEX document_payments_by_due ON document_payments (due) WHERE paid IS NULL;",
	/* 3: the columns the customers list may be sorted by (RECF_SORT in
	 * parties.c): each page of any order is then an index seek */
	"CREATE INDEX parties_by_city ON parties (city COLLATE NOCASE, id);"
	"CREATE INDEX parties_by_role ON parties (role COLLATE NOCASE, id);"
	"CREATE INDEX parties_sorted_by_piva ON parties (piva COLLATE NOCASE, id);",
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
