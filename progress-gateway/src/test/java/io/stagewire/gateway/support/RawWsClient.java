package io.stagewire.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare socket with a small receive buffer, for what a library client
 * hides: a client that really stops reading (its kernel window fills and the server's writes back
 * up), and the exact close frame the server sends.
 */
public final class RawWsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** What was read until the server closed: text frames and the close code. */
    public record Received(List<JsonNode> frames, int closeCode) {
    }

    public RawWsClient(URI ws, String token, int receiveBuffer) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new java.net.InetSocketAddress(ws.getHost(), ws.getPort()), 5000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String request = "GET " + ws.getPath() + " HTTP/1.1\r\n"
                + "Host: " + ws.getHost() + ":" + ws.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readHeaders();
        if (!status.contains(" 101 ")) {
            throw new IOException("upgrade refused: " + status);
        }
    }

    public void sendText(String text) throws IOException {
        sendFrame(true, 0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One text message in frames of at most {@code fragment} bytes (continuation frames). */
    public void sendFragmented(String text, int fragment) throws IOException {
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < all.length; from += fragment) {
            int to = Math.min(all.length, from + fragment);
            sendFrame(to == all.length, from == 0 ? 0x1 : 0x0, java.util.Arrays.copyOfRange(all, from, to));
        }
    }

    /** Reads frames until the server's close frame (or end of stream: 1006). */
    public Received readUntilClosed() throws IOException {
        List<JsonNode> frames = new ArrayList<>();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first;
            try {
                first = in.readUnsignedByte();
            } catch (java.io.EOFException | java.net.SocketException e) {
                return new Received(frames, 1006);
            }
            int opcode = first & 0x0f;
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if (opcode == 0x8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                return new Received(frames, code);
            }
            if (opcode == 0x1 || opcode == 0x0) {
                message.write(payload);
                if ((first & 0x80) != 0) {
                    frames.add(JSON.readTree(message.toByteArray()));
                    message.reset();
                }
            }
        }
    }

    private void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                frame.write((int) ((long) payload.length >> (8 * i)) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            headers.append((char) in.readUnsignedByte());
        }
        return headers.toString().lines().findFirst().orElse("");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
