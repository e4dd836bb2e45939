package io.stagewire.labelworker.domain;

import java.util.Optional;

/**
 * One label as PNG and PDF bytes, both produced from the same layout. The same input gives the
 * same bytes, so a redelivered work message stores identical files.
 *
 * @param barcodeType null when the template asks for no barcode
 * @param barcodeContent what the barcode encodes (the EAN, or the article number); null without a barcode
 * @param barcodeFallback why Code128 was used although the label had an EAN; null otherwise
 */
public record RenderedLabel(byte[] png, byte[] pdf, BarcodeType barcodeType, String barcodeContent,
                            String barcodeFallback) {

    public Optional<BarcodeType> barcode() {
        return Optional.ofNullable(barcodeType);
    }

    public Optional<String> fallbackReason() {
        return Optional.ofNullable(barcodeFallback);
    }
}
