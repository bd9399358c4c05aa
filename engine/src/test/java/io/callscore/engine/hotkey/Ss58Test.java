package io.callscore.engine.hotkey;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ss58Test
{
    private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

    @Test
    void shouldEncodeTheSubstrateDevKeyAliceToItsKnownAddress()
    {
        final byte[] key = HexFormat.of().parseHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
        assertEquals(ALICE, Ss58.encode(key));
        assertNull(Ss58.problem(ALICE));
    }

    @Test
    void shouldRejectAChangedCharacterWithAChecksumProblem()
    {
        final String tampered = ALICE.substring(0, 10) + (ALICE.charAt(10) == 'a' ? 'b' : 'a') + ALICE.substring(11);
        final String problem = Ss58.problem(tampered);
        assertTrue(problem != null && (problem.contains("checksum") || problem.contains("prefix")), problem);
    }

    @Test
    void shouldRejectNonBase58WrongLengthAndEmptyHotkeys()
    {
        assertTrue(Ss58.problem("0OIl" + ALICE.substring(4)).contains("not base58"));
        assertTrue(Ss58.problem(ALICE.substring(0, 40)).contains("expected 35"));
        assertEquals("empty hotkey", Ss58.problem(""));
    }

    @Test
    void shouldRoundTripRandomKeysAs48CharactersStartingWith5()
    {
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++)
        {
            final byte[] key = new byte[32];
            random.nextBytes(key);
            final String address = Ss58.encode(key);
            assertEquals(48, address.length());
            assertEquals('5', address.charAt(0));
            assertNull(Ss58.problem(address));
            final byte[] raw = Ss58.decodeBase58(address);
            assertEquals(HexFormat.of().formatHex(key), HexFormat.of().formatHex(java.util.Arrays.copyOfRange(raw, 1, 33)));
        }
    }
}
