package io.callscore.vcf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain JUnit twin of {@link VariantLoaderFuzzTest} that runs in every build: the fuzz seeds, mutated with a fixed
 * random seed (byte changes, VCF tokens, deleted, copied and swapped spans, truncation), must load or fail with a
 * one-line {@link InputException} ({@link ArbitraryVcfBytes}). Deterministic, so a failure reproduces; change
 * {@link #SEED} or {@link #ROUNDS} locally to explore further.
 */
class VariantLoaderRandomBytesTest
{
    private static final long SEED = 20_251_126L;
    private static final int ROUNDS = 1000;
    private static final byte[][] TOKENS = tokens("\t", "\n", "\r\n", ".", ",", ":", "/", "|", "0", "1", "2", "9",
        "-1", "2147483648", "chr1", "chr2", "chrX", "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n",
        "\tS2", "PASS", "FAIL", "GT", "GT:FT", "FT", "0/1", "1|2", "./.", "1/.", "<DEL>", "*", "A", "C", "N", "ACGT",
        "AN", "X", "END=5", "\tGT\t1/1\n", "chr1\t3\t.\tG\tT\t.\tPASS\t.\tGT\t0/1\n", "\u001f\u008b");

    @TempDir
    Path dir;

    @Test
    void shouldLoadOrThrowInputExceptionWhenGivenMutatedVcfBytes() throws IOException, URISyntaxException
    {
        final List<byte[]> seeds = seeds();
        final Random random = new Random(SEED);
        int loaded = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++)
        {
            final byte[] input = random.nextInt(20) == 0 ? randomBytes(random)
                : mutate(seeds.get(random.nextInt(seeds.size())), random);
            final int ok = check(input, round);
            loaded += ok;
            rejected += 3 - ok;
        }
        // Both outcomes must be exercised, or the mutations are too timid or too destructive to test anything.
        assertTrue(loaded > ROUNDS / 10 && rejected > ROUNDS / 10, "loaded " + loaded + ", rejected " + rejected);
    }

    private int check(final byte[] input, final int round) throws IOException
    {
        try
        {
            return ArbitraryVcfBytes.check(input, dir);
        }
        catch (final AssertionError | RuntimeException e)
        {
            throw new AssertionError("round " + round + ", input (ISO-8859-1): "
                + new String(input, StandardCharsets.ISO_8859_1).replace("\t", "\\t").replace("\n", "\\n"), e);
        }
    }

    private static byte[] mutate(final byte[] seed, final Random random)
    {
        byte[] b = seed;
        final int steps = 1 + random.nextInt(4);
        for (int i = 0; i < steps; i++)
        {
            b = mutateOnce(b, random);
        }
        return b;
    }

    private static byte[] mutateOnce(final byte[] b, final Random random)
    {
        final int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
        final int span = b.length - at == 0 ? 0 : 1 + random.nextInt(Math.min(16, b.length - at));
        final ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
        switch (random.nextInt(6))
        {
            case 0 -> // change one byte
            {
                out.writeBytes(b);
                final byte[] c = out.toByteArray();
                if (c.length > 0)
                {
                    c[Math.min(at, c.length - 1)] = (byte)random.nextInt(256);
                }
                return c;
            }
            case 1 -> // insert a token
            {
                out.write(b, 0, at);
                out.writeBytes(TOKENS[random.nextInt(TOKENS.length)]);
                out.write(b, at, b.length - at);
            }
            case 2 -> // replace a span with a token
            {
                out.write(b, 0, at);
                out.writeBytes(TOKENS[random.nextInt(TOKENS.length)]);
                out.write(b, at + span, b.length - at - span);
            }
            case 3 -> // delete a span
            {
                out.write(b, 0, at);
                out.write(b, at + span, b.length - at - span);
            }
            case 4 -> // copy a span elsewhere (duplicates lines, fields)
            {
                final int to = random.nextInt(b.length + 1);
                out.write(b, 0, to);
                out.write(b, at, span);
                out.write(b, to, b.length - to);
            }
            default -> // truncate
                out.write(b, 0, at);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(final Random random)
    {
        final byte[] b = new byte[random.nextInt(300)];
        random.nextBytes(b);
        return b;
    }

    private static List<byte[]> seeds() throws IOException, URISyntaxException
    {
        final Path folder = Path.of(VariantLoaderRandomBytesTest.class.getResource(
            "VariantLoaderFuzzTestInputs/shouldLoadOrThrowInputExceptionWhenGivenArbitraryBytes").toURI());
        final List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder))
        {
            for (final Path f : files.sorted().toList())
            {
                out.add(Files.readAllBytes(f));
            }
        }
        assertTrue(out.size() >= 5, "seed corpus present");
        return out;
    }

    private static byte[][] tokens(final String... text)
    {
        final byte[][] out = new byte[text.length][];
        for (int i = 0; i < text.length; i++)
        {
            out[i] = text[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return out;
    }
}
