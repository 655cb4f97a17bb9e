\set ON_ERROR_STOP 1
DELETE FROM accounts WHERE home_company_id = 'bench-company-100k';
DELETE FROM companies WHERE id = 'bench-company-100k';
INSERT INTO companies (id, name, slug, version, created_at) VALUES ('bench-company-100k', 'Bench 100k', 'bench-100k', 0, now());
WITH f AS (SELECT ARRAY['Marie-Claire','Jean','Hélène','Zoé','Émile','Anne','Jean-Baptiste','Chloé','Louis','Inès','Paul','Léa','Hugo','Manon','Gabriel','Arthur','Jules','Emma','Lucas','Camille','Théo','Sarah','Nathan','Éloïse'] a),
     l AS (SELECT ARRAY['Lefèvre','Dupré','Bélanger','Besançon','de la Tour','Martin','Bernard','Dubois-Moreau','Thomas','Petit','Durand','Leroy','Moreau','Simon','Laurent','Michel','Garcia','David','Bertrand','Roux','Vincent','Fournier','Morel','Girard','André','Mercier','Dupont','Lambert','Bonnet','François','Martinez','Legrand','Garnier','Faure','Rousseau','Blanc','Guérin','Muller','Henry','Roussel'] a),
     g AS (SELECT i, (SELECT a[1 + i % 24] FROM f) fn, (SELECT a[1 + (i / 24) % 40] FROM l) || substr(md5(i::text), 1, 3) ln FROM generate_series(1, 100000) i)
INSERT INTO accounts (id, home_company_id, operator, user_id, first_name, last_name, email, user_id_key, email_key,
  user_id_sort, first_name_sort, last_name_sort, email_sort, status, validation_result, email_verified, locale,
  notify_in_app, notify_email, version, created_at, updated_at)
SELECT 'bench-' || i, 'bench-company-100k', false, 'bu' || lpad(i::text, 6, '0'), fn, ln, 'bu' || i || '@bench.example',
  'bu' || lpad(i::text, 6, '0'), 'bu' || i || '@bench.example',
  'bu' || lpad(i::text, 6, '0'), lower(translate(fn, 'éèêëÉÈàâçîïôöùûüÿ', 'eeeeEEaaciioouuuy')),
  lower(translate(ln, 'éèêëÉÈàâçîïôöùûüÿ', 'eeeeEEaaciioouuuy')), 'bu' || i || '@bench.example',
  'ACTIVE', 'OK', true, 'en', true, true, 0, now(), now() FROM g;
INSERT INTO account_name_words (account_id, company_id, word, user_id_sort, last_name_sort)
SELECT DISTINCT a.id, a.home_company_id, w.word, a.user_id_sort, a.last_name_sort FROM accounts a,
  LATERAL (SELECT word, ord FROM regexp_split_to_table(a.first_name_sort, '[^a-z0-9]+') WITH ORDINALITY AS t(word, ord)) w
  WHERE a.home_company_id = 'bench-company-100k' AND w.ord > 1 AND w.word <> ''
UNION
SELECT DISTINCT a.id, a.home_company_id, w.word, a.user_id_sort, a.last_name_sort FROM accounts a,
  LATERAL (SELECT word, ord FROM regexp_split_to_table(a.last_name_sort, '[^a-z0-9]+') WITH ORDINALITY AS t(word, ord)) w
  WHERE a.home_company_id = 'bench-company-100k' AND w.ord > 1 AND w.word <> '';
VACUUM ANALYZE accounts;
VACUUM ANALYZE account_name_words;
SELECT count(*) FROM accounts WHERE home_company_id = 'bench-company-100k';
SELECT count(*) FROM account_name_words WHERE company_id = 'bench-company-100k';
