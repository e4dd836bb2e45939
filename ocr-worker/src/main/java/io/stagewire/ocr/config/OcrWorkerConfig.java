package io.stagewire.ocr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import io.quarkus.runtime.configuration.MemorySize;

/** Settings of the OCR engines, under {@code stagewire.ocr}. */
@ConfigMapping(prefix = "stagewire.ocr")
public interface OcrWorkerConfig {

    /** Engine threads, each with its own Tesseract instance (about 40 MB); default: one per available processor. */
    OptionalInt threads();

    /** Directory of the {@code .traineddata} files; Tesseract's own TESSDATA_PREFIX when set, else Debian's location. */
    @WithDefault("${TESSDATA_PREFIX:/usr/share/tesseract-ocr/5/tessdata}")
    String tessdata();

    @WithDefault("eng+deu")
    String languages();

    /** 1 = LSTM only: Debian's tessdata carries no legacy-engine models. */
    @WithDefault("1")
    int engineMode();

    /** 3 = automatic page segmentation, the {@code tesseract} CLI's default. */
    @WithDefault("3")
    int pageSegmentationMode();

    /**
     * The resolution Tesseract assumes; screenshots carry none. A CSS pixel at device scale 1 is
     * 1/96 inch. (On the demo shop, 96 to 240 all read every article number, price and EAN.)
     */
    @WithDefault("96")
    int dpi();

    /**
     * Screenshots with more pixels are failed before decoding (a full page of 1280 x 30000 is 38 M). Lowered at start,
     * with a warning, to what fits {@link #imageMemory()}.
     */
    @WithDefault("40000000")
    long maxPixels();

    /**
     * Memory the engines together may spend on the images they read (decoded image, RGB buffer, Tesseract's copies:
     * 14 bytes per pixel of an RGB screenshot). Default: {@link #imageMemoryHeapShare()} of the maximum heap.
     */
    Optional<MemorySize> imageMemory();

    /** Share of the maximum heap (-Xmx) that {@link #imageMemory()} defaults to. */
    @WithDefault("0.5")
    double imageMemoryHeapShare();

    /**
     * Further Tesseract variables, e.g. {@code stagewire.ocr.variables.thresholding_method=1}
     * (adaptive Otsu: reads light text on dark bands, but on the demo shop lost a price that the
     * default global Otsu reads).
     */
    Map<String, String> variables();

    default int threadCount() {
        return threads().orElse(Runtime.getRuntime().availableProcessors());
    }

    /** Largest screenshot file OCR reads; a larger one fails its item before it is fetched. */
    @WithDefault("10M")
    MemorySize maxScreenshotBytes();
}
