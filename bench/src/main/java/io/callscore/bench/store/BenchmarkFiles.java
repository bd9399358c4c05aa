package io.callscore.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories for benchmark stores, deleted at tear-down. */
final class BenchmarkFiles
{
    private BenchmarkFiles()
    {
    }

    static Path newDirectory(final String prefix)
    {
        try
        {
            return Files.createTempDirectory(prefix);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(final Path dir)
    {
        if (dir == null)
        {
            return;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
