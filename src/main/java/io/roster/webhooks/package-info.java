/**
 * Webhooks: endpoints that companies (and the operator, for the whole platform) register, an
 * outbox of deliveries written in the transaction of each change, and a dispatcher on every node
 * that posts them signed per the Standard Webhooks specification, in order per endpoint, with
 * retries. Listens to the events of users, access, workspaces and licensing; calls no one above.
 */
package io.roster.webhooks;
