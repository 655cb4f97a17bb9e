-- The plans of the partner's Users list on the fill of partner-users-fill.sql, as Roster runs the
-- statements: prepared, with the generic plan (UsersTable.read), the statements as UsersTable
-- writes them for partner 'xp-big' (the second leg names the 20 companies it asked access to).
SET plan_cache_mode = force_generic_plan;

\echo '--- first page of 20, by userId'
PREPARE first_page(varchar, varchar, timestamptz) AS
SELECT * FROM ((SELECT id, home_company_id, user_id, first_name, last_name, email, status, validation_result,
        email_verified, locale, notify_in_app, notify_email, password_hash IS NOT NULL AS has_password, version,
        created_at, updated_at, user_id_sort AS sort_key
    FROM accounts WHERE company_partner_id = $1 AND EXISTS (SELECT 1 FROM partner_grants rg
        WHERE rg.company_id = home_company_id AND rg.partner_id = $2 AND rg.status = 'ACTIVE'
        AND rg.scope_users = TRUE AND rg.ends_at > $3)
    ORDER BY company_partner_id ASC, user_id_sort ASC, id ASC FETCH FIRST 21 ROWS ONLY)
  UNION ALL (SELECT id, home_company_id, user_id, first_name, last_name, email, status, validation_result,
        email_verified, locale, notify_in_app, notify_email, password_hash IS NOT NULL AS has_password, version,
        created_at, updated_at, user_id_sort AS sort_key
    FROM accounts WHERE home_company_id IN ('xc-8001', 'xc-8002', 'xc-8003', 'xc-8004', 'xc-8005', 'xc-8006',
        'xc-8007', 'xc-8008', 'xc-8009', 'xc-8010', 'xc-8011', 'xc-8012', 'xc-8013', 'xc-8014', 'xc-8015',
        'xc-8016', 'xc-8017', 'xc-8018', 'xc-8019', 'xc-8020')
    ORDER BY user_id_sort ASC, id ASC FETCH FIRST 21 ROWS ONLY)) merged
ORDER BY sort_key ASC, id ASC FETCH FIRST 21 ROWS ONLY;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE first_page('xp-big', 'xp-big', now());

\echo '--- the count (capped at 10,001)'
PREPARE counted(varchar, varchar, timestamptz) AS
SELECT COUNT(*) FROM (SELECT id FROM ((SELECT id FROM accounts WHERE company_partner_id = $1 AND EXISTS (
        SELECT 1 FROM partner_grants rg WHERE rg.company_id = home_company_id AND rg.partner_id = $2
        AND rg.status = 'ACTIVE' AND rg.scope_users = TRUE AND rg.ends_at > $3) FETCH FIRST 10001 ROWS ONLY)
    UNION ALL (SELECT id FROM accounts WHERE home_company_id IN ('xc-8001', 'xc-8002', 'xc-8003', 'xc-8004',
        'xc-8005', 'xc-8006', 'xc-8007', 'xc-8008', 'xc-8009', 'xc-8010', 'xc-8011', 'xc-8012', 'xc-8013',
        'xc-8014', 'xc-8015', 'xc-8016', 'xc-8017', 'xc-8018', 'xc-8019', 'xc-8020') FETCH FIRST 10001 ROWS ONLY))
    matched FETCH FIRST 10001 ROWS ONLY) counted;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE counted('xp-big', 'xp-big', now());

