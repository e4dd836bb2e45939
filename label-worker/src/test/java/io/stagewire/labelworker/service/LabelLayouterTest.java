package io.stagewire.labelworker.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewire.labelworker.domain.LabelData;
import io.stagewire.labelworker.domain.LabelTemplate;
import io.stagewire.labelworker.service.LabelLayout.Bar;
import io.stagewire.labelworker.service.LabelLayout.Text;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabelLayouterTest {
    private static final LabelFonts FONTS = LabelFonts.load(LabelRendererTest.DEJAVU);
    private static final LabelLayouter LAYOUTER = new LabelLayouter(FONTS);
    private static final float PT_PER_MM = 72f / 25.4f;
    /** Ink may reach a hair past the advance box (side bearings). */
    private static final float TOLERANCE_PT = 0.5f;

    static Stream<LabelData> labels() {
        return Stream.of(
                label("Toaster", "19.99", "ART-1", "4006381333931", null),
                label("Wasserkocher Edelstahl 1,7 l mit Kalkfilter und Warmhaltefunktion, Farbe Silber", "24.99",
                        "ART-10234", null, "29.99"),
                label("", "99999.99", "X", null, null),
                label("Stehlampe", "1299.00", "LMP-7731-ABCDEF", "4006381333931", "1499.00"),
                label("Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen", "3.50", "ART-20518", null, null));
    }

    @ParameterizedTest
    @MethodSource("labels")
    void everythingStaysInsideTheMarginsAndTextNeverTouchesTheBars(LabelData data) {
        LabelTemplate template = LabelTemplate.SHELF_LABEL;
        LabelLayout layout = LAYOUTER.layout(template, data, BarcodeChooser.choose(data));

        float margin = (float) template.marginMm() * PT_PER_MM;
        Rectangle2D inside = new Rectangle2D.Float(margin - TOLERANCE_PT, margin - TOLERANCE_PT,
                layout.widthPt() - 2 * margin + 2 * TOLERANCE_PT, layout.heightPt() - 2 * margin + 2 * TOLERANCE_PT);
        List<Rectangle2D> texts = layout.elements().stream().filter(Text.class::isInstance).map(Text.class::cast)
                .map(LabelLayouterTest::ink).toList();
        // Strike-through lines are thin and cross their text on purpose; barcode bars are tall.
        List<Rectangle2D> bars = layout.elements().stream().filter(Bar.class::isInstance).map(Bar.class::cast)
                .filter(bar -> bar.height() > 2).map(bar -> (Rectangle2D) new Rectangle2D.Float(bar.x(), bar.y(),
                        bar.width(), bar.height())).toList();

        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(inside.contains(text)).as("%s inside", text).isTrue());
        assertThat(bars).isNotEmpty().allSatisfy(bar -> assertThat(inside.contains(bar)).as("%s inside", bar).isTrue());
        for (Rectangle2D text : texts) {
            assertThat(bars).noneMatch(text::intersects);
        }
    }

    private static Rectangle2D ink(Text text) {
        Rectangle2D ink = FONTS.inkBounds(text.face(), text.sizePt(), text.text());
        return new Rectangle2D.Double(text.x() + ink.getX(), text.baseline() + ink.getY(), ink.getWidth(), ink.getHeight());
    }

    private static LabelData label(String name, String price, String articleNumber, String ean, String oldPrice) {
        return new LabelData(name, new BigDecimal(price), "EUR", articleNumber, ean,
                oldPrice == null ? null : new BigDecimal(oldPrice));
    }
}
