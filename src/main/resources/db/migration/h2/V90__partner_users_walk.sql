-- The partner's cross-company Users list walks one index over the partner's users instead of
-- binding the list of its companies (thousands of values at every page and count).
--
-- companies.partner_id (the partner that opened a company) never changes, and neither does an
-- account's home: the opener of an account's home company is copied beside the account, so the
-- accounts of a partner's companies are one range of each sort index below. Each row's company is
-- still tested against the partner's current grant at read time (users scope, ACTIVE, not ended).
ALTER TABLE accounts ADD COLUMN company_partner_id VARCHAR(36);
UPDATE accounts SET company_partner_id = (SELECT c.partner_id FROM companies c WHERE c.id = accounts.home_company_id)
    WHERE home_company_id IS NOT NULL;
-- Each ends with the home company (after the unique id, so it changes no order): the grant's test
-- reads it from the index, and a count or a search range reads no table row.
CREATE INDEX ix_accounts_company_partner_user_id ON accounts (company_partner_id, user_id_sort, id, home_company_id);
CREATE INDEX ix_accounts_company_partner_last_name ON accounts (company_partner_id, last_name_sort, id, home_company_id);
CREATE INDEX ix_accounts_company_partner_email ON accounts (company_partner_id, email_sort, id, home_company_id);
CREATE INDEX ix_accounts_company_partner_first_name ON accounts (company_partner_id, first_name_sort, id,
    home_company_id);
CREATE INDEX ix_accounts_company_partner_status ON accounts (company_partner_id, status, user_id_sort, id,
    home_company_id);
CREATE INDEX ix_accounts_company_partner_by_status ON accounts (company_partner_id, status, id, home_company_id);

-- The later words of the names carry it too (as partner_id: the words' company_id is the account's
-- home_company_id), so a search by word is one range of the partner's words, whose company is in
-- the index for the grant's test.
ALTER TABLE account_name_words ADD COLUMN partner_id VARCHAR(36);
UPDATE account_name_words SET partner_id = (SELECT a.company_partner_id FROM accounts a
    WHERE a.id = account_name_words.account_id);
CREATE INDEX ix_account_name_words_partner ON account_name_words (partner_id, word, account_id, user_id_sort,
    last_name_sort, company_id);

-- A grant to the partner that opened its company is reached through the walk above; the partner's
-- other grants (companies it asked access to) are few and listed by their own index range.
ALTER TABLE partner_grants ADD COLUMN opener BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE partner_grants SET opener = TRUE
    WHERE partner_id = (SELECT c.partner_id FROM companies c WHERE c.id = partner_grants.company_id);
CREATE INDEX ix_partner_grants_not_opened ON partner_grants (partner_id, opener, status, ends_at, company_id);
