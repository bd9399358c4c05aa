package io.callscore.store;

import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantSet;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.callscore.store.TruthRecordDescriptor.*;

/**
 * A reusable view of one stored truth record ({@link TruthRecordDescriptor}). {@link TruthStore#lookup} copies the
 * stored bytes into this holder's own array, which grows to the largest record seen and is then reused, so a
 * lookup allocates nothing in steady state. The accessors read the bytes in place; {@link #toVariantSet()} and
 * {@link #regions()} build the comparator's model from them without re-parsing a VCF.
 *
 * <p>Not thread-safe: one holder per thread.
 */
public final class TruthRecord
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private final Contig contig = new Contig();
    private byte[] bytes = new byte[0];
    private int length;
    private long idMsb;
    private long idLsb;
    private boolean hasId;

    /** Scratch for the 16 key bytes of a lookup, kept here so lookups allocate nothing. */
    final byte[] keyScratch = new byte[16];
    /** The store's view of {@link #keyScratch}, made by the first lookup (after Chronicle is set up). */
    net.openhft.chronicle.bytes.BytesStore<?, ?> keyStore;

    /** An empty holder; fill it with {@link TruthStore#lookup} or {@link #wrap(byte[])}. */
    public TruthRecord()
    {
    }

    /** Views a copy of encoded bytes (a record from {@link TruthRecordEncoder}); checks the header. */
    public TruthRecord wrap(final byte[] record)
    {
        final String problem = wrapProblem(record);
        if (problem != null)
        {
            throw new IllegalArgumentException("truth record " + problem);
        }
        hasId = false;
        return this;
    }

    /** The problem with encoded bytes, or null when their header is sound. */
    String wrapProblem(final byte[] record)
    {
        System.arraycopy(record, 0, ensureCapacity(record.length), 0, record.length);
        return filled(record.length);
    }

    byte[] ensureCapacity(final int capacity)
    {
        if (bytes.length < capacity)
        {
            bytes = new byte[Math.max(capacity, bytes.length + (bytes.length >> 1))];
            buffer.wrap(bytes);
        }
        return bytes;
    }

    /** Called after the first {@code size} bytes of the array were filled; returns a problem, or null when sound. */
    String filled(final int size)
    {
        length = size;
        if (size < HEADER_LENGTH)
        {
            length = 0;
            return "is truncated: " + size + " bytes, a header alone takes " + HEADER_LENGTH;
        }
        final int magic = buffer.getInt(MAGIC_OFFSET, BYTE_ORDER);
        if (magic != MAGIC)
        {
            length = 0;
            return "is not a callscore truth record (magic 0x" + Integer.toHexString(magic) + ")";
        }
        final int version = buffer.getShort(VERSION_OFFSET, BYTE_ORDER) & 0xFFFF;
        if (version != VERSION)
        {
            length = 0;
            return "has format version " + version + "; this build reads version " + VERSION;
        }
        final int stated = buffer.getInt(LENGTH_OFFSET, BYTE_ORDER);
        if (stated != size)
        {
            length = 0;
            return "is damaged: it states " + stated + " bytes but has " + size;
        }
        return null;
    }

    void identify(final long msb, final long lsb)
    {
        idMsb = msb;
        idLsb = lsb;
        hasId = true;
    }

    private void checkFilled()
    {
        if (length == 0)
        {
            throw new IllegalStateException("no truth record in this holder: call TruthStore.lookup first");
        }
    }

    /** Bytes of the record. */
    public int length()
    {
        return length;
    }

    public int contigCount()
    {
        checkFilled();
        return buffer.getInt(CONTIG_COUNT_OFFSET, BYTE_ORDER);
    }

    /** Truth variants over all contigs. */
    public int variantCount()
    {
        checkFilled();
        return buffer.getInt(VARIANT_COUNT_OFFSET, BYTE_ORDER);
    }

    /** Whether the task has confident regions (variants outside them do not count). */
    public boolean hasRegions()
    {
        checkFilled();
        return (buffer.getByte(FLAGS_OFFSET) & FLAG_HAS_REGIONS) != 0;
    }

    public double coverage()
    {
        checkFilled();
        return buffer.getDouble(COVERAGE_OFFSET, BYTE_ORDER);
    }

    /** Data records of the truth VCF. */
    public int records()
    {
        return buffer.getInt(RECORDS_OFFSET, BYTE_ORDER);
    }

    /** Truth VCF records skipped at load (too long, beyond the reference, wrong ploidy, bad bases). */
    public int skipped()
    {
        return buffer.getInt(SKIPPED_OFFSET, BYTE_ORDER);
    }

    /** Truth VCF records ignored at load (filtered, no GT, reference-only, symbolic). */
    public int ignored()
    {
        return buffer.getInt(IGNORED_OFFSET, BYTE_ORDER);
    }

    /** The task's metadata (allocates its strings). */
    public TaskMetadata metadata()
    {
        checkFilled();
        int at = buffer.getInt(STRINGS_OFFSET_OFFSET, BYTE_ORDER);
        at = skipString(at);
        final String genome = string(at);
        at = skipString(at);
        final String region = string(at);
        at = skipString(at);
        final String difficulty = string(at);
        at = skipString(at);
        final String inputType = string(at);
        at = skipString(at);
        return new TaskMetadata(genome, coverage(), region, difficulty, inputType, string(at));
    }

    /** The truth sample name used at load, or null when the VCF's only sample was taken. */
    public String sample()
    {
        checkFilled();
        return string(buffer.getInt(STRINGS_OFFSET_OFFSET, BYTE_ORDER));
    }

    private int skipString(final int at)
    {
        final int n = buffer.getShort(at, BYTE_ORDER) & 0xFFFF;
        return at + 2 + (n == ABSENT_STRING ? 0 : n);
    }

    private String string(final int at)
    {
        final int n = buffer.getShort(at, BYTE_ORDER) & 0xFFFF;
        return n == ABSENT_STRING ? null : new String(bytes, at + 2, n, StandardCharsets.UTF_8);
    }

    /** Positions the reusable contig view on contig {@code c} (0-based) and returns it. */
    public Contig contig(final int c)
    {
        final int count = contigCount();
        if (c < 0 || c >= count)
        {
            throw new IndexOutOfBoundsException("contig " + c + " of " + count);
        }
        contig.position(buffer.getInt(buffer.getInt(CONTIG_TABLE_OFFSET_OFFSET, BYTE_ORDER) + 4 * c, BYTE_ORDER));
        return contig;
    }

    /** Bases covered by the confident regions over all contigs. */
    public long confidentBases()
    {
        long total = 0;
        for (int c = 0; c < contigCount(); c++)
        {
            final Contig view = contig(c);
            for (int i = 0; i < view.intervalCount(); i++)
            {
                total += view.intervalEnd(i) - view.intervalStart(i);
            }
        }
        return total;
    }

    /** The confident regions as the comparator's model, or null when the task has none. */
    public RegionSet regions()
    {
        if (!hasRegions())
        {
            return null;
        }
        final Map<String, List<int[]>> raw = new HashMap<>();
        for (int c = 0; c < contigCount(); c++)
        {
            final Contig view = contig(c);
            if (view.intervalCount() > 0)
            {
                final List<int[]> list = new ArrayList<>(view.intervalCount());
                for (int i = 0; i < view.intervalCount(); i++)
                {
                    list.add(new int[] {view.intervalStart(i), view.intervalEnd(i)});
                }
                raw.put(view.name(), list);
            }
        }
        return RegionSet.fromIntervals(raw);
    }

    /**
     * Builds the truth variants for {@code VcfComparator.compare}, with OUTSIDE set against the stored regions
     * exactly as the VCF loader sets it. Allocates a fresh set each call: the comparator may trim it in place.
     */
    public VariantSet toVariantSet()
    {
        final RegionSet regions = regions();
        final Path source = Path.of(hasId ? "truth-" + new UUID(idMsb, idLsb) : "truth-record");
        final VariantSet set = new VariantSet(source, sample(), records(), skipped(), ignored());
        for (int c = 0; c < contigCount(); c++)
        {
            final Contig view = contig(c);
            if (view.hasVariants())
            {
                set.put(view.toContigVariants(regions));
            }
        }
        return set;
    }

    /**
     * A view of one contig block; positioned by {@link TruthRecord#contig(int)} and valid until the holder is
     * refilled. Indices: {@code v} variant, {@code k} allele of the variant (0 = REF), {@code h} haplotype.
     */
    public final class Contig
    {
        private int block;
        private int variants;
        private int alleles;
        private int intervals;
        private int ploidy;
        private int fromAt;
        private int toAt;
        private int ordinalAt;
        private int firstAt;
        private int alleleLengthAt;
        private int alleleOffsetAt;
        private int intervalAt;
        private int gtAt;
        private int flagsAt;
        private int basesAt;

        private Contig()
        {
        }

        void position(final int blockOffset)
        {
            block = blockOffset;
            variants = buffer.getInt(blockOffset + BLOCK_VARIANT_COUNT_OFFSET, BYTE_ORDER);
            alleles = buffer.getInt(blockOffset + BLOCK_ALLELE_COUNT_OFFSET, BYTE_ORDER);
            intervals = buffer.getInt(blockOffset + BLOCK_INTERVAL_COUNT_OFFSET, BYTE_ORDER);
            ploidy = buffer.getByte(blockOffset + BLOCK_PLOIDY_OFFSET);
            final int nameLength = buffer.getShort(blockOffset + BLOCK_NAME_LENGTH_OFFSET, BYTE_ORDER) & 0xFFFF;
            fromAt = blockOffset + arraysOffset(nameLength);
            toAt = fromAt + 4 * variants;
            ordinalAt = toAt + 4 * variants;
            firstAt = ordinalAt + 4 * variants;
            alleleLengthAt = firstAt + 4 * (variants + 1);
            alleleOffsetAt = alleleLengthAt + 4 * alleles;
            intervalAt = alleleOffsetAt + 4 * alleles;
            gtAt = intervalAt + 8 * intervals;
            flagsAt = gtAt + 2 * variants * ploidy;
            basesAt = flagsAt + variants;
        }

        /** The contig name (allocates). */
        public String name()
        {
            final int n = buffer.getShort(block + BLOCK_NAME_LENGTH_OFFSET, BYTE_ORDER) & 0xFFFF;
            return new String(bytes, block + BLOCK_NAME_OFFSET, n, StandardCharsets.UTF_8);
        }

        /** Whether the contig is part of the truth variant set (not only of the regions). */
        public boolean hasVariants()
        {
            return (buffer.getByte(block + BLOCK_FLAGS_OFFSET) & BLOCK_FLAG_HAS_VARIANTS) != 0;
        }

        public int ploidy()
        {
            return ploidy;
        }

        public int variantCount()
        {
            return variants;
        }

        public int intervalCount()
        {
            return intervals;
        }

        public int intervalStart(final int i)
        {
            return buffer.getInt(intervalAt + 8 * i, BYTE_ORDER);
        }

        public int intervalEnd(final int i)
        {
            return buffer.getInt(intervalAt + 8 * i + 4, BYTE_ORDER);
        }

        /** Span start of variant v (0-based, after padding removal). */
        public int start(final int v)
        {
            return buffer.getInt(fromAt + 4 * v, BYTE_ORDER);
        }

        public int end(final int v)
        {
            return buffer.getInt(toAt + 4 * v, BYTE_ORDER);
        }

        public int recordOrdinal(final int v)
        {
            return buffer.getInt(ordinalAt + 4 * v, BYTE_ORDER);
        }

        /** {@code ContigVariants} flags, without OUTSIDE. */
        public byte flags(final int v)
        {
            return buffer.getByte(flagsAt + v);
        }

        public int alleleCount(final int v)
        {
            return buffer.getInt(firstAt + 4 * v + 4, BYTE_ORDER) - buffer.getInt(firstAt + 4 * v, BYTE_ORDER);
        }

        public int gt(final int v, final int h)
        {
            return buffer.getShort(gtAt + 2 * (v * ploidy + h), BYTE_ORDER);
        }

        /** Bases of allele k of v, or -1 when the allele is absent (unused by the GT, or symbolic). */
        public int alleleLength(final int v, final int k)
        {
            return buffer.getInt(alleleLengthAt + 4 * (buffer.getInt(firstAt + 4 * v, BYTE_ORDER) + k), BYTE_ORDER);
        }

        /** Base code ({@code io.callscore.vcf.Bases}) i of allele k of v. */
        public byte base(final int v, final int k, final int i)
        {
            final int a = buffer.getInt(firstAt + 4 * v, BYTE_ORDER) + k;
            return buffer.getByte(basesAt + buffer.getInt(alleleOffsetAt + 4 * a, BYTE_ORDER) + i);
        }

        ContigVariants toContigVariants(final RegionSet regions)
        {
            // Whole columns are copied out in bulk; only the per-allele spans and the region flags need a loop.
            final String name = name();
            final int baseCount = buffer.getInt(block + BLOCK_BASE_COUNT_OFFSET, BYTE_ORDER);
            final int[] from = ints(fromAt, variants);
            final int[] to = ints(toAt, variants);
            final int[] ordinal = ints(ordinalAt, variants);
            final int[] first = ints(firstAt, variants + 1);
            final int[] alleleLength = ints(alleleLengthAt, alleles);
            final int[] alleleOffset = ints(alleleOffsetAt, alleles);
            final int[] count = new int[variants];
            final int[] alleleStart = new int[alleles];
            final int[] alleleEnd = new int[alleles];
            for (int v = 0; v < variants; v++)
            {
                count[v] = first[v + 1] - first[v];
                for (int a = first[v]; a < first[v + 1]; a++)
                {
                    alleleStart[a] = from[v];
                    alleleEnd[a] = to[v];
                }
            }
            final short[] gtShorts = new short[variants * ploidy];
            java.nio.ByteBuffer.wrap(bytes, gtAt, 2 * gtShorts.length).order(BYTE_ORDER).asShortBuffer().get(gtShorts);
            final int[] gt = new int[gtShorts.length];
            for (int i = 0; i < gt.length; i++)
            {
                gt[i] = gtShorts[i];
            }
            final byte[] flags = java.util.Arrays.copyOfRange(bytes, flagsAt, flagsAt + variants);
            final int[] confident = regions == null ? null : regions.intervals(name);
            if (regions != null)
            {
                for (int v = 0; v < variants; v++)
                {
                    if (confident == null || !RegionSet.overlaps(confident, from[v], to[v]))
                    {
                        flags[v] |= ContigVariants.OUTSIDE;
                    }
                }
            }
            final byte[] bases = java.util.Arrays.copyOfRange(bytes, basesAt, basesAt + baseCount);
            final int[] firstAllele = java.util.Arrays.copyOf(first, variants);
            return ContigVariants.ofColumns(name, ploidy, variants, from, to, flags, firstAllele, count, ordinal, gt,
                alleles, alleleStart, alleleEnd, alleleOffset, alleleLength, bases, baseCount);
        }

        private int[] ints(final int at, final int n)
        {
            final int[] out = new int[n];
            java.nio.ByteBuffer.wrap(bytes, at, 4 * n).order(BYTE_ORDER).asIntBuffer().get(out);
            return out;
        }
    }
}
