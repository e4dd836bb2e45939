package io.stagewire.data.files;

/** What a stored file is, as the {@code kind} column spells it (docs/storage.md). */
public enum FileKind {
    SCREENSHOT("screenshot"),
    UPLOAD("upload"),
    PRICE_LIST("price-list"),
    LABEL_PNG("label-png"),
    LABEL_PDF("label-pdf");

    private final String column;

    FileKind(String column) {
        this.column = column;
    }

    /** The value stored in {@code files.kind}. */
    public String column() {
        return column;
    }
}
