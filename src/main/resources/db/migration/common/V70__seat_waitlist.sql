-- The seat waitlist (docs/rules.md, "Seat waitlist"): a company may let an activation refused for
-- want of a license wait for one. No settings row means the waitlist is off.
CREATE TABLE seat_waitlist_settings (
    company_id  VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    enabled     BOOLEAN     NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The rows waiting for a seat, in the order they get one (1 = next). Every change of the order is
-- made under the lock of the company's license_pools row, so the order and the seats move together.
CREATE TABLE seat_waitlist (
    id              VARCHAR(36) NOT NULL PRIMARY KEY,
    company_id      VARCHAR(36) NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    account_id      VARCHAR(36) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    queue_position  INTEGER     NOT NULL,
    -- whether the activation that joined the queue mails the account-setup invitation
    invite          BOOLEAN     NOT NULL,
    since           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_seat_waitlist_account UNIQUE (account_id)
);

CREATE INDEX ix_seat_waitlist_order ON seat_waitlist (company_id, queue_position);
