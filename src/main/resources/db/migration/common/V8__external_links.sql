-- Which role assignments and workspace rights link an outside account to the company (SPEC §2:
-- the external rows of its Users table). The account's home never changes, so whether a link is
-- external is fixed when it is written. With it the Users table's external leg reads only the
-- outside accounts' links, instead of every link of the company (100,000 internal users holding a
-- role made each search read 100,000 assignments only to drop them all).
ALTER TABLE role_assignments ADD COLUMN external BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE role_assignments SET external = TRUE WHERE NOT EXISTS (SELECT 1 FROM accounts a
    WHERE a.id = role_assignments.account_id AND a.home_company_id = role_assignments.company_id);
CREATE INDEX ix_role_assignments_external ON role_assignments (company_id, external, account_id);

ALTER TABLE workspace_members ADD COLUMN external BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE workspace_members SET external = TRUE WHERE NOT EXISTS (SELECT 1 FROM accounts a
    WHERE a.id = workspace_members.account_id AND a.home_company_id = workspace_members.company_id);
CREATE INDEX ix_workspace_members_external ON workspace_members (company_id, external, account_id);

-- Search (q: a prefix of userId, first name, last name or email) reads each column's index as a
-- range and keeps, for the page, only the ids and the sort key; with userId (the default sort) in
-- the name and email indexes too, no table row is read until the page's own rows. They still lead
-- with (company, column, id), so the keyset pages by last name and email walk them as before.
DROP INDEX ix_accounts_company_first_name;
CREATE INDEX ix_accounts_company_first_name ON accounts (home_company_id, first_name_sort, id, user_id_sort);
DROP INDEX ix_accounts_company_last_name;
CREATE INDEX ix_accounts_company_last_name ON accounts (home_company_id, last_name_sort, id, user_id_sort);
DROP INDEX ix_accounts_company_email;
CREATE INDEX ix_accounts_company_email ON accounts (home_company_id, email_sort, id, user_id_sort);
