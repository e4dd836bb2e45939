package io.stagewire.jobapi.rest;

import io.stagewire.jobapi.persistence.LabelTemplate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/label-templates. */
@Schema(name = "CreateLabelTemplate")
public record CreateLabelTemplateRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(20) @Max(300) @Schema(description = "Label width in mm, 20-300") Integer widthMm,
        @NotNull @Min(10) @Max(300) @Schema(description = "Label height in mm, 10-300") Integer heightMm,
        @Pattern(regexp = "AUTO|EAN_13|CODE_128|NONE")
        @Schema(description = "AUTO (default): EAN-13 when the article has a valid EAN, else Code 128 of the article number",
                enumeration = {"AUTO", "EAN_13", "CODE_128", "NONE"})
        String barcodeFormat,
        @Pattern(regexp = "[A-Z]{3}") @Schema(description = "ISO 4217 code; default EUR") String currency,
        @Min(6) @Max(72) @Schema(description = "Base font size in points, 6-72; default 10") Integer fontSizePt) {

    LabelTemplate toEntity() {
        LabelTemplate t = new LabelTemplate();
        t.name = name.strip();
        t.widthMm = widthMm;
        t.heightMm = heightMm;
        t.barcodeFormat = barcodeFormat == null ? "AUTO" : barcodeFormat;
        t.currency = currency == null ? "EUR" : currency;
        t.fontSizePt = fontSizePt == null ? 10 : fontSizePt;
        return t;
    }
}
