package io.stagewire.labelworker.service;

import io.stagewire.labelworker.domain.LabelData;
import io.stagewire.labelworker.domain.LabelTemplate;
import io.stagewire.labelworker.domain.RenderedLabel;
import java.util.Optional;

/**
 * Renders a label as PNG and PDF from one layout. Thread-safe: the fonts are loaded once and only
 * read afterwards.
 */
public final class LabelRenderer {
    private final LabelLayouter layouter;
    private final PngLabelWriter png;
    private final PdfLabelWriter pdf;

    public LabelRenderer(LabelFonts fonts) {
        this.layouter = new LabelLayouter(fonts);
        this.png = new PngLabelWriter(fonts);
        this.pdf = new PdfLabelWriter(fonts);
    }

    /**
     * @throws LabelRenderingException when the data cannot make a label (unknown currency, a character
     *                                 the font lacks, a barcode or price too large for the template); its
     *                                 message is the reason for {@code label:failed}
     */
    public RenderedLabel render(LabelTemplate template, LabelData data) {
        Optional<LabelBarcode> barcode = BarcodeChooser.choose(data, template.barcodeFormat());
        LabelLayout layout = layouter.layout(template, data, barcode);
        return new RenderedLabel(png.write(layout, template.dpi()), pdf.write(layout, data.name()),
                barcode.map(LabelBarcode::type).orElse(null), barcode.map(LabelBarcode::content).orElse(null),
                barcode.map(LabelBarcode::fallbackReason).orElse(null));
    }
}
