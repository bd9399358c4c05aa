package io.callscore.vcf;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference genome from FASTA. Plain FASTA with a {@code .fai} index is read lazily, one contig at a time;
 * without an index (or when gzip/bgzip compressed) the file is scanned once and the index is built in memory.
 * Bases are returned encoded with {@link Bases} codes; IUPAC ambiguity codes become {@code N}.
 */
public final class ReferenceGenome
{
    private static final byte[] FASTA_CODES = new byte[256];
    private static final io.callscore.vcf.simd.ByteKernels KERNELS = io.callscore.vcf.simd.VectorizationProvider.byteKernels();

    static
    {
        java.util.Arrays.fill(FASTA_CODES, Bases.INVALID);
        for (final char c : "ACGTNRYKMSWBDHVU".toCharArray())
        {
            final byte code = c == 'U' ? Bases.T : Bases.code((byte)c) == Bases.INVALID ? Bases.N : Bases.code((byte)c);
            FASTA_CODES[c] = code;
            FASTA_CODES[Character.toLowerCase(c)] = code;
        }
    }

    private record FaiEntry(String name, long length, long offset, int lineBases, int lineWidth)
    {
    }

    private final Path file;
    private final Map<String, FaiEntry> index;
    private final List<String> names;
    /** Loaded contigs; different contigs load concurrently (comparisons evaluate contigs in parallel). */
    private final Map<String, byte[]> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    private ReferenceGenome(final Path file, final Map<String, FaiEntry> index, final Map<String, byte[]> preloaded)
    {
        this.file = file;
        this.index = index;
        final List<String> order = new ArrayList<>(index != null ? index.keySet() : preloaded.keySet());
        this.names = Collections.unmodifiableList(order);
        this.loaded.putAll(preloaded);
    }

    /** Opens a FASTA file, using its {@code .fai} when present. */
    public static ReferenceGenome open(final Path fasta)
    {
        if (!Files.isRegularFile(fasta))
        {
            throw new InputException(fasta, "file not found");
        }
        final Path fai = fasta.resolveSibling(fasta.getFileName() + ".fai");
        if (!isGzip(fasta) && Files.isRegularFile(fai))
        {
            return new ReferenceGenome(fasta, readFai(fai), Map.of());
        }
        return new ReferenceGenome(fasta, null, scan(fasta));
    }

    /** A reference built in memory (tests, generated data). Bases are ASCII. */
    public static ReferenceGenome of(final Map<String, String> contigs)
    {
        final Map<String, byte[]> encoded = new LinkedHashMap<>();
        contigs.forEach((name, seq) ->
        {
            final byte[] ascii = seq.getBytes(StandardCharsets.US_ASCII);
            final byte[] codes = new byte[ascii.length];
            for (int i = 0; i < ascii.length; i++)
            {
                codes[i] = FASTA_CODES[ascii[i] & 0xFF];
                if (codes[i] == Bases.INVALID)
                {
                    throw new IllegalArgumentException("not a base in contig " + name + " at " + (i + 1));
                }
            }
            encoded.put(name, codes);
        });
        return new ReferenceGenome(Path.of("<memory>"), null, encoded);
    }

    public Path file()
    {
        return file;
    }

    /** Contig names in file order. */
    public List<String> names()
    {
        return names;
    }

    public boolean contains(final String contig)
    {
        return index != null ? index.containsKey(contig) : loaded.containsKey(contig);
    }

    /** Length of a contig, or -1 when absent. */
    public int length(final String contig)
    {
        if (index != null)
        {
            final FaiEntry e = index.get(contig);
            return e == null ? -1 : (int)e.length();
        }
        final byte[] b = loaded.get(contig);
        return b == null ? -1 : b.length;
    }

