package io.roster.webhooks;

import java.io.BufferedInputStream;
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
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to an address already resolved and checked by {@link UrlPolicy}, never to a
 * second resolution of the URL's host: a name that answered a public address to the check cannot
 * answer a private one to the connection (DNS rebinding). TLS still names and verifies the host
 * itself (SNI and the certificate's name), over the socket connected to the checked address.
 * Connect and read are bounded by the configured timeouts; only the answer's status line and
 * headers are interpreted, so a redirect is only a status (3xx, not 2xx) and is never followed.
 *
 * <p>Connections are kept alive between attempts, per scheme, host, port and address: the next
 * post to the same endpoint reuses one only when its address is among the addresses of that
 * post's own check, so the pinning above holds for a kept connection too. A connection is kept
 * only when the answer's end is known (a {@code Content-Length} or a chunked body of at most
 * {@link #MAX_DRAINED} bytes, read and dropped; no {@code Connection: close}), and for at most
 * {@link #KEPT_IDLE} idle. A kept connection the receiver closed meanwhile fails before any byte
 * of an answer: the post is then sent once more on a new connection (deliveries are at least
 * once; the receiver deduplicates on {@code webhook-id}).
 */
final class PinnedPost implements AutoCloseable {

    private static final int MAX_STATUS_LINE = 8192;
    private static final int MAX_HEADERS = 64 * 1024;
    /** Bodies longer than this are not read: the connection is closed instead of kept. */
    static final int MAX_DRAINED = 64 * 1024;
    /** Below the usual servers' keep-alive timeouts (Node 5 s, nginx 75 s, Tomcat 60 s). */
    static final Duration KEPT_IDLE = Duration.ofSeconds(4);
    /** Idle connections kept per address; the dispatcher posts to one endpoint at a time. */
    private static final int KEPT_PER_ADDRESS = 2;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Map<Target, Deque<Kept>> idle = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    PinnedPost(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Where a connection goes: the URL's scheme, host and port, at one checked address. */
    private record Target(String scheme, String host, int port, InetAddress address) {
    }

    /** An idle connection and since when it idles. */
    private record Kept(Socket socket, long idleSince) {
    }

    /** An answer: its status, and whether the connection may carry the next request. */
    private record Answer(int status, boolean reusable) {
    }

    /**
     * Tries a kept connection to one of the checked addresses first, then the addresses in turn
     * until one accepts a new connection.
     *
     * @return the answer's status code
     */
    int post(URI uri, List<InetAddress> addresses, Map<String, String> headers, byte[] body) throws IOException {
        boolean tls = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        sweepNowAndThen();
        for (InetAddress address : addresses) {
            Target target = new Target(tls ? "https" : "http", uri.getHost().toLowerCase(Locale.ROOT), port, address);
            Socket kept = takeIdle(target);
            if (kept == null) {
                continue;
            }
            try {
                return send(target, kept, uri, port, tls, headers, body);
            } catch (StaleConnection stale) {
                // closed by the receiver while idle: send on a new connection below
                break;
            }
        }
        IOException last = null;
        for (InetAddress address : addresses) {
            Target target = new Target(tls ? "https" : "http", uri.getHost().toLowerCase(Locale.ROOT), port, address);
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, port), millis(connectTimeout));
            } catch (IOException refused) {
                socket.close();
                last = refused;
                continue;
            }
            Socket open;
            try {
                open = tls ? secured(socket, uri, port) : socket;
            } catch (IOException handshake) {
                socket.close();
                throw handshake;
            }
            try {
                return send(target, open, uri, port, tls, headers, body);
            } catch (StaleConnection stale) {
                throw stale.failure();
            }
        }
        throw last != null ? last : new IOException("no address to connect to");
    }

    /** Sends on the socket; keeps it for the next post when the answer allows, closes it otherwise. */
    private int send(Target target, Socket socket, URI uri, int port, boolean tls, Map<String, String> headers,
            byte[] body) throws IOException {
        boolean keep = false;
        try {
            socket.setSoTimeout(millis(readTimeout));
            Answer answer = exchange(socket, uri, port, tls, headers, body);
            keep = answer.reusable();
            return answer.status();
        } finally {
            if (keep) {
                giveBack(target, socket);
            } else {
                closeQuietly(socket);
            }
        }
    }

    /** A failure before any byte of an answer came back: the connection was closed, or reset. */
    private static final class StaleConnection extends IOException {
        StaleConnection(IOException cause) {
            super(cause.getMessage(), cause);
        }

        IOException failure() {
            return (IOException) getCause();
        }
    }

    private Socket takeIdle(Target target) {
        Deque<Kept> kept = idle.get(target);
        if (kept == null) {
            return null;
        }
        long now = System.nanoTime();
        for (Kept candidate = kept.pollLast(); candidate != null; candidate = kept.pollLast()) {
            if (now - candidate.idleSince() < KEPT_IDLE.toNanos() && !candidate.socket().isClosed()) {
                return candidate.socket();
            }
            closeQuietly(candidate.socket());
        }
        return null;
    }

    private void giveBack(Target target, Socket socket) {
        Deque<Kept> kept = idle.computeIfAbsent(target, any -> new ConcurrentLinkedDeque<>());
        kept.addLast(new Kept(socket, System.nanoTime()));
        while (kept.size() > KEPT_PER_ADDRESS) {
            Kept oldest = kept.pollFirst();
            if (oldest != null) {
                closeQuietly(oldest.socket());
            }
        }
    }

    /** Closes connections idle too long, at most once per idle period, so that none lingers. */
    private void sweepNowAndThen() {
        long now = System.nanoTime();
        if (now - lastSweep < KEPT_IDLE.toNanos()) {
            return;
        }
        lastSweep = now;
        for (Iterator<Map.Entry<Target, Deque<Kept>>> entries = idle.entrySet().iterator(); entries.hasNext();) {
            Deque<Kept> kept = entries.next().getValue();
            kept.removeIf(candidate -> {
                if (now - candidate.idleSince() >= KEPT_IDLE.toNanos()) {
                    closeQuietly(candidate.socket());
                    return true;
                }
                return false;
            });
            if (kept.isEmpty()) {
                entries.remove();
            }
        }
    }

    /** Closes every kept connection (the node is stopping). */
    @Override
    public void close() {
        idle.values().forEach(kept -> {
            for (Kept candidate = kept.pollFirst(); candidate != null; candidate = kept.pollFirst()) {
                closeQuietly(candidate.socket());
            }
        });
        idle.clear();
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

    private Answer exchange(Socket socket, URI uri, int port, boolean tls, Map<String, String> headers, byte[] body)
            throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = port == (tls ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        InputStream in;
        try {
            // one write: two small ones on a kept connection would wait for the receiver's delayed
            // acknowledgement of the first (Nagle), some 40 ms per post
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            in = new BufferedInputStream(socket.getInputStream(), 1024);
            in.mark(1);
            if (in.read() == -1) {
                throw new StaleConnection(new IOException("connection closed before an answer"));
            }
            in.reset();
        } catch (StaleConnection stale) {
            throw stale;
        } catch (java.net.SocketTimeoutException slow) {
            // the request went out and nothing came back in time: not a stale connection
            throw slow;
        } catch (IOException closed) {
            throw new StaleConnection(closed);
        }
        String statusLine = readLine(in, MAX_STATUS_LINE);
        int status = statusCode(statusLine);
        boolean reusable;
        try {
            reusable = readRestOfAnswer(in, status, statusLine.startsWith("HTTP/1.0"));
        } catch (IOException cutShort) {
            // the status is what counts; a connection whose answer ended oddly is not kept
            reusable = false;
        }
        return new Answer(status, reusable);
    }

    /**
     * Reads the headers and, when its length is known and small, the body of the answer.
     *
     * @return whether the connection may carry another request
     */
    private static boolean readRestOfAnswer(InputStream in, int status, boolean http10) throws IOException {
        long length = -1;
        boolean chunked = false;
        boolean close = http10;
        int read = 0;
        for (String line = readLine(in, MAX_STATUS_LINE); !line.isEmpty(); line = readLine(in, MAX_STATUS_LINE)) {
            read += line.length() + 2;
            if (read > MAX_HEADERS) {
                return false;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> {
                    if (value.contains("close")) {
                        close = true;
                    } else if (value.contains("keep-alive")) {
                        close = false;
                    }
                }
                default -> {
                }
            }
        }
        if (close || status / 100 == 1) {
            return false;
        }
        if (status == 204 || status == 304) {
            return true;
        }
        if (chunked) {
            return drainChunked(in);
        }
        if (length < 0 || length > MAX_DRAINED) {
            return false;
        }
        in.skipNBytes(length);
        return true;
    }

    private static boolean drainChunked(InputStream in) throws IOException {
        long total = 0;
        while (true) {
            String size = readLine(in, MAX_STATUS_LINE);
            int extension = size.indexOf(';');
            long chunk;
            try {
                chunk = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
            } catch (NumberFormatException e) {
                return false;
            }
            total += chunk;
            if (chunk < 0 || total > MAX_DRAINED) {
                return false;
            }
            if (chunk == 0) {
                // trailers, up to the empty line
                while (!readLine(in, MAX_STATUS_LINE).isEmpty()) {
                    // dropped
                }
                return true;
            }
            in.skipNBytes(chunk);
            readLine(in, MAX_STATUS_LINE);
        }
    }

    private static String readLine(InputStream in, int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() >= max) {
                throw new IOException("answer line too long");
            }
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("connection closed in the answer");
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

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do: the connection is gone either way
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
