-- In-app notifications (SPEC §9): what happened to a person, shown by the bell. The message is
-- rendered when read, in the reader's language, from the kind and its arguments.
CREATE TABLE notifications (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    account_id  VARCHAR(36)   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        VARCHAR(40)   NOT NULL,
    -- the message arguments, separated by U+001F (names of roles, workspaces, companies)
    arguments   VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_notifications_account ON notifications (account_id, created_at, id);
CREATE INDEX ix_notifications_unread ON notifications (account_id, read_at);
