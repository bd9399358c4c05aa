package io.callscore.vcf;

import htsjdk.samtools.util.BlockCompressedOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader's contract on hostile input, shared by the Jazzer fuzz test and the plain randomized test: any bytes,
 * read as a plain, gzip or bgzip VCF, either load into a consistent {@link VariantSet} or fail with an
 * {@link InputException} whose message is one "file[:line]: problem" line. Anything else escapes as a failure.
 */
final class ArbitraryVcfBytes
{
    /** chr1 has an N (REF checks must tolerate it), chr2 is short (records beyond its end are skipped). */
    static final ReferenceGenome REFERENCE = reference();

    private ArbitraryVcfBytes()
    {
    }

    /**
     * Loads {@code data} as plain, gzip and bgzip files written under {@code dir} and checks each outcome; returns
     * how many of the three loads succeeded.
     */
    static int check(final byte[] data, final Path dir) throws IOException
    {
        final Path plain = dir.resolve("input.vcf");
        Files.write(plain, data);
        int loaded = checkLoad(plain);

        final Path gzip = dir.resolve("input.vcf.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip)))
        {
            out.write(data);
        }
        loaded += checkLoad(gzip);

        final Path bgzip = dir.resolve("input.vcf.bgz");
        try (OutputStream out = new BlockCompressedOutputStream(bgzip.toFile()))
        {
            out.write(data);
        }
        loaded += checkLoad(bgzip);
        return loaded;
    }

    /** 1 when the file loaded (and the result is consistent), 0 when it was rejected with a proper message. */
    private static int checkLoad(final Path vcf)
    {
        final VariantSet set;
        try
        {
            set = VariantLoader.load(vcf, REFERENCE, null, LoadOptions.defaults());
        }
        catch (final InputException e)
        {
            final String message = e.getMessage();
            assertFalse(message.contains("\n") || message.contains("\r"), message);
            assertTrue(message.startsWith(vcf + ":"), message);
            assertFalse(e.problem().isBlank(), message);
            return 0;
        }
        // Every data record becomes exactly one of: a variant, a skipped record, an ignored record.
        assertEquals(set.records(), set.variantCount() + set.skipped() + set.ignored(), "record accounting");
        for (final ContigVariants c : set.contigs().values())
        {
            final int length = REFERENCE.length(c.contig());
            for (int v = 0; v < c.size(); v++)
            {
                assertTrue(0 <= c.start(v) && c.start(v) <= c.end(v) && c.end(v) <= length,
                    "span " + c.start(v) + "-" + c.end(v) + " on " + c.contig());
            }
        }
        return 1;
    }

    private static ReferenceGenome reference()
    {
        final Map<String, String> contigs = new LinkedHashMap<>();
        contigs.put("chr1", "ACGTACGTACGTNACGTTTTTGGGGGCCCCCAAAAAACGTACGTACGT");
        contigs.put("chr2", "TTTTTGGGGG");
        return ReferenceGenome.of(contigs);
    }
}
