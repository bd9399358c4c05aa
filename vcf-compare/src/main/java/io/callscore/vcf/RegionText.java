package io.callscore.vcf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Regions written as people write them: {@code chr20}, {@code chr20:1000}, {@code chr20:1,000-2,000} (1-based). */
public final class RegionText
{
    private RegionText()
    {
    }

    /**
     * A region set from texts; a whole contig needs its length from {@code reference}. Throws
     * IllegalArgumentException naming the text that does not parse or names no contig of the reference.
     */
    public static RegionSet parse(final List<String> texts, final ReferenceGenome reference)
    {
        final Map<String, List<int[]>> intervals = new LinkedHashMap<>();
        for (final String text : texts)
        {
            final String t = text.strip();
            final int colon = t.lastIndexOf(':');
            final String contig;
            int from;
            int to;
            if (colon < 0 || reference.contains(t))
            {
                contig = t;
                from = 0;
                to = reference.length(t);
            }
            else
            {
                contig = t.substring(0, colon);
                final String[] span = t.substring(colon + 1).replace(",", "").split("-", -1);
                try
                {
                    from = Integer.parseInt(span[0].strip()) - 1;
                    to = span.length > 1 && !span[1].isBlank() ? Integer.parseInt(span[1].strip())
                        : span.length > 1 ? reference.length(contig) : from + 1;
                }
                catch (final NumberFormatException e)
                {
                    throw new IllegalArgumentException("region '" + text + "' is not contig[:start[-end]]");
                }
                if (span.length > 2 || from < 0 || to <= from)
                {
                    throw new IllegalArgumentException("region '" + text + "' is not contig[:start[-end]] with "
                        + "1 <= start <= end");
                }
            }
            if (!reference.contains(contig))
            {
                throw new IllegalArgumentException("region '" + text + "': contig " + contig
                    + " is not in the reference");
            }
            intervals.computeIfAbsent(contig, k -> new ArrayList<>()).add(new int[] {from, to});
        }
        return RegionSet.fromIntervals(intervals);
    }
}
