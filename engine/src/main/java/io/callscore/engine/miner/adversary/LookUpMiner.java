package io.callscore.engine.miner.adversary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callscore.engine.pool.SmallVariant;
import io.callscore.engine.pool.TruthVcfReader;
import io.callscore.engine.task.MinerTask;
import io.callscore.engine.transport.InProcessMiner;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A miner who recognised the sample and where its window lies, and returns the <em>public</em> truth of that window
 * instead of calling. It is given, as a privileged demo-only input, what it would have had to guess: the pool's
 * manifest (which source window each task is) and the build's margin; it never reads the pool's hidden truth. The
 * spike-ins (absent from the public truth: false negatives) and spike-outs (present in it but gone from the reads:
 * false positives) must make it score clearly below an honest caller.
 */
public final class LookUpMiner implements InProcessMiner
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String hotkey;
    private final Path manifest;
    private final Path publicTruth;
    private final int margin;

    /**
     * @param hotkey      its own hotkey
     * @param manifest    the pool's {@code manifest.jsonl} (task id to source window)
     * @param publicTruth the sample's public truth VCF
     * @param margin      reference bases the pool build keeps before a window in the delivered slice
     */
    public LookUpMiner(final String hotkey, final Path manifest, final Path publicTruth, final int margin)
    {
        this.hotkey = hotkey;
        this.manifest = manifest;
        this.publicTruth = publicTruth;
        this.margin = margin;
    }

    @Override
    public void answer(final Path taskJson, final Path workDir, final OutputStream vcf) throws Exception
    {
        final MinerTask task = MinerTask.read(taskJson);
        String region = null;
        for (final String line : Files.readAllLines(manifest))
        {
            if (!line.isBlank())
            {
                final JsonNode n = JSON.readTree(line);
                if (n.path("taskId").asText().equals(task.taskId()))
                {
                    region = n.path("region").asText();
                }
            }
        }
        final List<String> out = new ArrayList<>(VcfLines.emptyVcf(hotkey));
        if (region != null)
        {
            final int colon = region.lastIndexOf(':');
            final String[] span = region.substring(colon + 1).split("-");
            final String contig = region.substring(0, colon);
            final int start = Integer.parseInt(span[0]) - 1;
            final int end = Integer.parseInt(span[1]);
            final int sliceStart = Math.max(0, start - margin);
            final List<SmallVariant> truth = new ArrayList<>(TruthVcfReader.read(publicTruth,
                Map.of(contig, new int[] {start, end})).getOrDefault(contig, List.of()));
            truth.sort(Comparator.comparingInt(SmallVariant::pos));
            final String window = task.regions().getFirst().contig();
            for (final SmallVariant v : truth)
            {
                out.add(window + "\t" + (v.pos() - sliceStart + 1) + "\t.\t" + v.ref() + "\t" + v.altText()
                    + "\t50\tPASS\t.\tGT\t" + v.genotypeText());
            }
        }
        VcfLines.write(vcf, out);
    }
}
