package io.callscore.engine.round;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.VcfComparator;
import io.callscore.engine.anticheat.CallSetFingerprint;
import io.callscore.engine.anticheat.HotkeyHeader;
import io.callscore.engine.hotkey.Ss58;
import io.callscore.engine.transport.MinerResponse;
import io.callscore.vcf.InputException;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.RegionSet;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;

/**
 * Scores one miner's response against a task's hidden truth. Every way a response can be wrong (no answer,
 * missing or foreign hotkey header, unreadable or hostile VCF, another reference) gives score 0 with a one-line
 * reason; nothing here throws for a miner's misbehaviour.
 */
public final class TaskScorer
{
    /** Decompressed VCF text accepted from one miner for one task. */
    public static final long DEFAULT_MAX_VCF_TEXT_BYTES = 512L << 20;

    private final CompareOptions options;
    private final double snpWeight;
    private final long maxTextBytes;

    public TaskScorer(final CompareOptions options, final double snpWeight, final long maxTextBytes)
    {
        this.options = options;
        this.snpWeight = snpWeight;
        this.maxTextBytes = maxTextBytes;
    }

    /**
     * What one task's truth looks like to the scorer.
     *
     * @param variants  the truth, its OUTSIDE flags set against {@code confident}
     * @param confident the confident regions (evaluation regions: calls outside them are not FP)
     * @param window    the task's regions (calls outside are ignored and counted)
     * @param reference the reference the task was built on
     */
    public record Truth(VariantSet variants, RegionSet confident, RegionSet window, ReferenceGenome reference)
    {
    }

    public TaskScore score(final Truth truth, final String minerHotkey, final MinerResponse response)
    {
        if (!response.isOk())
        {
            return TaskScore.zero(response.status().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + response.reason());
        }
        try
        {
            final String header = HotkeyHeader.read(response.vcf());
            if (header == null)
            {
                return TaskScore.zero("missing ##miner_hotkey header");
            }
            final String problem = Ss58.problem(header);
            if (problem != null)
            {
                return TaskScore.zero("##miner_hotkey: " + problem);
            }
            if (!header.equals(minerHotkey))
            {
                return TaskScore.zero("##miner_hotkey " + header + " is not the responding miner's hotkey");
            }
            final LoadOptions load = options.callLoad().withLoadRegions(truth.window()).withMaxInputBytes(maxTextBytes);
            final VariantSet calls = VariantLoader.load(response.vcf(), truth.reference(), truth.confident(), load);
            final ComparisonResult result = VcfComparator.compare(truth.variants(), calls, truth.reference(), options);
            final String fingerprint = CallSetFingerprint.of(calls, truth.reference());
            return new TaskScore(result.score(snpWeight), "", result, fingerprint, calls.variantCount() == 0,
                calls.outsideLoadRegions());
        }
        catch (final InputException e)
        {
            return TaskScore.zero("bad VCF: " + e.problem() + (e.lineNumber() > 0 ? " (line " + e.lineNumber() + ")"
                : ""));
        }
        catch (final RuntimeException | StackOverflowError e)
        {
            // A round never dies of one response: an unexpected failure is our bug, reported, and scores 0.
            return TaskScore.zero("internal error while scoring: " + e);
        }
    }
}
