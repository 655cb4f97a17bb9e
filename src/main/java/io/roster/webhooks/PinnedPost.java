package io.roster.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to an address already resolved and checked by {@link UrlPolicy}, never to a
 * second resolution of the URL's host: a name that answered a public address to the check cannot
 * answer a private one to the connection (DNS rebinding). TLS still names and verifies the host
 * itself (SNI and the certificate's name), over the socket connected to the checked address.
 * Connect and read are bounded by the configured timeouts; the answer's status line is all that
 * is read, so a redirect is only a status (3xx, not 2xx) and is never followed. One connection per
 * attempt ({@code Connection: close}).
 */
final class PinnedPost {

    private static final int MAX_STATUS_LINE = 8192;

    private final Duration connectTimeout;
    private final Duration readTimeout;

    PinnedPost(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * Tries the checked addresses in turn until one accepts the connection.
     *
     * @return the answer's status code
     */
    int post(URI uri, List<InetAddress> addresses, Map<String, String> headers, byte[] body) throws IOException {
        boolean tls = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), millis(connectTimeout));
            } catch (IOException refused) {
                socket.close();
                last = refused;
                continue;
            }
            try (Socket open = tls ? secured(socket, uri, port) : socket) {
                open.setSoTimeout(millis(readTimeout));
                return exchange(open, uri, port, tls, headers, body);
            }
        }
        throw last != null ? last : new IOException("no address to connect to");
    }

    private static Socket secured(Socket plain, URI uri, int port) throws IOException {
        String host = bare(uri.getHost());
        SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        // the certificate must name the URL's host, whatever address it was reached at
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private int exchange(Socket socket, URI uri, int port, boolean tls, Map<String, String> headers, byte[] body)
            throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = port == (tls ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return statusCode(readStatusLine(socket.getInputStream()));
    }

    private static String readStatusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() >= MAX_STATUS_LINE) {
                throw new IOException("status line too long");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    /** {@code HTTP/1.1 204 No Content} → 204. */
    static int statusCode(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            throw new IOException("not an HTTP answer");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP answer");
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
