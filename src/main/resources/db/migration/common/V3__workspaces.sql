-- Workspaces (SPEC §6): each belongs to one company forever; its members hold one right each.

CREATE TABLE workspaces (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    company_id  VARCHAR(36)  NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name        VARCHAR(200) NOT NULL,
    -- the creating account; no foreign key, since the workspace stays when that account is deleted
    created_by  VARCHAR(36),
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the target of the members' (workspace_id, company_id) key
    CONSTRAINT uq_workspaces_company UNIQUE (id, company_id)
);
-- A company's workspaces by name, keyset-paginated on (name, id).
CREATE INDEX ix_workspaces_company_name ON workspaces (company_id, name, id);

-- A right held by an account on a workspace. company_id repeats the workspace's company so the
-- company-wide questions (is this account linked to the company? which workspaces may it see?)
-- are one index lookup; the composite key keeps it equal to the workspace's company.
CREATE TABLE workspace_members (
    workspace_id  VARCHAR(36) NOT NULL,
    account_id    VARCHAR(36) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    company_id    VARCHAR(36) NOT NULL,
    right_level   VARCHAR(8)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- also the index of a workspace's members
    CONSTRAINT pk_workspace_members PRIMARY KEY (workspace_id, account_id),
    CONSTRAINT fk_workspace_members_workspace FOREIGN KEY (workspace_id, company_id)
        REFERENCES workspaces (id, company_id) ON DELETE CASCADE,
    CONSTRAINT ck_workspace_members_right CHECK (right_level IN ('ADMIN', 'WRITE', 'READ'))
);
CREATE INDEX ix_workspace_members_company_account ON workspace_members (company_id, account_id, workspace_id);
-- sign-in asks whether an account holds a right anywhere; also serves the cascade from accounts
CREATE INDEX ix_workspace_members_account ON workspace_members (account_id);
