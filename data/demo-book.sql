-- The demo book: an imaginary office in Bologna, its customers and
-- suppliers with their contacts, its company profile, and a few articles
-- with stock movements. Loaded by `scrivano book demo FILE` into a new,
-- empty book (already at the latest schema). Unit prices are at scale 8,
-- quantities at scale 3, rates in hundredths, money in cents.
INSERT INTO parties (role, kind, name, first_name, last_name, piva, cf, address, street_no, city, cap, province, country, email, pec, sdi, pay_terms, pay_method, pay_days) VALUES
 ('C', 'C', 'Caffè Centrale S.n.c.', '', '', '02112340159', '02112340159', 'Piazza Maggiore', '3', 'Bologna', '40124', 'BO', 'IT', 'info@caffecentrale.example', '', 'M5UXCR1', 'TP02', 'MP05', 30),
 ('C', 'C', 'Ferramenta Società Bianchi S.r.l.', '', '', '03987650219', '03987650219', 'Via Emilia', '211', 'Modena', '41121', 'MO', 'IT', 'amministrazione@ferrbianchi.example', 'ferrbianchi@pec.example', '0000000', 'TP02', 'MP12', 60),
 ('C', 'P', 'Rossi Mario', 'Mario', 'Rossi', '', 'RSSMRA80A01H501U', 'Via dei Mille', '12', 'Roma', '00185', 'RM', 'IT', 'mario.rossi@example.org', '', '0000000', '', '', NULL),
 ('S', 'C', 'Cartoleria Verdi S.a.s.', '', '', '04555120585', '04555120585', 'Corso Italia', '40', 'Firenze', '50123', 'FI', 'IT', 'ordini@cartoverdi.example', '', 'USAL8PV', 'TP02', 'MP05', 30),
 ('B', 'C', 'Tipografia Emiliana S.p.A.', '', '', '01223344100', '01223344100', 'Via Stalingrado', '90', 'Bologna', '40128', 'BO', 'IT', 'info@tipoemiliana.example', '', 'KRRH6B9', 'TP02', 'MP05', 0),
 ('S', 'C', 'Grafiche Lombarde S.r.l.', '', '', '07654321012', '07654321012', 'Viale Monza', '118', 'Milano', '20127', 'MI', 'IT', 'amministrazione@grafichelombarde.example', '', 'T04ZHR3', 'TP01', 'MP05', 90),
 ('S', 'P', 'Verdi Giuseppe', 'Giuseppe', 'Verdi', '09345678123', 'VRDGPP75C15F205S', 'Via Solferino', '7', 'Milano', '20121', 'MI', 'IT', 'studio@verdigiuseppe.example', 'verdi@pec.example', '0000000', 'TP02', 'MP05', 30),
 ('S', 'C', 'Papierfabrik Nord GmbH', '', '', 'DE123456789', '', 'Hafenstraße', '12', 'Hamburg', '20457', '', 'DE', 'orders@papierfabrik.example', '', 'XXXXXXX', 'TP02', 'MP05', 30);
INSERT INTO parties (role, kind, name, cf, address, street_no, city, cap, province, country, public_admin, pa_office, pay_terms, pay_method, pay_days) VALUES
 ('C', 'C', 'Comune di Esempio', '01800000372', 'Piazza del Municipio', '1', 'Bologna', '40121', 'BO', 'IT', 1, 'UFXYZ1', 'TP02', 'MP23', 30);

INSERT INTO party_contacts (party_id, position, name, role, phone, email, notes)
SELECT id, 1, 'Lucia Bianchi', 'Amministrazione', '059 123456', 'lucia@ferrbianchi.example', 'Mattina'
  FROM parties WHERE name = 'Ferramenta Società Bianchi S.r.l.'
UNION ALL SELECT id, 2, 'Paolo Bianchi', 'Titolare', '335 1234567', 'paolo@ferrbianchi.example', ''
  FROM parties WHERE name = 'Ferramenta Società Bianchi S.r.l.'
UNION ALL SELECT id, 1, 'Anna Verdi', 'Ordini', '055 765432', 'anna@cartoverdi.example', ''
  FROM parties WHERE name = 'Cartoleria Verdi S.a.s.'
UNION ALL SELECT id, 1, 'Marco Ferri', 'Commerciale', '02 5551234', 'marco.ferri@grafichelombarde.example', 'Chiamare dopo le 15'
  FROM parties WHERE name = 'Grafiche Lombarde S.r.l.'
UNION ALL SELECT id, 1, 'Jens Köhler', 'Export', '+49 40 123456', 'j.koehler@papierfabrik.example', 'Parla italiano'
  FROM parties WHERE name = 'Papierfabrik Nord GmbH';

UPDATE company SET kind = 'C', name = 'Studio Demo S.r.l.', piva = '01234567897', cf = '01234567897',
  regime = 'RF01', address = 'Via Indipendenza', street_no = '8', cap = '40121', city = 'Bologna',
  province = 'BO', country = 'IT', phone = '051 000000', email = 'info@studiodemo.example',
  pec = 'studiodemo@pec.example', rea_office = 'BO', rea_number = '123456',
  share_capital = 1000000, sole_member = 'SU', liquidation = 'LN',
  iban = 'IT60X0542811101000000123456', bank = 'Banca di Esempio', invoice_series = '',
  numbering = 'Y'
 WHERE id = 1;

INSERT INTO articles (code, description, unit, unit_price, vat_rate, natura, category, barcode) VALUES
 ('CARTA-A4', 'Carta per fotocopie A4 80 g, risma da 500 fogli', 'RS', 450000000, 2200, '', 'Cancelleria', '8001234560010'),
 ('TONER-HP26', 'Toner HP 26A nero', 'PZ', 8990000000, 2200, '', 'Consumabili', '8001234560027'),
 ('BUSTE-C5', 'Buste C5 con finestra, confezione da 50', 'CF', 385000000, 2200, '', 'Cancelleria', ''),
 ('CONSULENZA', 'Consulenza contabile, ora', 'H', 6000000000, 2200, '', 'Servizi', ''),
 ('LIBRO-FISCO', 'Manuale di fiscalità pratica (libro)', 'PZ', 3200000000, 0, 'N2.2', 'Editoria', '');

INSERT INTO stock_moves (article_id, position, date, quantity, reason)
SELECT id, 1, '2026-01-08', 200000, 'Carico iniziale' FROM articles WHERE code = 'CARTA-A4'
UNION ALL SELECT id, 2, '2026-02-03', -35000, 'Vendita Caffè Centrale' FROM articles WHERE code = 'CARTA-A4'
UNION ALL SELECT id, 3, '2026-03-12', -12500, 'Uso interno' FROM articles WHERE code = 'CARTA-A4'
UNION ALL SELECT id, 1, '2026-01-08', 10000, 'Carico iniziale' FROM articles WHERE code = 'TONER-HP26'
UNION ALL SELECT id, 2, '2026-02-20', -3000, 'Vendita Tipografia Emiliana' FROM articles WHERE code = 'TONER-HP26'
UNION ALL SELECT id, 1, '2026-01-15', 40000, 'Acquisto Cartoleria Verdi' FROM articles WHERE code = 'BUSTE-C5';
