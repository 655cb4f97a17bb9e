-- The operator's outbox list filtered by status (GET /api/v1/mail?status=PENDING), newest first:
-- how many mails wait or died must be answerable without reading every mail ever sent.
CREATE INDEX ix_mail_outbox_status_created ON mail_outbox (status, created_at, id);
