package io.stagewire.ocr.engine;

/** An axis-aligned box in image pixels, origin top left. */
public record Box(int left, int top, int width, int height) {

    public int right() {
        return left + width;
    }

    public int bottom() {
        return top + height;
    }

    public int centerY() {
        return top + height / 2;
    }

    public Box union(Box other) {
        int l = Math.min(left, other.left);
        int t = Math.min(top, other.top);
        return new Box(l, t, Math.max(right(), other.right()) - l, Math.max(bottom(), other.bottom()) - t);
    }

    /** Whether the other box's vertical centre lies within this box's rows: the two sit on one row. */
    public boolean sharesRowWith(Box other) {
        return other.centerY() >= top && other.centerY() <= bottom();
    }
}
