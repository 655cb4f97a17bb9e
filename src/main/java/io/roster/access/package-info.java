/**
 * Who is calling and what they may do: API tokens, authentication, the platform operator and the
 * authorization check every operation starts with.
 */
package io.roster.access;
