package io.callscore.engine.cert;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON that certificates are signed over, kept so small that any JSON library reproduces it
 * byte for byte (docs/certificates.md): objects with keys sorted by UTF-16 code units, no whitespace, strings of
 * printable ASCII with only {@code "} and {@code \} escaped, integers as plain digits, nothing else (no floats,
 * booleans, nulls or arrays). Python's {@code json.dumps(o, sort_keys=True, separators=(",", ":"))} and
 * {@code jq -cS} write the same bytes for such values.
 */
public final class CanonicalJson
{
    /** Largest integer magnitude written; beyond it a double-based JSON reader would round. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalJson()
    {
    }

    /** The canonical UTF-8 bytes of an object whose values are strings, integers or such objects. */
    public static byte[] bytes(final Map<String, ?> object)
    {
        return text(object).getBytes(StandardCharsets.US_ASCII);
    }

    /** The canonical text of an object (ASCII only, so its UTF-8 bytes are its characters). */
    public static String text(final Map<String, ?> object)
    {
        final StringBuilder sb = new StringBuilder(512);
        writeObject(sb, object);
        return sb.toString();
    }

    /** Whether every character is printable ASCII, U+0020 to U+007E: the only characters canonical strings hold. */
    public static boolean isPrintableAscii(final String s)
    {
        return firstNonPrintable(s) < 0;
    }

    /** Index of the first character outside U+0020 to U+007E, or -1. */
    private static int firstNonPrintable(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e)
            {
                return i;
            }
        }
        return -1;
    }

    private static void writeObject(final StringBuilder sb, final Map<?, ?> object)
    {
        final TreeMap<String, Object> sorted = new TreeMap<>();
        for (final Map.Entry<?, ?> e : object.entrySet())
        {
            if (!(e.getKey() instanceof String key))
            {
                throw new IllegalArgumentException("object key is not a string: " + e.getKey());
            }
            sorted.put(key, e.getValue());
        }
        sb.append('{');
        boolean first = true;
        for (final Map.Entry<String, Object> e : sorted.entrySet())
        {
            if (!first)
            {
                sb.append(',');
            }
            first = false;
            writeString(sb, e.getKey());
            sb.append(':');
            writeValue(sb, e.getKey(), e.getValue());
        }
        sb.append('}');
    }

    private static void writeValue(final StringBuilder sb, final String key, final Object value)
    {
        switch (value)
        {
            case final String s -> writeString(sb, s);
            case final Long n -> writeInteger(sb, key, n);
            case final Integer n -> writeInteger(sb, key, n);
            case final Map<?, ?> m -> writeObject(sb, m);
            case null -> throw new IllegalArgumentException(key + ": canonical JSON has no null");
            default -> throw new IllegalArgumentException(key + ": canonical JSON has no " + value.getClass()
                .getSimpleName() + " values");
        }
    }

    private static void writeInteger(final StringBuilder sb, final String key, final long n)
    {
        if (n > MAX_SAFE_INTEGER || n < -MAX_SAFE_INTEGER)
        {
            throw new IllegalArgumentException(key + ": " + n + " is beyond +-(2^53-1)");
        }
        sb.append(n);
    }

    private static void writeString(final StringBuilder sb, final String s)
    {
        final int bad = firstNonPrintable(s);
        if (bad >= 0)
        {
            throw new IllegalArgumentException(String.format(
                "canonical strings are printable ASCII; found U+%04X at index %d", (int)s.charAt(bad), bad));
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c == '"' || c == '\\')
            {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
