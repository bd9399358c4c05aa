package io.callscore.bench.data;

import io.callscore.engine.synthetic.SyntheticCallSets;
import io.callscore.vcf.ReferenceGenome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes N synthetic windows (truth, calls ~97% accurate, regions) over one reference and a batch file for
 * {@code callscore compare --batch}: the data of the batch-scoring measurement in docs/performance.md.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.callscore.bench.data.MakeBatchWindows REF.fa OUTDIR N VARIANTS</pre>
 */
public final class MakeBatchWindows
{
    private MakeBatchWindows()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        if (args.length != 4)
        {
            System.err.println("usage: MakeBatchWindows REF.fa OUTDIR N VARIANTS_PER_WINDOW");
            System.exit(2);
        }
        final Path refFile = Path.of(args[0]).toAbsolutePath();
        final Path out = Path.of(args[1]);
        final int n = Integer.parseInt(args[2]);
        final int variants = Integer.parseInt(args[3]);
        final ReferenceGenome ref = ReferenceGenome.open(refFile);
        final StringBuilder cases = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            final Path dir = out.resolve(String.format("w%05d", i));
            new SyntheticCallSets(ref, List.of(), SyntheticCallSets.Profile.realistic(variants), 1000 + i).write(dir);
            final String d = dir.getFileName().toString();
            cases.append("w").append(i).append('\t').append(d).append("/truth.vcf.gz\t").append(d)
                .append("/calls.vcf.gz\t").append(refFile).append('\t').append(d).append("/regions.bed\n");
        }
        Files.writeString(out.resolve("cases.tsv"), cases.toString());
        System.out.println("wrote " + n + " windows and " + out.resolve("cases.tsv"));
    }
}
