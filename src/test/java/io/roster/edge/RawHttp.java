package io.roster.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: sends exactly the request line, headers and body given — a forged
 * Host, a query string no URI class would accept — and reads the whole answer (the connection is
 * closed after each request).
 */
final class RawHttp {

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** {@code target} goes on the request line as is; {@code headers} may name Host, else 127.0.0.1 is sent. */
    Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + port);
        all.putAll(headers);
        all.put("Connection", "close");
        if (body != null) {
            all.put("Content-Length", String.valueOf(body.length));
        }
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return Answer.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + ": " + e, e);
        }
    }

    Answer get(String target, Map<String, String> headers) {
        return send("GET", target, headers, null);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    /** Status, headers (names as sent) and the body, un-chunked. */
    record Answer(int status, List<String[]> headers, String body) {

        static Answer parse(byte[] raw) {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            if (end < 0) {
                throw new IllegalStateException("no complete answer: " + new String(raw, StandardCharsets.UTF_8));
            }
            String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
            boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
                    && h[1].equalsIgnoreCase("chunked"));
            byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
            return new Answer(status, headers, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunk(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < body.length) {
                int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
                int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                int start = lineEnd + 2;
                int stop = Math.min(body.length, start + size);
                out.write(body, start, stop - start);
                at = stop + 2;
            }
            return out.toByteArray();
        }

        private static int indexOf(byte[] bytes, byte[] wanted, int from) {
            for (int i = from; i <= bytes.length - wanted.length; i++) {
                if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                    return i;
                }
            }
            return -1;
        }

        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        List<String> all(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
