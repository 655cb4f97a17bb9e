-- The platform's first run: the row says the platform operator exists. It is written in the same
-- transaction as the operator, under a fixed key, so two nodes (or two browsers on the setup page)
-- creating the first operator at once end with one: the second insert fails and rolls back its
-- account too. Reading it is also cheaper than searching the accounts on every visit of /login.
CREATE TABLE platform_setup (
    id                   INTEGER     NOT NULL PRIMARY KEY,
    operator_account_id  VARCHAR(36) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_platform_setup_one_row CHECK (id = 1)
);

-- An installation that already has its operator is set up.
INSERT INTO platform_setup (id, operator_account_id, created_at)
SELECT 1, id, created_at FROM accounts WHERE operator = TRUE ORDER BY created_at, id LIMIT 1;
