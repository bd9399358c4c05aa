package io.callscore.bench.compare;

import io.callscore.engine.synthetic.SyntheticCallSets;
import io.callscore.vcf.ReferenceGenome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark inputs, made once per JVM by the seeded generator: a truth/calls pair (~97% accurate calls) over a
 * reference. The reference is {@code -Dcallscore.bench.reference=PATH} (default {@code examples/ref.fa.gz}, 2 Mb of
 * GRCh38 chr20; for the 20 Mb figure pass the chr20/chr21 10 Mb FASTA of docs/performance.md).
 */
final class CompareData
{
    private CompareData()
    {
    }

    static ReferenceGenome reference()
    {
        final Path ref = Path.of(System.getProperty("callscore.bench.reference", "examples/ref.fa.gz"));
        if (!Files.exists(ref))
        {
            throw new IllegalStateException("benchmark reference " + ref.toAbsolutePath()
                + " not found: run from the project folder or set -Dcallscore.bench.reference");
        }
        return ReferenceGenome.open(ref);
    }

    /** Writes a pair with about {@code variants} truth variants into a fresh temporary folder. */
    static SyntheticCallSets.Written pair(final ReferenceGenome reference, final int variants, final long seed)
    {
        try
        {
            final Path dir = Files.createTempDirectory("callscore-bench");
            dir.toFile().deleteOnExit();
            return new SyntheticCallSets(reference, List.of(), SyntheticCallSets.Profile.realistic(variants), seed)
                .write(dir);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
