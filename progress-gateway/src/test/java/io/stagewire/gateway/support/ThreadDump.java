package io.stagewire.gateway.support;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The stacks of this JVM's threads whose names start with one of the prefixes: what a test that waited in vain prints. */
public final class ThreadDump {
    private static final int FRAMES = 12;

    private ThreadDump() {
    }

    public static String of(String... prefixes) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(prefixes).anyMatch(e.getKey().getName()::startsWith))
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Thread::getName)))
                .map(e -> e.getKey().getName() + " " + e.getKey().getState() + Arrays.stream(e.getValue()).limit(FRAMES)
                        .map(frame -> "\n    at " + frame).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }
}
