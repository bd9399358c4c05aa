package io.callscore.engine.pool;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import io.callscore.vcf.ReferenceGenome;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Source data the pool tests build from, made once per test JVM: a 60 kb real reference slice, a generated truth
 * (phased, GIAB-like records), confident regions with holes, and a source BAM: reads simulated from the truth
 * haplotypes by the pool build's own simulator, aligned with bwa and tagged like a real BAM (read group with a
 * sample name, @PG, @CO, aligner tags) so the leak tests have something to find.
 */
final class PoolFixture
{
    static final String SOURCE_SAMPLE = "HG001-SOURCE";
    static final String SOURCE_GROUP = "srcgroup7";
    static final String SOURCE_COMMENT = "secret-source-file HG001.novaseq.bam";

    final Path dir;
    final Path reference;
    final Path truth;
    final Path confident;
    final List<SmallVariant> truthVariants;
    /** The bwa-aligned source BAM, or null when bwa is not installed. */
    final Path bam;
    final Set<String> sourceReadNames;

    private static PoolFixture simulated;

    private PoolFixture(final Path dir, final Path reference, final Path truth, final Path confident,
        final List<SmallVariant> truthVariants, final Path bam, final Set<String> names)
    {
        this.dir = dir;
        this.reference = reference;
        this.truth = truth;
        this.confident = confident;
        this.truthVariants = truthVariants;
        this.bam = bam;
        this.sourceReadNames = names;
    }

    static synchronized PoolFixture simulated() throws IOException, InterruptedException
    {
        if (simulated == null)
        {
            simulated = make();
        }
        return simulated;
    }

