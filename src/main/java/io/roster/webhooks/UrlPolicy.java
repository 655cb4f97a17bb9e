package io.roster.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which URLs Roster posts to: absolute http(s) URLs whose host resolves only to public addresses,
 * so a tenant cannot aim the server at its own network (loopback, private, link-local, CGNAT,
 * unique-local IPv6), unless {@code roster.webhooks.allow-private-networks} is on. Checked at
 * registration and again before every attempt, since a name may resolve elsewhere later; the
 * attempt then connects to an address of that very check (DNS rebinding cannot slip in between).
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
        return Optional.ofNullable(check(url).refusal());
    }

    /**
     * The URL checked, with the addresses its host resolved to at this moment: a delivery connects
     * to one of these, never resolves the name again (see {@link PinnedPost}).
     *
     * @param refusal why it is refused (then no addresses), or null
     */
    record Checked(URI uri, List<InetAddress> addresses, String refusal) {
        static Checked refused(String why) {
            return new Checked(null, List.of(), why);
        }
    }

    Checked check(String url) {
        if (url == null || url.isBlank()) {
            return Checked.refused("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Checked.refused("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Checked.refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Checked.refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Checked.refused("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Checked.refused("must not carry a user name or password");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Checked.refused("names a host that does not resolve");
        }
        if (!allowPrivateNetworks) {
            // every answer, not only the first: a name may answer a public and a private address
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return Checked.refused(
                            "resolves to a loopback, private or link-local address, which webhooks may not reach");
                }
            }
        }
        return new Checked(uri, List.of(addresses), null);
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
