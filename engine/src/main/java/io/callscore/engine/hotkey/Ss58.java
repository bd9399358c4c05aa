package io.callscore.engine.hotkey;

import org.bouncycastle.crypto.digests.Blake2bDigest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SS58 addresses as Bittensor hotkeys use them: {@code base58(prefix || pubkey32 || checksum2)} with prefix 42 and
 * checksum = the first two bytes of {@code blake2b-512("SS58PRE" || prefix || pubkey)}. A valid hotkey is 48 base58
 * characters starting with '5'.
 */
public final class Ss58
{
    /** The generic Substrate prefix that Bittensor uses. */
    public static final int BITTENSOR_PREFIX = 42;

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEX = new int[128];
    private static final byte[] CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

    static
    {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length(); i++)
        {
            INDEX[ALPHABET.charAt(i)] = i;
        }
    }

    private Ss58()
    {
    }

    /** Null when {@code address} is a valid prefix-42 SS58 address of a 32-byte key, else why it is not. */
    public static String problem(final String address)
    {
        if (address == null || address.isEmpty())
        {
            return "empty hotkey";
        }
        if (address.length() > 64)
        {
            return "hotkey is too long to be an SS58 address";
        }
        final byte[] raw = decodeBase58(address);
        if (raw == null)
        {
            return "hotkey is not base58";
        }
        if (raw.length != 35)
        {
            return "hotkey decodes to " + raw.length + " bytes, expected 35 (prefix, 32-byte key, checksum)";
        }
        if ((raw[0] & 0xFF) != BITTENSOR_PREFIX)
        {
            return "hotkey has SS58 prefix " + (raw[0] & 0xFF) + ", expected " + BITTENSOR_PREFIX;
        }
        final byte[] hash = checksum(raw, 33);
        if (hash[0] != raw[33] || hash[1] != raw[34])
        {
            return "hotkey checksum does not match";
        }
        return null;
    }

    public static boolean isValid(final String address)
    {
        return problem(address) == null;
    }

    /** Encodes a 32-byte public key as a prefix-42 address. */
    public static String encode(final byte[] publicKey)
    {
        if (publicKey.length != 32)
        {
            throw new IllegalArgumentException("public key must be 32 bytes");
        }
        final byte[] raw = new byte[35];
        raw[0] = (byte)BITTENSOR_PREFIX;
        System.arraycopy(publicKey, 0, raw, 1, 32);
        final byte[] hash = checksum(raw, 33);
        raw[33] = hash[0];
        raw[34] = hash[1];
        return encodeBase58(raw);
    }

    private static byte[] checksum(final byte[] raw, final int length)
    {
        final Blake2bDigest digest = new Blake2bDigest(512);
        digest.update(CONTEXT, 0, CONTEXT.length);
        digest.update(raw, 0, length);
        final byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] decodeBase58(final String s)
    {
        // Big-number base conversion over a byte array; inputs are short (<= 64 chars).
        final byte[] bytes = new byte[s.length()];
        int length = 0;
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            final int digit = c < 128 ? INDEX[c] : -1;
            if (digit < 0)
            {
                return null;
            }
            int carry = digit;
            for (int j = 0; j < length; j++)
            {
                carry += (bytes[j] & 0xFF) * 58;
                bytes[j] = (byte)carry;
                carry >>>= 8;
            }
            while (carry > 0)
            {
                bytes[length++] = (byte)carry;
                carry >>>= 8;
            }
        }
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == '1')
        {
            zeros++;
        }
        final byte[] out = new byte[zeros + length];
        for (int i = 0; i < length; i++)
        {
            out[zeros + i] = bytes[length - 1 - i];
        }
        return out;
    }

    static String encodeBase58(final byte[] input)
    {
        final byte[] digits = new byte[input.length * 2];
        int length = 0;
        for (final byte b : input)
        {
            int carry = b & 0xFF;
            for (int j = 0; j < length; j++)
            {
                carry += (digits[j] & 0xFF) << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < input.length && input[i] == 0; i++)
        {
            sb.append('1');
        }
        for (int i = length - 1; i >= 0; i--)
        {
            sb.append(ALPHABET.charAt(digits[i]));
        }
        return sb.toString();
    }
}
