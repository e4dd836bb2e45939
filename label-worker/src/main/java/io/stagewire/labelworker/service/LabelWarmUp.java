package io.stagewire.labelworker.service;

import io.quarkus.runtime.StartupEvent;
import io.stagewire.labelworker.domain.BarcodeFormat;
import io.stagewire.labelworker.domain.LabelData;
import io.stagewire.labelworker.domain.LabelTemplate;
import io.stagewire.labelworker.domain.MatchResult;
import io.stagewire.labelworker.domain.OcrReading;
import io.stagewire.labelworker.domain.PriceListRow;
import io.stagewire.labelworker.domain.RenderedLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Matches readings against an in-memory price list and renders labels from them before the worker takes its first
 * request, as the crawler and the OCR worker warm up theirs: the first job after a start paid the JIT of matching,
 * layout, PNG and PDF writing on its own labels (the label worker took 3.6 CPU-s of the first market job against 1.5
 * of a later one, docs/benchmarks.md). Nothing is stored or sent.
 */
@ApplicationScoped
class LabelWarmUp {
    private static final Logger LOG = Logger.getLogger(LabelWarmUp.class);
    static final int ROUNDS = 4;

    private final LabelRenderer renderer;

    LabelWarmUp(LabelRenderer renderer) {
        this.renderer = renderer;
    }

    void onStart(@Observes StartupEvent event) {
        long start = System.nanoTime();
        try {
            RenderedLabel last = warmUp();
            LOG.infof("warmed up: %d readings matched and labels rendered in %d ms (%d bytes of PNG)", ROUNDS * READINGS.size(),
                    (System.nanoTime() - start) / 1_000_000, last.png().length);
        } catch (RuntimeException e) {
            // Not fatal: the first labels pay for what was not warmed.
            LOG.warnf("warm-up failed, the first labels will be slower: %s", e.getMessage());
        }
    }

    /** An exact reading, a misread one (O for 0, which the folded key forgives) and one with only an EAN, as jobs bring them. */
    static final List<OcrReading> READINGS = List.of(
            new OcrReading("NH-40817", "Wasserkocher Edelstahl 1,7 l", new BigDecimal("9.99"), "EUR"),
            new OcrReading("NH-4O818", "Toaster 2 Scheiben", new BigDecimal("24.90"), "EUR"),
            new OcrReading(null, "Stabmixer-Set", new BigDecimal("39.00"), "EUR", "4006381333931"));

    /** Matches and renders {@link #READINGS} {@link #ROUNDS} times over, every other round with an old price and a Code 128; the last label. */
    RenderedLabel warmUp() {
        List<PriceListRow> rows = IntStream.range(0, 200)
                .mapToObj(i -> new PriceListRow("AR-" + (10000 + i), "Artikel " + i, new BigDecimal(i + ".95"), "EUR", null))
                .collect(Collectors.toCollection(ArrayList::new));
        rows.add(new PriceListRow("NH-40817", "Wasserkocher Edelstahl 1,7 l", new BigDecimal("9.99"), "EUR", "4006381333924"));
        rows.add(new PriceListRow("NH-40818", "Toaster 2 Scheiben", new BigDecimal("24.90"), "EUR", null));
        rows.add(new PriceListRow("NH-90001", "Stabmixer-Set", new BigDecimal("39.00"), "EUR", "4006381333931"));
        PriceListMatcher matcher = PriceListMatcher.of(rows);
        RenderedLabel last = null;
        for (int round = 0; round < ROUNDS; round++) {
            for (OcrReading reading : READINGS) {
                if (!(matcher.match(reading) instanceof MatchResult.Found found)) {
                    throw new IllegalStateException("the warm-up reading " + reading + " was not matched");
                }
                LabelTemplate template = round % 2 == 0 ? LabelTemplate.SHELF_LABEL
                        : LabelTemplate.SHELF_LABEL.withBarcodeFormat(BarcodeFormat.CODE_128);
                LabelData data = LabelData.of(found.row());
                last = renderer.render(template, round % 2 == 0 ? data
                        : new LabelData(data.name(), data.price(), data.currency(), data.articleNumber(), data.ean(),
                                data.price().add(BigDecimal.ONE)));
            }
        }
        return last;
    }
}
