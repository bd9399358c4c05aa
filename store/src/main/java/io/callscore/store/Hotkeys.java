package io.callscore.store;

/** Hotkeys as both stores keep them: 1 to 64 printable ASCII characters, one byte each. */
final class Hotkeys
{
    static final int MAX_BYTES = 64;

    private Hotkeys()
    {
    }

    /** Checks a hotkey and writes it at {@code into[at..]} without allocating; returns its length. */
    static int put(final byte[] into, final int at, final String hotkey)
    {
        final int n = hotkey.length();
        if (n == 0 || n > MAX_BYTES)
        {
            throw new IllegalArgumentException("hotkey must have 1 to " + MAX_BYTES + " characters, got " + n);
        }
        for (int i = 0; i < n; i++)
        {
            final char c = hotkey.charAt(i);
            if (c <= ' ' || c > '~')
            {
                throw new IllegalArgumentException("hotkey must be printable ASCII without spaces: " + hotkey);
            }
            into[at + i] = (byte)c;
        }
        return n;
    }
}
