-- Monthly guest reviews: one row per reviewer, company and month, inserted before the mail is
-- queued, so two nodes never send the same month's review twice (the primary key decides).
CREATE TABLE guest_review_periods (
    company_id           VARCHAR(36) NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    reviewer_account_id  VARCHAR(36) NOT NULL,
    period               VARCHAR(7)  NOT NULL,
    guests               INTEGER     NOT NULL,
    sent_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_guest_review_periods PRIMARY KEY (company_id, reviewer_account_id, period)
);

-- One keep-or-remove link per guest in a review mail: the token is kept only as its hash, used
-- once (a conditional UPDATE on used_at decides), and expires.
CREATE TABLE guest_review_links (
    id                   VARCHAR(36) NOT NULL PRIMARY KEY,
    token_hash           VARCHAR(64) NOT NULL,
    company_id           VARCHAR(36) NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    workspace_id         VARCHAR(36) NOT NULL,
    guest_account_id     VARCHAR(36) NOT NULL,
    reviewer_account_id  VARCHAR(36) NOT NULL,
    period               VARCHAR(7)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at              TIMESTAMP WITH TIME ZONE,
    decision             VARCHAR(8),
    CONSTRAINT uq_guest_review_links_token UNIQUE (token_hash),
    CONSTRAINT ck_guest_review_links_decision CHECK (decision IN ('KEEP', 'REMOVE'))
);
CREATE INDEX ix_guest_review_links_expires ON guest_review_links (expires_at);
