-- The license pool moves out of the company row into a table of its own, owned by the licensing
-- module: tenancy keeps the company (name, slug, partner), licensing the seats. Same invariant,
-- same guard: one row per company, every change a conditional UPDATE of that row under its lock,
-- and a CHECK constraint behind it.
CREATE TABLE license_pools (
    company_id  VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES companies (id),
    purchased   INTEGER     NOT NULL,
    -- kept equal to the number of ACTIVE internal users, in the same transaction as each status change
    used        INTEGER     NOT NULL DEFAULT 0,
    version     BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT ck_license_pools_seats CHECK (used >= 0 AND used <= purchased)
);

INSERT INTO license_pools (company_id, purchased, used, version)
    SELECT id, licenses_purchased, licenses_used, 0 FROM companies;

ALTER TABLE companies DROP CONSTRAINT ck_companies_seats;
ALTER TABLE companies DROP COLUMN licenses_purchased;
ALTER TABLE companies DROP COLUMN licenses_used;
