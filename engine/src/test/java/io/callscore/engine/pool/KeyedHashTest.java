package io.callscore.engine.pool;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyedHashTest
{
    /** Key 00 01 .. 0f as the SipHash paper's test vectors use it. */
    private static final KeyedHash PAPER_KEY = new KeyedHash(0x0706050403020100L, 0x0F0E0D0C0B0A0908L);

    private static String bytes(final int n)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.append((char)i);
        }
        return sb.toString();
    }

    @Test
    void shouldMatchSipHash24ReferenceVectors()
    {
        assertEquals(0x726fdb47dd0e0e31L, PAPER_KEY.hash(bytes(0)));
        assertEquals(0x74f839c593dc67fdL, PAPER_KEY.hash(bytes(1)));
        assertEquals(0x93f5f5799a932462L, PAPER_KEY.hash(bytes(8)));
        assertEquals(0xa129ca6149be45e5L, PAPER_KEY.hash(bytes(15)));
    }

    @Test
    void shouldRenameMatesAlikeAndFragmentsApart()
    {
        final KeyedHash key = KeyedHash.derived(7, 1);
        assertEquals(key.rename("HWI-ST1234:8:1101:1234:5678"), key.rename("HWI-ST1234:8:1101:1234:5678"));
        assertNotEquals(key.rename("HWI-ST1234:8:1101:1234:5678"), KeyedHash.derived(8, 1)
            .rename("HWI-ST1234:8:1101:1234:5678"));
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < 10_000; i++)
        {
            names.add(key.rename("read" + i));
        }
        assertEquals(10_000, names.size());
    }

    @Test
    void shouldSpreadUnitsEvenly()
    {
        final KeyedHash key = KeyedHash.derived(3, 9);
        int below = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final double u = key.unit("frag" + i);
            assertTrue(u >= 0 && u < 1);
            below += u < 0.25 ? 1 : 0;
        }
        assertTrue(below > 4_600 && below < 5_400, "below 0.25: " + below);
    }
}
