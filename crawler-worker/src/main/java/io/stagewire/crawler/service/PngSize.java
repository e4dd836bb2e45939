package io.stagewire.crawler.service;

import java.nio.ByteBuffer;

/** Width and height from a PNG's header (its first 24 bytes), without decoding the image. */
public record PngSize(int width, int height) {

    /** How many of a PNG's first bytes tell its size: the signature and the IHDR chunk's length, type and size. */
    public static final int HEADER_BYTES = 24;

    public static PngSize of(byte[] png) {
        // 8-byte signature, then the IHDR chunk: length (4), type (4), width (4), height (4).
        if (png.length < HEADER_BYTES || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R') {
            throw new IllegalArgumentException("not a PNG");
        }
        ByteBuffer header = ByteBuffer.wrap(png);
        return new PngSize(header.getInt(16), header.getInt(20));
    }
}
