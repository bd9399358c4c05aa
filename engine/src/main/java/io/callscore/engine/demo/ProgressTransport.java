package io.callscore.engine.demo;

import io.callscore.engine.transport.MinerResponse;
import io.callscore.engine.transport.MinerTransport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** Prints one line when a miner has answered (or failed to): the demo's view of a round as it happens. */
final class ProgressTransport implements MinerTransport
{
    private final MinerTransport inner;
    private final int uid;
    private final String name;
    private final PrintStream out;

    ProgressTransport(final MinerTransport inner, final int uid, final String name, final PrintStream out)
    {
        this.inner = inner;
        this.uid = uid;
        this.name = name;
        this.out = out;
    }

    @Override
    public MinerResponse fetch(final Path taskJson, final String taskJsonText, final Path outVcf)
    {
        final MinerResponse r = inner.fetch(taskJson, taskJsonText, outVcf);
        final String what = r.isOk() ? String.format(Locale.ROOT, "answered, %,d bytes", r.bytes())
            : r.status().name().toLowerCase(Locale.ROOT) + ": " + truncate(r.reason(), 90);
        out.printf(Locale.ROOT, "[demo]   %s uid %2d %-12s %6.1f s  %s%n", round(outVcf), uid, name,
            r.elapsedMs() / 1000.0, what);
        out.flush();
        return r;
    }

    /** The round, from the work folder the validator names {@code work/round-N/uid-U/}. */
    private static String round(final Path outVcf)
    {
        final Path roundDir = outVcf.toAbsolutePath().getParent().getParent();
        return roundDir == null ? "" : roundDir.getFileName().toString().replace('-', ' ');
    }

    private static String truncate(final String s, final int n)
    {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }

    @Override
    public String describe()
    {
        return inner.describe();
    }
}
