package io.stagewire.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewire.ocr.DemoShopScreenshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TesseractPoolTest {

    @Test
    void confinesOneEngineToEachThread() {
        try (TesseractPool pool = new TesseractPool(DemoShopScreenshots.SETTINGS, 3)) {
            Map<String, TesseractEngine> engineOfThread = new ConcurrentHashMap<>();
            List<CompletableFuture<Void>> tasks = IntStream.range(0, 60)
                    .mapToObj(i -> pool.submit(engine -> {
                        TesseractEngine earlier = engineOfThread.putIfAbsent(Thread.currentThread().getName(), engine);
                        assertThat(earlier).isIn(null, engine);
                        // Long enough for every thread to take some of the work.
                        sleep(Duration.ofMillis(20));
                        return (Void) null;
                    }))
                    .toList();
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();

            assertThat(pool.size()).isEqualTo(3);
            assertThat(engineOfThread).hasSize(3);
            assertThat(engineOfThread.values()).doesNotHaveDuplicates();
        }
    }

    @Test
    void failsOnlyTheCorruptScreenshot() {
        byte[] good = DemoShopScreenshots.bySlug("gusseisen-pfanne-28-cm").png();
        try (TesseractPool pool = new TesseractPool(DemoShopScreenshots.SETTINGS, 1)) {
            CompletableFuture<RecognizedPage> corrupt = pool.recognize(new byte[] {1, 2, 3});
            CompletableFuture<RecognizedPage> after = pool.recognize(good);

            assertThatThrownBy(corrupt::join).hasCauseInstanceOf(OcrFailedException.class);
            assertThat(after.join().text()).contains("ART-10235");
        }
    }

    @Test
    void failsOnlyTheItemThatRanOutOfMemoryAndReadsTheNext() {
        byte[] good = DemoShopScreenshots.bySlug("gusseisen-pfanne-28-cm").png();
        try (TesseractPool pool = new TesseractPool(DemoShopScreenshots.SETTINGS, 1)) {
            CompletableFuture<Object> outOfMemory = pool.submit(engine -> {
                throw new OutOfMemoryError("Java heap space");
            });

            assertThatThrownBy(outOfMemory::join).cause().isInstanceOf(OcrFailedException.class)
                    .hasMessageContaining("ran out of memory");
            assertThat(pool.recognize(good).join().text()).contains("ART-10235");
        }
    }

    @Test
    void refusesWorkOnceClosed() {
        TesseractPool pool = new TesseractPool(DemoShopScreenshots.SETTINGS, 1);
        pool.close();

        assertThatThrownBy(() -> pool.recognize(new byte[0])).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void failsToStartWhenAnEngineCannotOpen() {
        TesseractSettings missing = new TesseractSettings("/nonexistent/tessdata", "eng", 1, 3, 96, 1, Map.of());

        assertThatThrownBy(() -> new TesseractPool(missing, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/tessdata");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
