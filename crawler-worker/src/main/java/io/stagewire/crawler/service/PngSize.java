package io.stagewire.crawler.service;

import java.nio.ByteBuffer;

/** Width and height from a PNG's header (its first 24 bytes), without decoding the image. */
public record PngSize(int width, int height) {

    public static PngSize of(byte[] png) {
        // 8-byte signature, then the IHDR chunk: length (4), type (4), width (4), height (4).
        if (png.length < 24 || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R') {
            throw new IllegalArgumentException("not a PNG");
        }
        ByteBuffer header = ByteBuffer.wrap(png);
        return new PngSize(header.getInt(16), header.getInt(20));
    }
}
