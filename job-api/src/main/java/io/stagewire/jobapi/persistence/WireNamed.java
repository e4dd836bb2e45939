package io.stagewire.jobapi.persistence;

/** A value with the name it has in events, the API and the database (e.g. {@code completed}). */
public interface WireNamed {

    String wireName();
}
