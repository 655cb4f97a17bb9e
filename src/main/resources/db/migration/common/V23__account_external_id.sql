-- The identifier a company's directory gives a person it provisions through SCIM (externalId,
-- RFC 7643 §3.1): kept as sent, and searched by the directory within the company.
ALTER TABLE accounts ADD COLUMN external_id VARCHAR(255);
CREATE INDEX ix_accounts_company_external_id ON accounts (home_company_id, external_id);
