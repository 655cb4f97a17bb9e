package io.roster.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which URLs Roster posts to: absolute http(s) URLs whose host resolves only to public addresses,
 * so a tenant cannot aim the server at its own network (loopback, private, link-local, CGNAT,
 * unique-local IPv6), unless {@code roster.webhooks.allow-private-networks} is on. Checked at
 * registration and again before every attempt, since a name may resolve elsewhere later.
 */
@Component
class UrlPolicy {

    static final int MAX_LENGTH = 2000;

    private final boolean allowPrivateNetworks;

    UrlPolicy(WebhookProperties properties) {
        this.allowPrivateNetworks = properties.allowPrivateNetworks();
    }

    /** Why the URL is refused, or empty when Roster may post to it. */
    Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of("resolves to a loopback, private or link-local address, which webhooks may not reach");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8
            return (first == 100 && second >= 64 && second <= 127) || first == 0;
        }
        // fc00::/7, unique local IPv6 addresses
        return (bytes[0] & 0xfe) == 0xfc;
    }
}
