package io.callscore.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code benchmarks.jar}: runs JMH with the project's one list of JVM flags
 * ({@code config/jvm.args}, packaged as a resource) appended to every fork.
 */
public final class BenchmarkMain
{
    private BenchmarkMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final List<String> all = new ArrayList<>();
        final List<String> flags = jvmFlags();
        if (!flags.isEmpty())
        {
            all.add("-jvmArgsAppend");
            all.add(String.join(" ", flags));
        }
        all.addAll(List.of(args));
        org.openjdk.jmh.Main.main(all.toArray(new String[0]));
    }

    /** The flags of config/jvm.args, comments and blank lines dropped. */
    static List<String> jvmFlags() throws IOException
    {
        final List<String> flags = new ArrayList<>();
        try (InputStream in = BenchmarkMain.class.getResourceAsStream("jvm.args"))
        {
            if (in == null)
            {
                throw new IllegalStateException("jvm.args missing from benchmarks.jar: rebuild with mvn package");
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null)
            {
                final String flag = line.strip();
                if (!flag.isEmpty() && !flag.startsWith("#"))
                {
                    flags.add(flag);
                }
            }
        }
        return flags;
    }
}
