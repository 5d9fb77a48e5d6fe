/* The sentences the law asks for (src/fisc/legal-notes.c): which a
 * computed body carries (forfettario, split payment, reverse charge by
 * sub-code, the virtual bollo, the dichiarazione d'intento, an exemption),
 * where they go in the XML (RiferimentoNormativo or Causale), that the
 * user's own Causale stays and computing twice adds none twice. */
#include "config.h"

#include <string.h>

#include "fisc/doc-rules.h"
#include "fisc-fixtures.h"
#include "fisc-sdi.h"
#include "tap.h"
#include "util/util.h"

static int
has_note(char **v, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], text) == 0)
			return 1;
	return 0;
}

static size_t
causale_count(const struct fpa_body *b, const char *text)
{
	size_t k = 0;

	for (size_t i = 0; i < b->ncausale; i++)
		k += strcmp(b->causale[i], text) == 0;
	return k;
}

static void
computed(struct fpa_body *b)
{
	char err[ERR_SIZE] = "";

	if (fpa_compute(b, err) < 0)
		printf("# %s\n", err);
}

/* Forfettario, 200.00 N2.2: its norm in the block, its two sentences and
 * the bollo's (200.00 > 77.47) in Causale, after the user's own. */
static void
test_forfettario(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF19");
	struct fpa_body *b = &inv->bodies[0];
	char **v;
	size_t n;

	b->forfettario = 1;
	fpa_causale_add(b, "Consulenza di marzo");
	fixture_line(b, "Consulenza", NULL, "200.00", 0, "N2.2");
	computed(b);
	v = fpa_legal_notes(b, &n);
	is_int(n, 4, "four notes: the norm, two of the forfettario, the bollo");
	ok(n == 4 && strcmp(v[0], FPA_FORFETTARIO_NORM) == 0, "first the block's norm");
	ok(has_note(v, n, FPA_NOTE_FORFETTARIO) && has_note(v, n, FPA_NOTE_FORFETTARIO_RIT),
	   "the forfettario's regime (c. 54-89) and no ritenuta (c. 67)");
	ok(has_note(v, n, FPA_NOTE_BOLLO), "the virtual bollo, DM 17/06/2014");
	fpa_notes_free(v, n);
	is_int(b->ncausale, 4, "Causale: the user's line and three sentences");
	is_str(b->causale[0], "Consulenza di marzo", "the user's Causale first");
	is_int(causale_count(b, FPA_FORFETTARIO_NORM), 0, "the norm is not repeated in Causale");
	computed(b);
	is_int(b->ncausale, 4, "computed again: no sentence twice");
	b->lines[0].price = D("50.00");
	computed(b);
	ok(b->ncausale == 3 && causale_count(b, FPA_NOTE_BOLLO) == 0,
	   "50.00: no bollo, its sentence goes");
	sdi_clean(inv, "forfettario's sentences");
	fpa_invoice_free(inv);
}

/* The dichiarazione as the N3.5 line's AltriDatiGestionali INTENTO, read
 * back into the body; a N3.5 without it, or with a malformed protocol,
 * refused. */
static void
intent_in_xml(struct fpa_invoice *inv)
{
	struct fpa_body *b = &inv->bodies[0];
	struct fpa_invoice *back = NULL;
	char err[ERR_SIZE] = "", *xml = NULL;
	size_t len = 0;

	/* (sdi_clean validated where they sit against the schema.) */
	ok(fpa_to_xml(inv, &xml, &len, err) == 0 && strstr(xml, "<TipoDato>INTENTO</TipoDato>") &&
		   strstr(xml, "<RiferimentoTesto>25011712345678901-000001</RiferimentoTesto>") &&
		   strstr(xml, "<RiferimentoData>2025-01-10</RiferimentoData>"),
	   "AltriDatiGestionali INTENTO with the protocol and the date %s", err);
	ok(xml && fpa_read_memory(xml, len, "intent", &back, NULL, err) == 0 &&
		   strcmp(back->bodies[0].intent_prot, "25011712345678901-000001") == 0 &&
		   strcmp(back->bodies[0].intent_date, "2025-01-10") == 0,
	   "read back into the body %s", err);
	fpa_invoice_free(back);
	free(xml);
	str_copy(b->intent_prot, "25011712345678901/000001", sizeof b->intent_prot);
	ok(fpa_compute(b, err) < 0 && strstr(err, "N3.5"), "a malformed protocol refused: %s", err);
	b->intent_prot[0] = '\0';
	ok(fpa_compute(b, err) < 0 && strstr(err, "dichiarazione d'intento"),
	   "N3.5 without a dichiarazione refused: %s", err);
}

/* Split payment and a dichiarazione d'intento on a N3.5 line. */
static void
test_split_intent(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPA12, "RF01");
	struct fpa_body *b = &inv->bodies[0];
	const char *intent = FPA_NOTE_INTENT_PREFIX "25011712345678901-000001 del 10/01/2025";
	char **v;
	size_t n;

	b->split_payment = 1;
	fixture_line(b, "Servizio", NULL, "100.00", 2200, NULL);
	fixture_line(b, "Fornitura ad esportatore abituale", NULL, "500.00", 0, "N3.5");
	str_copy(b->intent_prot, "25011712345678901-000001", sizeof b->intent_prot);
	str_copy(b->intent_date, "2025-01-10", sizeof b->intent_date);
	computed(b);
	v = fpa_legal_notes(b, &n);
	ok(has_note(v, n, FPA_NOTE_SPLIT), "split payment, art. 17-ter");
	ok(has_note(v, n, intent), "'%s'", intent);
	ok(has_note(v, n, "Non imponibile art. 8 c.1 lett. c DPR 633/72"), "the N3.5 block's norm");
	ok(has_note(v, n, FPA_NOTE_BOLLO), "500.00 N3.5 bears the bollo");
	fpa_notes_free(v, n);
	is_int(causale_count(b, intent), 1, "the dichiarazione in Causale");
	is_int(causale_count(b, FPA_NOTE_SPLIT), 1, "split payment in Causale");
	sdi_clean(inv, "split payment and dichiarazione d'intento");
	intent_in_xml(inv);
	fpa_invoice_free(inv);
}

/* Reverse charge N6.7: the article in RiferimentoNormativo, no bollo, no
 * Causale; an ordinary invoice at 22% has no note at all. */
static void
test_reverse_and_none(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];
	char **v;
	size_t n;

	fixture_line(b, "Pulizia in cantiere", NULL, "800.00", 0, "N6.7");
	computed(b);
	v = fpa_legal_notes(b, &n);
	ok(n == 1 && strstr(v[0], "art. 17 c.6 lett. a-ter"), "one note: '%s'", n ? v[0] : "");
	fpa_notes_free(v, n);
	is_int(b->ncausale, 0, "no Causale");
	b->lines[0].rate = 2200;
	b->lines[0].natura[0] = '\0';
	computed(b);
	v = fpa_legal_notes(b, &n);
	is_int(n, 0, "22%%: no note");
	fpa_notes_free(v, n);
	fpa_invoice_free(inv);
}

int
main(void)
{
	char buf[11];

	sdi_init();
	test_forfettario();
	test_split_intent();
	test_reverse_and_none();
	is_str(fpa_date_it("2025-01-10", buf), "10/01/2025", "ISO dates the document's way");
	sdi_done();
	return tap_done();
}
