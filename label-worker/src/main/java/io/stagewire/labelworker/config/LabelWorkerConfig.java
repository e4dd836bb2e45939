package io.stagewire.labelworker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Settings of the label worker, under {@code stagewire.label}. */
@ConfigMapping(prefix = "stagewire.label")
public interface LabelWorkerConfig {

    /** Directory of the DejaVu fonts the labels are set in; the worker does not start without them. */
    Path fontDir();

    /** How prices are written on the label, e.g. {@code de-DE}: {@code 19,99 €}. */
    String locale();

    /** A price list with more rows is not loaded (the job's items are unmatched, with the reason). */
    @WithDefault("50000")
    int maxPriceListRows();

    /** A price list with more text (article numbers, names, EANs) is not loaded: it is held in memory whole. */
    @WithDefault("4000000")
    long maxPriceListTextBytes();
}
