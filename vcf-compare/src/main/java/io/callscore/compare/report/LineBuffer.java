package io.callscore.compare.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer for building one output line at a time without allocating per line. */
final class LineBuffer
{
    private byte[] bytes = new byte[256];
    private int length;

    LineBuffer clear()
    {
        length = 0;
        return this;
    }

    byte[] bytes()
    {
        return bytes;
    }

    int length()
    {
        return length;
    }

    LineBuffer append(final byte[] src, final int from, final int to)
    {
        final int n = to - from;
        ensure(n);
        System.arraycopy(src, from, bytes, length, n);
        length += n;
        return this;
    }

    LineBuffer append(final byte[] src)
    {
        return append(src, 0, src.length);
    }

    LineBuffer append(final byte c)
    {
        ensure(1);
        bytes[length++] = c;
        return this;
    }

    LineBuffer append(final char c)
    {
        return append((byte)c);
    }

    /** Appends a non-negative number in decimal. */
    LineBuffer append(final int value)
    {
        if (value < 10)
        {
            return append((byte)('0' + value));
        }
        append(value / 10);
        return append((byte)('0' + value % 10));
    }

    void writeTo(final OutputStream out) throws IOException
    {
        out.write(bytes, 0, length);
    }

    private void ensure(final int more)
    {
        if (length + more > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }
}
