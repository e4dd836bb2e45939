package io.stagewire.bench.ocr;

import io.stagewire.ocr.DemoShopScreenshots;
import io.stagewire.ocr.engine.ImageBudget;
import io.stagewire.ocr.engine.TesseractEngine;
import io.stagewire.ocr.engine.TesseractSettings;
import io.stagewire.ocr.testing.SparsePng;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap peak and resident-set peak of one engine reading one screenshot, as the worker does (decode, RGB buffer,
 * Tesseract). Not a test: run it once per measurement in a fresh JVM with the worker's heap, e.g.
 *
 * <pre>java -Xmx256m ... OcrHeapPeakBenchmark 6000 6000 [budget]   (a white 36 MP RGB PNG of about 120 KB)</pre>
 */
public final class OcrHeapPeakBenchmark {

    private OcrHeapPeakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        byte[] png = SparsePng.white(width, height, SparsePng.RGB);
        TesseractSettings settings = DemoShopScreenshots.SETTINGS;
        settings = new TesseractSettings(settings.tessdata(), settings.languages(), settings.engineMode(),
                settings.pageSegmentationMode(), settings.dpi(), Long.MAX_VALUE, settings.variables());
        // "budget": as the worker runs it (half the heap); otherwise only the pixel check, to measure a full read.
        boolean budgeted = args.length > 2 && args[2].equals("budget");
        ImageBudget images = budgeted ? ImageBudget.of(40_000_000, ImageBudget.heapShare(0.5), 1) : ImageBudget.pixelsOnly(Long.MAX_VALUE);
        try (TesseractEngine engine = TesseractEngine.open(settings, images)) {
            System.gc();
            long rssBefore = residentPeakKb();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long heapBefore = heapUsed();
            String outcome;
            long start = System.nanoTime();
            try {
                outcome = "read, " + engine.recognize(png).lines().size() + " lines";
            } catch (Throwable e) {
                outcome = "failed: " + e;
            }
            System.out.printf("%dx%d RGB PNG of %d bytes, max heap %d MiB: %s in %d ms%n", width, height, png.length,
                    Runtime.getRuntime().maxMemory() >> 20, outcome, (System.nanoTime() - start) / 1_000_000);
            System.out.printf("heap in use before %d MiB, peak %d MiB (sum of heap pool peaks); RSS peak before %d MiB, after %d MiB%n",
                    heapBefore >> 20, heapPeak() >> 20, rssBefore >> 10, residentPeakKb() >> 10);
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long residentPeakKb() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }
}
