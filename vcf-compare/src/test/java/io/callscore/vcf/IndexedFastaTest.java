package io.callscore.vcf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a contig through its .fai gives the same codes as scanning the file, IUPAC letters as N. */
class IndexedFastaTest
{
    @TempDir
    Path dir;

    private Path write(final String name, final String fasta, final String fai) throws Exception
    {
        final Path f = dir.resolve(name);
        Files.writeString(f, fasta);
        Files.writeString(dir.resolve(name + ".fai"), fai);
        return f;
    }

    @Test
    void shouldReadIndexedContigsLikeAScanAcrossLineEndsAndAmbiguityCodes() throws Exception
    {
        final StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 1000; i++)
        {
            seq.append("ACGTNacgtnRYKM".charAt(i % 14));
        }
        final StringBuilder body = new StringBuilder(">c1 description\n");
        for (int i = 0; i < seq.length(); i += 60)
        {
            body.append(seq, i, Math.min(seq.length(), i + 60)).append('\n');
        }
        final Path f = write("ref.fa", body.toString(), "c1\t1000\t16\t60\t61\n");
        final byte[] indexed = ReferenceGenome.open(f).bases("c1");
        Files.delete(dir.resolve("ref.fa.fai"));
        final byte[] scanned = ReferenceGenome.open(f).bases("c1");
        assertEquals(1000, indexed.length);
        assertTrue(java.util.Arrays.equals(scanned, indexed));
        assertEquals(Bases.A, indexed[0]);
        assertEquals(Bases.N, indexed[10], "IUPAC R becomes N");
        assertEquals(Bases.G, indexed[7], "lower case is a base");
    }

    @Test
    void shouldReadAnyStretchOfAnIndexedContigAsTheSameCodesAsTheWholeContig() throws Exception
    {
        final StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 250; i++)
        {
            seq.append("ACGTNacgtRYT".charAt((i * 7) % 12));
        }
        for (final String eol : new String[] {"\n", "\r\n"})
        {
            final StringBuilder body = new StringBuilder(">c0\nAC\n>c1\n");
            for (int i = 0; i < seq.length(); i += 60)
            {
                body.append(seq, i, Math.min(seq.length(), i + 60)).append(eol);
            }
            final int offset = 11;
            final Path f = write("lines.fa", body.toString(),
                "c0\t2\t4\t2\t3\nc1\t250\t" + offset + "\t60\t" + (60 + eol.length()) + "\n");
            final byte[] whole = ReferenceGenome.open(f).bases("c1");
            for (int start = 0; start <= 250; start += 7)
            {
                for (final int end : new int[] {start, start + 1, start + 59, start + 60, start + 61, 250})
                {
                    if (end <= 250)
                    {
                        final byte[] part = ReferenceGenome.open(f).bases("c1", start, end);
                        assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(whole, start, end), part),
                            eol.length() + "-byte line ends, " + start + "-" + end);
                    }
                }
            }
            final ReferenceGenome loaded = ReferenceGenome.open(f);
            loaded.bases("c1");
            assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(whole, 59, 181),
                loaded.bases("c1", 59, 181)), "from the loaded contig");
            assertThrows(IllegalArgumentException.class, () -> loaded.bases("c1", 200, 251));
            assertThrows(IllegalArgumentException.class, () -> loaded.bases("c9", 0, 1));
        }
    }

    @Test
    void shouldRejectANonBaseInAnIndexedContigNamingTheContig() throws Exception
    {
        final Path f = write("bad.fa", ">c1\nACGT1CGT\n", "c1\t8\t4\t8\t9\n");
        final InputException e = assertThrows(InputException.class, () -> ReferenceGenome.open(f).bases("c1"));
        assertTrue(e.getMessage().contains("contig c1: character '1' is not a base"), e.getMessage());
    }
}
