package io.callscore.compare.report;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VcfDataLineTest
{
    private static VcfDataLine line(final String text, final int sampleColumn)
    {
        final VcfDataLine l = new VcfDataLine();
        final byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        l.wrap(b, b.length, sampleColumn);
        return l;
    }

    @Test
    void shouldUseInfoEndWhenPresent()
    {
        assertEquals(250, line("c\t100\t.\tA\t<DEL>\t.\t.\tSVTYPE=DEL;END=250\tGT\t0/1", 9).end());
        assertEquals(102, line("c\t100\t.\tACG\tA\t.\t.\tAEND=7\tGT\t0/1", 9).end());
    }

    @Test
    void shouldReadTheChosenSampleWhenSeveralSamples()
    {
        final VcfDataLine l = line("c\t5\t.\tA\tG,T\t.\tPASS\t.\tGT:FT\t0/1:PASS\t1|2:LowDP", 10);
        assertEquals(Zygosity.HETALT, l.zygosity());
        assertFalse(l.isPass());
        assertEquals(VcfDataLine.TRANSITION | VcfDataLine.TRANSVERSION, l.tiTv());
        assertEquals("1|2", new String(l.bytes(), l.gtFrom(), l.gtTo() - l.gtFrom(), StandardCharsets.US_ASCII));
        assertTrue(line("c\t5\t.\tA\tG,T\t.\tPASS\t.\tGT:FT\t0/1:PASS\t1|2:LowDP", 9).isPass());
    }

    @Test
    void shouldClassifyMnpBasesCaseInsensitivelyWhenTiTv()
    {
        assertEquals(VcfDataLine.TRANSITION, line("c\t5\t.\tac\tgt\t.\t.\t.\tGT\t1/1", 9).tiTv());
        assertEquals(0, line("c\t5\t.\tA\tAT\t.\t.\t.\tGT\t1/1", 9).tiTv());
        assertEquals(0, line("c\t5\t.\tA\tC\t.\t.\t.\tGT\t0/0", 9).tiTv());
    }

    @Test
    void shouldClassifyGenotypeShapesWhenZygosity()
    {
        assertEquals(Zygosity.HET, line("c\t5\t.\tA\tC\t.\t.\t.\tGT\t1|0", 9).zygosity());
        assertEquals(Zygosity.HOMALT, line("c\t5\t.\tA\tC\t.\t.\t.\tGT\t1/1", 9).zygosity());
        assertEquals(Zygosity.HEMI, line("c\t5\t.\tA\tC\t.\t.\t.\tGT\t1", 9).zygosity());
        assertEquals(Zygosity.HALFCALL, line("c\t5\t.\tA\tC\t.\t.\t.\tGT\t./1", 9).zygosity());
        assertEquals(Zygosity.NOCALL, line("c\t5\t.\tA\tC\t.\t.\t.\tGT\t./.", 9).zygosity());
        assertEquals(Zygosity.NOCALL, line("c\t5\t.\tA\tC\t.\t.\t.", -1).zygosity());
    }
}
