/**
 * Telling people what concerns them (SPEC §9): an in-app inbox (the bell) and mails, each as the
 * person's preferences say. Listens to other modules' events only.
 */
package io.roster.notifications;
