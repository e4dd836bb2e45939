package io.stagewire.ocr.engine;

import java.util.Map;

/**
 * How each Tesseract instance is set up.
 *
 * @param tessdata             directory holding the {@code .traineddata} files
 * @param languages            Tesseract language string, e.g. {@code eng+deu}
 * @param engineMode           OCR engine mode; 1 = LSTM only (Debian's tessdata has no legacy models)
 * @param pageSegmentationMode 3 = fully automatic page layout, as the {@code tesseract} CLI uses by default
 * @param dpi                  resolution Tesseract assumes: screenshots carry none
 * @param maxPixels            larger screenshots are refused before decoding
 * @param variables            further Tesseract variables, e.g. {@code thresholding_method}
 */
public record TesseractSettings(String tessdata, String languages, int engineMode, int pageSegmentationMode,
        int dpi, long maxPixels, Map<String, String> variables) {

    public TesseractSettings {
        variables = Map.copyOf(variables);
    }
}
