package io.callscore.cli;

import io.callscore.compare.ComparisonResult;
import io.callscore.vcf.InputException;

import java.nio.file.Path;

/** Writes {@code compare -o OUTDIR} files. */
final class OutputFiles
{
    private OutputFiles()
    {
    }

    static void write(final ComparisonResult result, final Path truth, final Path calls, final Path outDir,
        final String commandLine)
    {
        throw new InputException(outDir, "-o is not available in this build yet");
    }
}
