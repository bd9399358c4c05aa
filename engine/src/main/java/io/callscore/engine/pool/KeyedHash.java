package io.callscore.engine.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * SipHash-2-4 of read names under a 128-bit key. The pool build needs per-fragment decisions (which coverages keep
 * a fragment, which haplotype it belongs to) and fresh read names that are the same for both mates, without a
 * table of every name seen. A keyed hash gives both; with a secret key, a miner holding the public source BAM
 * cannot recompute the new names from the old ones.
 */
final class KeyedHash
{
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
        ByteOrder.LITTLE_ENDIAN);

    private final long k0;
    private final long k1;

    KeyedHash(final long k0, final long k1)
    {
        this.k0 = k0;
        this.k1 = k1;
    }

    /** A key derived from a seed and a purpose, for decisions that must repeat with the seed. */
    static KeyedHash derived(final long seed, final long purpose)
    {
        final long a = mix(seed ^ 0x9E3779B97F4A7C15L * (purpose + 1));
        return new KeyedHash(a, mix(a ^ purpose));
    }

    /** A fresh secret key, for names that must not be reproducible by anyone. */
    static KeyedHash secret(final SecureRandom random)
    {
        return new KeyedHash(random.nextLong(), random.nextLong());
    }

    /** SplitMix64 finaliser. */
    static long mix(final long z0)
    {
        long z = z0 + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Hash of a read name (its characters taken as bytes, as a BAM stores them). */
    long hash(final CharSequence name)
    {
        return hash(latin1(name), 0, name.length());
    }

    /** Hash of the {@code length} bytes of a read name at {@code offset}: the allocation-free form. */
    long hash(final byte[] name, final int offset, final int length)
    {
        long v0 = 0x736f6d6570736575L ^ k0;
        long v1 = 0x646f72616e646f6dL ^ k1;
        long v2 = 0x6c7967656e657261L ^ k0;
        long v3 = 0x7465646279746573L ^ k1;
        final int whole = length & ~7;
        // Whole 8-byte words, then the last word (the tail bytes and the length), each compressed with 2 rounds;
        // then one finalisation step of 4 rounds, taken as two more 2-round steps on an empty word. One round body
        // serves all of them; a word is one little-endian load.
        final int steps = whole / 8 + 3;
        for (int w = 0; w < steps; w++)
        {
            final int left = steps - w;
            final long m = left > 3 ? (long)LONG_LE.get(name, offset + 8 * w)
                : left == 3 ? lastWord(name, offset, whole, length) : 0;
            if (left == 2)
            {
                v2 ^= 0xff;
            }
            v3 ^= m;
            for (int r = 0; r < 2; r++)
            {
                v0 += v1;
                v1 = Long.rotateLeft(v1, 13);
                v1 ^= v0;
                v0 = Long.rotateLeft(v0, 32);
                v2 += v3;
                v3 = Long.rotateLeft(v3, 16);
                v3 ^= v2;
                v0 += v3;
                v3 = Long.rotateLeft(v3, 21);
                v3 ^= v0;
                v2 += v1;
                v1 = Long.rotateLeft(v1, 17);
                v1 ^= v2;
                v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /** SipHash's last word: the bytes past the whole words, with the length's low byte on top. */
    private static long lastWord(final byte[] b, final int offset, final int whole, final int length)
    {
        long last = ((long)length & 0xFF) << 56;
        for (int j = length - 1; j >= whole; j--)
        {
            last |= (long)(b[offset + j] & 0xFF) << (8 * (j - whole));
        }
        return last;
    }

    /** A uniform number in [0, 1) from a name. */
    double unit(final CharSequence name)
    {
        return unit(hash(name));
    }

    /** The uniform number in [0, 1) of a name whose {@link #hash} is {@code hash}. */
    static double unit(final long hash)
    {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /**
     * Length of the names {@link #rename} makes: 16 hex digits, the 64 bits of the keyed hash. Two fragments of one
     * task share a name with probability n²/2⁶⁵, about 4·10⁻⁹ for the 400,000 fragments of a 2 Mb window at 30×.
     * Every byte of a name is incompressible and is deflated once per delivered read, so the names are no longer
     * than that.
     */
    static final int NAME_LENGTH = 16;

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A fresh {@value #NAME_LENGTH}-character name for a read name: opaque, the same for both mates. */
    String rename(final CharSequence name)
    {
        final byte[] out = new byte[NAME_LENGTH];
        rename(latin1(name), 0, name.length(), out, 0);
        return new String(out, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** {@link #rename(CharSequence)} of the bytes at {@code offset}, written into {@code out} at {@code at}. */
    void rename(final byte[] name, final int offset, final int length, final byte[] out, final int at)
    {
        final long h = hash(name, offset, length);
        for (int i = 0; i < NAME_LENGTH; i++)
        {
            out[at + i] = HEX[(int)(h >>> (60 - 4 * i)) & 0xF];
        }
    }

    private static byte[] latin1(final CharSequence s)
    {
        final byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++)
        {
            b[i] = (byte)s.charAt(i);
        }
        return b;
    }
}