    private static PoolFixture make() throws IOException, InterruptedException
    {
        final Path dir = Files.createTempDirectory("callscore-pool-fixture");
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            try
            {
                FilePoolSink.deleteTree(dir);
            }
            catch (final IOException e)
            {
                // Best effort: a temporary folder.
            }
        }));
        final Path ref = dir.resolve("source-ref.fa");
        final String bases = resourceFasta("ref60k.fa.gz");
        writeFasta(ref, "chr20", bases);
        final ReferenceGenome genome = ReferenceGenome.open(ref);
        final ReferenceSlice whole = ReferenceSlice.of(genome, "chr20", 0, genome.length("chr20"));

        // A GIAB-like truth: SNVs and left-aligned indels of 1-20 bp, het (phased) and hom, ~1 per 600 bp.
        final SitePlanner planner = new SitePlanner(whole, new int[] {300, 59_700}, List.of(), 40,
            new SplittableRandom(20_260_101));
        final List<SmallVariant> drawn = planner.plan(75, 25, 0).spikes();
        final List<SmallVariant> truth = new ArrayList<>();
        for (final SmallVariant v : drawn)
        {
            truth.add(new SmallVariant(v.pos(), v.ref(), v.alts(), v.gt0(), v.gt1(), true));
        }
        final Path truthVcf = dir.resolve("HG001.truth.vcf.gz");
        writeTruth(truthVcf, truth);
        final Path bed = dir.resolve("HG001.confident.bed");
        Files.writeString(bed, "chr20\t500\t29000\nchr20\t30000\t59500\n");

        Path bam = null;
        final Set<String> names = new HashSet<>();
        if (Tools.has("bwa"))
        {
            bam = alignSource(dir, ref, truthVcf, bed, names);
        }
        return new PoolFixture(dir, ref, truthVcf, bed, List.copyOf(truth), bam, names);
    }

    /** Simulates 30x reads of the whole contig from the truth haplotypes and aligns them with bwa. */
    private static Path alignSource(final Path dir, final Path ref, final Path truthVcf, final Path bed,
        final Set<String> names) throws IOException, InterruptedException
    {
        final Path simPool = dir.resolve("sim-source");
        final PoolBuildOptions sim = PoolBuildOptions.defaults(ref, truthVcf, bed, null, "SRC", simPool)
            .withWindows(1, 60_000).withCoverages(List.of(30)).withSpikes(0, 0, 0)
            .withSimulation(true, 150, 400, 50, 0.002).withOutput("standard", 1000, 1, false);
        new PoolBuilder(sim, FilePoolSink.open(simPool), null).run();
        final Path task;
        try (var s = Files.list(simPool.resolve("tasks")))
        {
            task = s.findFirst().orElseThrow();
        }
        Tools.run(dir, "bwa", "index", ref.toString());
        final Path sam = dir.resolve("source.sam");
        // -K: the same batches whatever the thread count, so the alignments do not depend on the machine.
        Tools.runTo(dir, sam, "bwa", "mem", "-t", "2", "-K", "10000000",
            "-R", "@RG\\tID:" + SOURCE_GROUP + "\\tSM:" + SOURCE_SAMPLE
            + "\\tPL:ILLUMINA", ref.toString(), task.resolve("reads_1.fq.gz").toString(),
            task.resolve("reads_2.fq.gz").toString());
        final Path bam = dir.resolve("HG001.source.bam");
        try (SamReader in = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT).open(sam))
        {
            final SAMFileHeader header = in.getFileHeader().clone();
            header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
            header.addComment(SOURCE_COMMENT);
            try (SAMFileWriter out = new SAMFileWriterFactory().setCreateIndex(true).makeBAMWriter(header, false, bam))
            {
                // The simulated reads carry fresh random names, and the pool build chooses a read's haplotype by
                // hashing its source name: fixed names make every allele fraction the same from run to run.
                final Map<String, String> fixedNames = new HashMap<>();
                for (final SAMRecord r : in)
                {
                    r.setReadName(fixedNames.computeIfAbsent(r.getReadName(),
                        n -> String.format(Locale.ROOT, "src%07d", fixedNames.size())));
                    names.add(r.getReadName());
                    r.setAttribute("XQ", "source-only-tag");
                    out.addAlignment(r);
                }
            }
        }
        return bam;
    }

    static String resourceFasta(final String name) throws IOException
    {
        try (InputStream in = new GZIPInputStream(PoolFixture.class.getResourceAsStream("/pool/" + name)))
        {
            final String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            final StringBuilder sb = new StringBuilder();
            for (final String line : text.split("\n"))
            {
                if (!line.startsWith(">"))
                {
                    sb.append(line.strip());
                }
            }
            return sb.toString();
        }
    }

    static void writeFasta(final Path file, final String contig, final String bases) throws IOException
    {
        final StringBuilder sb = new StringBuilder(">").append(contig).append('\n');
        for (int i = 0; i < bases.length(); i += 60)
        {
            sb.append(bases, i, Math.min(bases.length(), i + 60)).append('\n');
        }
        Files.writeString(file, sb.toString());
        Files.writeString(file.resolveSibling(file.getFileName() + ".fai"), contig + "\t" + bases.length() + "\t"
            + (contig.length() + 2) + "\t60\t61\n");
    }

    static void writeTruth(final Path vcf, final List<SmallVariant> variants) throws IOException
    {
        try (Writer w = new OutputStreamWriter(new BlockCompressedOutputStream(vcf.toFile()), StandardCharsets.US_ASCII))
        {
            w.write("##fileformat=VCFv4.2\n##contig=<ID=chr20,length=60000>\n");
            w.write("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
            w.write("##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"Phase set\">\n");
            w.write("##INFO=<ID=platforms,Number=1,Type=Integer,Description=\"Platforms\">\n");
            w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + SOURCE_SAMPLE + "\n");
            for (final SmallVariant v : variants)
            {
                w.write("chr20\t" + (v.pos() + 1) + "\t.\t" + v.ref() + "\t" + v.altText() + "\t50\tPASS\tplatforms=2\t"
                    + "GT:PS\t" + v.gt0() + "|" + v.gt1() + ":1\n");
            }
        }
    }

    /** External tools the tests may use (Debian packages bwa, bcftools). */
    static final class Tools
    {
        private Tools()
        {
        }

        static boolean has(final String tool)
        {
            final String path = System.getenv("PATH");
            if (path == null)
            {
                return false;
            }
            for (final String d : path.split(":"))
            {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool)))
                {
                    return true;
                }
            }
            return false;
        }

        static void run(final Path dir, final String... command) throws IOException, InterruptedException
        {
            runTo(dir, null, command);
        }

        static void runTo(final Path dir, final Path stdout, final String... command)
            throws IOException, InterruptedException
        {
            final ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            final Path err = Files.createTempFile(dir, "tool", ".err");
            pb.redirectError(err.toFile());
            pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
            final Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0)
            {
                p.destroyForcibly();
                throw new UncheckedIOException(new IOException(String.join(" ", command) + " failed: "
                    + Files.readString(err)));
            }
        }

        /** bcftools mpileup | call on a BAM: variant sites only, bgzip VCF. */
        static Path callVariants(final Path dir, final Path ref, final Path bam) throws IOException, InterruptedException
        {
            final Path out = dir.resolve("bcftools-calls.vcf.gz");
            run(dir, "bash", "-c", "set -o pipefail; bcftools mpileup -Ou -f '" + ref + "' '" + bam
                + "' | bcftools call -mv -Oz -o '" + out + "'");
            return out;
        }
    }
}
