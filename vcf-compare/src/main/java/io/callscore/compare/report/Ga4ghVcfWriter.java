package io.callscore.compare.report;

import io.callscore.vcf.LineReader;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes output.vcf.gz, the GA4GH intermediate file: the spooled records of both sides merged contig by contig
 * in reference order and by position, with samples TRUTH and QUERY. As vcfeval's ga4gh mode does, a truth and a
 * query record at the same position with the same REF share one line (ALTs united, query ALTs first, truth GT
 * renumbered); other records get a line of their own with the absent side written as a no-call.
 */
final class Ga4ghVcfWriter
{
    private static final byte[] ABSENT_QUAL_FILTER = ".\t.".getBytes(StandardCharsets.US_ASCII);

    private final IndexedVcfWriter out;
    private final LineBuffer line = new LineBuffer();
    private final LineBuffer mergedAlt = new LineBuffer();
    private final Side truth = new Side();
    private final Side query = new Side();
    private int[] altMap = new int[8];
    /** Truth ALT alleles mapped in {@link #altMap} for the current merged line. */
    private int mappedAlts;
    private byte[] contigBytes;
    private String contig;

    private Ga4ghVcfWriter(final IndexedVcfWriter out)
    {
        this.out = out;
    }

    /**
     * Writes the file.
     *
     * @param file         output.vcf.gz (its .tbi is written next to it)
     * @param contigOrder  contigs in reference order
     * @param truthSpool   the truth side's records
     * @param querySpool   the query side's records
     * @param truthHeader  header lines carried over from the truth input (contigs)
     * @param queryHeader  header lines carried over from the calls input (contigs, filters)
     * @param commandLine  the {@code ##callscore_command=} line
     */
    static void write(final Path file, final List<String> contigOrder, final Ga4ghSpool truthSpool,
        final Ga4ghSpool querySpool, final InputPass.Header truthHeader, final InputPass.Header queryHeader,
        final String commandLine) throws IOException
    {
        try (IndexedVcfWriter w = new IndexedVcfWriter(file))
        {
            w.header("##fileformat=VCFv4.2");
            w.header(commandLine);
            for (final String contigLine : contigLines(truthHeader, queryHeader))
            {
                w.header(contigLine);
            }
            for (final String filterLine : queryHeader.filterLines())
            {
                w.header(filterLine);
            }
            for (final String formatLine : Ga4ghFormat.FORMAT_HEADER_LINES)
            {
                w.header(formatLine);
            }
            w.header("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + Ga4ghFormat.TRUTH_SAMPLE + "\t"
                + Ga4ghFormat.QUERY_SAMPLE);
            final Ga4ghVcfWriter writer = new Ga4ghVcfWriter(w);
            for (final String name : contigOrder)
            {
                writer.contig(name, truthSpool.segment(name), querySpool.segment(name));
            }
        }
    }

    /** Contig lines of the truth header, then those of the calls header with IDs not seen yet. */
    private static List<String> contigLines(final InputPass.Header truthHeader, final InputPass.Header queryHeader)
    {
        final Map<String, String> byId = new LinkedHashMap<>();
        for (final String l : truthHeader.contigLines())
        {
            byId.putIfAbsent(contigId(l), l);
        }
        for (final String l : queryHeader.contigLines())
        {
            byId.putIfAbsent(contigId(l), l);
        }
        return new ArrayList<>(byId.values());
    }

    private static String contigId(final String contigLine)
    {
        final int id = contigLine.indexOf("ID=");
        if (id < 0)
        {
            return contigLine;
        }
        int end = id + 3;
        while (end < contigLine.length() && contigLine.charAt(end) != ',' && contigLine.charAt(end) != '>')
        {
            end++;
        }
        return contigLine.substring(id + 3, end);
    }

    private void contig(final String name, final Path truthSegment, final Path querySegment) throws IOException
    {
        if (truthSegment == null && querySegment == null)
        {
            return;
        }
        contig = name;
        contigBytes = name.getBytes(StandardCharsets.ISO_8859_1);
        try (Side t = truth.open(truthSegment); Side q = query.open(querySegment))
        {
            while (t.hasAhead || q.hasAhead)
            {
                final int pos = Math.min(t.hasAhead ? t.ahead.pos() : Integer.MAX_VALUE,
                    q.hasAhead ? q.ahead.pos() : Integer.MAX_VALUE);
                t.take(pos);
                q.take(pos);
                for (int i = 0; i < q.size; i++)
                {
                    final Ga4ghHalfRecord qr = q.group.get(i);
                    final Ga4ghHalfRecord partner = partner(t, qr);
                    if (partner == null)
                    {
                        writeQueryOnly(qr);
                    }
                    else
                    {
                        partner.markPaired();
                        writeMerged(partner, qr);
                    }
                }
                for (int i = 0; i < t.size; i++)
                {
                    final Ga4ghHalfRecord tr = t.group.get(i);
                    if (!tr.isPaired())
                    {
                        writeTruthOnly(tr);
                    }
                }
            }
        }
    }

