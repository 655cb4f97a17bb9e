/**
 * Mail: a transactional outbox, templates in French and English, and a dispatcher that delivers
 * over SMTP with retries on any node. The request path never waits on SMTP.
 */
package io.roster.mail;