    /** Encoded bases of a contig (shared array: do not modify), or null when absent. */
    public byte[] bases(final String contig)
    {
        final byte[] b = loaded.get(contig);
        if (b != null || index == null)
        {
            return b;
        }
        final FaiEntry e = index.get(contig);
        if (e == null)
        {
            return null;
        }
        // One load per contig even when several threads ask at once; other contigs are not held up.
        return loaded.computeIfAbsent(contig, c -> readIndexed(e));
    }

    /**
     * Encoded bases of {@code [start, end)} of a contig, as a new array. An indexed FASTA is read for just that
     * stretch (unless the whole contig is loaded already), so a caller that needs a few windows of a large genome
     * never loads whole chromosomes.
     *
     * @throws IllegalArgumentException when the contig is absent or the range is not inside it
     */
    public byte[] bases(final String contig, final int start, final int end)
    {
        final int length = length(contig);
        if (length < 0 || start < 0 || end < start || end > length)
        {
            throw new IllegalArgumentException("no range " + contig + ":" + start + "-" + end + " in " + file
                + (length < 0 ? "" : " (contig length " + length + ")"));
        }
        final byte[] whole = loaded.get(contig);
        if (whole != null)
        {
            return java.util.Arrays.copyOfRange(whole, start, end);
        }
        final FaiEntry e = index.get(contig);
        final byte[] out = new byte[end - start];
        if (out.length == 0)
        {
            return out;
        }
        // Line k of the contig starts at offset + k * lineWidth; the stretch spans from start's line to end's.
        final long first = e.offset() + (long)(start / e.lineBases()) * e.lineWidth() + start % e.lineBases();
        final int last = end - 1;
        final long past = e.offset() + (long)(last / e.lineBases()) * e.lineWidth() + last % e.lineBases() + 1;
        final byte[] raw = readRaw(contig, first, (int)(past - first));
        final int o = compactLines(raw);
        if (o != out.length)
        {
            throw new InputException(file, "contig " + contig + ": line lengths differ from its .fai entry");
        }
        encode(raw, o, out, contig);
        return out;
    }

    private byte[] readIndexed(final FaiEntry e)
    {
        if (e.length() > Integer.MAX_VALUE - 16)
        {
            throw new InputException(file, "contig " + e.name() + " is too long (" + e.length() + " bp)");
        }
        final int length = (int)e.length();
        final byte[] out = new byte[length];
        final long lines = e.lineBases() == 0 ? 0 : (length + e.lineBases() - 1) / e.lineBases();
        final long span = lines == 0 ? 0 : (lines - 1) * e.lineWidth() + (length - (lines - 1) * e.lineBases());
        final byte[] raw = readRaw(e.name(), e.offset(), (int)span);
        int o = compactLines(raw);
        o = Math.min(o, length);
        encode(raw, o, out, e.name());
        if (o != length)
        {
            throw new InputException(file, "contig " + e.name() + " is shorter than its .fai entry says");
        }
        return out;
    }

