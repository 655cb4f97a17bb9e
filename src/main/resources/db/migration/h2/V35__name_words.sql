-- Search by the start of any word of a name (docs/rules.md §1): the folded words of first and last
-- names past their first one ("Marie-Claire" -> claire), written by the users module with the
-- account. The first word of a name is the start of its sort column already. H2 compares by code
-- point already (the PostgreSQL twin sets the "C" collation); the V36 migration fills the table
-- for existing accounts.
CREATE TABLE account_name_words (
    account_id       VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- the account's home company (a home never changes), so a company's words are one range
    company_id       VARCHAR(36),
    word             VARCHAR(255) NOT NULL,
    -- copies of the account's sort columns (V1), so a search by word sorted by userId or last name
    -- reads this table's index alone: joined to the accounts, a common word (a first name's second
    -- half) cost a read of the whole company
    user_id_sort     VARCHAR(255) NOT NULL DEFAULT '',
    last_name_sort   VARCHAR(255) NOT NULL DEFAULT '',
    CONSTRAINT pk_account_name_words PRIMARY KEY (account_id, word)
);
-- A company's rows by word: the search range of the Users table, with what each sort needs.
CREATE INDEX ix_account_name_words_company ON account_name_words (company_id, word, account_id, user_id_sort,
    last_name_sort);
