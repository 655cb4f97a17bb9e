/**
 * Telling people what concerns them (docs/rules.md §11): an in-app inbox (the bell) and mails, each as the
 * person's preferences say. Listens to other modules' events only.
 */
package io.roster.notifications;
