package io.callscore.engine.round;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a test main in a separate JVM: this JVM's java binary, the test classpath and config/jvm.args (as the
 * store module's kill test does). Kill it with {@code process.toHandle().destroyForcibly()}, a SIGKILL that leaves
 * this side's pipes open, so its last output can still be read.
 */
final class ChildJvm
{
    private ChildJvm()
    {
    }

    static Process start(final Path stderr, final Class<?> main, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(jvmFlags());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
    }

    /** The flags of config/jvm.args, found by walking up from the working directory (the module). */
    static List<String> jvmFlags()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("config/jvm.args")))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("config/jvm.args not found above " + Path.of("").toAbsolutePath());
        }
        try
        {
            return Files.readAllLines(dir.resolve("config/jvm.args")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
