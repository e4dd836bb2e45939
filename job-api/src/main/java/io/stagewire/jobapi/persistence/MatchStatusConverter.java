package io.stagewire.jobapi.persistence;

import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class MatchStatusConverter extends WireNameConverter<MatchStatus> {
    public MatchStatusConverter() {
        super(MatchStatus.class);
    }
}
