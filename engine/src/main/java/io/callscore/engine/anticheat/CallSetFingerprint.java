package io.callscore.engine.anticheat;

import io.callscore.vcf.Bases;
import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.VariantSet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A canonical fingerprint of a call set: SHA-256 over its variants after normalisation (alleles trimmed of bases
 * shared with REF, indels left-aligned in repeats, genotype alleles sorted, records sorted), so that the same calls
 * written differently (other record order, other padding, shifted indels, phase, QUAL, INFO, sample names, header)
 * give the same fingerprint. Two miners returning the same fingerprint returned the same calls.
 */
public final class CallSetFingerprint
{
    private CallSetFingerprint()
    {
    }

    public static String of(final VariantSet calls, final ReferenceGenome reference)
    {
        final List<String> items = new ArrayList<>();
        for (final ContigVariants cv : calls.contigs().values())
        {
            final byte[] ref = reference.bases(cv.contig());
            for (int v = 0; v < cv.size(); v++)
            {
                final List<String> alleles = new ArrayList<>();
                for (int h = 0; h < cv.ploidy(); h++)
                {
                    final int k = cv.gt(v, h);
                    final int a = cv.allele(v, k);
                    alleles.add(k <= 0 || a < 0 ? (k == 0 ? "R" : ".") : normalised(cv, a, ref));
                }
                alleles.sort(null);
                items.add(cv.contig() + ":" + String.join("/", alleles));
            }
        }
        items.sort(null);
        try
        {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (final String item : items)
            {
                sha.update(item.getBytes(StandardCharsets.UTF_8));
                sha.update((byte)'\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An ALT as {@code start-end>bases} after trimming against the reference and left-aligning indels. */
    static String normalised(final ContigVariants cv, final int a, final byte[] ref)
    {
        int start = cv.alleleStart(a);
        int end = cv.alleleEnd(a);
        final byte[] pool = cv.bases();
        int from = cv.alleleOffset(a);
        int length = cv.alleleLength(a);
        // Trim shared suffix, then shared prefix, against the reference span.
        while (end > start && length > 0 && ref[end - 1] == pool[from + length - 1])
        {
            end--;
            length--;
        }
        while (end > start && length > 0 && ref[start] == pool[from])
        {
            start++;
            from++;
            length--;
        }
        final byte[] alt = java.util.Arrays.copyOfRange(pool, from, from + length);
        if (length == 0 && end > start)
        {
            // Deletion of ref[start, end): slide left while the base before equals the last deleted base.
            while (start > 0 && ref[start - 1] == ref[end - 1])
            {
                start--;
                end--;
            }
        }
        else if (end == start && length > 0)
        {
            // Insertion at start: rotate left while the base before equals the inserted sequence's last base.
            while (start > 0 && ref[start - 1] == alt[alt.length - 1])
            {
                System.arraycopy(alt, 0, alt, 1, alt.length - 1);
                alt[0] = ref[start - 1];
                start--;
                end--;
            }
        }
        return start + "-" + end + ">" + Bases.toString(alt, 0, alt.length);
    }
}
