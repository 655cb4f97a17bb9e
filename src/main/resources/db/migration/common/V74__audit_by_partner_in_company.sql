-- A company's "Partner access" page lists what one partner's staff did in the company.
CREATE INDEX ix_audit_company_partner ON audit_entries (company_id, partner_id, occurred_at, id);
