package io.callscore.compare.report;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One side's half of the GA4GH output, spooled to a temporary file per contig while its input is re-read. The
 * two inputs may list contigs in different orders, so the merge into one position-sorted file happens afterwards,
 * contig by contig in reference order, from these files.
 *
 * <p>Spool line: {@code POS ID REF ALT QUAL FILTER GT BD:BK:BVT:BLT}, tab-separated, fields copied from the record.
 */
final class Ga4ghSpool implements Closeable
{
    private static final byte[] TP = ascii("TP");
    private static final byte[] FP = ascii("FP");
    private static final byte[] FN = ascii("FN");
    private static final byte[] UNK = ascii("UNK");
    private static final byte[] N = ascii("N");
    private static final byte[] GENOTYPE_MATCH = ascii("gm");
    private static final byte[] SNP = ascii("SNP");
    private static final byte[] INDEL = ascii("INDEL");

    private final Path dir;
    private final String prefix;
    private final boolean truth;
    private final Map<String, Path> segments = new HashMap<>();
    private final LineBuffer line = new LineBuffer();
    private String contig;
    private OutputStream out;

    /** A spool for the truth ({@code truth} true) or the query side, with its files in {@code dir}. */
    Ga4ghSpool(final Path dir, final String prefix, final boolean truth)
    {
        this.dir = dir;
        this.prefix = prefix;
        this.truth = truth;
    }

    /** Adds one written record of the given contig with its decision and class. */
    void add(final String recordContig, final VcfDataLine record, final byte decision, final boolean indel)
        throws IOException
    {
        if (!recordContig.equals(contig))
        {
            startSegment(recordContig);
        }
        final byte[] b = record.bytes();
        line.clear();
        for (int field = VcfDataLine.POS; field <= VcfDataLine.FILTER; field++)
        {
            line.append(b, record.from(field), record.to(field)).append('\t');
        }
        if (record.gtFrom() == record.gtTo())
        {
            line.append('.');
        }
        else
        {
            line.append(b, record.gtFrom(), record.gtTo());
        }
        line.append('\t').append(decisionName(decision)).append(':')
            .append(decision == RecordDecisions.TP ? GENOTYPE_MATCH : Ga4ghFormat.MISSING).append(':')
            .append(indel ? INDEL : SNP).append(':')
            .append(Zygosity.name(record.zygosity())).append('\n');
        line.writeTo(out);
    }

    /** The spool file of a contig, or null when this side wrote nothing there. */
    Path segment(final String contigName)
    {
        return segments.get(contigName);
    }

    private byte[] decisionName(final byte decision)
    {
        return switch (decision)
        {
            case RecordDecisions.TP -> TP;
            case RecordDecisions.MISS -> truth ? FN : FP;
            case RecordDecisions.UNK -> UNK;
            default -> N;
        };
    }

    private void startSegment(final String next) throws IOException
    {
        closeSegment();
        if (segments.containsKey(next))
        {
            throw new IllegalStateException("contig " + next + " appears again after other contigs");
        }
        final Path file = dir.resolve(prefix + "-" + segments.size() + ".txt");
        segments.put(next, file);
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        contig = next;
    }

    private void closeSegment() throws IOException
    {
        if (out != null)
        {
            out.close();
            out = null;
        }
    }

    /** Closes the current segment; the spool files stay until the caller deletes the directory. */
    @Override
    public void close() throws IOException
    {
        closeSegment();
        contig = null;
    }

    private static byte[] ascii(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
