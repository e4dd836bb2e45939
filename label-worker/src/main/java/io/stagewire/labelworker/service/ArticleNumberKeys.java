package io.stagewire.labelworker.service;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two lookup keys of an article number. The exact key forgives only case and white space
 * around and between parts; the folded key also forgives what OCR typically gets wrong, so an
 * article number read with confusions folds to the same key as the one in the price list.
 */
public final class ArticleNumberKeys {
    // Unicode-aware, so the no-break spaces that web pages and OCR produce count as white space.
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private ArticleNumberKeys() {
    }

    /** Upper case, white space trimmed and runs of it collapsed to one space; empty for null. */
    public static String exact(String articleNumber) {
        if (articleNumber == null) {
            return "";
        }
        return WHITE_SPACE.matcher(articleNumber).replaceAll(" ").strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Folds every class of OCR confusion onto one character (O/D/Q→0, I/l→1, S→5, B→8, Z→2, G→6, T/F→7) and
     * drops everything that is neither letter nor digit, so dropped, extra or misread hyphens and
     * spaces inside do not matter.
     */
    public static String folded(String articleNumber) {
        if (articleNumber == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(articleNumber.length());
        articleNumber.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(ArticleNumberKeys::foldConfusion)
                .forEach(key::appendCodePoint);
        return key.toString();
    }

    private static int foldConfusion(int codePoint) {
        // Lower-case l is checked before upper-casing: it looks like 1, while an upper-case L does not.
        if (codePoint == 'l') {
            return '1';
        }
        int upper = Character.toUpperCase(codePoint);
        return switch (upper) {
            case 'O', 'D', 'Q' -> '0';
            case 'I' -> '1';
            case 'S' -> '5';
            case 'B' -> '8';
            case 'Z' -> '2';
            case 'G' -> '6';
            case 'T', 'F' -> '7';
            default -> upper;
        };
    }
}
