-- Second factor (docs/rules.md §21). One authenticator app (TOTP, RFC 6238) per account: its secret
-- is pending until the person proves it with a first code (confirmed_at); last_used_step is the
-- 30-second step of the last code accepted, so a code is never taken twice.
CREATE TABLE totp_factors (
    account_id      VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret          VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    last_used_step  BIGINT       NOT NULL DEFAULT 0
);

-- Ten single-use recovery codes per account, shown once; kept as SHA-256 hashes only (each code
-- carries about 80 random bits). A used code is deleted.
CREATE TABLE recovery_codes (
    account_id  VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash   VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_recovery_codes PRIMARY KEY (account_id, code_hash)
);
