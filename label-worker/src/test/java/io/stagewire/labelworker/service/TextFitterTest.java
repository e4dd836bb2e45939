package io.stagewire.labelworker.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFitterTest {
    private static final LabelFonts FONTS = LabelFonts.load(LabelRendererTest.DEJAVU);
    private static final TextFitter FITTER = new TextFitter(FONTS);
    private static final float SIZE = 10;

    @Test
    void leavesTextThatFitsAlone() {
        assertThat(FITTER.ellipsize("Toaster", FontFace.BOLD, SIZE, 100)).isEqualTo("Toaster");
        assertThat(FITTER.wrap("Toaster Classic", FontFace.BOLD, SIZE, 200, 2)).containsExactly("Toaster Classic");
    }

    @Test
    void cutsAfterTheLastWholeWordThatFitsAndDropsTheCommaBeforeTheEllipsis() {
        String text = "Gießkanne verzinkt, 10 l";
        float width = FONTS.width(FontFace.BOLD, SIZE, "Gießkanne verzinkt, 1");

        assertThat(FITTER.ellipsize(text, FontFace.BOLD, SIZE, width)).isEqualTo("Gießkanne verzinkt…");
    }

    @Test
    void cutsInsideAWordOnlyWhenNoWholeWordFits() {
        float width = FONTS.width(FontFace.BOLD, SIZE, "Donaudampf…");

        assertThat(FITTER.ellipsize("Donaudampfschifffahrt", FontFace.BOLD, SIZE, width)).isEqualTo("Donaudampf…");
    }

    @Test
    void wrapsAtWordsAndEllipsizesTheLastAllowedLine() {
        float width = FONTS.width(FontFace.BOLD, SIZE, "Wasserkocher Edelstahl");

        assertThat(FITTER.wrap("Wasserkocher Edelstahl 1,7 l mit Kalkfilter und Warmhaltefunktion", FontFace.BOLD,
                SIZE, width, 2)).containsExactly("Wasserkocher Edelstahl", "1,7 l mit Kalkfilter…");
    }

    @Test
    void shrinksInHalfPointsUntilTheTextFits() {
        float width = FONTS.width(FontFace.BOLD, 17.5f, "1.299,00 €");

        assertThat(FITTER.shrinkToFit("1.299,00 €", FontFace.BOLD, 22, 6, width))
                .isEqualTo(new TextFitter.FittedLine("1.299,00 €", 17.5f));
    }
}
