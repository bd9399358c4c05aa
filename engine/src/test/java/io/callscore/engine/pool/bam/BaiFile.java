package io.callscore.engine.pool.bam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A parsed BAI, so that indexes written by different tools can be compared entry by entry and in one canonical byte
 * layout (bins in ascending number, the metadata pseudo-bin last), whatever order each tool wrote its bins in.
 */
final class BaiFile
{
    /** One reference's bins (number to flattened start/end pairs) and linear index. */
    record Reference(TreeMap<Integer, long[]> bins, long[] linear)
    {
        long[] meta()
        {
            return bins.get(BaiIndexBuilder.META_BIN);
        }
    }

    final List<Reference> references;
    final long noCoordinate;

    private BaiFile(final List<Reference> references, final long noCoordinate)
    {
        this.references = references;
        this.noCoordinate = noCoordinate;
    }

    static BaiFile read(final Path bai) throws IOException
    {
        final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(bai)).order(ByteOrder.LITTLE_ENDIAN);
        final byte[] magic = new byte[4];
        b.get(magic);
        if (!Arrays.equals(magic, new byte[]{'B', 'A', 'I', 1}))
        {
            throw new IOException(bai + ": not a BAI");
        }
        final int nRef = b.getInt();
        final List<Reference> refs = new ArrayList<>();
        for (int r = 0; r < nRef; r++)
        {
            final int nBin = b.getInt();
            final TreeMap<Integer, long[]> bins = new TreeMap<>();
            for (int i = 0; i < nBin; i++)
            {
                final int bin = b.getInt();
                final long[] chunks = new long[2 * b.getInt()];
                for (int c = 0; c < chunks.length; c++)
                {
                    chunks[c] = b.getLong();
                }
                if (bins.put(bin, chunks) != null)
                {
                    throw new IOException(bai + ": bin " + bin + " twice on reference " + r);
                }
            }
            final long[] linear = new long[b.getInt()];
            for (int i = 0; i < linear.length; i++)
            {
                linear[i] = b.getLong();
            }
            refs.add(new Reference(bins, linear));
        }
        final long noCoordinate = b.remaining() >= 8 ? b.getLong() : -1;
        if (b.hasRemaining())
        {
            throw new IOException(bai + ": " + b.remaining() + " trailing bytes");
        }
        return new BaiFile(refs, noCoordinate);
    }

    /** The bytes of this index with its bins in ascending number and the metadata pseudo-bin last. */
    byte[] canonicalBytes()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{'B', 'A', 'I', 1});
        putInt(out, references.size());
        for (final Reference ref : references)
        {
            putInt(out, ref.bins().size());
            ref.bins().forEach((bin, chunks) ->
            {
                if (bin != BaiIndexBuilder.META_BIN)
                {
                    putBin(out, bin, chunks);
                }
            });
            if (ref.meta() != null)
            {
                putBin(out, BaiIndexBuilder.META_BIN, ref.meta());
            }
            putInt(out, ref.linear().length);
            for (final long offset : ref.linear())
            {
                putLong(out, offset);
            }
        }
        if (noCoordinate >= 0)
        {
            putLong(out, noCoordinate);
        }
        return out.toByteArray();
    }

    /** A readable listing, so that a failed comparison shows where two indexes part. */
    String describe()
    {
        final StringBuilder sb = new StringBuilder();
        for (int r = 0; r < references.size(); r++)
        {
            final Reference ref = references.get(r);
            sb.append("ref ").append(r).append('\n');
            ref.bins().forEach((bin, chunks) ->
            {
                sb.append("  bin ").append(bin).append(':');
                for (int c = 0; c < chunks.length; c += 2)
                {
                    sb.append(" [").append(Long.toHexString(chunks[c])).append(',')
                        .append(Long.toHexString(chunks[c + 1])).append(')');
                }
                sb.append('\n');
            });
            sb.append("  linear:");
            for (final long offset : ref.linear())
            {
                sb.append(' ').append(Long.toHexString(offset));
            }
            sb.append('\n');
        }
        return sb.append("no coordinate ").append(noCoordinate).append('\n').toString();
    }

    private static void putBin(final ByteArrayOutputStream out, final int bin, final long[] chunks)
    {
        putInt(out, bin);
        putInt(out, chunks.length / 2);
        for (final long offset : chunks)
        {
            putLong(out, offset);
        }
    }

    private static void putInt(final ByteArrayOutputStream out, final int v)
    {
        for (int i = 0; i < 4; i++)
        {
            out.write(v >>> (8 * i));
        }
    }

    private static void putLong(final ByteArrayOutputStream out, final long v)
    {
        for (int i = 0; i < 8; i++)
        {
            out.write((int)(v >>> (8 * i)));
        }
    }
}
