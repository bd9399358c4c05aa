package io.callscore.engine.cert;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalJsonTest
{
    @Test
    void shouldSortKeysAtEveryLevelAndWriteNoWhitespaceWhenObjectsNest()
    {
        final Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 2L);
        inner.put("a", "x y");
        final Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("z", inner);
        outer.put("B", 1);
        outer.put("a_b", "");
        outer.put("a", -3L);
        assertEquals("{\"B\":1,\"a\":-3,\"a_b\":\"\",\"z\":{\"a\":\"x y\",\"b\":2}}", CanonicalJson.text(outer));
    }

    @Test
    void shouldEscapeOnlyQuoteAndBackslashWhenStringsArePrintableAscii()
    {
        assertEquals("{\"k\":\"a\\\"b\\\\c/d'e\"}", CanonicalJson.text(Map.of("k", "a\"b\\c/d'e")));
    }

    @Test
    void shouldRejectCharactersOutsidePrintableAsciiWhenWritingStrings()
    {
        for (final String s : List.of("tab\there", "new\nline", "caf\u00e9", "del\u007f"))
        {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalJson.text(Map.of("k", s)));
            assertTrue(e.getMessage().startsWith("canonical strings are printable ASCII; found U+"), e.getMessage());
        }
    }

    @Test
    void shouldRejectValuesPythonWouldWriteDifferentlyWhenTheyAreNotStringsIntegersOrObjects()
    {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(Map.of("k", 0.5)));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(Map.of("k", true)));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(Map.of("k", List.of())));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(Map.of("k", 1L << 53)));
        assertEquals("{\"k\":9007199254740991}", CanonicalJson.text(Map.of("k", (1L << 53) - 1)));
    }
}
