package io.callscore.compare.report;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.tribble.Feature;
import htsjdk.tribble.index.Index;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes VCF text lines, byte for byte, to a bgzip file and builds its tabix index ({@code .tbi}) on the way.
 * Lines are written as given (no re-encoding through a VariantContext), so output records stay identical to the
 * input records. Records must come grouped by contig and sorted by position, as tabix requires.
 */
final class IndexedVcfWriter implements Closeable
{
    /** Suffix of the index next to the data file. */
    static final String INDEX_SUFFIX = ".tbi";

    private final Path file;
    private final BlockCompressedOutputStream out;
    private final TabixIndexCreator indexer = new TabixIndexCreator(TabixFormat.VCF);
    private final Span span = new Span();
    private long records;
    private boolean closed;

    IndexedVcfWriter(final Path file) throws IOException
    {
        this.file = file;
        this.out = new BlockCompressedOutputStream(Files.newOutputStream(file), file);
    }

    /** Writes a header line (without its newline). */
    void header(final String line) throws IOException
    {
        final byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        header(bytes, bytes.length);
    }

    /** Writes a header line from the first {@code length} bytes of a buffer. */
    void header(final byte[] line, final int length) throws IOException
    {
        if (records > 0)
        {
            throw new IllegalStateException(file + ": header line after records");
        }
        out.write(line, 0, length);
        out.write('\n');
    }

    /** Writes a record line and indexes it under contig, 1-based inclusive start and end. */
    void record(final byte[] line, final int length, final String contig, final int start, final int end)
        throws IOException
    {
        span.contig = contig;
        span.start = start;
        span.end = Math.max(start, end);
        indexer.addFeature(span, out.getFilePointer());
        out.write(line, 0, length);
        out.write('\n');
        records++;
    }

    /** Record lines written so far. */
    long records()
    {
        return records;
    }

    /** Finishes the bgzip file (EOF block) and writes the index next to it. */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final Index index;
        try
        {
            index = indexer.finalizeIndex(out.getFilePointer());
        }
        finally
        {
            out.close();
        }
        index.write(file.resolveSibling(file.getFileName() + INDEX_SUFFIX));
    }

    /** The one mutable feature handed to the index creator, which copies what it keeps. */
    private static final class Span implements Feature
    {
        private String contig;
        private int start;
        private int end;

        @Override
        public String getContig()
        {
            return contig;
        }

        @Override
        public int getStart()
        {
            return start;
        }

        @Override
        public int getEnd()
        {
            return end;
        }
    }
}