\echo '--- a prefix search (q=mart: the last names Martin, an eighth of the users), the opened companies leg'
PREPARE searched(varchar, varchar, timestamptz, varchar, varchar) AS
SELECT id, home_company_id, user_id, first_name, last_name, email, status, validation_result, email_verified, locale, notify_in_app, notify_email, password_hash IS NOT NULL AS has_password, version, created_at, updated_at, user_id_sort AS sort_key FROM accounts WHERE id IN (SELECT id FROM ((SELECT id, user_id_sort AS hit_key FROM accounts WHERE company_partner_id = $1 AND EXISTS (SELECT 1 FROM partner_grants rg WHERE rg.company_id = home_company_id AND rg.partner_id = $2 AND rg.status = 'ACTIVE' AND rg.scope_users = TRUE AND rg.ends_at > $3) AND user_id_sort >= $4 AND user_id_sort < $5 ORDER BY company_partner_id ASC, user_id_sort ASC, id ASC FETCH FIRST 21 ROWS ONLY) UNION (SELECT id, hit_key FROM (SELECT id, user_id_sort AS hit_key FROM accounts WHERE company_partner_id = $1 AND EXISTS (SELECT 1 FROM partner_grants rg WHERE rg.company_id = home_company_id AND rg.partner_id = $2 AND rg.status = 'ACTIVE' AND rg.scope_users = TRUE AND rg.ends_at > $3) AND first_name_sort >= $4 AND first_name_sort < $5 OFFSET 0 ROWS) matched ORDER BY hit_key ASC, id ASC FETCH FIRST 21 ROWS ONLY) UNION (SELECT id, hit_key FROM (SELECT id, user_id_sort AS hit_key FROM accounts WHERE company_partner_id = $1 AND EXISTS (SELECT 1 FROM partner_grants rg WHERE rg.company_id = home_company_id AND rg.partner_id = $2 AND rg.status = 'ACTIVE' AND rg.scope_users = TRUE AND rg.ends_at > $3) AND last_name_sort >= $4 AND last_name_sort < $5 OFFSET 0 ROWS) matched ORDER BY hit_key ASC, id ASC FETCH FIRST 21 ROWS ONLY) UNION (SELECT id, hit_key FROM (SELECT id, user_id_sort AS hit_key FROM accounts WHERE company_partner_id = $1 AND EXISTS (SELECT 1 FROM partner_grants rg WHERE rg.company_id = home_company_id AND rg.partner_id = $2 AND rg.status = 'ACTIVE' AND rg.scope_users = TRUE AND rg.ends_at > $3) AND email_sort >= $4 AND email_sort < $5 OFFSET 0 ROWS) matched ORDER BY hit_key ASC, id ASC FETCH FIRST 21 ROWS ONLY) UNION (SELECT id, hit_key FROM (SELECT w.account_id AS id, w.user_id_sort AS hit_key FROM account_name_words w WHERE w.partner_id = $1 AND EXISTS (SELECT 1 FROM partner_grants rg WHERE rg.company_id = w.company_id AND rg.partner_id = $2 AND rg.status = 'ACTIVE' AND rg.scope_users = TRUE AND rg.ends_at > $3) AND w.word >= $4 AND w.word < $5 OFFSET 0 ROWS) matched ORDER BY hit_key ASC, id ASC FETCH FIRST 21 ROWS ONLY)) hits ORDER BY hit_key ASC, id ASC FETCH FIRST 21 ROWS ONLY) ORDER BY user_id_sort ASC, id ASC;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE searched('xp-big', 'xp-big', now(), 'mart', 'maru');

\echo '--- a later word of the names (q=louise: Marie-Louise, a third of the users)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE searched('xp-big', 'xp-big', now(), 'louise', 'louisf');

\echo '--- one company: its own index, the grant probed'
PREPARE one_company(varchar, varchar, timestamptz) AS
SELECT id, home_company_id, user_id, first_name, last_name, email, status, validation_result, email_verified, locale, notify_in_app, notify_email, password_hash IS NOT NULL AS has_password, version, created_at, updated_at, user_id_sort AS sort_key FROM accounts WHERE home_company_id = $1 AND EXISTS (SELECT 1 FROM partner_grants rg WHERE rg.company_id = home_company_id AND rg.partner_id = $2 AND rg.status = 'ACTIVE' AND rg.scope_users = TRUE AND rg.ends_at > $3) ORDER BY home_company_id ASC, user_id_sort ASC, id ASC FETCH FIRST 21 ROWS ONLY;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE one_company('xc-17', 'xp-big', now());
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE one_company('xc-3820', 'xp-big', now());
