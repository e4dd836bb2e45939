package io.stagewire.labelworker.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The columns a price list may have, recognised by their header in English or German. */
enum PriceListColumn {
    ARTICLE_NUMBER("articlenumber", "articleno", "article", "itemnumber", "itemno", "sku", "artikelnummer", "artikelnr",
            "artnr", "artikel"),
    NAME("name", "productname", "product", "description", "bezeichnung", "artikelbezeichnung", "produktname", "produkt",
            "beschreibung"),
    PRICE("price", "listprice", "unitprice", "preis", "listenpreis", "verkaufspreis", "vkpreis", "vk"),
    CURRENCY("currency", "währung", "waehrung"),
    EAN("ean", "ean13", "gtin", "gtin13", "barcode");

    private final Set<String> headers;

    PriceListColumn(String... headers) {
        this.headers = Set.of(headers);
    }

    /** The column a header names; case, spaces and punctuation do not matter ("Art.-Nr." is "artnr"). */
    static Optional<PriceListColumn> forHeader(String header) {
        String key = header.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return Arrays.stream(values()).filter(column -> column.headers.contains(key)).findFirst();
    }
}
