package io.stagewire.system.pipeline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/** The barcode a label image carries, read back with ZXing as a scanner at the shelf would. */
record Barcode(String format, String text) {

    static Barcode read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            Result result = new MultiFormatReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return new Barcode(result.getBarcodeFormat().name(), result.getText());
        } catch (NotFoundException e) {
            throw new AssertionError("the label has no readable barcode");
        } catch (IOException e) {
            throw new AssertionError("the label is not an image", e);
        }
    }
}
