package io.roster.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether Spring Boot marks the session cookie Secure ({@code server.servlet.session.cookie.secure},
 * set from {@code ROSTER_SECURE_COOKIES}): device cookies follow the session cookie.
 */
@ConfigurationProperties("server.servlet.session.cookie")
record SessionCookieProperties(@DefaultValue("false") boolean secure) {
}
