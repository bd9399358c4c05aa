package io.callscore.store;

import java.nio.ByteOrder;

/**
 * Layout of a stored truth record: the value of one task in the truth map. All numbers are
 * {@link ByteOrder#LITTLE_ENDIAN}; offsets are in bytes from the start of the record. A record is self-describing
 * (magic, version, length), so a reader can reject a foreign or damaged value instead of misreading it.
 *
 * <pre>
 * Header (48 bytes)
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                  magic "CSTR" (0x52545343)                    |  0
 * +-------------------------------+---------------+---------------+
 * |          version (u16)        |  flags (u8)   |  reserved     |  4   flags: 1 = has confident regions
 * +-------------------------------+---------------+---------------+
 * |                     record length (bytes)                     |  8
 * |                     contig count                              | 12
 * |                     variant count (all contigs)               | 16
 * |                     VCF records read                          | 20
 * |                     VCF records skipped                       | 24
 * |                     VCF records ignored                       | 28
 * |                     coverage (IEEE 754 double)                | 32
 * |                                                               |
 * |                     strings offset                            | 40
 * |                     contig table offset                       | 44
 * +---------------------------------------------------------------+ 48
 *
 * Strings: six times { u16 length (0xFFFF = absent), UTF-8 bytes }, in the order
 *          sample, genome, region, difficulty, input type, data locator.
 * Contig table: contig count x i32, the offset of each contig block (8-byte aligned).
 *
 * Contig block
 * +---------------------------------------------------------------+
 * |                     variant count V                           | +0
 * |                     allele count A                            | +4
 * |                     base count B                              | +8
 * |                     interval count I                          | +12
 * +---------------+---------------+-------------------------------+
 * |  ploidy (u8)  | block flags   |      name length N (u16)      | +16  block flags: 1 = contig has variants
 * +---------------+---------------+-------------------------------+
 * |  name (N bytes, ASCII), zero padded to a multiple of 4        | +20
 * +---------------------------------------------------------------+
 * |  i32 from[V]          variant span start (0-based)            |
 * |  i32 to[V]            variant span end (exclusive)            |
 * |  i32 ordinal[V]       data-line index in the truth VCF        |
 * |  i32 firstAllele[V+1] allele k of v is firstAllele[v] + k     |
 * |  i32 alleleLength[A]  -1 = absent allele                      |
 * |  i32 alleleOffset[A]  into bases[]                            |
 * |  i32 interval[2I]     confident regions, start/end pairs      |
 * |  i16 gt[V*ploidy]     allele index per haplotype, -1 missing  |
 * |  u8  flags[V]         PHASED | INDEL_CLASS (OUTSIDE is not     |
 * |                       stored: it is set from the intervals)   |
 * |  u8  bases[B]         base codes (N=0 A=1 C=2 G=3 T=4)        |
 * |  zero padding to a multiple of 8                              |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * Every allele of a variant spans {@code [from, to)}, as the VCF loader builds them (one REF interval per
 * record after padding removal), so allele intervals are stored once per variant.
 */
public final class TruthRecordDescriptor
{
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    /** "CSTR" read as a little-endian int. */
    public static final int MAGIC = 0x52545343;
    public static final int VERSION = 1;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int FLAGS_OFFSET = 6;
    public static final int LENGTH_OFFSET = 8;
    public static final int CONTIG_COUNT_OFFSET = 12;
    public static final int VARIANT_COUNT_OFFSET = 16;
    public static final int RECORDS_OFFSET = 20;
    public static final int SKIPPED_OFFSET = 24;
    public static final int IGNORED_OFFSET = 28;
    public static final int COVERAGE_OFFSET = 32;
    public static final int STRINGS_OFFSET_OFFSET = 40;
    public static final int CONTIG_TABLE_OFFSET_OFFSET = 44;
    public static final int HEADER_LENGTH = 48;

    /** Header flag: the record has confident regions (variants outside them are flagged OUTSIDE). */
    public static final int FLAG_HAS_REGIONS = 1;
    /** Length value of an absent string. */
    public static final int ABSENT_STRING = 0xFFFF;
    public static final int STRING_COUNT = 6;

    public static final int BLOCK_VARIANT_COUNT_OFFSET = 0;
    public static final int BLOCK_ALLELE_COUNT_OFFSET = 4;
    public static final int BLOCK_BASE_COUNT_OFFSET = 8;
    public static final int BLOCK_INTERVAL_COUNT_OFFSET = 12;
    public static final int BLOCK_PLOIDY_OFFSET = 16;
    public static final int BLOCK_FLAGS_OFFSET = 17;
    public static final int BLOCK_NAME_LENGTH_OFFSET = 18;
    public static final int BLOCK_NAME_OFFSET = 20;
    /** Block flag: the contig is part of the truth variant set (it may also have only regions). */
    public static final int BLOCK_FLAG_HAS_VARIANTS = 1;

    private TruthRecordDescriptor()
    {
    }

    /** Offset, from the block start, of the first array (after the padded name). */
    public static int arraysOffset(final int nameLength)
    {
        return BLOCK_NAME_OFFSET + align(nameLength, 4);
    }

    /** Bytes a contig block takes, padding included. */
    public static int blockLength(final int nameLength, final int variants, final int alleles, final int bases,
        final int intervals, final int ploidy)
    {
        final long n = (long)arraysOffset(nameLength) + 4L * (4L * variants + 1 + 2L * alleles + 2L * intervals)
            + 2L * variants * ploidy + variants + bases;
        if (n > Integer.MAX_VALUE - 8)
        {
            throw new IllegalArgumentException("contig block too large: " + n + " bytes");
        }
        return align((int)n, 8);
    }

    public static int align(final int value, final int alignment)
    {
        return (value + alignment - 1) & -alignment;
    }
}
