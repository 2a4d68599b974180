package io.casekit.example.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client that sends each request on a connection of its own ({@code Connection: close})
 * and reads the answer strictly: a status line, headers, and exactly {@code Content-Length} bytes.
 *
 * <p>Why not {@code java.net.http.HttpClient}: it keeps connections alive, and on a kept-alive
 * connection every answer of the JDK's HTTP server arrives about 40 ms late. The server writes an
 * answer's headers and body as two TCP segments with Nagle's algorithm on (its default,
 * {@code sun.net.httpserver.nodelay=false}), so the body waits for the client's delayed ACK of the
 * headers. A new connection starts in quick-ACK mode, so its one answer is not held back. Thousands
 * of hostile requests per store are only affordable that way; what the host answers is the same.
 */
final class OneShotHttp {
    private final InetSocketAddress server;
    private final Duration hangGuard;

    /** The status, headers (names in lower case) and body of an answer. */
    record Response(int status, Map<String, String> headers, byte[] body) {}

    OneShotHttp(InetSocketAddress server, Duration hangGuard) {
        this.server = server;
        this.hangGuard = hangGuard;
    }

    /**
     * Sends one request and reads its answer.
     *
     * @param headers each name and value, in order; a name may come twice
     * @param body    the body, or null for none
     * @param chunked whether to send the body chunked, without a declared length
     * @throws AssertionError when no answer comes within the hang guard, or the exchange breaks
     */
    Response send(String method, URI uri, List<Map.Entry<String, String>> headers, byte @Nullable [] body,
            boolean chunked) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        for (Map.Entry<String, String> header : headers) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (body != null) {
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null && chunked) {
            for (int at = 0; at < body.length; at += 8192) {
                int length = Math.min(8192, body.length - at);
                request.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(body, at, length);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (body != null) {
            request.writeBytes(body);
        }
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) hangGuard.toMillis());
            socket.setSoTimeout((int) hangGuard.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The host did not answer within " + hangGuard.toSeconds() + " s (hang guard)", e);
        } catch (IOException e) {
            throw new AssertionError("The exchange failed instead of giving an answer: " + e, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended before the answer's headers: " + headBytes);
            }
            headBytes.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].equals("HTTP/1.1")) {
            throw new IOException("not an HTTP/1.1 status line: " + lines[0]);
        }
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip()) != null) {
                throw new IOException("a malformed or repeated header: " + lines[i]);
            }
        }
        if (status == 100) {
            return read(in);
        }
        String length = headers.get("content-length");
        if (length == null) {
            throw new IOException("an answer without Content-Length: " + headers);
        }
        byte[] body = in.readNBytes(Integer.parseInt(length));
        if (body.length != Integer.parseInt(length)) {
            throw new IOException("the answer's body ended after " + body.length + " of " + length + " bytes");
        }
        return new Response(status, headers, body);
    }
}
