package io.roster.edge;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import io.roster.shared.OutsideRedirects;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A response whose redirects are relative: Spring Security and the servlet container make absolute
 * URLs from the Host header, which a client chooses, so {@code Host: evil.example} would come back in
 * {@code Location} — also later, from a request saved for after the sign-in. Roster never sends
 * anyone to another site but the apps that sign people in through it, so every absolute http(s)
 * redirect loses its origin, unless it is the public URL's or a redirect URI registered for an app
 * ({@link OutsideRedirects}). When cookies must be Secure, every cookie set through it gets the flag.
 */
final class HardenedResponse extends HttpServletResponseWrapper {

    private static final Pattern SECURE = Pattern.compile("(?i);\\s*secure\\s*(;|$)");

    private final URI publicUrl;
    private final boolean secureCookies;
    private final OutsideRedirects outside;

    HardenedResponse(HttpServletResponse response, URI publicUrl, boolean secureCookies) {
        this(response, publicUrl, secureCookies, target -> false);
    }

    HardenedResponse(HttpServletResponse response, URI publicUrl, boolean secureCookies, OutsideRedirects outside) {
        super(response);
        this.outside = outside;
        this.publicUrl = publicUrl;
        this.secureCookies = secureCookies;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        super.sendRedirect(relative(location));
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        super.sendRedirect(relative(location), clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int status) throws IOException {
        super.sendRedirect(relative(location), status);
    }

    @Override
    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        super.sendRedirect(relative(location), status, clearBuffer);
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, harden(name, value));
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, harden(name, value));
    }

    @Override
    public void addCookie(Cookie cookie) {
        if (secureCookies) {
            cookie.setSecure(true);
        }
        super.addCookie(cookie);
    }

    private String harden(String name, String value) {
        if (value == null) {
            return null;
        }
        if ("Location".equalsIgnoreCase(name)) {
            return relative(value);
        }
        if (secureCookies && "Set-Cookie".equalsIgnoreCase(name) && !SECURE.matcher(value).find()) {
            return value + "; Secure";
        }
        return value;
    }

    /** The path, query and fragment of an absolute http(s) redirect to anywhere but the public URL. */
    String relative(String location) {
        URI target;
        try {
            target = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        if (!target.isAbsolute() || target.getRawAuthority() == null || !isHttp(target) || sameOrigin(target, publicUrl)
                || outside.allows(target)) {
            return location;
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
    }

    private static boolean isHttp(URI target) {
        return "http".equalsIgnoreCase(target.getScheme()) || "https".equalsIgnoreCase(target.getScheme());
    }

    private static boolean sameOrigin(URI target, URI origin) {
        return origin != null && origin.getHost() != null && target.getScheme().equalsIgnoreCase(origin.getScheme())
                && origin.getHost().equalsIgnoreCase(target.getHost()) && port(target) == port(origin);
    }

    private static int port(URI target) {
        if (target.getPort() >= 0) {
            return target.getPort();
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }
}
