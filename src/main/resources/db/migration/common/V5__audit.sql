-- The audit log: one row per change, written by the audit module in the transaction of the change
-- itself. Append-only: the application never updates or deletes a row (the vendor migration V5_1
-- makes the database refuse it too). No foreign keys: the trail outlives deleted accounts.

CREATE TABLE audit_entries (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the company the change happened in, and the partner space that sees it (a partner's own
    -- changes, and what its staff did in an attached company); either may be NULL
    company_id        VARCHAR(36),
    partner_id        VARCHAR(36),
    -- who: the account (NULL for SYSTEM and ANONYMOUS) and its userId at the time
    actor_account_id  VARCHAR(36),
    actor_user_id     VARCHAR(64),
    actor_kind        VARCHAR(16)  NOT NULL,
    action            VARCHAR(64)  NOT NULL,
    target_type       VARCHAR(32),
    target_id         VARCHAR(64),
    -- JSON objects of the fields that changed; never a password, a token or a hash of either
    before_json       VARCHAR(8000),
    after_json        VARCHAR(8000),
    client_address    VARCHAR(64),
    request_id        VARCHAR(64),
    CONSTRAINT ck_audit_entries_actor_kind
        CHECK (actor_kind IN ('USER', 'PARTNER_STAFF', 'OPERATOR', 'SYSTEM', 'ANONYMOUS'))
);
-- Lists are newest first, keyset-paginated on (occurred_at, id), per company or per partner, with
-- or without an actor or action filter: each shape has its index.
CREATE INDEX ix_audit_company ON audit_entries (company_id, occurred_at, id);
CREATE INDEX ix_audit_company_actor_account ON audit_entries (company_id, actor_account_id, occurred_at, id);
CREATE INDEX ix_audit_company_actor_user ON audit_entries (company_id, actor_user_id, occurred_at, id);
CREATE INDEX ix_audit_company_action ON audit_entries (company_id, action, occurred_at, id);
CREATE INDEX ix_audit_partner ON audit_entries (partner_id, occurred_at, id);
CREATE INDEX ix_audit_partner_actor_account ON audit_entries (partner_id, actor_account_id, occurred_at, id);
CREATE INDEX ix_audit_partner_actor_user ON audit_entries (partner_id, actor_user_id, occurred_at, id);
CREATE INDEX ix_audit_partner_action ON audit_entries (partner_id, action, occurred_at, id);
