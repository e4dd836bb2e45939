package io.stagewire.labelworker.service;

/** The two faces a label uses, with the DejaVu file each comes from. */
public enum FontFace {
    REGULAR("DejaVuSans.ttf"),
    BOLD("DejaVuSans-Bold.ttf");

    private final String fileName;

    FontFace(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
