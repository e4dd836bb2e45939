package io.stagewire.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ImageBudgetTest {
    private static final long MIB = 1 << 20;

    @Test
    void lowersAPixelLimitThatCannotFitTheBudget() {
        ImageBudget budget = ImageBudget.of(40_000_000, 140 * MIB, 2);

        // An RGB screenshot costs 3 + 3 + 8 = 14 bytes per pixel while it is read.
        assertThat(budget.maxPixels()).isEqualTo(140 * MIB / 14);
    }

    @Test
    void keepsAPixelLimitThatFits() {
        assertThat(ImageBudget.of(1_000_000, 140 * MIB, 2).maxPixels()).isEqualTo(1_000_000);
    }

    @Test
    void refusesToStartWhenNotEvenOneViewportFits() {
        assertThatThrownBy(() -> ImageBudget.of(40_000_000, 10 * MIB, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot hold one 1280x800 screenshot");
    }

    @Test
    void derivesTheDefaultFromTheHeap() {
        assertThat(ImageBudget.heapShare(0.5)).isEqualTo((long) (Runtime.getRuntime().maxMemory() * 0.5));
        assertThatThrownBy(() -> ImageBudget.heapShare(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnImageOverThePixelLimitOrTheBudgetWithTheNumbers() {
        ImageBudget budget = ImageBudget.of(2_000_000, 28 * MIB, 1);

        assertThatThrownBy(() -> budget.reserve(2000, 1001, 3))
                .isInstanceOf(OcrFailedException.class)
                .hasMessage("the screenshot has 2002000 pixels, more than the limit of 2000000");
        // 16-bit RGBA decodes to 8 bytes per pixel: 19 per pixel in all.
        assertThatThrownBy(() -> budget.reserve(2000, 1000, 8))
                .isInstanceOf(OcrFailedException.class)
                .hasMessageContaining("2000x1000").hasMessageContaining("needs about 36 MiB")
                .hasMessageContaining("budget of 28 MiB");
    }

    @Test
    void picksTheSmallestSubsamplingThatFitsTheLimitAndTheBudget() {
        ImageBudget budget = ImageBudget.of(2_000_000, 28 * MIB, 1);

        assertThat(budget.subsampling(2000, 1000, 3)).isEqualTo(1);
        // 2000 x 1001 is over the limit by one row; at 1/2 it is 1000 x 501.
        assertThat(budget.subsampling(2000, 1001, 3)).isEqualTo(2);
        // 16-bit RGBA, 19 bytes per pixel: 2 MP need 36 MiB; at 1/2 (0.5 MP) 9 MiB.
        assertThat(budget.subsampling(2000, 1000, 8)).isEqualTo(2);
        // 5600 x 2400 at 1/2 is 3.4 MP, at 1/3 1.5 MP. A 48 MP photo (8000 x 6000) at 1/4 is 3 MP: over 2 MP.
        assertThat(budget.subsampling(5600, 2400, 3)).isEqualTo(3);
        assertThatThrownBy(() -> budget.subsampling(8000, 6000, 3))
                .isInstanceOf(OcrFailedException.class)
                .hasMessageContaining("8000x6000").hasMessageContaining("at 1/4").hasMessageContaining("(2000x1500)")
                .hasMessageContaining("limit of 2000000 pixels");
    }

    @Test
    void anImageWaitsUntilAnotherOneLeavesRoom() throws Exception {
        ImageBudget budget = ImageBudget.of(2_000_000, 28 * MIB, 2);
        ImageBudget.Lease first = budget.reserve(1600, 1000, 3);

        CompletableFuture<ImageBudget.Lease> second = CompletableFuture.supplyAsync(() -> budget.reserve(1600, 1000, 3));
        Thread.sleep(200);
        assertThat(second).isNotDone();

        first.close();
        second.get(5, TimeUnit.SECONDS).close();
        budget.reserve(1600, 1000, 3).close();
    }
}
