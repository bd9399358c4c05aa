package io.callscore.vcf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merged BED intervals per contig (0-based, half-open). Touching and overlapping intervals merge, as in
 * vcfeval, and the overlap test follows vcfeval's: a zero-length span (an insertion point p) is inside only when
 * an interval has {@code start < p < end}.
 */
public final class RegionSet
{
    private final Map<String, int[]> byContig;

    private RegionSet(final Map<String, int[]> byContig)
    {
        this.byContig = byContig;
    }

    /** Reads a BED file (plain or gzip); header, track and browser lines are skipped. */
    public static RegionSet readBed(final Path bed)
    {
        final Map<String, List<int[]>> raw = new HashMap<>();
        BedReader.read(bed, (chrom, start, end, name, at) ->
            raw.computeIfAbsent(chrom, k -> new ArrayList<>()).add(new int[] {start, end}));
        return fromIntervals(raw);
    }

    /** Builds from intervals given as {start, end} pairs per contig. */
    public static RegionSet fromIntervals(final Map<String, List<int[]>> raw)
    {
        final Map<String, int[]> merged = new HashMap<>();
        raw.forEach((contig, list) -> merged.put(contig, merge(list)));
        return new RegionSet(merged);
    }

    private static int[] merge(final List<int[]> list)
    {
        final int[][] sorted = list.toArray(new int[0][]);
        Arrays.sort(sorted, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        final int[] out = new int[sorted.length * 2];
        int n = 0;
        for (final int[] iv : sorted)
        {
            if (n > 0 && iv[0] <= out[n - 1])
            {
                out[n - 1] = Math.max(out[n - 1], iv[1]);
            }
            else
            {
                out[n++] = iv[0];
                out[n++] = iv[1];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** True when [start, end) overlaps a region of the contig (vcfeval's rule for zero-length spans). */
    public boolean overlaps(final String contig, final int start, final int end)
    {
        final int[] iv = byContig.get(contig);
        return iv != null && overlaps(iv, start, end);
    }

    /** Same test over a contig's flat {start0, end0, start1, end1, ...} array. */
    public static boolean overlaps(final int[] iv, final int start, final int end)
    {
        // The last interval whose start < end; merged intervals are disjoint, so only it can overlap.
        int lo = 0;
        int hi = iv.length / 2 - 1;
        int found = -1;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (iv[2 * mid] < end)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found >= 0 && start < iv[2 * found + 1] && end > iv[2 * found];
    }

    /** The contig's merged intervals as a flat array, or null when the contig has none. */
    public int[] intervals(final String contig)
    {
        return byContig.get(contig);
    }

    /** Names of the contigs that have regions (to store the set). */
    public Set<String> contigs()
    {
        return Collections.unmodifiableSet(byContig.keySet());
    }

    public boolean hasContig(final String contig)
    {
        return byContig.containsKey(contig);
    }
}
