package io.callscore.engine.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link PoolSink} that keeps the validator-only side of a pool as files:
 * <pre>
 * POOL/truth/&lt;taskId&gt;.vcf.gz      window truth (delivered-reference coordinates)
 * POOL/truth/&lt;taskId&gt;.bed         region mask
 * POOL/truth/&lt;taskId&gt;.edits.tsv   spike-in and spike-out sites
 * POOL/build/&lt;genome&gt;/window-NNNNN.json   one per finished window: its tasks (the resume marker, written last)
 * POOL/manifest.jsonl              one line per task of every finished window
 * </pre>
 * A window is complete exactly when its marker exists; files of windows without one (an interrupted run) are
 * removed when the sink opens. The markers are the record; the manifest is derived from them: appended to as
 * windows finish (so a window costs the same whether it is the first or the ten-thousandth), and rewritten in
 * genome and window order when the sink opens and when a build finishes.
 */
public final class FilePoolSink implements PoolSink
{
    static final String TRUTH = "truth";
    static final String TASKS = "tasks";
    static final String BUILD = "build";
    static final String MANIFEST = "manifest.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path pool;

    private FilePoolSink(final Path pool)
    {
        this.pool = pool;
    }

    /** Opens (creating) the pool folder and removes task and truth files that no finished window lists. */
    public static FilePoolSink open(final Path pool)
    {
        final FilePoolSink sink = new FilePoolSink(pool);
        try
        {
            Files.createDirectories(pool.resolve(TRUTH));
            Files.createDirectories(pool.resolve(TASKS));
            Files.createDirectories(pool.resolve(BUILD));
            final Set<String> known = new HashSet<>();
            for (final JsonNode task : sink.tasks())
            {
                known.add(task.get("taskId").asText());
            }
            for (final String folder : List.of(TRUTH, TASKS))
            {
                try (Stream<Path> files = Files.list(pool.resolve(folder)))
                {
                    for (final Path p : files.toList())
                    {
                        final String name = p.getFileName().toString();
                        final int dot = name.indexOf('.');
                        if (!known.contains(dot < 0 ? name : name.substring(0, dot)))
                        {
                            deleteTree(p);
                        }
                    }
                }
            }
            sink.rebuildManifest();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot open pool " + pool + ": " + e.getMessage(), e);
        }
        return sink;
    }

    @Override
    public boolean isComplete(final String genome, final int window)
    {
        return Files.isRegularFile(marker(genome, window));
    }

    @Override
    public void addWindow(final String genome, final Window window, final List<PoolTask> tasks)
    {
        try
        {
            final ObjectNode marker = JSON.createObjectNode();
            marker.put("genome", genome);
            marker.put("window", window.index());
            marker.put("region", window.region());
            final ArrayNode list = marker.putArray("tasks");
            for (final PoolTask t : tasks)
            {
                final String id = t.taskId().toString();
                final Path truth = pool.resolve(TRUTH);
                Files.copy(t.truthVcf(), truth.resolve(id + ".vcf.gz"), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(t.regionsBed(), truth.resolve(id + ".bed"), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(t.editsTsv(), truth.resolve(id + ".edits.tsv"), StandardCopyOption.REPLACE_EXISTING);
                list.add(describe(t));
            }
            final Path m = marker(genome, window.index());
            Files.createDirectories(m.getParent());
            final Path tmp = m.resolveSibling(m.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(marker) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, m, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            appendToManifest(marker.get("tasks"));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot record window " + window.index() + " in " + pool + ": "
                + e.getMessage(), e);
        }
    }

    private static ObjectNode describe(final PoolTask t)
    {
        final String id = t.taskId().toString();
        final ObjectNode o = JSON.createObjectNode();
        o.put("taskId", id);
        o.put("genome", t.genome());
        o.put("coverage", t.coverage());
        o.put("region", t.region());
        o.put("difficulty", t.difficulty());
        o.put("inputType", t.inputType());
        o.put("dataLocator", t.dataLocator());
        o.put("truth", TRUTH + "/" + id + ".vcf.gz");
        o.put("regions", TRUTH + "/" + id + ".bed");
        o.put("edits", TRUTH + "/" + id + ".edits.tsv");
        o.put("truthRecords", t.truthRecords());
        o.put("spikedSnvs", t.spikedSnvs());
        o.put("spikedIndels", t.spikedIndels());
        o.put("reverted", t.reverted());
        o.put("reads", t.reads());
        return o;
    }

    /** Rewrites the manifest in genome and window order (windows built in parallel were appended as they finished). */
    @Override
    public void finish()
    {
        try
        {
            rebuildManifest();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write the manifest of " + pool + ": " + e.getMessage(), e);
        }
    }

    /** Every task of every finished window, in genome then window order. */
    public List<JsonNode> tasks() throws IOException
    {
        final List<JsonNode> out = new ArrayList<>();
        final Path build = pool.resolve(BUILD);
        if (!Files.isDirectory(build))
        {
            return out;
        }
        final List<Path> markers;
        try (Stream<Path> s = Files.walk(build, 2))
        {
            markers = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (final Path m : markers)
        {
            for (final JsonNode t : JSON.readTree(m.toFile()).get("tasks"))
            {
                out.add(t);
            }
        }
        return out;
    }

    /** Appends a finished window's tasks; a crash between the marker and this is repaired by the next open. */
    private void appendToManifest(final JsonNode tasks) throws IOException
    {
        Files.writeString(pool.resolve(MANIFEST), manifestLines(tasks), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void rebuildManifest() throws IOException
    {
        final Path manifest = pool.resolve(MANIFEST);
        final Path tmp = pool.resolve(MANIFEST + ".tmp");
        Files.writeString(tmp, manifestLines(tasks()), StandardCharsets.UTF_8);
        Files.move(tmp, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** One JSON line per task, as the manifest holds them. */
    private static String manifestLines(final Iterable<JsonNode> tasks) throws IOException
    {
        final StringBuilder sb = new StringBuilder();
        for (final JsonNode t : tasks)
        {
            sb.append(JSON.writeValueAsString(t)).append('\n');
        }
        return sb.toString();
    }

    private Path marker(final String genome, final int window)
    {
        return pool.resolve(BUILD).resolve(genome).resolve(String.format("window-%05d.json", window));
    }

    static void deleteTree(final Path p) throws IOException
    {
        if (!Files.exists(p))
        {
            return;
        }
        try (Stream<Path> s = Files.walk(p))
        {
            for (final Path q : s.sorted(java.util.Comparator.reverseOrder()).toList())
            {
                Files.delete(q);
            }
        }
    }
}
