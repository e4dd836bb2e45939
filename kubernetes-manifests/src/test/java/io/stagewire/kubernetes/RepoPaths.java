package io.stagewire.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's deploy/kubernetes and the services' sources are, from the module's working directory. */
final class RepoPaths {
    private RepoPaths() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/kubernetes not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path kubernetes(String relative) {
        return root().resolve("deploy/kubernetes").resolve(relative);
    }

    static Path service(String name) {
        return root().resolve(name);
    }
}
