package io.callscore.cli;

import io.callscore.compare.ComparisonResult;
import io.callscore.compare.report.ComparisonReport;
import io.callscore.vcf.InputException;

import java.io.IOException;
import java.nio.file.Path;

/** Writes {@code compare -o OUTDIR} files; a folder that cannot be written is the user's input problem. */
final class OutputFiles
{
    private OutputFiles()
    {
    }

    static void write(final ComparisonResult result, final Path truth, final Path calls, final Path outDir,
        final String commandLine)
    {
        try
        {
            ComparisonReport.writeAll(result, truth, calls, outDir, commandLine);
        }
        catch (final IOException e)
        {
            throw new InputException(outDir, "cannot write output files: " + e.getMessage());
        }
    }
}
