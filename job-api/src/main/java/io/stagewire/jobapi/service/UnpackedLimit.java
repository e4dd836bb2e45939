package io.stagewire.jobapi.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A part of an uploaded archive, refused with 413 once more than its limit has been unpacked. */
final class UnpackedLimit extends FilterInputStream {
    private final long limit;
    private final String what;
    private long read;

    UnpackedLimit(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw ProblemException.tooLarge("unpacking " + what + " of the workbook passed " + limit + " bytes, the limit");
        }
    }
}
