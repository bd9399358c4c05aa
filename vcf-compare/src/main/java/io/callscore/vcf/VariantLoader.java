package io.callscore.vcf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Reads one VCF into a {@link VariantSet} with vcfeval's loading rules (docs/semantics.md, "Loading"):
 * padding-base removal only; filtered, GT-less, reference-only and symbolic-only records ignored; too long,
 * beyond-reference, wrong-ploidy and bad-base records skipped; GT index out of range and ALT equal to REF
 * rejected. callscore also rejects unsorted records, contigs missing from the reference and REF bases that
 * disagree with the reference. Records sharing a POS are reordered as vcfeval's sort refiner does.
 */
public final class VariantLoader
{
    private static final int MAX_ALTS = 1 << 12;

    private final Path file;
    private final ReferenceGenome reference;
    private final RegionSet evalRegions;
    private final LoadOptions options;
    private final VariantSet out;

    private int sampleColumn = -1;
    private boolean headerSeen;
    private String currentContig;
    /** The current contig's variants, looked up once per contig rather than per record. */
    private ContigVariants currentVariants;
    private byte[] contigBases;
    private int currentPos = -1;
    private final Set<String> finishedContigs = new HashSet<>();
    private int ordinal;

    // Records waiting at the current POS, copied so they can be reordered (vcfeval sorts ties by end).
    private byte[] group = new byte[1 << 12];
    private int groupBytes;
    private int groupSize;
    private int[] groupFrom = new int[8];
    private int[] groupLength = new int[8];
    private long[] groupLine = new long[8];
    private int[] groupOrdinal = new int[8];
    private int[] groupEnd = new int[8];

    private static final io.callscore.vcf.simd.ByteKernels KERNELS = io.callscore.vcf.simd.VectorizationProvider.byteKernels();

    // Per-record scratch: tab positions, field boundaries and ALT boundaries.
    private final int[] firstTabs = new int[4];
    private final int[] recordTabs = new int[9];
    private final int[] fieldFrom = new int[10];
    private final int[] fieldTo = new int[10];
    private int[] altFrom = new int[8];
    private int[] altTo = new int[8];
    private int[] gtScratch = new int[8];

    private VariantLoader(final Path file, final ReferenceGenome reference, final RegionSet evalRegions,
        final LoadOptions options)
    {
        this.file = file;
        this.reference = reference;
        this.evalRegions = evalRegions;
        this.options = options;
        this.out = new VariantSet(file, options.sample());
    }

    /** Loads a VCF (plain or bgzip) against a reference, marking variants outside {@code evalRegions} (may be null). */
    public static VariantSet load(final Path vcf, final ReferenceGenome reference, final RegionSet evalRegions,
        final LoadOptions options)
    {
        final VariantLoader loader = new VariantLoader(vcf, reference, evalRegions, options);
        try (LineReader lines = new LineReader(vcf, LineReader.DEFAULT_MAX_LINE_BYTES, options.maxInputBytes()))
        {
            while (lines.next())
            {
                loader.line(lines);
            }
        }
        loader.flushGroup();
        return loader.out;
    }

    private void line(final LineReader r)
    {
        final byte[] b = r.bytes();
        final int n = r.length();
        if (n == 0)
        {
            return;
        }
        if (b[0] == '#')
        {
            if (n > 1 && b[1] == '#')
            {
                return;
            }
            header(r);
            return;
        }
        if (!headerSeen)
        {
            throw r.error("data line before the #CHROM header line");
        }
        if (KERNELS.indexesOf(b, 0, n, (byte)'\t', firstTabs) < firstTabs.length)
        {
            throw r.error("expected at least 8 tab-separated columns");
        }
        final int tab1 = firstTabs[0];
        final int tab2 = firstTabs[1];
        final int tab3 = firstTabs[2];
        final int tab4 = firstTabs[3];
        final int pos = parsePositive(b, tab1 + 1, tab2, r, "POS");
        final int refLength = tab4 - tab3 - 1;
        if (tab1 == 0)
        {
            throw r.error("empty CHROM");
        }
        if (currentContig == null || !sameContig(b, tab1))
        {
            flushGroup();
            final String contig = new String(b, 0, tab1, StandardCharsets.ISO_8859_1);
            if (currentContig != null)
            {
                finishedContigs.add(currentContig);
            }
            if (finishedContigs.contains(contig))
            {
                throw r.error("records are not sorted: contig " + contig + " appears again after other contigs");
            }
            if (!reference.contains(contig))
            {
                throw r.error("contig " + contig + " is not in the reference " + reference.file());
            }
            currentContig = contig;
            currentVariants = null;
            contigBases = null;
            currentPos = -1;
        }
        else if (pos < currentPos)
        {
            throw r.error("records are not sorted: POS " + pos + " comes after POS " + currentPos
                + " on " + currentContig);
        }
        if (pos != currentPos)
        {
            flushGroup();
            currentPos = pos;
        }
        addToGroup(b, n, r.lineNumber(), ordinal++, pos - 1 + refLength);
        out.records++;
    }

