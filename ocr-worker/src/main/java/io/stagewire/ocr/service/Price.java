package io.stagewire.ocr.service;

import java.math.BigDecimal;

/** An amount with two decimals and its ISO 4217 currency code. */
record Price(BigDecimal amount, String currency) {
}
