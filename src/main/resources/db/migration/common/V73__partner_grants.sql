-- Partner access approved by the company: a partner's staff reach a company only through a current
-- grant (ACTIVE and ending in the future), and only within its scope. One row per company and
-- partner: a request, an acceptance, a revocation or an expiry changes that row (the audit log keeps
-- the history). companies.partner_id stays the partner that opened the company.
CREATE TABLE partner_grants (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    company_id     VARCHAR(36)  NOT NULL REFERENCES companies (id),
    partner_id     VARCHAR(36)  NOT NULL REFERENCES partners (id),
    status         VARCHAR(16)  NOT NULL,
    scope_users    BOOLEAN      NOT NULL,
    scope_billing  BOOLEAN      NOT NULL,
    -- null while a first request waits: the company chooses the end when it accepts
    ends_at        TIMESTAMP WITH TIME ZONE,
    requested_by   VARCHAR(36),
    requested_at   TIMESTAMP WITH TIME ZONE,
    decided_by     VARCHAR(36),
    decided_at     TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_partner_grants_company_partner UNIQUE (company_id, partner_id),
    CONSTRAINT ck_partner_grants_status CHECK (status IN ('PENDING', 'ACTIVE', 'REVOKED', 'EXPIRED')),
    CONSTRAINT ck_partner_grants_active_ends CHECK (status <> 'ACTIVE' OR ends_at IS NOT NULL)
);
-- "current grants of a partner" (its cross-company lists) and "every grant of a partner"
CREATE INDEX ix_partner_grants_partner ON partner_grants (partner_id, status, ends_at, company_id);
-- the expiry job: ACTIVE grants by end
CREATE INDEX ix_partner_grants_ending ON partner_grants (status, ends_at);

-- Every company a partner opened keeps its partner, now through an ACTIVE grant of both scopes for
-- one year. A backfilled grant takes its company's id as its own (one grant per company here).
INSERT INTO partner_grants (id, company_id, partner_id, status, scope_users, scope_billing, ends_at,
        requested_by, requested_at, decided_by, decided_at, version, created_at, updated_at)
    SELECT id, id, partner_id, 'ACTIVE', TRUE, TRUE, CURRENT_TIMESTAMP + INTERVAL '1' YEAR,
           NULL, NULL, NULL, CURRENT_TIMESTAMP, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM companies WHERE partner_id IS NOT NULL;
