-- The links of accounts to companies, owned by the users module: one row per role an account holds
-- in a company and per right it holds on one of the company's workspaces. The access and workspaces
-- modules write a link in the same transaction as the role assignment or workspace right it
-- mirrors, so the Users table and the standing checks read one table of their own module instead
-- of the tables of the modules that depend on users.
--
-- external: the account's home is not this company (another company, a partner, or none). A home
-- never changes, so it is fixed when the link is written; the Users table's external leg reads
-- only these, never the company's own users' links.
CREATE TABLE company_links (
    company_id  VARCHAR(36) NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    account_id  VARCHAR(36) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        VARCHAR(9)  NOT NULL,
    -- the role's id (kind ROLE) or the workspace's id (kind WORKSPACE)
    ref_id      VARCHAR(36) NOT NULL,
    external    BOOLEAN     NOT NULL,
    -- also the index of "is this account linked to this company?" (a row of its Users table)
    CONSTRAINT pk_company_links PRIMARY KEY (company_id, account_id, kind, ref_id),
    CONSTRAINT ck_company_links_kind CHECK (kind IN ('ROLE', 'WORKSPACE'))
);
-- The Users table's external leg: the outside accounts linked to a company.
CREATE INDEX ix_company_links_external ON company_links (company_id, external, account_id);
-- The Users table's role filter: the holders of one role in a company.
CREATE INDEX ix_company_links_ref ON company_links (company_id, kind, ref_id, account_id);
-- Standing (any link at all), the companies an account is linked to, a workspace right in a
-- company; also serves the cascade from accounts.
CREATE INDEX ix_company_links_account ON company_links (account_id, company_id, kind);

INSERT INTO company_links (company_id, account_id, kind, ref_id, external)
SELECT ra.company_id, ra.account_id, 'ROLE', ra.role_id, NOT EXISTS (SELECT 1 FROM accounts a
    WHERE a.id = ra.account_id AND a.home_company_id = ra.company_id)
FROM role_assignments ra;
INSERT INTO company_links (company_id, account_id, kind, ref_id, external)
SELECT wm.company_id, wm.account_id, 'WORKSPACE', wm.workspace_id, NOT EXISTS (SELECT 1 FROM accounts a
    WHERE a.id = wm.account_id AND a.home_company_id = wm.company_id)
FROM workspace_members wm;

-- The links replace the external marks of V8.
DROP INDEX ix_role_assignments_external;
ALTER TABLE role_assignments DROP COLUMN external;
DROP INDEX ix_workspace_members_external;
ALTER TABLE workspace_members DROP COLUMN external;

-- A workspace's members page is keyset-paginated by userId without reading the accounts table:
-- the member's userId sort key is copied here when the right is granted (and follows a change of
-- userId), so a page walks this index and the people's profiles are read for the page only.
ALTER TABLE workspace_members ADD COLUMN user_id_sort VARCHAR(255) DEFAULT '' NOT NULL;
UPDATE workspace_members SET user_id_sort = (SELECT a.user_id_sort FROM accounts a
    WHERE a.id = workspace_members.account_id);
CREATE INDEX ix_workspace_members_by_user_id ON workspace_members (company_id, workspace_id, user_id_sort, account_id);
