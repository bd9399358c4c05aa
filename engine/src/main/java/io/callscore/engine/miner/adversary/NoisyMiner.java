package io.callscore.engine.miner.adversary;

import io.callscore.engine.task.MinerTask;
import io.callscore.engine.transport.InProcessMiner;
import io.callscore.vcf.Bases;
import io.callscore.vcf.ReferenceGenome;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An honest caller's answer padded with random heterozygous SNVs at random places of the task's regions, as a miner
 * would that trades precision for recall without evidence. Each extra call is a false positive, so it must score
 * below the honest answer it started from.
 */
public final class NoisyMiner implements InProcessMiner
{
    private final String hotkey;
    private final InProcessMiner honest;
    private final double extraFraction;
    private final long seed;

    /**
     * @param hotkey        its own hotkey
     * @param honest        the caller whose answer it pads
     * @param extraFraction random calls added per honest record (at least one)
     * @param seed          seed of the random calls (mixed with the task id)
     */
    public NoisyMiner(final String hotkey, final InProcessMiner honest, final double extraFraction, final long seed)
    {
        this.hotkey = hotkey;
        this.honest = honest;
        this.extraFraction = extraFraction;
        this.seed = seed;
    }

    private record Line(int contig, int pos, long order, String text)
    {
    }

    @Override
    public void answer(final Path taskJson, final Path workDir, final OutputStream vcf) throws Exception
    {
        final Path mine = workDir.resolve("honest.vcf");
        try (OutputStream out = Files.newOutputStream(mine))
        {
            honest.answer(taskJson, workDir, out);
        }
        final List<String> lines = VcfLines.withHotkey(VcfLines.read(mine), hotkey);
        Files.deleteIfExists(mine);
        final MinerTask task = MinerTask.read(taskJson);
        final ReferenceGenome reference = ReferenceGenome.open(task.dataLocator().file("reference",
            taskJson.toAbsolutePath().getParent(), taskJson.toString()));
        final List<String> names = reference.names();
        final Map<String, BitSet> taken = new HashMap<>();
        final List<String> header = new ArrayList<>();
        final List<Line> records = new ArrayList<>();
        long order = 0;
        for (final String line : lines)
        {
            if (line.startsWith("#"))
            {
                header.add(line);
                continue;
            }
            final String[] f = line.split("\t", 6);
            final int pos = Integer.parseInt(f[1]);
            taken.computeIfAbsent(f[0], c -> new BitSet()).set(Math.max(0, pos - 3), pos + f[3].length() + 2);
            records.add(new Line(names.indexOf(f[0]), pos, order++, line));
        }
        final SplittableRandom random = new SplittableRandom(seed ^ task.taskId().hashCode());
        final int wanted = Math.max(1, (int)Math.round(extraFraction * records.size()));
        int added = 0;
        for (int attempt = 0; added < wanted && attempt < wanted * 20; attempt++)
        {
            final MinerTask.Region region = task.regions().get(random.nextInt(task.regions().size()));
            final int end = Math.min(region.end(), reference.length(region.contig()));
            if (end < region.start())
            {
                continue;
            }
            final int pos = region.start() + random.nextInt(end - region.start() + 1);
            final BitSet used = taken.computeIfAbsent(region.contig(), c -> new BitSet());
            final byte ref = Bases.letter(reference.bases(region.contig())[pos - 1]);
            if (used.get(pos) || ref == 'N')
            {
                continue;
            }
            used.set(pos - 2, pos + 3);
            byte alt;
            do
            {
                alt = (byte)"ACGT".charAt(random.nextInt(4));
            }
            while (alt == ref);
            records.add(new Line(names.indexOf(region.contig()), pos, order++, region.contig() + "\t" + pos
                + "\t.\t" + (char)ref + "\t" + (char)alt + "\t40\tPASS\t.\tGT\t0/1"));
            added++;
        }
        records.sort(Comparator.comparingInt(Line::contig).thenComparingInt(Line::pos).thenComparingLong(Line::order));
        VcfLines.write(vcf, header);
        VcfLines.write(vcf, records.stream().map(Line::text).toList());
    }
}
