package io.callscore.compare.report;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.CloseableIterator;
import htsjdk.samtools.util.IOUtil;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers: reading the written files back, and the test resources. */
final class ReportFiles
{
    private ReportFiles()
    {
    }

    static Path resource(final String name)
    {
        try
        {
            return Path.of(ReportFiles.class.getResource("/report/" + name).toURI());
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** The decompressed text of a gzip/bgzip file. */
    static String gunzip(final Path file) throws IOException
    {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)))
        {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Asserts the file is bgzip with an EOF block and has a tabix index that htsjdk opens. */
    static void assertIndexedBgzip(final Path file) throws IOException
    {
        assertTrue(IOUtil.isBlockCompressed(file), file + " is not bgzip");
        assertEquals(BlockCompressedInputStream.FileTermination.HAS_TERMINATOR_BLOCK,
            BlockCompressedInputStream.checkTermination(file), file + " lacks the bgzip EOF block");
        assertTrue(Files.size(file.resolveSibling(file.getFileName() + ".tbi")) > 0, file + " has no index");
    }

    /** Records overlapping a 1-based inclusive region, read with htsjdk through the tabix index. */
    static List<VariantContext> query(final Path file, final String contig, final int start, final int end)
    {
        try (VCFFileReader reader = new VCFFileReader(file, true);
            CloseableIterator<VariantContext> it = reader.query(contig, start, end))
        {
            final List<VariantContext> out = new ArrayList<>();
            it.forEachRemaining(out::add);
            return out;
        }
    }

    /** All records, read sequentially with htsjdk. */
    static List<VariantContext> records(final Path file)
    {
        try (VCFFileReader reader = new VCFFileReader(file, true))
        {
            final List<VariantContext> out = new ArrayList<>();
            reader.iterator().forEachRemaining(out::add);
            return out;
        }
    }

    /** Data lines (not starting with '#') of a text. */
    static List<String> dataLines(final String text)
    {
        final List<String> out = new ArrayList<>();
        for (final String line : text.split("\n"))
        {
            if (!line.isEmpty() && line.charAt(0) != '#')
            {
                out.add(line);
            }
        }
        return out;
    }

    /** The sample names of a VCF's header, read with htsjdk. */
    static List<String> samples(final Path file)
    {
        try (VCFFileReader reader = new VCFFileReader(file, true))
        {
            return reader.getFileHeader().getGenotypeSamples();
        }
    }

    static String read(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