    /** The first unpaired truth record of the position with the same REF as the query record, or null. */
    private static Ga4ghHalfRecord partner(final Side t, final Ga4ghHalfRecord qr)
    {
        for (int i = 0; i < t.size; i++)
        {
            final Ga4ghHalfRecord tr = t.group.get(i);
            if (!tr.isPaired() && tr.sameField(qr, Ga4ghHalfRecord.REF))
            {
                return tr;
            }
        }
        return null;
    }

    private void writeQueryOnly(final Ga4ghHalfRecord q) throws IOException
    {
        start(q, q);
        field(q, Ga4ghHalfRecord.ALT).append('\t');
        field(q, Ga4ghHalfRecord.QUAL).append('\t');
        field(q, Ga4ghHalfRecord.FILTER).append('\t');
        formatColumns();
        line.append(Ga4ghFormat.ABSENT_SAMPLE).append('\t');
        sample(q, false);
        finish(q);
    }

    private void writeTruthOnly(final Ga4ghHalfRecord t) throws IOException
    {
        start(t, t);
        field(t, Ga4ghHalfRecord.ALT).append('\t');
        line.append(ABSENT_QUAL_FILTER).append('\t');
        formatColumns();
        sample(t, false);
        line.append('\t').append(Ga4ghFormat.ABSENT_SAMPLE);
        finish(t);
    }

    private void writeMerged(final Ga4ghHalfRecord t, final Ga4ghHalfRecord q) throws IOException
    {
        start(q.isMissing(Ga4ghHalfRecord.ID) ? t : q, q);
        mergeAlts(t, q);
        line.append(mergedAlt.bytes(), 0, mergedAlt.length()).append('\t');
        field(q, Ga4ghHalfRecord.QUAL).append('\t');
        field(q, Ga4ghHalfRecord.FILTER).append('\t');
        formatColumns();
        sample(t, true);
        line.append('\t');
        sample(q, false);
        finish(q);
    }

    /** CHROM, POS, ID (from {@code idFrom}) and REF, each followed by a tab. */
    private void start(final Ga4ghHalfRecord idFrom, final Ga4ghHalfRecord r)
    {
        line.clear().append(contigBytes).append('\t');
        field(r, Ga4ghHalfRecord.POS).append('\t');
        field(idFrom, Ga4ghHalfRecord.ID).append('\t');
        field(r, Ga4ghHalfRecord.REF).append('\t');
    }

    /** INFO and FORMAT columns, each followed by a tab. */
    private void formatColumns()
    {
        line.append('.').append('\t').append(Ga4ghFormat.FORMAT).append('\t');
    }

    private LineBuffer field(final Ga4ghHalfRecord r, final int field)
    {
        return line.append(r.bytes(), r.from(field), r.to(field));
    }

    /** GT (renumbered to the merged ALTs when asked) and the decision fields. */
    private void sample(final Ga4ghHalfRecord r, final boolean renumber)
    {
        if (renumber)
        {
            renumberedGt(r);
        }
        else
        {
            field(r, Ga4ghHalfRecord.GT);
        }
        line.append(':');
        field(r, Ga4ghHalfRecord.DECISION);
    }

    private void finish(final Ga4ghHalfRecord r) throws IOException
    {
        final int refLength = r.to(Ga4ghHalfRecord.REF) - r.from(Ga4ghHalfRecord.REF);
        out.record(line.bytes(), line.length(), contig, r.pos(), r.pos() + Math.max(1, refLength) - 1);
    }

