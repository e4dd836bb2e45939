package io.stagewire.bench.ocr;

import io.stagewire.ocr.DemoShopScreenshots;
import io.stagewire.ocr.engine.RgbImage;
import io.stagewire.ocr.engine.TesseractEngine;
import io.stagewire.ocr.engine.TesseractPool;
import io.stagewire.ocr.engine.TesseractSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * OCR time per page of the ocr-worker's engine against the {@code tesseract} CLI on the same
 * screenshots, same languages, engine and page segmentation mode. Not a test: timings depend on
 * the machine and its load. Run with {@code OMP_THREAD_LIMIT=1} in the environment (see
 * docs/ocr-worker.md for the command):
 *
 * <pre>OcrVersusCliBenchmark [DIRECTORY_OF_PNGS] [ROUNDS]</pre>
 *
 * Per page, one page at a time: the CLI's time (process start, model load, decode, OCR) against
 * the engine's (file read, decode, OCR, word iteration), interleaved image by image so both see
 * the same machine load. For the cost of OCR alone, also the CLI given all pages in one run per
 * round (an image list: the model loads once). Wall time and CPU time are both reported: on a
 * shared machine CPU time is the steadier measure. Then pages per second with one engine per core
 * against as many CLI processes running side by side.
 */
public final class OcrVersusCliBenchmark {
    /** The engine as the worker runs it: eng+deu, LSTM, automatic page segmentation, as the CLI below. */
    private static final TesseractSettings SETTINGS = DemoShopScreenshots.SETTINGS;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Wall and CPU nanoseconds of one measurement. */
    private record Timing(long wall, long cpu) {
        Timing perPage(int pages) {
            return new Timing(wall / pages, cpu / pages);
        }
    }

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

        List<Timing> cli = new ArrayList<>();
        List<Timing> cliOneRun = new ArrayList<>();
        List<Timing> engine = new ArrayList<>();
        List<Long> decodeNanos = new ArrayList<>();
        Path imageList = Files.createTempFile("ocr-bench", ".txt");
        Files.write(imageList, images.stream().map(image -> image.toAbsolutePath().toString()).toList());
        try (TesseractEngine tesseract = TesseractEngine.open(SETTINGS)) {
            for (int round = 0; round <= rounds; round++) {
                boolean warmUp = round == 0;
                for (Path image : images) {
                    Timing byCli = runCli(image);
                    long wall = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    RgbImage pixels = RgbImage.decode(Files.readAllBytes(image), SETTINGS.maxPixels());
                    long decoded = System.nanoTime();
                    tesseract.recognize(pixels);
                    Timing byEngine = new Timing(System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu);
                    if (!warmUp) {
                        cli.add(byCli);
                        engine.add(byEngine);
                        decodeNanos.add(decoded - wall);
                    }
                }
                Timing allPages = runCli(imageList);
                if (!warmUp) {
                    cliOneRun.add(allPages.perPage(images.size()));
                }
            }
        } finally {
            Files.delete(imageList);
        }

        System.out.printf("ms/page                                wall (median)    cpu%n");
        print("tesseract CLI, one run per page", cli);
        print("engine (of which decode " + String.format("%.1f", mean(decodeNanos, n -> n)) + " ms wall)", engine);
        print("tesseract CLI, all pages in one run", cliOneRun);
        System.out.printf("engine / CLI per page           wall %.2f  cpu %.2f  (target <= 1.10)%n",
                mean(engine, Timing::wall) / mean(cli, Timing::wall), mean(engine, Timing::cpu) / mean(cli, Timing::cpu));
        System.out.printf("engine / CLI all in one run     wall %.2f  cpu %.2f%n",
                mean(engine, Timing::wall) / mean(cliOneRun, Timing::wall), mean(engine, Timing::cpu) / mean(cliOneRun, Timing::cpu));

        double cliPagesPerSecond = pagesPerSecond(images, rounds, cores, OcrVersusCliBenchmark::runCli);
        double enginePagesPerSecond;
        try (TesseractPool pool = new TesseractPool(SETTINGS, cores)) {
            enginePagesPerSecond = pagesPerSecond(images, rounds, cores, image -> pool.recognize(Files.readAllBytes(image)).join());
        }
        System.out.printf("%d side by side: tesseract CLI %.2f pages/s, engine pool %.2f pages/s%n",
                cores, cliPagesPerSecond, enginePagesPerSecond);
    }

    /**
     * Runs {@code tesseract IMAGE - -l eng+deu --oem 1 --psm 3} (IMAGE may be a list of images) under
     * GNU time, which reports the process's CPU time.
     */
    private static Timing runCli(Path image) throws IOException, InterruptedException {
        ProcessBuilder cli = new ProcessBuilder("/usr/bin/time", "-f", "cpu %U %S",
                "tesseract", image.toString(), "-", "-l", "eng+deu", "--oem", "1", "--psm", "3")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        cli.environment().put("OMP_THREAD_LIMIT", "1");
        long start = System.nanoTime();
        Process process = cli.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long wall = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("tesseract exited with " + exit + " on " + image + ": " + stderr);
        }
        String[] cpu = stderr.lines().filter(line -> line.startsWith("cpu ")).reduce((first, last) -> last).orElseThrow().split(" ");
        return new Timing(wall, (long) ((Double.parseDouble(cpu[1]) + Double.parseDouble(cpu[2])) * 1e9));
    }

    @FunctionalInterface
    private interface PageReader {
        Object read(Path image) throws Exception;
    }

    /** Pages per second with {@code parallel} callers sharing every image of every round. */
    private static double pagesPerSecond(List<Path> images, int rounds, int parallel, PageReader reader) {
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

    private static void print(String what, List<Timing> timings) {
        long[] walls = timings.stream().mapToLong(Timing::wall).sorted().toArray();
        System.out.printf("%-38s %6.1f (%6.1f) %6.1f%n", what, mean(timings, Timing::wall),
                walls[walls.length / 2] / 1e6, mean(timings, Timing::cpu));
    }

    private static <T> double mean(List<T> samples, ToLongFunction<T> nanos) {
        return samples.stream().mapToLong(nanos).average().orElse(0) / 1e6;
    }
}
