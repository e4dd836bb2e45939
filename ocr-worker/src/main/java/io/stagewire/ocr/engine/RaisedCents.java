package io.stagewire.ocr.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cents set small and raised after the whole amount ("12⁹⁹ €", "129,⁹⁵ €"), as many shops print a selling price.
 * Tesseract reads such a word either with the raised digits run into the amount ("1299", a price a hundred times
 * too high) or as a mark it knows ("12”", no price at all). From the word's symbols this decides which it was:
 * raised digits are split off as the cents, a raised mark is read again on its own, as digits.
 */
final class RaisedCents {
    /** Words worth looking at: digits, maybe a separator, then at most three more symbols that are no letters. */
    static final Pattern CANDIDATE = Pattern.compile("\\d{1,6}[.,]?[^\\p{L}\\s]{1,3}");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern SEPARATOR = Pattern.compile("[.,]");
    /** The raised part is at most this share of the amount's height ... */
    private static final double SMALL = 0.7;
    /** ... and ends above this share of it, measured from the amount's top. */
    private static final double RAISED = 0.6;
    /** Pixels around a raised mark when it is read again, so that its glyphs are not cut. */
    private static final int MARGIN = 3;

    /** One symbol of a word as Tesseract recognised it. */
    record Symbol(String text, Box box) {
    }

    /** What to make of a word. */
    sealed interface Decision {
        /** Not an amount with raised cents: the word stays as read. */
        record Keep() implements Decision {
        }

        /** The last two digits were the raised cents: the word reads {@code whole,cents}. */
        record Split(String text) implements Decision {
        }

        /** The raised part was read as marks: read the region again as digits; two digits are the cents. */
        record Reread(String whole, Box region) implements Decision {
        }
    }

    /** A whole amount standing alone as a word ... */
    private static final Pattern WHOLE_WORD = Pattern.compile("\\d{1,4}");
    /** ... followed by its cents as a word of their own, perhaps with the currency symbol stuck to them. */
    private static final Pattern CENTS_WORD = Pattern.compile("(\\d{2})([€$£]?)");
    /** The cents word starts at most this share of the amount's height right of it. */
    private static final double GAP = 0.5;

    private RaisedCents() {
    }

    /**
     * Raised cents Tesseract read as a word of their own ("7" then "49" for "7⁴⁹ €", as on a page flattened for a
     * second reading): the two words become one, "7,49". The cents word must be small, raised and close, as for
     * {@link #decide}; anything else stays as read.
     */
    static List<Word> joinCentsWords(List<Word> line) {
        List<Word> joined = new java.util.ArrayList<>(line.size());
        for (int i = 0; i < line.size(); i++) {
            Word word = line.get(i);
            Word next = i + 1 < line.size() ? line.get(i + 1) : null;
            java.util.regex.Matcher cents = next == null ? null : CENTS_WORD.matcher(next.text());
            if (next != null && WHOLE_WORD.matcher(word.text()).matches() && cents.matches()
                    && next.box().height() <= word.box().height() * SMALL
                    && next.box().bottom() <= word.box().top() + word.box().height() * RAISED
                    && next.box().left() >= word.box().right()
                    && next.box().left() - word.box().right() <= word.box().height() * GAP) {
                joined.add(new Word(word.text() + "," + cents.group(1) + cents.group(2),
                        Math.min(word.confidence(), next.confidence()), word.box().union(next.box())));
                i++;
            } else {
                joined.add(word);
            }
        }
        return joined;
    }

    static Decision decide(List<Symbol> symbols) {
        int wholeEnd = 0;
        while (wholeEnd < symbols.size() && isDigit(symbols.get(wholeEnd))) {
            wholeEnd++;
        }
        int tailStart = wholeEnd < symbols.size() && SEPARATOR.matcher(symbols.get(wholeEnd).text()).matches() ? wholeEnd + 1 : wholeEnd;
        if (wholeEnd == 0) {
            return new Decision.Keep();
        }
        List<Symbol> tail;
        List<Symbol> whole;
        if (tailStart == symbols.size() && wholeEnd == tailStart && wholeEnd >= 3) {
            // Digits only ("1299"): the last two may be the raised cents.
            whole = symbols.subList(0, wholeEnd - 2);
            tail = symbols.subList(wholeEnd - 2, wholeEnd);
        } else {
            whole = symbols.subList(0, wholeEnd);
            tail = symbols.subList(tailStart, symbols.size());
        }
        if (tail.isEmpty() || tail.size() > 3 || tail.stream().anyMatch(s -> s.text().codePoints().anyMatch(Character::isLetter))) {
            return new Decision.Keep();
        }
        Box amount = whole.stream().map(Symbol::box).reduce(Box::union).orElseThrow();
        Box raised = tail.stream().map(Symbol::box).reduce(Box::union).orElseThrow();
        if (raised.height() > amount.height() * SMALL || raised.bottom() > amount.top() + amount.height() * RAISED) {
            return new Decision.Keep();
        }
        String wholeText = whole.stream().map(Symbol::text).reduce("", String::concat);
        if (tail.size() == 2 && tail.stream().allMatch(RaisedCents::isDigit)) {
            return new Decision.Split(wholeText + "," + tail.get(0).text() + tail.get(1).text());
        }
        // Marks, or part digits and part marks: the raised part is read again rather than half of it trusted.
        return new Decision.Reread(wholeText, grow(raised));
    }

    private static boolean isDigit(Symbol symbol) {
        return DIGIT.matcher(symbol.text()).matches();
    }

    private static Box grow(Box box) {
        int left = Math.max(0, box.left() - MARGIN);
        int top = Math.max(0, box.top() - MARGIN);
        return new Box(left, top, box.right() + MARGIN - left, box.bottom() + MARGIN - top);
    }
}
