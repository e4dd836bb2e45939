package io.stagewire.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A GET written byte by byte, for requests java.net.http will not send (malformed Authorization
 * values, control characters): the status line and whatever the server sent within the wait.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, String text) {
    }

    public static Answer get(URI server, String rawPath, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress(server.getHost(), server.getPort()), 5000);
            socket.setSoTimeout(3000);
            StringBuilder request = new StringBuilder("GET " + rawPath + " HTTP/1.1\r\n"
                    + "Host: " + server.getHost() + ":" + server.getPort() + "\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) != -1 && got.size() < 65536) {
                    got.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException enough) {
                // A stream stays open: what came so far is the answer.
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            String[] statusLine = text.split("\r\n", 2)[0].split(" ");
            return new Answer(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, text);
        }
    }

    /** A WebSocket upgrade of {@code rawPath} with extra headers. */
    public static Answer upgrade(URI server, String rawPath, Map<String, String> headers) throws IOException {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(Map.of(
                "Upgrade", "websocket", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13"));
        all.putAll(headers);
        return get(server, rawPath, all);
    }
}
