-- Whether the account's language was chosen (by its creator, by the person, or taken from their
-- browser at their first sign-in). An account created without one (API without locale, SCIM, CSV
-- import) gets the platform default and FALSE here, until the person's first console sign-in takes
-- their browser's language (docs/rules.md §17). Accounts from before kept the language they had.
ALTER TABLE accounts ADD COLUMN locale_chosen BOOLEAN DEFAULT TRUE NOT NULL;
