package io.callscore.engine.miner.pileup;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import io.callscore.engine.task.MinerTask;
import io.callscore.vcf.InputException;
import io.callscore.vcf.ReferenceGenome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The built-in reference miner: runs a miner task on an aligned BAM with the {@link PileupCaller} and writes the
 * genotyped VCF a miner returns. It needs nothing installed, so the subnet always has a baseline miner to test
 * against. The task's {@code data_locator} must name the reads and the reference:
 * {@code {"bam": "reads.bam", "reference": "ref.fa"}}, paths relative to the task file's folder; the BAM must be
 * coordinate-sorted and indexed. FASTQ tasks need an aligner and are refused.
 */
public final class PileupMiner
{
    /** The sample column of the written VCF. */
    public static final String SAMPLE = "SAMPLE";

    /**
     * What a run wrote.
     *
     * @param vcf     the bgzipped VCF
     * @param records records written
     * @param passing records with FILTER PASS
     */
    public record Result(Path vcf, int records, int passing)
    {
    }

    /** A region to call, 0-based half-open. */
    private record Span(String contig, int start, int end)
    {
    }

    private final PileupSettings settings;

    public PileupMiner(final PileupSettings settings)
    {
        this.settings = settings;
    }

    /** Reads the task file and runs it. */
    public Result run(final Path taskFile, final Path out, final String hotkey)
    {
        return run(MinerTask.read(taskFile), taskFile, out, hotkey);
    }

    /** Runs a task read from {@code taskFile} (its folder resolves relative paths; its name is used in errors). */
    public Result run(final MinerTask task, final Path taskFile, final Path out, final String hotkey)
    {
        checkHotkey(hotkey);
        final String source = taskFile.toString();
        if (task.inputType() == MinerTask.InputType.FASTQ)
        {
            throw new InputException(source, 0, "input_type FASTQ: the pileup miner needs aligned reads; use a "
                + "bwa-based miner");
        }
        if (task.dataLocator().files().isEmpty())
        {
            throw new InputException(source, 0, "data_locator \"" + task.dataLocator().location() + "\": the pileup "
                + "miner needs an object {\"bam\": \"reads.bam\", \"reference\": \"ref.fa\"}");
        }
        final Path base = taskFile.toAbsolutePath().getParent();
        final Path bam = task.dataLocator().file("bam", base, source);
        final ReferenceGenome reference = ReferenceGenome.open(task.dataLocator().file("reference", base, source));
        // Written beside the output and moved into place at the end: a failed run leaves no partial VCF.
        final Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try
        {
            final Result result = callInto(partial, task, bam, reference, hotkey, source);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(out, result.records(), result.passing());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        finally
        {
            deleteQuietly(partial);
        }
    }

    private Result callInto(final Path vcfFile, final MinerTask task, final Path bam, final ReferenceGenome reference,
        final String hotkey, final String source)
    {
        try (SamReader reads = open(bam))
        {
            final List<Span> spans = spans(task, reads, reference, source);
            try (CallVcfWriter vcf = new CallVcfWriter(vcfFile, reference, hotkey, SAMPLE,
                task.constraints().includeFilters()))
            {
                final PileupCaller caller = new PileupCaller(reads, settings);
                for (final Span s : spans)
                {
                    caller.call(s.contig(), reference.bases(s.contig()), s.start(), s.end(),
                        call -> vcf.write(s.contig(), call));
                }
                return new Result(vcfFile, vcf.records(), vcf.passing());
            }
        }
        catch (final SAMException | IOException e)
        {
            throw new InputException(bam, "cannot read BAM: " + e.getMessage());
        }
    }

    private static void deleteQuietly(final Path file)
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException e)
        {
            // A leftover partial file is harmless; the run's own outcome is what matters.
        }
    }

    /** A hotkey goes into a header line: it must be one printable token. */
    private static void checkHotkey(final String hotkey)
    {
        if (hotkey == null || hotkey.isEmpty() || !hotkey.chars().allMatch(c -> c > ' ' && c < 0x7f))
        {
            throw new InputException("hotkey", 0, "must be non-empty printable ASCII without spaces, not \""
                + hotkey + "\"");
        }
    }

    private static SamReader open(final Path bam)
    {
        if (!Files.isRegularFile(bam))
        {
            throw new InputException(bam, "file not found");
        }
        final SamReader reader = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
            .open(bam);
        if (!reader.hasIndex())
        {
            try
            {
                reader.close();
            }
            catch (final IOException e)
            {
                // Nothing was read; the missing index is the problem to report.
            }
            throw new InputException(bam, "no index found (reads.bam.bai or reads.bai): the BAM must be "
                + "coordinate-sorted and indexed (samtools index)");
        }
        return reader;
    }

    /**
     * The task's regions as 0-based spans, checked against the BAM and the reference, clipped to the contig,
     * in reference order and merged where they overlap, so every position is called once and output is sorted.
     */
    private static List<Span> spans(final MinerTask task, final SamReader reads, final ReferenceGenome reference,
        final String source)
    {
        final List<Span> spans = new ArrayList<>();
        for (final MinerTask.Region r : task.regions())
        {
            final int length = reference.length(r.contig());
            if (length < 0)
            {
                throw new InputException(source, 0, "region " + r + ": contig " + r.contig()
                    + " is not in the reference " + reference.file().getFileName());
            }
            final SAMSequenceRecord inBam = reads.getFileHeader().getSequence(r.contig());
            if (inBam == null)
            {
                throw new InputException(source, 0, "region " + r + ": contig " + r.contig()
                    + " is not in the BAM header");
            }
            if (inBam.getSequenceLength() != length)
            {
                throw new InputException(source, 0, "contig " + r.contig() + " is " + inBam.getSequenceLength()
                    + " bp in the BAM but " + length + " bp in the reference: are they the same build?");
            }
            if (r.start() > length)
            {
                throw new InputException(source, 0, "region " + r + " starts after the end of " + r.contig()
                    + " (" + length + " bp)");
            }
            spans.add(new Span(r.contig(), r.start() - 1, Math.min(r.end(), length)));
        }
        final List<String> order = reference.names();
        spans.sort(Comparator.comparingInt((final Span s) -> order.indexOf(s.contig())).thenComparingInt(Span::start));
        final List<Span> merged = new ArrayList<>();
        for (final Span s : spans)
        {
            final Span last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && last.contig().equals(s.contig()) && s.start() <= last.end())
            {
                merged.set(merged.size() - 1, new Span(last.contig(), last.start(), Math.max(last.end(), s.end())));
            }
            else
            {
                merged.add(s);
            }
        }
        return merged;
    }
}
