/**
 * The REST API under {@code /api/v1}: parses requests, authorizes at the entry of each operation,
 * calls a module and renders JSON or an RFC 9457 problem.
 */
package io.roster.api;