    private boolean sameContig(final byte[] b, final int tab1)
    {
        final String c = currentContig;
        if (c.length() != tab1)
        {
            return false;
        }
        for (int i = 0; i < tab1; i++)
        {
            if (c.charAt(i) != (char)(b[i] & 0xFF))
            {
                return false;
            }
        }
        return true;
    }

    private void header(final LineReader r)
    {
        if (headerSeen)
        {
            throw r.error("second #CHROM header line");
        }
        headerSeen = true;
        final String[] cols = r.lineString().split("\t", -1);
        if (cols.length < 8 || !cols[0].equals("#CHROM"))
        {
            throw r.error("malformed #CHROM header line (expected #CHROM POS ID REF ALT QUAL FILTER INFO ...)");
        }
        if (cols.length < 10)
        {
            sampleColumn = -1; // reported at the first record: a header-only VCF is a valid empty call set
            return;
        }
        if (options.sample() == null)
        {
            if (cols.length > 10)
            {
                throw r.error("the VCF has " + (cols.length - 9) + " samples: choose one with --sample");
            }
            sampleColumn = 9;
            return;
        }
        for (int i = 9; i < cols.length; i++)
        {
            if (cols[i].equals(options.sample()))
            {
                sampleColumn = i;
                return;
            }
        }
        throw r.error("sample " + options.sample() + " is not in the VCF (samples: "
            + String.join(", ", Arrays.copyOfRange(cols, 9, cols.length)) + ")");
    }

    private void addToGroup(final byte[] b, final int n, final long lineNumber, final int recordOrdinal, final int end)
    {
        if (groupSize == groupFrom.length)
        {
            final int cap = groupSize * 2;
            groupFrom = Arrays.copyOf(groupFrom, cap);
            groupLength = Arrays.copyOf(groupLength, cap);
            groupLine = Arrays.copyOf(groupLine, cap);
            groupOrdinal = Arrays.copyOf(groupOrdinal, cap);
            groupEnd = Arrays.copyOf(groupEnd, cap);
        }
        if (groupBytes + n > group.length)
        {
            group = Arrays.copyOf(group, Math.max(groupBytes + n, group.length * 2));
        }
        System.arraycopy(b, 0, group, groupBytes, n);
        groupFrom[groupSize] = groupBytes;
        groupLength[groupSize] = n;
        groupLine[groupSize] = lineNumber;
        groupOrdinal[groupSize] = recordOrdinal;
        groupEnd[groupSize] = end;
        groupBytes += n;
        groupSize++;
    }

    private void flushGroup()
    {
        if (groupSize == 1)
        {
            record(0);
        }
        else if (groupSize > 1)
        {
            // Same ordering as vcfeval's sort refiner, a priority queue on (start, end) filled in file order:
            // the queue's tie order is part of the behaviour, so the JDK queue itself is used.
            final PriorityQueue<Integer> queue = new PriorityQueue<>(groupSize,
                (x, y) -> Integer.compare(groupEnd[x], groupEnd[y]));
            for (int i = 0; i < groupSize; i++)
            {
                queue.add(i);
            }
            while (!queue.isEmpty())
            {
                record(queue.poll());
            }
        }
        groupSize = 0;
        groupBytes = 0;
    }

    private InputException error(final int g, final String problem)
    {
        return new InputException(file, groupLine[g], problem);
    }

