-- Retention (README, "Retention"): each module's scheduled purge finds the rows past their period
-- by a range on one of these, in bounded batches, instead of reading the whole table each time.
-- (The outbox's purge uses ix_mail_outbox_status_created.)
CREATE INDEX ix_sign_in_events_occurred ON sign_in_events (occurred_at);
CREATE INDEX ix_sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
CREATE INDEX ix_invitations_expires ON invitations (expires_at);
