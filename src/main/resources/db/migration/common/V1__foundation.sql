-- Roster foundation: partners, companies (with their license pool), accounts (which are also the
-- rows of a company's Users table) and API tokens. Portable SQL: runs unchanged on H2 and PostgreSQL.

CREATE TABLE partners (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE companies (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    slug                VARCHAR(64)  NOT NULL,
    partner_id          VARCHAR(36)  REFERENCES partners (id),
    licenses_purchased  INTEGER      NOT NULL,
    -- kept equal to the number of ACTIVE internal users, in the same transaction as each status change
    licenses_used       INTEGER      NOT NULL DEFAULT 0,
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_companies_slug UNIQUE (slug),
    -- the seat invariant, enforced by the database whatever the number of nodes
    CONSTRAINT ck_companies_seats CHECK (licenses_used >= 0 AND licenses_used <= licenses_purchased)
);
CREATE INDEX ix_companies_partner ON companies (partner_id, name, id);

-- An account is a person who can (eventually) log in. A DRAFT row of a company's Users table is an
-- account that does not exist yet: its typed fields are kept as typed, and the unique claims
-- (user_id_key, email_key) are only taken when it is activated.
CREATE TABLE accounts (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    home_company_id    VARCHAR(36)  REFERENCES companies (id),
    home_partner_id    VARCHAR(36)  REFERENCES partners (id),
    operator           BOOLEAN      NOT NULL DEFAULT FALSE,
    user_id            VARCHAR(255),
    first_name         VARCHAR(255),
    last_name          VARCHAR(255),
    email              VARCHAR(320),
    user_id_key        VARCHAR(64),
    email_key          VARCHAR(320),
    -- lower-cased copies for case-insensitive sorting and prefix search ('' when empty)
    user_id_sort       VARCHAR(255) NOT NULL DEFAULT '',
    first_name_sort    VARCHAR(255) NOT NULL DEFAULT '',
    last_name_sort     VARCHAR(255) NOT NULL DEFAULT '',
    email_sort         VARCHAR(320) NOT NULL DEFAULT '',
    status             VARCHAR(16)  NOT NULL,
    validation_result  VARCHAR(500),
    email_verified     BOOLEAN      NOT NULL DEFAULT FALSE,
    password_hash      VARCHAR(255),
    locale             VARCHAR(8)   NOT NULL DEFAULT 'en',
    notify_in_app      BOOLEAN      NOT NULL DEFAULT TRUE,
    notify_email       BOOLEAN      NOT NULL DEFAULT TRUE,
    version            BIGINT       NOT NULL DEFAULT 0,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_accounts_user_id UNIQUE (user_id_key),
    CONSTRAINT uq_accounts_email UNIQUE (email_key),
    CONSTRAINT ck_accounts_status CHECK (status IN ('DRAFT', 'ACTIVE', 'INACTIVE'))
);
-- Users table: every sort is keyset-paginated on (sort column, id) within one company.
CREATE INDEX ix_accounts_company_user_id ON accounts (home_company_id, user_id_sort, id);
CREATE INDEX ix_accounts_company_last_name ON accounts (home_company_id, last_name_sort, id);
CREATE INDEX ix_accounts_company_email ON accounts (home_company_id, email_sort, id);
CREATE INDEX ix_accounts_company_first_name ON accounts (home_company_id, first_name_sort, id);
CREATE INDEX ix_accounts_company_status ON accounts (home_company_id, status, user_id_sort, id);
CREATE INDEX ix_accounts_company_by_status ON accounts (home_company_id, status, id);
CREATE INDEX ix_accounts_partner ON accounts (home_partner_id, user_id_sort, id);

CREATE TABLE api_tokens (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id  VARCHAR(36) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- SHA-256 of the token, hex; the token itself is shown once and never stored
    token_hash  VARCHAR(64) NOT NULL,
    company_id  VARCHAR(36) REFERENCES companies (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_tokens_account ON api_tokens (account_id, created_at);