    /** Applies the loading rules to one buffered record. */
    private void record(final int g)
    {
        final byte[] b = group;
        final int from = groupFrom[g];
        final int to = from + groupLength[g];
        // One pass finds the first nine tabs: fields 0..8 and the start of the first sample column.
        final int tabs = KERNELS.indexesOf(b, from, to, (byte)'\t', recordTabs);
        int nFields = tabs + 1;
        int s = from;
        for (int f = 0; f < nFields; f++)
        {
            fieldFrom[f] = s;
            fieldTo[f] = f < tabs ? recordTabs[f] : to;
            s = fieldTo[f] + 1;
        }
        if (nFields == 10)
        {
            // The tenth field (the first sample) runs to the next tab, if any.
            final int tab = KERNELS.indexOf(b, fieldFrom[9], to, (byte)'\t');
            fieldTo[9] = tab < 0 ? to : tab;
        }
        if (nFields < 8)
        {
            throw error(g, "expected at least 8 tab-separated columns, found " + nFields);
        }
        final int pos0 = currentPos - 1;
        final int refFrom = fieldFrom[3];
        final int refLength = fieldTo[3] - refFrom;
        if (refLength == 0)
        {
            throw error(g, "empty REF");
        }
        if (options.loadRegions() != null && !options.loadRegions().overlaps(currentContig, pos0, pos0 + refLength))
        {
            out.outsideLoadRegions++;
            return;
        }
        final int nAlts = splitAlts(b, fieldFrom[4], fieldTo[4], g);
        int maxLength = refLength;
        boolean indelClass = false;
        for (int i = 0; i < nAlts; i++)
        {
            final int len = altTo[i] - altFrom[i];
            maxLength = Math.max(maxLength, len);
            indelClass |= len != refLength;
        }
        if (options.maxLength() > -1 && maxLength > options.maxLength())
        {
            out.skipped++;
            return;
        }
        final int contigLength = reference.length(currentContig);
        if (pos0 + refLength > contigLength)
        {
            out.skipped++;
            return;
        }
        final boolean refIsBases = allBases(b, refFrom, refLength);
        if (!options.allRecords() && !VcfFields.isPass(b, fieldFrom[6], fieldTo[6]))
        {
            out.ignored++;
            return;
        }
        if (nFields < 9)
        {
            out.ignored++;
            return;
        }
        if (sampleColumn < 0)
        {
            throw error(g, "the VCF has no sample column, so there are no genotypes to compare");
        }
        final int gtKey = VcfFields.formatKey(b, fieldFrom[8], fieldTo[8], 'G', 'T');
        if (gtKey < 0)
        {
            out.ignored++;
            return;
        }
        // Locate the sample column (fields beyond the 10th are not split above).
        int sFrom = fieldFrom[9];
        int sTo = fieldTo[9];
        if (nFields < 10)
        {
            throw error(g, "record has no sample column");
        }
        for (int c = 9; c < sampleColumn; c++)
        {
            if (sTo >= to)
            {
                throw error(g, "record has fewer sample columns than the header");
            }
            sFrom = sTo + 1;
            final int tab = VcfFields.indexOf(b, sFrom, to, (byte)'\t');
            sTo = tab < 0 ? to : tab;
        }
        if (!options.allRecords())
        {
            final int ftKey = VcfFields.formatKey(b, fieldFrom[8], fieldTo[8], 'F', 'T');
            if (ftKey >= 0)
            {
                final long ft = VcfFields.subField(b, sFrom, sTo, ftKey);
                if (ft >= 0 && !VcfFields.isPass(b, (int)(ft >>> 32), (int)ft))
                {
                    out.ignored++;
                    return;
                }
            }
        }
        final long gtField = VcfFields.subField(b, sFrom, sTo, gtKey);
        final int gtFrom = gtField < 0 ? sTo : (int)(gtField >>> 32);
        final int gtTo = gtField < 0 ? sTo : (int)gtField;
        int ploidy = parseGt(b, gtFrom, gtTo, nAlts, g);
        boolean phased = false;
        for (int i = gtFrom; i < gtTo; i++)
        {
            phased |= b[i] == '|';
        }
        if (ploidy == 1 && options.ploidy() == 2)
        {
            gtScratch[1] = gtScratch[0];
            ploidy = 2;
        }
        if (ploidy != options.ploidy())
        {
            out.skipped++;
            return;
        }
        for (int i = 0; i < nAlts; i++)
        {
            if (altTo[i] - altFrom[i] == refLength && Arrays.equals(b, altFrom[i], altTo[i], b, refFrom, refFrom + refLength))
            {
                throw error(g, "ALT allele " + (i + 1) + " (" + text(b, altFrom[i], altTo[i])
                    + ") is the same as REF");
            }
        }
        final int pad = hasPaddingBase(b, refFrom, nAlts) ? 1 : 0;
        boolean anyVariant = false;
        for (int h = 0; h < ploidy && !anyVariant; h++)
        {
            final int a = gtScratch[h];
            if (a > 0 && !isSymbolic(b, altFrom[a - 1], altTo[a - 1]))
            {
                // REF and ALT differ (checked above), so the de-padded pair is a real change.
                anyVariant = true;
            }
        }
        if (!anyVariant)
        {
            out.ignored++;
            return;
        }
        if (!refIsBases)
        {
            out.skipped++;
            return;
        }
        for (int h = 0; h < ploidy; h++)
        {
            final int a = gtScratch[h];
            if (a > 0 && !isSymbolic(b, altFrom[a - 1], altTo[a - 1])
                && !allBases(b, altFrom[a - 1] + pad, altTo[a - 1] - altFrom[a - 1] - pad))
            {
                out.skipped++;
                return;
            }
        }
        if (options.checkRef())
        {
            // Only records that become variants are checked: like vcfeval, a record that is ignored or skipped
            // for another reason does not make the file unusable.
            checkRef(g, b, refFrom, refLength, pos0);
        }
        if (currentVariants == null)
        {
            currentVariants = out.contig(currentContig, options.ploidy());
        }
        final ContigVariants cv = currentVariants;
        byte flags = 0;
        if (phased)
        {
            flags |= ContigVariants.PHASED;
        }
        if (indelClass)
        {
            flags |= ContigVariants.INDEL_CLASS;
        }
        final int v = cv.beginVariant(groupOrdinal[g], flags);
        final int alleleFrom = pos0 + pad;
        final int alleleTo = pos0 + refLength;
        cv.addAllele(alleleFrom, alleleTo, b, refFrom + pad, refLength - pad);
        for (int i = 0; i < nAlts; i++)
        {
            final int k = i + 1;
            if (usedByGt(k, ploidy) && !isSymbolic(b, altFrom[i], altTo[i]))
            {
                cv.addAllele(alleleFrom, alleleTo, b, altFrom[i] + pad, altTo[i] - altFrom[i] - pad);
            }
            else
            {
                cv.addAbsentAllele(alleleFrom, alleleTo);
            }
        }
        for (int h = 0; h < ploidy; h++)
        {
            cv.setGt(v, h, gtScratch[h]);
        }
        if (evalRegions != null && !evalRegions.overlaps(currentContig, cv.start(v), cv.end(v)))
        {
            cv.setFlag(v, ContigVariants.OUTSIDE);
        }
    }

