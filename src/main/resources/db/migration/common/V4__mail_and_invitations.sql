-- Transactional mail outbox and single-use invitation links.

-- Every mail is written here in the transaction of the change that causes it; a dispatcher on any
-- node claims due rows (FOR UPDATE SKIP LOCKED plus a lease, so a node that dies mid-send only
-- delays a mail) and delivers them, retrying with growing delays until DEAD.
CREATE TABLE mail_outbox (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    recipient        VARCHAR(320)  NOT NULL,
    kind             VARCHAR(40)   NOT NULL,
    locale           VARCHAR(8)    NOT NULL,
    subject          VARCHAR(300)  NOT NULL,
    body_text        VARCHAR(200000) NOT NULL,
    body_html        VARCHAR(200000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'DEAD'))
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_created ON mail_outbox (created_at, id);

-- A link mailed to someone: set up an account, reset a password, confirm an email, join a
-- workspace. Only the SHA-256 of the 256-bit token is kept.
CREATE TABLE invitations (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind          VARCHAR(20)  NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL,
    account_id    VARCHAR(36)  REFERENCES accounts (id) ON DELETE CASCADE,
    company_id    VARCHAR(36)  REFERENCES companies (id) ON DELETE CASCADE,
    workspace_id  VARCHAR(36),
    email         VARCHAR(320) NOT NULL,
    right_level   VARCHAR(8),
    invited_by    VARCHAR(36),
    status        VARCHAR(12)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_invitations_token UNIQUE (token_hash),
    CONSTRAINT ck_invitations_kind CHECK (kind IN ('ACCOUNT_SETUP', 'PASSWORD_RESET', 'EMAIL_CHANGE', 'WORKSPACE')),
    CONSTRAINT ck_invitations_status CHECK (status IN ('PENDING', 'USED', 'REPLACED', 'REVOKED'))
);
CREATE INDEX ix_invitations_account ON invitations (account_id, kind, status);
CREATE INDEX ix_invitations_workspace ON invitations (workspace_id, status, created_at);
