package io.callscore.store;

import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantSet;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static io.callscore.store.TruthRecordDescriptor.*;

/**
 * Encodes a task's truth (variants loaded from its VCF, its confident regions, its metadata) into the compact
 * record of {@link TruthRecordDescriptor}. Runs once per task at pool build or import, so it may allocate.
 */
public final class TruthRecordEncoder
{
    private TruthRecordEncoder()
    {
    }

    /**
     * Encodes a truth set. Variants must be freshly loaded (not trimmed by {@code --ref-overlap}); their OUTSIDE
     * flags are dropped, because decoding sets them again from {@code regions}.
     *
     * @param truth    the truth variants, as {@code VariantLoader} built them
     * @param regions  the confident regions, or null when every variant counts
     * @param metadata the task's metadata
     * @return the record's bytes
     */
    public static byte[] encode(final VariantSet truth, final RegionSet regions, final TaskMetadata metadata)
    {
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(1024);
        final List<String> contigs = new ArrayList<>(truth.contigs().keySet());
        if (regions != null)
        {
            for (final String name : new TreeSet<>(regions.contigs()))
            {
                if (truth.contig(name) == null)
                {
                    contigs.add(name);
                }
            }
        }
        out.putInt(MAGIC_OFFSET, MAGIC, BYTE_ORDER);
        out.putShort(VERSION_OFFSET, (short)VERSION, BYTE_ORDER);
        out.putByte(FLAGS_OFFSET, (byte)(regions != null ? FLAG_HAS_REGIONS : 0));
        out.putByte(FLAGS_OFFSET + 1, (byte)0);
        out.putInt(CONTIG_COUNT_OFFSET, contigs.size(), BYTE_ORDER);
        out.putInt(VARIANT_COUNT_OFFSET, truth.variantCount(), BYTE_ORDER);
        out.putInt(RECORDS_OFFSET, truth.records(), BYTE_ORDER);
        out.putInt(SKIPPED_OFFSET, truth.skipped(), BYTE_ORDER);
        out.putInt(IGNORED_OFFSET, truth.ignored(), BYTE_ORDER);
        out.putDouble(COVERAGE_OFFSET, metadata.coverage(), BYTE_ORDER);
        out.putInt(STRINGS_OFFSET_OFFSET, HEADER_LENGTH, BYTE_ORDER);
        int at = HEADER_LENGTH;
        at = putString(out, at, truth.sample());
        at = putString(out, at, metadata.genome());
        at = putString(out, at, metadata.region());
        at = putString(out, at, metadata.difficulty());
        at = putString(out, at, metadata.inputType());
        at = putString(out, at, metadata.dataLocator());
        final int table = align(at, 4);
        out.putInt(CONTIG_TABLE_OFFSET_OFFSET, table, BYTE_ORDER);
        at = align(table + 4 * contigs.size(), 8);
        for (int c = 0; c < contigs.size(); c++)
        {
            final String name = contigs.get(c);
            out.putInt(table + 4 * c, at, BYTE_ORDER);
            at = putBlock(out, at, name, truth.contig(name), regions == null ? null : regions.intervals(name));
        }
        out.putInt(LENGTH_OFFSET, at, BYTE_ORDER);
        return Arrays.copyOf(out.byteArray(), at);
    }

