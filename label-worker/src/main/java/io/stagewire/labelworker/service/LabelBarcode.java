package io.stagewire.labelworker.service;

import io.stagewire.labelworker.domain.BarcodeType;

/**
 * The barcode chosen for a label, as its modules: {@code true} is a dark module, one module wide.
 * Quiet zones are not included; the layout leaves room for them.
 *
 * @param fallbackReason why Code128 replaced an EAN that was given; null otherwise
 */
record LabelBarcode(BarcodeType type, String content, boolean[] modules, String fallbackReason) {

    /** Quiet zone on each side, in modules; ISO/IEC 15417 asks 10 for Code128 and EAN-13 needs 7 to 11. */
    static final int QUIET_ZONE_MODULES = 10;

    int moduleCount() {
        return modules.length;
    }
}
