package io.stagewire.ocr.bench;

import io.stagewire.ocr.DemoShopScreenshots;
import io.stagewire.ocr.engine.RgbImage;
import io.stagewire.ocr.engine.TesseractEngine;
import io.stagewire.ocr.engine.TesseractPool;
import io.stagewire.ocr.engine.TesseractSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * OCR time per page of the ocr-worker's engine against the {@code tesseract} CLI on the same
 * screenshots, same languages, engine and page segmentation mode. Not a test: timings depend on
 * the machine and its load. Run with {@code OMP_THREAD_LIMIT=1} in the environment (see
 * docs/ocr-worker.md for the command):
 *
 * <pre>OcrVersusCliBenchmark [DIRECTORY_OF_PNGS] [ROUNDS]</pre>
 *
 * Per page, one page at a time: the CLI's wall time (process start, model load, decode, OCR)
 * against the engine's (file read, decode, OCR, word iteration), interleaved image by image so
 * both see the same machine load. For the cost of OCR alone, also the CLI given all pages in
 * one run per round (an image list: the model loads once). Then pages per second with one engine per core
 * against as many CLI processes running side by side.
 */
public final class OcrVersusCliBenchmark {
    /** The engine as the worker runs it: eng+deu, LSTM, automatic page segmentation, as the CLI below. */
    private static final TesseractSettings SETTINGS = DemoShopScreenshots.SETTINGS;

    private OcrVersusCliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/test/resources/screenshots");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> images;
        try (Stream<Path> files = Files.list(directory)) {
            images = files.filter(file -> file.toString().endsWith(".png")).sorted().toList();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d screenshots from %s, %d rounds, %d cores, OMP_THREAD_LIMIT=%s%n",
                images.size(), directory, rounds, cores, System.getenv("OMP_THREAD_LIMIT"));

        List<Long> cliNanos = new ArrayList<>();
        List<Long> cliBatchNanos = new ArrayList<>();
        List<Long> engineNanos = new ArrayList<>();
        List<Long> decodeNanos = new ArrayList<>();
        Path imageList = Files.createTempFile("ocr-bench", ".txt");
        Files.write(imageList, images.stream().map(image -> image.toAbsolutePath().toString()).toList());
        try (TesseractEngine engine = TesseractEngine.open(SETTINGS)) {
            for (int round = 0; round <= rounds; round++) {
                boolean warmUp = round == 0;
                for (Path image : images) {
                    long cli = timeCli(image);
                    long start = System.nanoTime();
                    RgbImage pixels = RgbImage.decode(Files.readAllBytes(image), SETTINGS.maxPixels());
                    long decoded = System.nanoTime();
                    engine.recognize(pixels);
                    long end = System.nanoTime();
                    if (!warmUp) {
                        cliNanos.add(cli);
                        engineNanos.add(end - start);
                        decodeNanos.add(decoded - start);
                    }
                }
                long cliBatch = timeCli(imageList);
                if (!warmUp) {
                    cliBatchNanos.add(cliBatch / images.size());
                }
            }
        } finally {
            Files.delete(imageList);
        }
        double cliBatchMs = meanMillis(cliBatchNanos);
        double cliMs = meanMillis(cliNanos);
        double engineMs = meanMillis(engineNanos);
        System.out.printf("one page at a time   tesseract CLI %7.1f ms/page (median %.1f)%n", cliMs, medianMillis(cliNanos));
        System.out.printf("                     engine        %7.1f ms/page (median %.1f; of which decode %.1f)%n",
                engineMs, medianMillis(engineNanos), meanMillis(decodeNanos));
        System.out.printf("                     engine / CLI  %7.2f  (target <= 1.10)%n", engineMs / cliMs);
        System.out.printf("model loaded once    tesseract CLI %7.1f ms/page (all pages in one run), engine / that %.2f%n",
                cliBatchMs, engineMs / cliBatchMs);

        double cliPagesPerSecond = pagesPerSecond(images, rounds, cores, OcrVersusCliBenchmark::timeCli);
        double enginePagesPerSecond;
        try (TesseractPool pool = new TesseractPool(SETTINGS, cores)) {
            enginePagesPerSecond = pagesPerSecond(images, rounds, cores, image -> {
                pool.recognize(Files.readAllBytes(image)).join();
                return 0;
            });
        }
        System.out.printf("%d side by side       tesseract CLI %7.2f pages/s, engine pool %.2f pages/s%n",
                cores, cliPagesPerSecond, enginePagesPerSecond);
    }

    /** Runs {@code tesseract IMAGE - -l eng+deu --oem 1 --psm 3} (IMAGE may be a list of images) and returns its wall time. */
    private static long timeCli(Path image) throws IOException, InterruptedException {
        ProcessBuilder cli = new ProcessBuilder("tesseract", image.toString(), "-", "-l", "eng+deu", "--oem", "1", "--psm", "3")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        cli.environment().put("OMP_THREAD_LIMIT", "1");
        long start = System.nanoTime();
        int exit = cli.start().waitFor();
        long elapsed = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("tesseract exited with " + exit + " on " + image);
        }
        return elapsed;
    }

    @FunctionalInterface
    private interface PageReader {
        long read(Path image) throws Exception;
    }

    /** Pages per second with {@code parallel} callers sharing every image of every round. */
    private static double pagesPerSecond(List<Path> images, int rounds, int parallel, PageReader reader) throws Exception {
        List<Path> work = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            work.addAll(images);
        }
        long start = System.nanoTime();
        try (ExecutorService callers = Executors.newFixedThreadPool(parallel)) {
            CompletableFuture.allOf(work.stream()
                    .map(image -> CompletableFuture.runAsync(() -> {
                        try {
                            reader.read(image);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, callers))
                    .toArray(CompletableFuture[]::new)).join();
        }
        return work.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double meanMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    private static double medianMillis(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2] / 1e6;
    }
}
