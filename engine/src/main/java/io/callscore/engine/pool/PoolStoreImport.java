package io.callscore.engine.pool;

import com.fasterxml.jackson.databind.JsonNode;
import io.callscore.store.Pool;
import io.callscore.store.StoreFullException;
import io.callscore.store.StoreSizing;
import io.callscore.store.TaskMetadata;
import io.callscore.store.TruthRecordEncoder;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Puts the tasks of a pool build into the pool's store (truth records and claims, all available). Each task's
 * truth is loaded against its own delivered reference slice, whose coordinates it uses. Tasks already in the store
 * are left alone, so it runs after every build and after a resumed one. The store is created on the first run,
 * sized for {@code maxTasks} (room for further genomes) with headroom over the measured record sizes.
 */
public final class PoolStoreImport
{
    private PoolStoreImport()
    {
    }

    /** Imports the sink's finished tasks that the store lacks; returns how many were added. */
    public static int run(final Path poolDir, final FilePoolSink sink, final int maxTasks, final PrintStream log)
    {
        final List<JsonNode> tasks;
        try
        {
            tasks = sink.tasks();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read the pool's build markers: " + e.getMessage(), e);
        }
        final boolean exists = Pool.exists(poolDir);
        final List<UUID> ids = new ArrayList<>();
        final List<byte[]> records = new ArrayList<>();
        long total = 0;
        int largest = 0;
        final LoadedWindow window = new LoadedWindow();
        try (Pool existing = exists ? Pool.openForImport(poolDir) : null)
        {
            for (final JsonNode t : tasks)
            {
                final UUID id = UUID.fromString(t.path("taskId").asText());
                if (existing != null && existing.truth().contains(id))
                {
                    continue;
                }
                final byte[] record = encode(poolDir, t, window);
                ids.add(id);
                records.add(record);
                total += record.length;
                largest = Math.max(largest, record.length);
            }
        }
        if (ids.isEmpty())
        {
            return 0;
        }
        try (Pool pool = exists ? Pool.openForImport(poolDir) : Pool.create(poolDir, StoreSizing.forMeasured(
            Math.max(maxTasks, ids.size()), total, ids.size(), largest, StoreSizing.DEFAULT_HEADROOM)))
        {
            final StoreSizing sizing = pool.manifest().sizing();
            if (largest > sizing.maxRecordBytes())
            {
                throw new StoreFullException(poolDir, "a truth record of " + largest + " bytes exceeds the pool's"
                    + " maximum of " + sizing.maxRecordBytes() + "; build into a new pool");
            }
            if (pool.claims().size() + ids.size() > sizing.maxTasks())
            {
                throw new StoreFullException(poolDir, "room for " + (sizing.maxTasks() - pool.claims().size())
                    + " more tasks, this build made " + ids.size() + "; build into a new pool with a larger"
                    + " --max-tasks");
            }
            for (int i = 0; i < ids.size(); i++)
            {
                pool.addTask(ids.get(i), records.get(i));
                if (log != null && (i + 1) % 100 == 0)
                {
                    log.printf("[pool] stored %d/%d tasks%n", i + 1, ids.size());
                }
            }
        }
        return ids.size();
    }

    /**
     * The truth and region mask last loaded. The coverages of one window are consecutive tasks with identical truth
     * and mask files over identical reference slices, so they are parsed once, not once per coverage.
     */
    private static final class LoadedWindow
    {
        String key;
        byte[] truthBytes;
        byte[] maskBytes;
        RegionSet regions;
        VariantSet truth;
    }

    private static byte[] encode(final Path poolDir, final JsonNode t, final LoadedWindow window)
    {
        final String dataLocator = t.path("dataLocator").asText();
        final Path truthFile = poolDir.resolve(t.path("truth").asText());
        final Path maskFile = poolDir.resolve(t.path("regions").asText());
        final Path sliceFile = poolDir.resolve(dataLocator).resolve("ref.fa");
        final byte[] truthBytes;
        final byte[] maskBytes;
        final long sliceBytes;
        try
        {
            truthBytes = Files.readAllBytes(truthFile);
            maskBytes = Files.readAllBytes(maskFile);
            sliceBytes = Files.size(sliceFile);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read task " + t.path("taskId").asText() + " of " + poolDir + ": "
                + e.getMessage(), e);
        }
        final String key = t.path("genome").asText() + '\t' + t.path("region").asText() + '\t' + sliceBytes;
        if (!key.equals(window.key) || !Arrays.equals(truthBytes, window.truthBytes)
            || !Arrays.equals(maskBytes, window.maskBytes))
        {
            final ReferenceGenome slice = ReferenceGenome.open(sliceFile);
            window.regions = RegionSet.readBed(maskFile);
            window.truth = VariantLoader.load(truthFile, slice, window.regions, LoadOptions.defaults());
            window.key = key;
            window.truthBytes = truthBytes;
            window.maskBytes = maskBytes;
        }
        final TaskMetadata metadata = new TaskMetadata(t.path("genome").asText(), t.path("coverage").asDouble(),
            t.path("region").asText(), t.path("difficulty").asText(), t.path("inputType").asText(), dataLocator);
        return TruthRecordEncoder.encode(window.truth, window.regions, metadata);
    }
}