    /** {@code bytes} bytes of the FASTA file from {@code from}, line ends included. */
    private byte[] readRaw(final String contig, final long from, final int bytes)
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r"))
        {
            final byte[] raw = new byte[bytes];
            raf.seek(from);
            raf.readFully(raw);
            return raw;
        }
        catch (final IOException ex)
        {
            throw new InputException(file, "cannot read contig " + contig + " (" + InputFiles.describe(ex)
                + "; is the .fai index stale?)");
        }
    }

    /** Moves the bases of every line to the front of {@code raw} (dropping line ends); returns how many. */
    private static int compactLines(final byte[] raw)
    {
        int o = 0;
        int i = 0;
        while (i < raw.length)
        {
            final int newline = KERNELS.indexOf(raw, i, raw.length, (byte)'\n');
            int end = newline < 0 ? raw.length : newline;
            final int next = end + 1;
            if (end > i && raw[end - 1] == '\r')
            {
                end--;
            }
            System.arraycopy(raw, i, raw, o, end - i);
            o += end - i;
            i = next;
        }
        return o;
    }

    /**
     * Encodes {@code length} ASCII bases into {@code out} with the SIMD kernel, then maps what it left INVALID:
     * IUPAC ambiguity codes become N, anything else is an error.
     */
    private void encode(final byte[] ascii, final int length, final byte[] out, final String contig)
    {
        int bad = KERNELS.encodeBases(ascii, 0, length, out, 0);
        while (bad >= 0)
        {
            final byte code = FASTA_CODES[ascii[bad] & 0xFF];
            if (code == Bases.INVALID)
            {
                throw new InputException(file, "contig " + contig + ": character '" + (char)ascii[bad]
                    + "' is not a base (or the .fai index does not match the FASTA)");
            }
            out[bad] = code;
            bad = KERNELS.indexOf(out, bad + 1, length, Bases.INVALID);
        }
    }

    private static boolean isGzip(final Path file)
    {
        try (var in = Files.newInputStream(file))
        {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
        catch (final IOException e)
        {
            throw new InputException(file, "cannot read: " + InputFiles.describe(e));
        }
    }

    private static Map<String, FaiEntry> readFai(final Path fai)
    {
        final Map<String, FaiEntry> entries = new LinkedHashMap<>();
        try (LineReader r = new LineReader(fai))
        {
            while (r.next())
            {
                final String line = r.lineString();
                if (line.isBlank())
                {
                    continue;
                }
                final String[] f = line.split("\t");
                if (f.length < 5)
                {
                    throw r.error("expected 5 tab-separated columns in a .fai line, found " + f.length);
                }
                try
                {
                    entries.put(f[0], new FaiEntry(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4])));
                }
                catch (final NumberFormatException e)
                {
                    throw r.error("not a number in .fai line: " + e.getMessage());
                }
            }
        }
        return entries;
    }

    private static Map<String, byte[]> scan(final Path fasta)
    {
        final Map<String, byte[]> contigs = new LinkedHashMap<>();
        String name = null;
        byte[] seq = new byte[1 << 16];
        int length = 0;
        try (LineReader r = new LineReader(fasta))
        {
            while (r.next())
            {
                final byte[] b = r.bytes();
                final int n = r.length();
                if (n > 0 && b[0] == '>')
                {
                    if (name != null)
                    {
                        contigs.put(name, java.util.Arrays.copyOf(seq, length));
                    }
                    final String header = new String(b, 1, n - 1, StandardCharsets.ISO_8859_1).strip();
                    final int space = indexOfWhitespace(header);
                    name = space < 0 ? header : header.substring(0, space);
                    if (name.isEmpty())
                    {
                        throw r.error("FASTA header without a sequence name");
                    }
                    if (contigs.containsKey(name))
                    {
                        throw r.error("duplicate FASTA sequence name " + name);
                    }
                    length = 0;
                    continue;
                }
                if (name == null)
                {
                    if (n == 0)
                    {
                        continue;
                    }
                    throw r.error("FASTA must start with a '>' header line");
                }
                if (length + n > seq.length)
                {
                    seq = java.util.Arrays.copyOf(seq, Math.max(length + n, seq.length * 2));
                }
                for (int i = 0; i < n; i++)
                {
                    final byte c = b[i];
                    final byte code = FASTA_CODES[c & 0xFF];
                    if (code == Bases.INVALID)
                    {
                        if (c == ' ' || c == '\t')
                        {
                            continue;
                        }
                        throw r.error("character '" + (char)c + "' is not a base");
                    }
                    seq[length++] = code;
                }
            }
        }
        if (name != null)
        {
            contigs.put(name, java.util.Arrays.copyOf(seq, length));
        }
        if (contigs.isEmpty())
        {
            throw new InputException(fasta, "no sequences in FASTA file");
        }
        return contigs;
    }

    private static int indexOfWhitespace(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            if (Character.isWhitespace(s.charAt(i)))
            {
                return i;
            }
        }
        return -1;
    }
}
