-- A company's name folded to lower case, for a prefix search of companies by name (an app's
-- sign-in chooser, with thousands of companies to choose from) walking one index in name order.
ALTER TABLE companies ADD COLUMN name_key VARCHAR(200);
UPDATE companies SET name_key = LOWER(name);
ALTER TABLE companies ALTER COLUMN name_key SET NOT NULL;
CREATE INDEX ix_companies_name_key ON companies (name_key, id);
