package io.stagewire.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    /** The local stack creates topics from deploy/kafka/topics.txt; it must list exactly the contract's topics. */
    @Test
    void localStackCreatesExactlyTheContractTopicsWithTheirPartitionCounts() throws IOException {
        List<String[]> lines = Files.readAllLines(Path.of("../deploy/kafka/topics.txt")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+"))
                .toList();

        assertThat(lines).extracting(f -> f[0]).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(lines).extracting(f -> Integer.parseInt(f[1])).containsOnly(Topics.DEFAULT_PARTITIONS);
    }
}