    private boolean usedByGt(final int k, final int ploidy)
    {
        for (int h = 0; h < ploidy; h++)
        {
            if (gtScratch[h] == k)
            {
                return true;
            }
        }
        return false;
    }

    private void checkRef(final int g, final byte[] b, final int refFrom, final int refLength, final int pos0)
    {
        if (contigBases == null)
        {
            contigBases = reference.bases(currentContig);
        }
        for (int i = 0; i < refLength; i++)
        {
            final byte code = Bases.code(b[refFrom + i]);
            final byte expected = contigBases[pos0 + i];
            if (code != expected && code != Bases.N && expected != Bases.N)
            {
                final int shown = Math.min(refLength, 50);
                throw error(g, "REF " + text(b, refFrom, refFrom + shown) + (shown < refLength ? "..." : "")
                    + " does not match the reference at " + currentContig + ":" + (pos0 + 1) + " ("
                    + Bases.toString(contigBases, pos0, shown) + (shown < refLength ? "..." : "") + ")");
            }
        }
    }

    /** vcfeval's padding rule: every ALT not starting with '*' starts with REF's first base, and there is one. */
    private boolean hasPaddingBase(final byte[] b, final int refFrom, final int nAlts)
    {
        boolean any = false;
        for (int i = 0; i < nAlts; i++)
        {
            if (b[altFrom[i]] != '*')
            {
                any = true;
                if (b[altFrom[i]] != b[refFrom])
                {
                    return false;
                }
            }
        }
        return any;
    }

