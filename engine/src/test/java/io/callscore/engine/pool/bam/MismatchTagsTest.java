package io.callscore.engine.pool.bam;

import htsjdk.samtools.BAMRecordCodec;
import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.util.SequenceUtil;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MD/NM from raw record bytes against htsjdk's calculateMdAndNmTags on the same records, as the oracle. */
class MismatchTagsTest
{
    private static final CigarOperator[] OPS = {CigarOperator.M, CigarOperator.I, CigarOperator.D,
        CigarOperator.S, CigarOperator.EQ, CigarOperator.X, CigarOperator.N};

    @Test
    void shouldAgreeWithHtsjdkOnRandomAlignments()
    {
        final SplittableRandom random = new SplittableRandom(20261126);
        final byte[] reference = new byte[5_000];
        final String letters = "ACGTNacgt";
        for (int i = 0; i < reference.length; i++)
        {
            reference[i] = (byte)letters.charAt(random.nextInt(i % 97 == 0 ? letters.length() : 4));
        }
        final SAMFileHeader header = new SAMFileHeader();
        header.addSequence(new SAMSequenceRecord("w", reference.length));
        final MismatchTags tags = new MismatchTags();
        final PackedReference packed = new PackedReference(reference);
        final BamRecord view = new BamRecord();
        int withMismatch = 0;
        for (int n = 0; n < 3_000; n++)
        {
            final SAMRecord r = randomRecord(random, header, reference);
            final SAMRecord expected = r.deepCopy();
            // htsjdk's reference array starts at position 1 of the contig.
            SequenceUtil.calculateMdAndNmTags(expected, reference, true, true);
            final byte[] bytes = encode(header, r);
            tags.compute(view.wrap(bytes, 0), packed);
            final String md = new String(tags.md(), 0, tags.mdLength(), java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals(expected.getStringAttribute("MD"), md, () -> r.getSAMString());
            assertEquals(expected.getIntegerAttribute("NM").intValue(), tags.nm(), () -> r.getSAMString());
            withMismatch += tags.nm() > 0 ? 1 : 0;
        }
        assertEquals(true, withMismatch > 1_000 && withMismatch < 2_900, "the random reads should mostly differ from the reference, some not");
    }

    private static SAMRecord randomRecord(final SplittableRandom random, final SAMFileHeader header,
        final byte[] reference)
    {
        final List<CigarElement> elements = new ArrayList<>();
        if (random.nextInt(4) == 0)
        {
            elements.add(new CigarElement(1 + random.nextInt(5), CigarOperator.H));
        }
        final int parts = 1 + random.nextInt(6);
        int readLength = 0;
        int span = 0;
        for (int i = 0; i < parts; i++)
        {
            CigarOperator op = OPS[random.nextInt(OPS.length)];
            if (i == 0 || i == parts - 1)
            {
                op = random.nextBoolean() ? CigarOperator.S : CigarOperator.M;
            }
            final int len = 1 + random.nextInt(op == CigarOperator.N ? 50 : 30);
            elements.add(new CigarElement(len, op));
            readLength += op.consumesReadBases() ? len : 0;
            span += op.consumesReferenceBases() ? len : 0;
        }
        if (span == 0)
        {
            elements.add(new CigarElement(5, CigarOperator.M));
            readLength += 5;
            span += 5;
        }
        final int start = random.nextInt(reference.length - span);
        final byte[] bases = new byte[readLength];
        for (int i = 0; i < bases.length; i++)
        {
            bases[i] = (byte)"ACGTN".charAt(random.nextInt(i % 13 == 0 ? 5 : 4));
        }
        // Mostly the reference's own bases, so matches are common and runs long; some reads match exactly.
        final int errorEvery = random.nextInt(4) == 0 ? Integer.MAX_VALUE : 2 + random.nextInt(30);
        int q = 0;
        int p = start;
        for (final CigarElement e : elements)
        {
            for (int k = 0; k < e.getLength(); k++)
            {
                final boolean read = e.getOperator().consumesReadBases();
                final boolean ref = e.getOperator().consumesReferenceBases();
                if (read && ref && random.nextInt(errorEvery) != 0)
                {
                    bases[q] = (byte)Character.toUpperCase(reference[p]);
                }
                q += read ? 1 : 0;
                p += ref ? 1 : 0;
            }
        }
        final SAMRecord r = new SAMRecord(header);
        r.setReadName("r" + random.nextInt(1_000_000));
        r.setReferenceIndex(0);
        r.setAlignmentStart(start + 1);
        r.setCigar(new Cigar(elements));
        r.setReadBases(bases);
        r.setBaseQualities(new byte[bases.length]);
        return r;
    }

    private static byte[] encode(final SAMFileHeader header, final SAMRecord r)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BAMRecordCodec codec = new BAMRecordCodec(header);
        codec.setOutputStream(out);
        codec.encode(r);
        return out.toByteArray();
    }
}
