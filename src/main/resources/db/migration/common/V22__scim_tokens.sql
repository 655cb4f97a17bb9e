-- SCIM provisioning (docs/rules.md §19): a company's directory (Entra ID, Okta...) authenticates with a
-- company SCIM token. The token names no person: it decides the company, and nothing else. Kept as a
-- SHA-256 hash only; the value is shown once, when created.
CREATE TABLE scim_tokens (
    id                     VARCHAR(36)  NOT NULL PRIMARY KEY,
    company_id             VARCHAR(36)  NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    token_hash             VARCHAR(64)  NOT NULL,
    created_by_account_id  VARCHAR(36),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at           TIMESTAMP WITH TIME ZONE,
    revoked_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_scim_tokens_hash UNIQUE (token_hash)
);
CREATE INDEX ix_scim_tokens_company ON scim_tokens (company_id, created_at);

-- What a directory does through SCIM is audited with its own actor kind (the token, not a person).
ALTER TABLE audit_entries DROP CONSTRAINT ck_audit_entries_actor_kind;
ALTER TABLE audit_entries ADD CONSTRAINT ck_audit_entries_actor_kind
    CHECK (actor_kind IN ('USER', 'PARTNER_STAFF', 'OPERATOR', 'SYSTEM', 'ANONYMOUS', 'SCIM'));
