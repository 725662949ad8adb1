package dev.zocket.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the PostgreSQL server programs ({@code initdb}, {@code pg_ctl}) are: {@code $ZOCKET_PG_BIN}
 * when set, otherwise the newest {@code /usr/lib/postgresql/<version>/bin} of Debian's packages.
 *
 * <p>Missing binaries fail the tests rather than skip them, locally as in CI, so that a green
 * build always means the store ran against a real server.
 */
record PostgresBinaries(Path directory) {

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    /** Finds the binaries, or fails with a message saying how to install them. */
    static PostgresBinaries locate() {
        String configured = System.getenv("ZOCKET_PG_BIN");
        Optional<Path> found = configured != null && !configured.isBlank()
                ? Optional.of(Path.of(configured)).filter(PostgresBinaries::hasServerPrograms)
                : newestDebianVersion();
        return found.map(PostgresBinaries::new).orElseThrow(() -> new IllegalStateException(
                "The PostgreSQL store's tests need a PostgreSQL server's programs (initdb, pg_ctl) in "
                        + (configured != null ? configured + " ($ZOCKET_PG_BIN)" : DEBIAN_ROOT + "/<version>/bin")
                        + ". .ci/run installs them on Debian (apt-get install -y postgresql);"
                        + " elsewhere point $ZOCKET_PG_BIN at the directory holding initdb and pg_ctl."));
    }

    Path initdb() {
        return directory.resolve("initdb");
    }

    Path pgCtl() {
        return directory.resolve("pg_ctl");
    }

    private static Optional<Path> newestDebianVersion() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions
                    .filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .filter(PostgresBinaries::hasServerPrograms);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasServerPrograms(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }
}
