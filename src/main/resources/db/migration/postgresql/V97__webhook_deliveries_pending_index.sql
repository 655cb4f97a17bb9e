-- Webhooks (docs/rules.md §18): the dispatcher finds the head of each endpoint's queue as "its
-- PENDING rows in seq order, the first", and the rows right behind it. Once the table had
-- statistics taken while a backlog waited (many PENDING rows), PostgreSQL planned the head by
-- walking ix_webhook_deliveries_log (endpoint_id, seq) and testing each row's status: every
-- DELIVERED row of the endpoint at every claim (3,250 rows and 3,900 buffers an endpoint, 5 ms a
-- claim, after 6,000 deliveries), rather than ix_webhook_deliveries_queue, which also holds the
-- delivered rows under their status. This index holds only the PENDING rows, the few the
-- dispatcher reads: a head is one probe whatever the endpoint has delivered, and no plan can do
-- better by walking the delivered ones. It replaces the queue index and the due index
-- (status, next_attempt_at), whose only PENDING readers (the claim, the pending gauge) it serves:
-- two index entries fewer for every delivery written and marked DELIVERED. H2 has no partial
-- indexes; it keeps the two (its claim is planned by its own rules).
CREATE INDEX ix_webhook_deliveries_pending ON webhook_deliveries (endpoint_id, seq) WHERE status = 'PENDING';
DROP INDEX ix_webhook_deliveries_queue;
DROP INDEX ix_webhook_deliveries_due;
