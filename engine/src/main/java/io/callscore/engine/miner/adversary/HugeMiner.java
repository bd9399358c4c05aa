package io.callscore.engine.miner.adversary;

import io.callscore.engine.transport.InProcessMiner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Tries to exhaust the validator's memory or disk.
 * <ul>
 *   <li>{@link Mode#STREAM}: a valid header, then the same record without end. The transport's byte cap must stop
 *       it while it writes.</li>
 *   <li>{@link Mode#GZIP_BOMB}: a small gzip file (concatenated members, as bgzip writes) that decompresses to
 *       {@code bombBytes} of header lines. It passes the transport's cap; the scorer's cap on decompressed bytes
 *       must stop it, reading as a stream and keeping nothing.</li>
 * </ul>
 * Either way the miner checks for interruption, so a deadline stops it too.
 */
public final class HugeMiner implements InProcessMiner
{
    /** How it attacks. */
    public enum Mode
    {
        STREAM,
        GZIP_BOMB
    }

    private static final int MEMBER_TEXT_BYTES = 8 << 20;

    private final String hotkey;
    private final Mode mode;
    private final long bombBytes;
    private byte[] member;

    public HugeMiner(final String hotkey, final Mode mode, final long bombBytes)
    {
        this.hotkey = hotkey;
        this.mode = mode;
        this.bombBytes = bombBytes;
    }

    @Override
    public void answer(final Path taskJson, final Path workDir, final OutputStream vcf) throws Exception
    {
        if (mode == Mode.STREAM)
        {
            stream(vcf);
        }
        else
        {
            bomb(vcf);
        }
    }

    private void stream(final OutputStream vcf) throws IOException
    {
        VcfLines.write(vcf, VcfLines.emptyVcf(hotkey));
        final byte[] record = "window\t1000\t.\tA\tC\t50\tPASS\t.\tGT\t0/1\n".getBytes(StandardCharsets.US_ASCII);
        final byte[] block = new byte[record.length * 1024];
        for (int i = 0; i < 1024; i++)
        {
            System.arraycopy(record, 0, block, i * record.length, record.length);
        }
        while (true)
        {
            if (Thread.currentThread().isInterrupted())
            {
                throw new InterruptedIOException("interrupted");
            }
            vcf.write(block);
        }
    }

    private void bomb(final OutputStream vcf) throws IOException
    {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(head))
        {
            VcfLines.write(gz, java.util.List.of("##fileformat=VCFv4.2", VcfLines.HOTKEY_KEY + hotkey));
        }
        vcf.write(head.toByteArray());
        final byte[] m = member();
        for (long written = 0; written < bombBytes; written += MEMBER_TEXT_BYTES)
        {
            if (Thread.currentThread().isInterrupted())
            {
                throw new InterruptedIOException("interrupted");
            }
            vcf.write(m);
        }
        final ByteArrayOutputStream tail = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(tail))
        {
            VcfLines.write(gz, java.util.List.of(VcfLines.COLUMNS));
        }
        vcf.write(tail.toByteArray());
    }

    /** One gzip member of {@value #MEMBER_TEXT_BYTES} bytes of header lines, compressed once (a few kB). */
    private synchronized byte[] member() throws IOException
    {
        if (member == null)
        {
            final byte[] line = new byte[4096];
            Arrays.fill(line, (byte)'A');
            line[0] = '#';
            line[1] = '#';
            line[line.length - 1] = '\n';
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16))
            {
                for (int i = 0; i < MEMBER_TEXT_BYTES / line.length; i++)
                {
                    gz.write(line);
                }
            }
            member = bytes.toByteArray();
        }
        return member;
    }
}
