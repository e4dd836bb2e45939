package io.stagewire.ocr.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG whose pixels cost far more memory decoded than its bytes: a white image of any size, compressed row by
 * row, so the test never holds its pixels (a 6000 x 6000 RGB image is about 105 KB and 108 MB decoded).
 */
public final class SparsePng {

    /** 8-bit RGB, PNG colour type 2. */
    public static final int RGB = 2;
    /** 8-bit RGBA, PNG colour type 6. */
    public static final int RGBA = 6;

    private SparsePng() {
    }

    public static byte[] white(int width, int height, int colourType) {
        int channels = colourType == RGBA ? 4 : 3;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(png)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(width);
            ihdr.writeInt(height);
            ihdr.write(new byte[] {8, (byte) colourType, 0, 0, 0});
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", rows(width, height, channels));
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static byte[] rows(int width, int height, int channels) throws IOException {
        byte[] row = new byte[1 + width * channels];
        java.util.Arrays.fill(row, 1, row.length, (byte) 0xff); // filter byte 0, then white
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        return compressed.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
