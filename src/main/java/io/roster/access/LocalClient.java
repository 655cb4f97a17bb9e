package io.roster.access;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a request comes from this machine: its peer is a loopback address (127.0.0.0/8, ::1)
 * and it names no forwarding proxy, since a reverse proxy on the same host would make every
 * visitor look local. Only the connection's address counts: forwarding headers are never believed.
 */
final class LocalClient {

    private static final String[] PROXY_HEADERS = {"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP"};

    private LocalClient() {
    }

    static boolean isLocal(HttpServletRequest request) {
        for (String proxyHeader : PROXY_HEADERS) {
            if (request.getHeader(proxyHeader) != null) {
                return false;
            }
        }
        return isLoopback(request.getRemoteAddr());
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.%]+")) {
            return false; // only an address literal, so no name is ever looked up
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
