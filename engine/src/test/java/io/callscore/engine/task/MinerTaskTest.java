package io.callscore.engine.task;

import io.callscore.vcf.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinerTaskTest
{
    private static final String VALID = """
        {
          "task_id": "7f0c1d2e-0000-4000-8000-000000000001",
          "mode": "benchmark",
          "ref_build": "GRCh38",
          "input_type": "BAM",
          "data_locator": {"bam": "reads.bam", "reference": "ref/ref.fa"},
          "regions": ["chr20:10000000-12000000", "chr21:1,000-2,000"],
          "output_format": "VCF",
          "constraints": {"include_genotypes": true, "include_filters": false},
          "something_new": 1
        }
        """;

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryFieldWhenTaskIsValid() throws IOException
    {
        final MinerTask task = MinerTask.read(write(VALID));
        assertEquals("7f0c1d2e-0000-4000-8000-000000000001", task.taskId());
        assertEquals(MinerTask.Mode.BENCHMARK, task.mode());
        assertEquals("GRCh38", task.refBuild());
        assertEquals(MinerTask.InputType.BAM, task.inputType());
        assertEquals(Map.of("bam", "reads.bam", "reference", "ref/ref.fa"), task.dataLocator().files());
        assertEquals(dir.resolve("ref/ref.fa"), task.dataLocator().file("reference", dir, "task.json"));
        assertEquals(List.of(new MinerTask.Region("chr20", 10_000_000, 12_000_000),
            new MinerTask.Region("chr21", 1_000, 2_000)), task.regions());
        assertEquals("VCF", task.outputFormat());
        assertEquals(new MinerTask.Constraints(true, false), task.constraints());
    }

    @Test
    void shouldAcceptStringLocatorAndDefaultConstraintsWhenTheyAreOmitted() throws IOException
    {
        final MinerTask task = MinerTask.read(write(VALID
            .replace("{\"bam\": \"reads.bam\", \"reference\": \"ref/ref.fa\"}", "\"s3://bucket/task-1\"")
            .replace("\"constraints\": {\"include_genotypes\": true, \"include_filters\": false},", "")));
        assertEquals("s3://bucket/task-1", task.dataLocator().location());
        assertTrue(task.dataLocator().files().isEmpty());
        assertEquals(new MinerTask.Constraints(true, true), task.constraints());
    }

    @Test
    void shouldNameMissingFieldWhenRegionsAreAbsent() throws IOException
    {
        final Path file = write(VALID.replace("\"regions\": [\"chr20:10000000-12000000\", \"chr21:1,000-2,000\"],",
            ""));
        final InputException e = assertThrows(InputException.class, () -> MinerTask.read(file));
        assertEquals(file + ": missing field \"regions\"", e.getMessage());
    }

    @Test
    void shouldGiveFileAndLineWhenJsonIsMalformed() throws IOException
    {
        final Path file = write(VALID.replace("\"mode\": \"benchmark\",", "\"mode\": \"benchmark\""));
        final InputException e = assertThrows(InputException.class, () -> MinerTask.read(file));
        assertEquals(4, e.lineNumber(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":4: not valid JSON: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void shouldRejectRegionWhenEndIsBeforeStart() throws IOException
    {
        final Path file = write(VALID.replace("chr21:1,000-2,000", "chr21:2000-1000"));
        final InputException e = assertThrows(InputException.class, () -> MinerTask.read(file));
        assertTrue(e.getMessage().contains("region \"chr21:2000-1000\" is not contig:start-end"), e.getMessage());
    }

    @Test
    void shouldListAllowedValuesWhenModeIsUnknown() throws IOException
    {
        final Path file = write(VALID.replace("\"benchmark\"", "\"practice\""));
        final InputException e = assertThrows(InputException.class, () -> MinerTask.read(file));
        assertEquals(file + ": field \"mode\" must be one of [BENCHMARK, USER], not \"practice\"", e.getMessage());
    }

    @Test
    void shouldRejectNonVcfOutputFormat() throws IOException
    {
        final Path file = write(VALID.replace("\"output_format\": \"VCF\"", "\"output_format\": \"BCF\""));
        final InputException e = assertThrows(InputException.class, () -> MinerTask.read(file));
        assertTrue(e.getMessage().endsWith("output_format must be \"VCF\", not \"BCF\""), e.getMessage());
    }

    @Test
    void shouldNameMissingLocatorEntryWhenAskedForIt() throws IOException
    {
        final MinerTask task = MinerTask.read(write(VALID));
        final InputException e = assertThrows(InputException.class,
            () -> task.dataLocator().file("r1", dir, "task.json"));
        assertTrue(e.getMessage().startsWith("task.json: data_locator needs a \"r1\" entry"), e.getMessage());
        assertNull(task.dataLocator().location());
    }

    @Test
    void shouldSayFileNotFoundWhenTaskIsMissing()
    {
        final InputException e = assertThrows(InputException.class,
            () -> MinerTask.read(dir.resolve("absent.json")));
        assertEquals(dir.resolve("absent.json") + ": file not found", e.getMessage());
    }

    private Path write(final String json) throws IOException
    {
        final Path file = dir.resolve("task.json");
        Files.writeString(file, json);
        return file;
    }
}
