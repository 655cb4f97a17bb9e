package io.roster.edge;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The address people reach Roster at and whether its cookies are Secure.
 *
 * @param publicUrl {@code roster.public-url} ({@code ROSTER_PUBLIC_URL}): an absolute http or https
 *        address; by default this server's own
 * @param secureCookies {@code roster.secure-cookies} ({@code ROSTER_SECURE_COOKIES}): {@code true} or
 *        {@code false}; empty (the default) derives it from the public URL's scheme
 */
@ConfigurationProperties("roster")
record EdgeProperties(String publicUrl, Boolean secureCookies) {

    private static final String PUBLIC_URL = "roster.public-url (ROSTER_PUBLIC_URL)";

    EdgeProperties {
        publicUrl = checked(publicUrl);
    }

    URI publicUri() {
        return URI.create(publicUrl);
    }

    /** Cookies are Secure when the public URL is https, unless {@code roster.secure-cookies} says otherwise. */
    boolean cookiesSecure() {
        return secureCookies != null ? secureCookies : "https".equalsIgnoreCase(publicUri().getScheme());
    }

    private static String checked(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            throw new IllegalArgumentException(PUBLIC_URL + " must be set to the address people reach Roster at,"
                    + " such as https://roster.example.com");
        }
        String url = publicUrl.strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException(PUBLIC_URL + " must be an absolute http:// or https:// address such as"
                    + " https://roster.example.com; '" + url + "' is malformed: " + malformed.getReason());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(PUBLIC_URL + " must be an absolute http:// or https:// address with a"
                    + " host, such as https://roster.example.com; it is '" + url + "'");
        }
        return url;
    }
}