    private static int putString(final ExpandableArrayBuffer out, final int at, final String value)
    {
        if (value == null)
        {
            out.putShort(at, (short)ABSENT_STRING, BYTE_ORDER);
            return at + 2;
        }
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > TaskMetadata.MAX_FIELD_BYTES)
        {
            throw new IllegalArgumentException("text field longer than " + TaskMetadata.MAX_FIELD_BYTES + " bytes");
        }
        out.putShort(at, (short)bytes.length, BYTE_ORDER);
        out.putBytes(at + 2, bytes);
        return at + 2 + bytes.length;
    }

    private static int putBlock(final ExpandableArrayBuffer out, final int blockStart, final String name,
        final ContigVariants cv, final int[] intervals)
    {
        final byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > TaskMetadata.MAX_FIELD_BYTES)
        {
            throw new IllegalArgumentException("contig name longer than " + TaskMetadata.MAX_FIELD_BYTES + " bytes");
        }
        final int variants = cv == null ? 0 : cv.size();
        final int ploidy = cv == null ? 0 : cv.ploidy();
        if (ploidy > 127)
        {
            throw new IllegalArgumentException("ploidy " + ploidy + " cannot be stored");
        }
        int alleles = 0;
        int bases = 0;
        for (int v = 0; v < variants; v++)
        {
            for (int k = 0; k < cv.alleleCount(v); k++)
            {
                final int a = cv.alleleHandle(v, k);
                if (cv.alleleStart(a) != cv.start(v) || cv.alleleEnd(a) != cv.end(v))
                {
                    throw new IllegalArgumentException(name + ": variant " + v + " has an allele with its own "
                        + "interval; only freshly loaded truth variants can be stored");
                }
                bases += Math.max(cv.alleleLength(a), 0);
            }
            alleles += cv.alleleCount(v);
        }
        final int intervalCount = intervals == null ? 0 : intervals.length / 2;
        final int length = blockLength(nameBytes.length, variants, alleles, bases, intervalCount, ploidy);
        out.setMemory(blockStart, length, (byte)0);
        out.putInt(blockStart + BLOCK_VARIANT_COUNT_OFFSET, variants, BYTE_ORDER);
        out.putInt(blockStart + BLOCK_ALLELE_COUNT_OFFSET, alleles, BYTE_ORDER);
        out.putInt(blockStart + BLOCK_BASE_COUNT_OFFSET, bases, BYTE_ORDER);
        out.putInt(blockStart + BLOCK_INTERVAL_COUNT_OFFSET, intervalCount, BYTE_ORDER);
        out.putByte(blockStart + BLOCK_PLOIDY_OFFSET, (byte)ploidy);
        out.putByte(blockStart + BLOCK_FLAGS_OFFSET, (byte)(cv != null ? BLOCK_FLAG_HAS_VARIANTS : 0));
        out.putShort(blockStart + BLOCK_NAME_LENGTH_OFFSET, (short)nameBytes.length, BYTE_ORDER);
        out.putBytes(blockStart + BLOCK_NAME_OFFSET, nameBytes);

        final int from = blockStart + arraysOffset(nameBytes.length);
        final int to = from + 4 * variants;
        final int ordinal = to + 4 * variants;
        final int first = ordinal + 4 * variants;
        final int alleleLength = first + 4 * (variants + 1);
        final int alleleOffset = alleleLength + 4 * alleles;
        final int interval = alleleOffset + 4 * alleles;
        final int gt = interval + 8 * intervalCount;
        final int flags = gt + 2 * variants * ploidy;
        final int base = flags + variants;
        int a = 0;
        int b = 0;
        for (int v = 0; v < variants; v++)
        {
            out.putInt(from + 4 * v, cv.start(v), BYTE_ORDER);
            out.putInt(to + 4 * v, cv.end(v), BYTE_ORDER);
            out.putInt(ordinal + 4 * v, cv.recordOrdinal(v), BYTE_ORDER);
            out.putInt(first + 4 * v, a, BYTE_ORDER);
            out.putByte(flags + v, (byte)(cv.flags(v) & ~ContigVariants.OUTSIDE));
            for (int h = 0; h < ploidy; h++)
            {
                out.putShort(gt + 2 * (v * ploidy + h), (short)cv.gt(v, h), BYTE_ORDER);
            }
            for (int k = 0; k < cv.alleleCount(v); k++, a++)
            {
                final int handle = cv.alleleHandle(v, k);
                final int len = cv.alleleLength(handle);
                out.putInt(alleleLength + 4 * a, len, BYTE_ORDER);
                out.putInt(alleleOffset + 4 * a, len < 0 ? 0 : b, BYTE_ORDER);
                if (len > 0)
                {
                    out.putBytes(base + b, cv.bases(), cv.alleleOffset(handle), len);
                    b += len;
                }
            }
        }
        out.putInt(first + 4 * variants, a, BYTE_ORDER);
        for (int i = 0; i < 2 * intervalCount; i++)
        {
            out.putInt(interval + 4 * i, intervals[i], BYTE_ORDER);
        }
        return blockStart + length;
    }
}
