-- The demo book: a few customers and suppliers of an imaginary office in
-- Bologna. Loaded by `scrivano book demo FILE` into a new, empty book.
INSERT INTO parties (role, name, piva, cf, address, city, cap, province, country, email, pec, sdi) VALUES
 ('C', 'Caffè Centrale S.n.c.', '02112340159', '02112340159', 'Piazza Maggiore 3', 'Bologna', '40124', 'BO', 'IT', 'info@caffecentrale.example', '', 'M5UXCR1'),
 ('C', 'Ferramenta Società Bianchi S.r.l.', '03987650219', '03987650219', 'Via Emilia 211', 'Modena', '41121', 'MO', 'IT', 'amministrazione@ferrbianchi.example', 'ferrbianchi@pec.example', '0000000'),
 ('C', 'Mario Rossi', '', 'RSSMRA80A01H501U', 'Via dei Mille 12', 'Roma', '00185', 'RM', 'IT', 'mario.rossi@example.org', '', '0000000'),
 ('S', 'Cartoleria Verdi S.a.s.', '04555120585', '04555120585', 'Corso Italia 40', 'Firenze', '50123', 'FI', 'IT', 'ordini@cartoverdi.example', '', 'USAL8PV'),
 ('B', 'Tipografia Emiliana S.p.A.', '01223344100', '01223344100', 'Via Stalingrado 90', 'Bologna', '40128', 'BO', 'IT', 'info@tipoemiliana.example', 'tipoemiliana@pec.example', 'KRRH6B9');
