-- Access: roles per company, partner staff, sign-in throttling and the sign-in record.

-- Custom company roles; the built-in ones (ADMINISTRATOR, USER_MANAGER, BILLING_MANAGER, AUDITOR,
-- MEMBER) live in code with fixed ids.
CREATE TABLE custom_roles (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    company_id   VARCHAR(36)  NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    -- space-separated permission codes, e.g. 'users.read audit.read'
    permissions  VARCHAR(500) NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_custom_roles_name UNIQUE (company_id, name)
);

-- A role held by an account in one company. role_id is a built-in id or a custom role's id.
CREATE TABLE role_assignments (
    company_id  VARCHAR(36) NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    account_id  VARCHAR(36) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role_id     VARCHAR(36) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_role_assignments PRIMARY KEY (company_id, account_id, role_id)
);
CREATE INDEX ix_role_assignments_account ON role_assignments (account_id, company_id);
CREATE INDEX ix_role_assignments_role ON role_assignments (company_id, role_id, account_id);

-- Partner staff: accounts whose home is the partner, with one partner role each.
CREATE TABLE partner_members (
    partner_id  VARCHAR(36) NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    account_id  VARCHAR(36) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role        VARCHAR(32) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_partner_members PRIMARY KEY (partner_id, account_id),
    CONSTRAINT ck_partner_members_role CHECK (role IN ('PARTNER_ADMIN', 'PARTNER_USER_MANAGER'))
);
CREATE INDEX ix_partner_members_account ON partner_members (account_id);

-- Brute-force protection: failures per account (or per unknown login) and per client address.
-- locked_until holds both the growing delay between attempts and the temporary lockout.
CREATE TABLE sign_in_throttle (
    throttle_key     VARCHAR(400) NOT NULL PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE
);

-- Every sign-in attempt and its outcome (never the password).
CREATE TABLE sign_in_events (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id      VARCHAR(36),
    login           VARCHAR(320),
    client_address  VARCHAR(64),
    channel         VARCHAR(16)  NOT NULL,
    outcome         VARCHAR(32)  NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_sign_in_events_account ON sign_in_events (account_id, occurred_at);
