-- Each link of an account to a company carries the company's folded name (companies.name_key, V79;
-- a company's name never changes), so that the companies a person may sign in to are one range of
-- the account's index in name order: an app's sign-in chooser reads a page of them, and a search by
-- the start of a name its matches, however many companies the person holds a role in.
-- Byte order ("C"), as companies.name_key: a prefix is then one range of the index.
ALTER TABLE company_links ADD COLUMN company_key VARCHAR(200) COLLATE "C";
UPDATE company_links SET company_key = (SELECT c.name_key FROM companies c WHERE c.id = company_links.company_id);
ALTER TABLE company_links ALTER COLUMN company_key SET NOT NULL;
CREATE INDEX ix_company_links_account_by_name ON company_links (account_id, company_key, company_id);
