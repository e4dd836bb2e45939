package io.stagewire.ocr.service;

import io.stagewire.ocr.engine.RecognizedPage;
import io.stagewire.ocr.engine.TextLine;
import io.stagewire.ocr.engine.Word;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads an EAN-13: thirteen digits (look-alike letters fixed) whose check digit verifies. One
 * after an "EAN"/"GTIN" label (same line, or to its left on the same row) wins over one without.
 */
final class EanReader {
    static final Pattern LABEL = Pattern.compile("(?<![\\p{L}\\d])(?:EAN|GTIN)(?:-?13)?(?![\\p{L}\\d])");
    static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\d])" + LookAlikeDigits.CHARACTER_CLASS + "{13}(?![\\p{L}\\d])");

    private record Candidate(Reading<String> reading, boolean labelled) {
    }

    Optional<Reading<String>> read(RecognizedPage page) {
        List<Word> labels = page.lines().stream().flatMap(line -> line.words().stream())
                .filter(word -> LABEL.matcher(word.text()).find()).toList();
        return page.lines().stream()
                .flatMap(line -> candidates(page, line, labels))
                .min(Comparator.comparing((Candidate c) -> !c.labelled()))
                .map(Candidate::reading);
    }

    /** Whether a line holds an EAN or its label, and so is not the product name. */
    static boolean mentions(String text) {
        return LABEL.matcher(text).find() || CODE.matcher(text).find();
    }

    private static Stream<Candidate> candidates(RecognizedPage page, TextLine line, List<Word> labels) {
        Stream.Builder<Candidate> candidates = Stream.builder();
        Matcher code = CODE.matcher(line.text());
        while (code.find()) {
            List<Word> words = line.wordsCovering(code.start(), code.end());
            boolean labelled = LABEL.matcher(line.text().substring(0, code.start())).find()
                    || labels.stream().anyMatch(label -> page.wordsRightOf(label.box()).contains(words.getFirst()));
            LookAlikeDigits.fix(code.group())
                    .filter(fixed -> Ean13.isValid(fixed.digits()))
                    .map(fixed -> new Reading<>(fixed.digits(), Confidence.of(words,
                            fixed.replaced() * Confidence.PER_LOOK_ALIKE + (labelled ? 0 : Confidence.UNLABELLED))))
                    .ifPresent(reading -> candidates.add(new Candidate(reading, labelled)));
        }
        return candidates.build();
    }
}
