/**
 * The HTTP edge, what every request passes before a module sees it: input that no field could
 * hold (undecodable or control characters, blank path segments, unusable content types) is
 * refused with a 400 or 415; responses get the Permissions-Policy header, redirects that never
 * carry the request's Host, and Secure cookies behind HTTPS; errors raised outside controllers
 * are answered as problems (API) or the console's error page.
 */
package io.roster.edge;
