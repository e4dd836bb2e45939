package io.stagewire.ocr.service;

import io.quarkus.runtime.StartupEvent;
import io.stagewire.ocr.engine.TesseractPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;

/**
 * Reads two drawn product cards on every engine before the worker takes its first screenshot: one
 * with article number and price on white, one with the price alone in a yellow box (the second,
 * flattened reading). The first job after a start otherwise paid the JIT for decoding, preparing and
 * extracting on its own pages, beside a cold crawler (872 ms per page against 641 warm,
 * docs/benchmarks.md).
 */
@ApplicationScoped
class OcrWarmUp {
    private static final Logger LOG = Logger.getLogger(OcrWarmUp.class);
    static final int ROUNDS_PER_ENGINE = 2;

    private final OcrService ocr;
    private final TesseractPool engines;

    OcrWarmUp(OcrService ocr, TesseractPool engines) {
        this.ocr = ocr;
        this.engines = engines;
    }

    void onStart(@Observes StartupEvent event) {
        long start = System.nanoTime();
        List<byte[]> cards = List.of(card(true), card(false));
        try {
            List<CompletableFuture<OcrResult>> reads = IntStream.range(0, engines.size() * ROUNDS_PER_ENGINE)
                    .boxed()
                    .flatMap(round -> cards.stream().map(ocr::readAsync))
                    .toList();
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
            OcrResult first = reads.getFirst().join();
            LOG.infof("warmed up: %d cards read in %d ms (article %s, price %s)", reads.size(),
                    (System.nanoTime() - start) / 1_000_000, first.fields().articleNumber(), first.fields().price());
        } catch (RuntimeException e) {
            // Not fatal: the first screenshots pay for what was not warmed.
            LOG.warnf("warm-up failed, the first screenshots will be slower: %s", e.getMessage());
        }
    }

    /** A product card as a shop shows one: name, article number (when {@code withArticle}), old price, price. */
    static byte[] card(boolean withArticle) {
        BufferedImage image = new BufferedImage(720, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(new Color(0x22, 0x22, 0x22));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            g.drawString("Wasserkocher Edelstahl 1,7 l", 30, 60);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
            if (withArticle) {
                g.drawString("Art.-Nr. 40817", 30, 110);
            }
            g.drawString("statt 12,49 €", 30, 170);
            g.setColor(new Color(0xFF, 0xD4, 0x00));
            g.fillRect(24, 200, 260, 100);
            g.setColor(new Color(0x22, 0x22, 0x22));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
            g.drawString("9,99 €", 40, 272);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
