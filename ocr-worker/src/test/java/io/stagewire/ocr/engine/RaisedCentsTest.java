package io.stagewire.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewire.ocr.engine.RaisedCents.Decision;
import io.stagewire.ocr.engine.RaisedCents.Symbol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which words end in raised cents, from their symbols' boxes (a 40 px amount on a line starting at y = 100). */
class RaisedCentsTest {
    private static final int TOP = 100;
    private static final int HEIGHT = 40;

    @Test
    void raisedDigitsRunIntoTheAmountAreSplitOffAsItsCents() {
        assertThat(RaisedCents.decide(word(full("1"), full("2"), raised("9"), raised("9"))))
                .isEqualTo(new Decision.Split("12,99"));
        assertThat(RaisedCents.decide(word(full("1"), full("2"), full("9"), raised("9"), raised("5"))))
                .isEqualTo(new Decision.Split("129,95"));
        assertThat(RaisedCents.decide(word(full("1"), full("2"), full("9"), full(","), raised("9"), raised("5"))))
                .isEqualTo(new Decision.Split("129,95"));
    }

    @Test
    void aRaisedMarkIsReadAgainAsDigitsFromItsRegionWithAMargin() {
        List<Symbol> symbols = word(full("1"), full("2"), raised("”"));
        assertThat(RaisedCents.decide(symbols)).isEqualTo(new Decision.Reread("12", new Box(
                symbols.get(2).box().left() - 3, TOP - 3, symbols.get(2).box().width() + 6, HEIGHT / 2 + 6)));
        assertThat(RaisedCents.decide(word(full("1"), full("2"), full("9"), full(","), raised("°"))))
                .isInstanceOfSatisfying(Decision.Reread.class, reread -> assertThat(reread.whole()).isEqualTo("129"));
        assertThat(RaisedCents.decide(word(full("1"), full("2"), raised("9"), raised("'"))))
                .isInstanceOf(Decision.Reread.class);
    }

    @Test
    void raisedCentsReadAsAWordOfTheirOwnJoinTheAmount() {
        Word whole = new Word("7", 90, new Box(10, TOP, 24, HEIGHT));
        Word cents = new Word("49", 88, new Box(38, TOP, 20, HEIGHT / 2));
        Word euro = new Word("€", 90, new Box(64, TOP, 22, HEIGHT));

        assertThat(RaisedCents.joinCentsWords(List.of(whole, cents, euro))).extracting(Word::text).containsExactly("7,49", "€");
        // Level with the amount, far from it, or not two digits: separate words stay separate.
        assertThat(RaisedCents.joinCentsWords(List.of(whole, new Word("49", 88, new Box(38, TOP, 20, HEIGHT)))))
                .extracting(Word::text).containsExactly("7", "49");
        assertThat(RaisedCents.joinCentsWords(List.of(whole, new Word("49", 88, new Box(120, TOP, 20, HEIGHT / 2)))))
                .extracting(Word::text).containsExactly("7", "49");
        assertThat(RaisedCents.joinCentsWords(List.of(whole, new Word("499", 88, new Box(38, TOP, 30, HEIGHT / 2)))))
                .extracting(Word::text).containsExactly("7", "499");
    }

    @Test
    void amountsWrittenAtOneHeightStayAsRead() {
        assertThat(RaisedCents.decide(word(full("1"), full("2"), full("9"), full("9")))).isEqualTo(new Decision.Keep());
        assertThat(RaisedCents.decide(word(full("1"), full("2"), full(","), full("9"), full("9")))).isEqualTo(new Decision.Keep());
        // A footnote mark after a price with its cents: the tail is not small as a whole.
        assertThat(RaisedCents.decide(word(full("1"), full("2"), full(","), full("9"), full("9"), raised("*"))))
                .isEqualTo(new Decision.Keep());
        assertThat(RaisedCents.decide(word(full("2"), full("0"), full("2"), full("4")))).isEqualTo(new Decision.Keep());
    }

    @Test
    void smallTextOnTheBaselineOrLettersAreNoCents() {
        // Small but sitting on the baseline: "12 99" in a smaller font is no superscript.
        assertThat(RaisedCents.decide(word(full("1"), full("2"), low("9"), low("9")))).isEqualTo(new Decision.Keep());
        assertThat(RaisedCents.decide(word(full("1"), full("2"), raised("m"), raised("²")))).isEqualTo(new Decision.Keep());
        assertThat(RaisedCents.decide(word(raised("”"), full("1")))).isEqualTo(new Decision.Keep());
    }

    private final List<Symbol> built = new ArrayList<>();
    private int x = 10;

    private Symbol full(String text) {
        return next(text, TOP, HEIGHT);
    }

    private Symbol raised(String text) {
        return next(text, TOP, HEIGHT / 2);
    }

    private Symbol low(String text) {
        return next(text, TOP + HEIGHT / 2, HEIGHT / 2);
    }

    private Symbol next(String text, int top, int height) {
        Symbol symbol = new Symbol(text, new Box(x, top, height / 2 + 6, height));
        x += height / 2 + 8;
        return symbol;
    }

    private List<Symbol> word(Symbol... symbols) {
        x = 10;
        return List.of(symbols);
    }
}
