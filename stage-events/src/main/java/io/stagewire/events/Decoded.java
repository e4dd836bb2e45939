package io.stagewire.events;

/** The outcome of decoding one record: a valid stage event, or the precise reason it is not one. */
public sealed interface Decoded {

    record Valid(StageEvent event) implements Decoded {
    }

    record Invalid(String reason) implements Decoded {
        public InvalidStageEventException toException() {
            return new InvalidStageEventException(reason);
        }
    }
}
