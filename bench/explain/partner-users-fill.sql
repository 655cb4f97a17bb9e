-- A PostgreSQL fill to read the plans of the partner's Users list (docs/architecture.md, "The
-- partner's Users list") at scale, in a throw-away database migrated by Roster: never in a
-- database a Roster serves, as it writes the tables behind the application's back.
--
--   psql -d <scratch database> -f bench/explain/partner-users-fill.sql
--   psql -d <scratch database> -f bench/explain/partner-users-plans.sql
--
-- Partner 'xp-big' opened 4,000 companies of 3 users each: 3,800 with a current users grant, 50
-- revoked, 50 pending again, 50 past their end (still ACTIVE, before the expiry job), 50 billing
-- only; it asked access to 20 partnerless companies (accepted). Partner 'xp-other' opened 4,000
-- more and 2,000 companies have no partner, so the partner's users are a third of the table.
INSERT INTO partners (id, name, version, created_at) VALUES
    ('xp-big', 'Explain big partner', 0, now()), ('xp-other', 'Explain other partner', 0, now());

INSERT INTO companies (id, name, name_key, slug, partner_id, version, created_at)
SELECT 'xc-' || i, 'Explain company ' || i, 'explain company ' || i, 'xc-' || i,
       CASE WHEN i <= 4000 THEN 'xp-big' WHEN i <= 8000 THEN 'xp-other' END, 0, now()
FROM generate_series(1, 10000) i;

INSERT INTO partner_grants (id, company_id, partner_id, status, scope_users, scope_billing, ends_at, opener,
        version, created_at, updated_at)
SELECT 'xg-' || i, 'xc-' || i, CASE WHEN i <= 4000 THEN 'xp-big' ELSE 'xp-other' END,
       CASE WHEN i BETWEEN 3801 AND 3850 THEN 'REVOKED' WHEN i BETWEEN 3851 AND 3900 THEN 'PENDING' ELSE 'ACTIVE' END,
       NOT (i BETWEEN 3951 AND 4000), TRUE,
       CASE WHEN i BETWEEN 3851 AND 3900 THEN NULL
            WHEN i BETWEEN 3901 AND 3950 THEN now() - interval '1 day' ELSE now() + interval '300 days' END,
       TRUE, 0, now(), now()
FROM generate_series(1, 8000) i;
INSERT INTO partner_grants (id, company_id, partner_id, status, scope_users, scope_billing, ends_at, opener,
        version, created_at, updated_at)
SELECT 'xg-' || i, 'xc-' || i, 'xp-big', 'ACTIVE', TRUE, TRUE, now() + interval '300 days', FALSE, 0, now(), now()
FROM generate_series(8001, 8020) i;

INSERT INTO accounts (id, home_company_id, company_partner_id, user_id, first_name, last_name, email, user_id_key,
        email_key, user_id_sort, first_name_sort, last_name_sort, email_sort, status, created_at, updated_at)
SELECT 'xa-' || c || '-' || u, 'xc-' || c, CASE WHEN c <= 4000 THEN 'xp-big' WHEN c <= 8000 THEN 'xp-other' END,
       'xu' || lpad(c::text, 5, '0') || u, 'Marie-' || (ARRAY['Claire', 'Anne', 'Louise'])[u],
       (ARRAY['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'])[1 + (c * 3 + u) % 8]
           || ' ' || c,
       'xu' || lpad(c::text, 5, '0') || u || '@example.com', 'xu' || lpad(c::text, 5, '0') || u,
       'xu' || lpad(c::text, 5, '0') || u || '@example.com', 'xu' || lpad(c::text, 5, '0') || u,
       'marie-' || lower((ARRAY['Claire', 'Anne', 'Louise'])[u]),
       lower((ARRAY['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'])[1 + (c * 3 + u) % 8])
           || ' ' || c,
       'xu' || lpad(c::text, 5, '0') || u || '@example.com', 'ACTIVE', now(), now()
FROM generate_series(1, 10000) c, generate_series(1, 3) u;

INSERT INTO account_name_words (account_id, company_id, partner_id, word, user_id_sort, last_name_sort)
SELECT id, home_company_id, company_partner_id, substr(first_name_sort, 7), user_id_sort, last_name_sort
FROM accounts WHERE id LIKE 'xa-%';

ANALYZE partners;
ANALYZE companies;
ANALYZE partner_grants;
ANALYZE accounts;
ANALYZE account_name_words;
