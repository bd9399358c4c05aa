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

    /**
     * A response that passed every check and loaded ({@code rejected} null), or the zero score saying why not
     * ({@code calls} null). User jobs have no truth: they use these checks and compare against a consensus.
     *
     * @param calls       the loaded call set (inside the window only)
     * @param fingerprint its canonical fingerprint
     * @param rejected    the zero score when the response is unusable
     */
    public record CheckedCalls(VariantSet calls, String fingerprint, TaskScore rejected)
    {
        public boolean usable()
        {
            return rejected == null;
        }
    }

    public TaskScore score(final Truth truth, final String minerHotkey, final MinerResponse response)
    {
        final CheckedCalls checked = check(minerHotkey, response, truth.reference(), truth.window(),
            truth.confident());
        if (!checked.usable())
        {
            return checked.rejected();
        }
        final VariantSet calls = checked.calls();
        try
        {
            final ComparisonResult result = VcfComparator.compare(truth.variants(), calls, truth.reference(), options);
            final boolean empty = calls.variantCount() == 0;
            if (empty && truth.variants().variantCount() > 0)
            {
                // By the score's formula a class with no truth and no calls has F1 = 1, so an empty answer would
                // still earn 0.3 on a window without truth indels; answering nothing earns nothing.
                return new TaskScore(0.0, "no calls in the task's regions", result, checked.fingerprint(), true,
                    calls.outsideLoadRegions());
            }
            return new TaskScore(result.score(snpWeight), "", result, checked.fingerprint(), empty,
                calls.outsideLoadRegions());
        }
        catch (final RuntimeException | StackOverflowError e)
        {
            // A round never dies of one response: an unexpected failure is our bug, reported, and scores 0.
            return TaskScore.zero("internal error while scoring: " + e);
        }
    }

    /**
     * The checks every response goes through (status, hotkey header, SS58, caps, parse, contigs and REF) and the
     * load of its calls inside {@code window}, marked against {@code evalRegions} (may be null).
     */
    public CheckedCalls check(final String minerHotkey, final MinerResponse response, final ReferenceGenome reference,
        final RegionSet window, final RegionSet evalRegions)
    {
        if (!response.isOk())
        {
            return rejected(TaskScore.zero(response.status().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + response.reason()));
        }
        try
        {
            final String header = HotkeyHeader.read(response.vcf());
            if (header == null)
            {
                return rejected(TaskScore.zero("missing ##miner_hotkey header"));
            }
            final String problem = Ss58.problem(header);
            if (problem != null)
            {
                return rejected(TaskScore.zero("##miner_hotkey: " + problem));
            }
            if (!header.equals(minerHotkey))
            {
                return rejected(TaskScore.zero("##miner_hotkey " + header + " is not the responding miner's hotkey"));
            }
            final LoadOptions load = options.callLoad().withLoadRegions(window).withMaxInputBytes(maxTextBytes);
            final VariantSet calls = VariantLoader.load(response.vcf(), reference, evalRegions, load);
            return new CheckedCalls(calls, CallSetFingerprint.of(calls, reference), null);
        }
        catch (final InputException e)
        {
            return rejected(TaskScore.zero("bad VCF: " + e.problem() + (e.lineNumber() > 0 ? " (line "
                + e.lineNumber() + ")" : "")));
        }
        catch (final RuntimeException | StackOverflowError e)
        {
            // A round never dies of one response: an unexpected failure is our bug, reported, and scores 0.
            return rejected(TaskScore.zero("internal error while scoring: " + e));
        }
    }

    /** Comparison options and the SNP weight of the score, for scorers that compare against something else. */
    public CompareOptions options()
    {
        return options;
    }

    public double snpWeight()
    {
        return snpWeight;
    }

    private static CheckedCalls rejected(final TaskScore zero)
    {
        return new CheckedCalls(null, null, zero);
    }
}
