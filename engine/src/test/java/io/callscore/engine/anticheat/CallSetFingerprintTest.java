package io.callscore.engine.anticheat;

import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.VariantLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CallSetFingerprintTest
{
    //                                          1         2         3
    //                                 1234567890123456789012345678901234
    private static final String SEQ = "ACGTTGCAAAAAGTCCGATCGATCGGATCCAGTA";
    private final ReferenceGenome ref = ReferenceGenome.of(Map.of("c", SEQ));

    @TempDir
    Path dir;

    private String fingerprint(final String name, final String header, final String... records) throws Exception
    {
        final StringBuilder sb = new StringBuilder("##fileformat=VCFv4.2\n" + header
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n");
        for (final String r : records)
        {
            sb.append("c\t").append(r.replace(' ', '\t')).append('\n');
        }
        final Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return CallSetFingerprint.of(VariantLoader.load(f, ref, null, LoadOptions.defaults()), ref);
    }

    @Test
    void shouldGiveTheSameFingerprintToTheSameCallsWrittenDifferently() throws Exception
    {
        // Deletion of one A in the AAAAA run (positions 8-12): left-aligned at 7, or shifted right.
        final String a = fingerprint("a.vcf", "", "3 . G T 50 PASS . GT 0/1", "7 . CA C 50 PASS . GT 1/1");
        final String b = fingerprint("b.vcf", "##miner_hotkey=x\n", "3 . G T 99 . DP=3 GT 1|0",
            "11 . AA A 12 PASS . GT 1/1");
        assertEquals(a, b);
    }

    @Test
    void shouldTellDifferentGenotypesApart() throws Exception
    {
        assertNotEquals(fingerprint("a.vcf", "", "3 . G T 50 PASS . GT 0/1"),
            fingerprint("b.vcf", "", "3 . G T 50 PASS . GT 1/1"));
    }

    @Test
    void shouldReadTheHotkeyHeaderOrNothing() throws Exception
    {
        fingerprint("h.vcf", "##miner_hotkey=5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\n");
        assertEquals("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", HotkeyHeader.read(dir.resolve("h.vcf")));
        fingerprint("n.vcf", "");
        assertNull(HotkeyHeader.read(dir.resolve("n.vcf")));
    }
}
