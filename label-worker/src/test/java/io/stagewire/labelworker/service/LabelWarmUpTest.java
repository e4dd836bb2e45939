package io.stagewire.labelworker.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewire.labelworker.domain.RenderedLabel;
import org.junit.jupiter.api.Test;

class LabelWarmUpTest {

    /** Every warm-up reading is matched (a miss would throw and leave the matching path cold) and its label rendered. */
    @Test
    void matchesEveryReadingAndRendersItsLabel() {
        RenderedLabel last = new LabelWarmUp(new LabelRenderer(LabelFonts.load(LabelRendererTest.DEJAVU))).warmUp();

        assertThat(last.png()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(last.pdf()).startsWith('%', 'P', 'D', 'F');
    }
}
