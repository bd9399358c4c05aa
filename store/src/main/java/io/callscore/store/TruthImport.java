package io.callscore.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.vcf.InputException;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Imports tasks built elsewhere: a JSON-lines manifest naming, per task, its id, truth VCF, optional confident
 * BED and metadata. Every task is loaded and encoded before anything is written, so a bad line, a duplicate id or
 * a pool too small is reported with nothing imported.
 *
 * <pre>
 * {"task_id": "...", "truth_vcf": "t1.vcf.gz", "truth_bed": "t1.bed", "sample": null, "genome": "HG002-GRCh38",
 *  "coverage": 30, "region": "chr20:1-100000", "difficulty": "hard", "input_type": "bam",
 *  "data_locator": "/pool/inputs/t1.bam"}
 * </pre>
 *
 * Relative paths are resolved against the manifest's directory.
 */
public final class TruthImport
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One line of the manifest.
     *
     * @param line     its line number, for messages
     * @param sample   truth sample column, or null for the VCF's only sample
     * @param truthBed confident regions, or null when every variant counts
     */
    public record Task(long line, UUID taskId, Path truthVcf, Path truthBed, String sample, TaskMetadata metadata)
    {
    }

    /**
     * What an import did.
     *
     * @param created whether it created the pool
     */
    public record Result(int imported, boolean created, StoreSizing sizing, long recordBytes)
    {
    }

    private TruthImport()
    {
    }

    /** Reads and checks a manifest; bad input gives an {@link InputException} naming the line. */
    public static List<Task> readManifest(final Path manifest)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(manifest);
        }
        catch (final java.nio.file.NoSuchFileException e)
        {
            throw new InputException(manifest, "file not found");
        }
        catch (final IOException e)
        {
            throw new InputException(manifest, "cannot read: " + e.getMessage());
        }
        final Path base = manifest.toAbsolutePath().getParent();
        final List<Task> tasks = new ArrayList<>();
        final Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String text = lines.get(i).strip();
            if (text.isEmpty())
            {
                continue;
            }
            final long line = i + 1;
            final JsonNode node;
            try
            {
                node = JSON.readTree(text);
            }
            catch (final JacksonException e)
            {
                throw new InputException(manifest, line, "not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject())
            {
                throw new InputException(manifest, line, "each line must be one JSON object");
            }
            final UUID id;
            try
            {
                id = UUID.fromString(text(manifest, line, node, "task_id"));
            }
            catch (final IllegalArgumentException e)
            {
                throw new InputException(manifest, line, "task_id is not a UUID: " + node.get("task_id").asText());
            }
            if (!seen.add(id))
            {
                throw new InputException(manifest, line, "task_id " + id + " appears twice");
            }
            final JsonNode coverage = node.get("coverage");
            if (coverage == null || !coverage.isNumber())
            {
                throw new InputException(manifest, line, "coverage must be a number");
            }
            final TaskMetadata metadata;
            try
            {
                metadata = new TaskMetadata(text(manifest, line, node, "genome"), coverage.asDouble(),
                    text(manifest, line, node, "region"), text(manifest, line, node, "difficulty"),
                    text(manifest, line, node, "input_type"), text(manifest, line, node, "data_locator"));
            }
            catch (final IllegalArgumentException e)
            {
                throw new InputException(manifest, line, e.getMessage());
            }
            final String bed = optional(node, "truth_bed");
            tasks.add(new Task(line, id, base.resolve(text(manifest, line, node, "truth_vcf")),
                bed == null ? null : base.resolve(bed), optional(node, "sample"), metadata));
        }
        if (tasks.isEmpty())
        {
            throw new InputException(manifest, "the manifest lists no tasks");
        }
        return tasks;
    }

    private static String text(final Path manifest, final long line, final JsonNode node, final String field)
    {
        final JsonNode value = node.get(field);
        if (value == null || !value.isTextual())
        {
            throw new InputException(manifest, line, field + " is missing or not a string");
        }
        return value.asText();
    }

    private static String optional(final JsonNode node, final String field)
    {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Loads a task's truth VCF and BED (with the loader's checks) and encodes its record. */
    public static byte[] encode(final Task task, final ReferenceGenome reference)
    {
        final RegionSet regions = task.truthBed() == null ? null : RegionSet.readBed(task.truthBed());
        final VariantSet truth = VariantLoader.load(task.truthVcf(), reference, regions,
            LoadOptions.defaults().withSample(task.sample()));
        return TruthRecordEncoder.encode(truth, regions, task.metadata());
    }

    /**
     * Imports a manifest's tasks into a pool directory, creating the pool when there is none (sized for
     * {@code maxTasks}, or the manifest's task count when 0, with {@code headroom} over the measured record sizes).
     */
    public static Result importInto(final Path poolDir, final Path manifest, final ReferenceGenome reference,
        final int maxTasks, final double headroom)
    {
        final List<Task> tasks = readManifest(manifest);
        long total = 0;
        int largest = 0;
        for (final Task task : tasks)
        {
            final int length = encode(task, reference).length;
            total += length;
            largest = Math.max(largest, length);
        }
        final boolean create = !Pool.exists(poolDir);
        final StoreSizing sizing = create ? StoreSizing.forMeasured(Math.max(maxTasks, tasks.size()), total,
            tasks.size(), largest, headroom) : PoolManifest.read(poolDir).sizing();
        try (Pool pool = create ? Pool.create(poolDir, sizing) : Pool.openForImport(poolDir))
        {
            checkRoom(pool, tasks, largest, manifest);
            for (final Task task : tasks)
            {
                pool.addTask(task.taskId(), encode(task, reference));
            }
        }
        return new Result(tasks.size(), create, sizing, total);
    }

    private static void checkRoom(final Pool pool, final List<Task> tasks, final int largest, final Path manifest)
    {
        final StoreSizing sizing = pool.manifest().sizing();
        for (final Task task : tasks)
        {
            if (pool.truth().contains(task.taskId()))
            {
                throw new InputException(manifest, task.line(), "task " + task.taskId() + " is already in the pool "
                    + pool.dir());
            }
        }
        if (pool.claims().size() + tasks.size() > sizing.maxTasks())
        {
            throw new StoreFullException(pool.dir(), "room for " + (sizing.maxTasks() - pool.claims().size())
                + " more tasks, the manifest has " + tasks.size() + "; nothing was imported");
        }
        if (largest > sizing.maxRecordBytes())
        {
            throw new StoreFullException(pool.dir(), "a truth record of " + largest + " bytes exceeds the pool's "
                + "maximum of " + sizing.maxRecordBytes() + "; nothing was imported");
        }
    }
}