    /** Symbolic, spanning-deletion or breakend ALT: never replayed. */
    private static boolean isSymbolic(final byte[] b, final int from, final int to)
    {
        final byte first = b[from];
        final byte last = b[to - 1];
        return first == '<' || last == '>' || first == '*' || last == '*'
            || first == '[' || first == ']' || last == '[' || last == ']';
    }

    private int splitAlts(final byte[] b, final int from, final int to, final int g)
    {
        if (to - from == 1 && b[from] == '.')
        {
            return 0;
        }
        if (to == from)
        {
            throw error(g, "empty ALT");
        }
        int n = 0;
        int s = from;
        while (true)
        {
            final int comma = VcfFields.indexOf(b, s, to, (byte)',');
            final int e = comma < 0 ? to : comma;
            if (e == s)
            {
                throw error(g, "empty allele in ALT");
            }
            if (n == altFrom.length)
            {
                if (n >= MAX_ALTS)
                {
                    throw error(g, "more than " + MAX_ALTS + " ALT alleles");
                }
                altFrom = Arrays.copyOf(altFrom, n * 2);
                altTo = Arrays.copyOf(altTo, n * 2);
            }
            altFrom[n] = s;
            altTo[n] = e;
            n++;
            if (comma < 0)
            {
                return n;
            }
            s = comma + 1;
        }
    }

    /** Parses a GT value into gtScratch; returns its ploidy. */
    private int parseGt(final byte[] b, final int from, final int to, final int nAlts, final int g)
    {
        if (from == to)
        {
            gtScratch[0] = -1;
            return 1;
        }
        int n = 0;
        int i = from;
        while (true)
        {
            int value;
            if (b[i] == '.')
            {
                value = -1;
                i++;
            }
            else
            {
                value = 0;
                final int start = i;
                while (i < to && b[i] >= '0' && b[i] <= '9')
                {
                    value = value * 10 + (b[i] - '0');
                    if (value > MAX_ALTS)
                    {
                        throw error(g, "GT allele index in " + text(b, from, to) + " is out of range (" + nAlts
                            + " ALT alleles)");
                    }
                    i++;
                }
                if (i == start)
                {
                    throw error(g, "malformed GT " + text(b, from, to));
                }
                if (value > nAlts)
                {
                    throw error(g, "GT allele index " + value + " is out of range (" + nAlts + " ALT alleles)");
                }
            }
            if (n == gtScratch.length)
            {
                gtScratch = Arrays.copyOf(gtScratch, n * 2);
            }
            gtScratch[n++] = value;
            if (i == to)
            {
                return n;
            }
            if (b[i] != '/' && b[i] != '|')
            {
                throw error(g, "malformed GT " + text(b, from, to));
            }
            i++;
            if (i == to)
            {
                throw error(g, "malformed GT " + text(b, from, to));
            }
        }
    }

    private static boolean allBases(final byte[] b, final int from, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (Bases.code(b[from + i]) == Bases.INVALID)
            {
                return false;
            }
        }
        return true;
    }

    private int parsePositive(final byte[] b, final int from, final int to, final LineReader r, final String what)
    {
        if (from >= to || to - from > 10)
        {
            throw r.error(what + " is not a positive whole number: " + text(b, from, to));
        }
        long value = 0;
        for (int i = from; i < to; i++)
        {
            final int d = b[i] - '0';
            if (d < 0 || d > 9)
            {
                throw r.error(what + " is not a positive whole number: " + text(b, from, to));
            }
            value = value * 10 + d;
        }
        if (value < 1 || value > Integer.MAX_VALUE - 1)
        {
            throw r.error(what + " is out of range: " + text(b, from, to));
        }
        return (int)value;
    }

    private static String text(final byte[] b, final int from, final int to)
    {
        final int end = Math.min(to, from + 80);
        return "'" + new String(b, from, end - from, StandardCharsets.ISO_8859_1) + (end < to ? "...'" : "'");
    }
}
