package io.callscore.engine.pool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilePoolSinkTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAppendEachWindowToTheManifestWhenItFinishes() throws IOException
    {
        final Path pool = dir.resolve("pool");
        final FilePoolSink sink = FilePoolSink.open(pool);
        final UUID second = add(sink, 2);
        final UUID first = add(sink, 1);

        assertEquals(List.of(second.toString(), first.toString()), manifestTaskIds(pool));
        assertTrue(sink.isComplete("G", 1));
        assertTrue(sink.isComplete("G", 2));
        assertFalse(sink.isComplete("G", 3));
    }

    @Test
    void shouldPutTheManifestInWindowOrderWhenTheBuildFinishes() throws IOException
    {
        final Path pool = dir.resolve("pool");
        final FilePoolSink sink = FilePoolSink.open(pool);
        final UUID second = add(sink, 2);
        final UUID first = add(sink, 1);

        sink.finish();

        assertEquals(List.of(first.toString(), second.toString()), manifestTaskIds(pool));
    }

    @Test
    void shouldRebuildTheManifestInWindowOrderWhenTheSinkOpens() throws IOException
    {
        final Path pool = dir.resolve("pool");
        final FilePoolSink sink = FilePoolSink.open(pool);
        final UUID second = add(sink, 2);
        final UUID first = add(sink, 1);
        // A crash after a window's marker and before its manifest lines: the markers are the record.
        Files.writeString(pool.resolve(FilePoolSink.MANIFEST), "");

        FilePoolSink.open(pool);

        assertEquals(List.of(first.toString(), second.toString()), manifestTaskIds(pool));
    }

    private UUID add(final FilePoolSink sink, final int window) throws IOException
    {
        final UUID id = UUID.randomUUID();
        final Path staging = Files.createDirectories(dir.resolve("staging-" + window));
        final Path vcf = Files.writeString(staging.resolve("truth.vcf.gz"), "vcf");
        final Path bed = Files.writeString(staging.resolve("regions.bed"), "bed");
        final Path edits = Files.writeString(staging.resolve("edits.tsv"), "edits");
        sink.addWindow("G", new Window(window, "chr1", window * 1000, window * 1000 + 500, "standard"),
            List.of(new PoolTask(id, "G", 30, "chr1:1-500", "standard", PoolTask.BAM, "tasks/" + id, vcf, bed, edits,
                3, 1, 1, 0, 10)));
        return id;
    }

    private static List<String> manifestTaskIds(final Path pool) throws IOException
    {
        return Files.readAllLines(pool.resolve(FilePoolSink.MANIFEST)).stream()
            .map(line -> line.replaceAll(".*\"taskId\":\"([^\"]+)\".*", "$1"))
            .toList();
    }
}