    /** Query ALTs, then the truth ALTs the query lacks; fills {@link #altMap} (truth allele index to merged). */
    private void mergeAlts(final Ga4ghHalfRecord t, final Ga4ghHalfRecord q)
    {
        mergedAlt.clear();
        int count = 0;
        if (!q.isMissing(Ga4ghHalfRecord.ALT))
        {
            mergedAlt.append(q.bytes(), q.from(Ga4ghHalfRecord.ALT), q.to(Ga4ghHalfRecord.ALT));
            count = countTokens(q);
        }
        final byte[] tb = t.bytes();
        final int tEnd = t.to(Ga4ghHalfRecord.ALT);
        int k = 0;
        int s = t.from(Ga4ghHalfRecord.ALT);
        while (!t.isMissing(Ga4ghHalfRecord.ALT) && s <= tEnd)
        {
            final int comma = io.callscore.vcf.VcfFields.indexOf(tb, s, tEnd, (byte)',');
            final int e = comma < 0 ? tEnd : comma;
            k++;
            if (altMap.length <= k)
            {
                altMap = Arrays.copyOf(altMap, k * 2);
            }
            final int found = findToken(q, tb, s, e);
            if (found > 0)
            {
                altMap[k] = found;
            }
            else
            {
                if (mergedAlt.length() > 0)
                {
                    mergedAlt.append(',');
                }
                mergedAlt.append(tb, s, e);
                altMap[k] = ++count;
            }
            s = e + 1;
        }
        altMap[0] = 0;
        mappedAlts = k;
    }

    private static int countTokens(final Ga4ghHalfRecord q)
    {
        int n = 1;
        for (int i = q.from(Ga4ghHalfRecord.ALT); i < q.to(Ga4ghHalfRecord.ALT); i++)
        {
            if (q.bytes()[i] == ',')
            {
                n++;
            }
        }
        return n;
    }

    /** 1-based index of an allele among the query's ALTs, or 0. */
    private static int findToken(final Ga4ghHalfRecord q, final byte[] allele, final int from, final int to)
    {
        if (q.isMissing(Ga4ghHalfRecord.ALT))
        {
            return 0;
        }
        final byte[] qb = q.bytes();
        final int end = q.to(Ga4ghHalfRecord.ALT);
        int s = q.from(Ga4ghHalfRecord.ALT);
        int k = 0;
        while (s <= end)
        {
            final int comma = io.callscore.vcf.VcfFields.indexOf(qb, s, end, (byte)',');
            final int e = comma < 0 ? end : comma;
            k++;
            if (Arrays.equals(qb, s, e, allele, from, to))
            {
                return k;
            }
            s = e + 1;
        }
        return 0;
    }

    private void renumberedGt(final Ga4ghHalfRecord t)
    {
        final byte[] b = t.bytes();
        final int end = t.to(Ga4ghHalfRecord.GT);
        int i = t.from(Ga4ghHalfRecord.GT);
        while (i < end)
        {
            if (b[i] >= '0' && b[i] <= '9')
            {
                int k = 0;
                while (i < end && b[i] >= '0' && b[i] <= '9')
                {
                    k = k * 10 + (b[i] - '0');
                    i++;
                }
                line.append(k <= mappedAlts ? altMap[k] : k);
            }
            else
            {
                line.append(b[i]);
                i++;
            }
        }
    }

    /** One side's spool file of the current contig, read ahead by one record and grouped by position. */
    private static final class Side implements Closeable
    {
        private LineReader reader;
        private Ga4ghHalfRecord ahead = new Ga4ghHalfRecord();
        private boolean hasAhead;
        private final List<Ga4ghHalfRecord> group = new ArrayList<>();
        private int size;

        Side open(final Path segment)
        {
            reader = segment == null ? null : new LineReader(segment);
            size = 0;
            advance();
            return this;
        }

        /** Moves the records at {@code pos} into the group (swapping buffers, no allocation once warm). */
        void take(final int pos)
        {
            size = 0;
            while (hasAhead && ahead.pos() == pos)
            {
                if (size == group.size())
                {
                    group.add(new Ga4ghHalfRecord());
                }
                final Ga4ghHalfRecord free = group.get(size);
                group.set(size, ahead);
                ahead = free;
                size++;
                advance();
            }
        }

        private void advance()
        {
            hasAhead = false;
            while (reader != null && reader.next())
            {
                if (reader.length() > 0)
                {
                    ahead.read(reader.bytes(), reader.length());
                    hasAhead = true;
                    return;
                }
            }
        }

        @Override
        public void close()
        {
            if (reader != null)
            {
                reader.close();
                reader = null;
            }
            hasAhead = false;
            size = 0;
        }
    }
}
