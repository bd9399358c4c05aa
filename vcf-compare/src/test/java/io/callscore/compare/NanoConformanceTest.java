package io.callscore.compare;

import io.callscore.vcf.ContigVariants;
import io.callscore.vcf.InputException;
import io.callscore.vcf.LoadOptions;
import io.callscore.vcf.ReferenceGenome;
import io.callscore.vcf.VariantLoader;
import io.callscore.vcf.VariantSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RTG vcfeval's own end-to-end ("nano") cases, run through our comparator: the totals must equal vcfeval's
 * {@code None} summary row, too-complex regions must be reported with vcfeval's coordinates and their variants
 * left out of every count, and where vcfeval's annotate-mode outputs exist every record must get the same status.
 * Inputs and expectations come from rtg-tools (resources/conformance/vcfeval-nano/SOURCE.md lists the cases left
 * out and why).
 */
class NanoConformanceTest
{
    /**
     * One vcfeval run: its options in our terms and its {@code None} row.
     *
     * @param name       directory under conformance/vcfeval-nano
     * @param options    our equivalent of the case's vcfeval arguments
     * @param tooComplex regions vcfeval reported as too complex ("contig:from-to", as in its warning)
     */
    record NanoCase(String name, CompareOptions options, long tpBase, long tpCall, long fp, long fn,
        List<String> tooComplex)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private static final CompareOptions DEFAULTS = CompareOptions.defaults();

    static Stream<NanoCase> cases()
    {
        return Stream.of(
            // --sample sample1 --vcf-score-field QUAL --roc-subset snp
            // calls.vcf line 10 (chr2:150 REF TA, template AA) has GT 0/0/1/2: skipped for its ploidy before its
            // REF is checked, as vcfeval skips it
            nano("small", DEFAULTS.withSamples("sample1", "sample1"), 4, 4, 1, 0),
            // ... --squash-ploidy
            nano("small_squash", DEFAULTS.withSamples("sample1", "sample1").withSquashPloidy(true), 4, 4, 1, 0),
            // --vcf-score-field QUAL -T 1 --ref-overlap
            nano("tricky", DEFAULTS.withRefOverlap(true), 5, 3, 0, 0),
            // --vcf-score-field QUAL -T 1 --sample dummy,sample1 --squash-ploidy --ref-overlap
            nano("tricky3", DEFAULTS.withSamples("dummy", "sample1").withSquashPloidy(true).withRefOverlap(true),
                4, 4, 0, 0),
            // --vcf-score-field QUAL -T 1
            nano("tricky4", DEFAULTS, 3, 1, 0, 0),
            // --sample sample2,sample1 --vcf-score-field QUAL
            nano("small_samples", DEFAULTS.withSamples("sample2", "sample1"), 2, 2, 2, 4),
            // --sample sample1,sample1 --vcf-score-field QUAL --region chr2:150-1000 (records outside do not exist)
            nano("small_region", DEFAULTS.withSamples("sample1", "sample1").withLoadRegions(
                io.callscore.vcf.RegionSet.fromIntervals(java.util.Map.of("chr2", List.of(new int[] {149, 1000})))),
                1, 1, 0, 0),
            // (no arguments); vcfeval's warning: "Evaluation too complex (...) at reference region 11:3795-3833"
            new NanoCase("too_complex", DEFAULTS, 2, 2, 2, 1, List.of("11:3795-3833")),
            new NanoCase("too_complex_end", DEFAULTS, 1, 1, 1, 1, List.of("11:3795-3836")),
            // --output-mode=combine --sample=BASELINE,CALLS --all-records --ref-overlap --Xtwo-pass=false
            // --XXcom.rtg.vcf.eval.flag-alternates=true (the last two change annotations only, not counts)
            nano("all_matches", DEFAULTS.withSamples("BASELINE", "CALLS").withAllRecords(true).withRefOverlap(true),
                16, 15, 4, 5),
            // --vcf-score-field QUAL --output-mode annotate --squash-ploidy
            nano("updel", DEFAULTS.withSquashPloidy(true), 1, 1, 0, 1),
            // ... --ref-overlap
            nano("updel2", DEFAULTS.withRefOverlap(true), 2, 1, 0, 0),
            // --vcf-score-field QUAL --output-mode annotate
            nano("updel3", DEFAULTS, 2, 1, 0, 0),
            nano("updel4", DEFAULTS, 2, 3, 0, 0),
            nano("updel5", DEFAULTS, 2, 2, 0, 0),
            // --no-roc --output-mode=combine --sample=BASE,QUERY --ref-overlap
            nano("avoid_overlap", DEFAULTS.withSamples("BASE", "QUERY").withRefOverlap(true), 3, 3, 0, 0),
            // --ref-overlap --output-mode annotate
            nano("annotate", DEFAULTS.withRefOverlap(true), 13, 11, 0, 0),
            // --ref-overlap --output-mode combine
            nano("combine", DEFAULTS.withRefOverlap(true), 13, 11, 0, 0),
            // --sample sample1,sample2 --ref-overlap --output-mode combine --squash-ploidy
            nano("combine2", DEFAULTS.withSamples("sample1", "sample2").withRefOverlap(true).withSquashPloidy(true),
                3, 2, 0, 1),
            // --output-mode roc-only --sample sample1 --vcf-score-field QUAL
            nano("roc_only", DEFAULTS.withSamples("sample1", "sample1"), 4, 4, 0, 0),
            // --ref-overlap --output-mode split --sample sample1,sample1 --vcf-score-field QUAL
            nano("split", DEFAULTS.withSamples("sample1", "sample1").withRefOverlap(true), 4, 4, 0, 0));
    }

    /** The cases for which vcfeval wrote annotate-mode outputs (expected_baseline.vcf, expected_calls.vcf). */
    static Stream<NanoCase> annotatedCases()
    {
        return cases().filter(c -> Files.exists(dir(c.name()).resolve("expected_baseline.vcf")));
    }

    private static NanoCase nano(final String name, final CompareOptions options, final long tpBase,
        final long tpCall, final long fp, final long fn)
    {
        return new NanoCase(name, options, tpBase, tpCall, fp, fn, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldCountAsVcfevalNoneRowWhenRunOnNanoCase(final NanoCase c)
    {
        final ComparisonResult r = run(c);
        final Counts.ClassCounts t = r.counts().total();
        assertEquals(List.of(c.tpBase(), c.tpCall(), c.fp(), c.fn()), List.of(t.tpBase(), t.tpCall(), t.fp(), t.fn()),
            c.name() + ": TP-base, TP-call, FP, FN");
        assertEquals(c.tooComplex(), r.tooComplexRegions(), c.name() + ": too-complex regions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldLeaveTooComplexVariantsOutOfCountsWhenRegionIsTooComplex(final NanoCase c)
    {
        final ComparisonResult r = run(c);
        long baselineDropped = 0;
        long callsDropped = 0;
        long baselineLoaded = 0;
        long callsLoaded = 0;
        for (final ContigOutcome o : r.contigs())
        {
            baselineLoaded += o.baseline() == null ? 0 : o.baseline().size();
            callsLoaded += o.calls() == null ? 0 : o.calls().size();
            baselineDropped += countTooComplex(o.baselineStatus(), o.baseline(), o.contig(), c.tooComplex());
            callsDropped += countTooComplex(o.callStatus(), o.calls(), o.contig(), c.tooComplex());
        }
        final Counts.ClassCounts t = r.counts().total();
        // No eval regions here, so every loaded variant is counted unless it was dropped.
        long callsWeightZero = 0;
        for (final ContigOutcome o : r.contigs())
        {
            for (int v = 0; o.calls() != null && v < o.calls().size(); v++)
            {
                if (o.callStatus()[v] == VariantStatus.TP && !o.callCountsAsTp(v))
                {
                    callsWeightZero++;
                }
            }
        }
        assertEquals(baselineLoaded, t.tpBase() + t.fn() + baselineDropped, c.name() + ": baseline accounted for");
        assertEquals(callsLoaded, t.tpCall() + t.fp() + callsDropped + callsWeightZero, c.name()
            + ": calls accounted for");
        if (c.tooComplex().isEmpty())
        {
            assertEquals(0, baselineDropped + callsDropped, c.name() + ": no variant dropped");
        }
        else
        {
            assertTrue(baselineDropped > 0 && callsDropped > 0, c.name() + ": variants dropped on both sides");
        }
    }

    /** Number of variants dropped as too complex; each must lie in one of the reported regions. */
    private static long countTooComplex(final byte[] status, final ContigVariants variants, final String contig,
        final List<String> regions)
    {
        long n = 0;
        for (int v = 0; v < status.length; v++)
        {
            if (status[v] != VariantStatus.TOO_COMPLEX)
            {
                continue;
            }
            n++;
            final int from1 = variants.start(v) + 1;
            final boolean inside = regions.stream().anyMatch(region ->
            {
                final int colon = region.lastIndexOf(':');
                final int dash = region.lastIndexOf('-');
                return region.substring(0, colon).equals(contig)
                    && from1 >= Integer.parseInt(region.substring(colon + 1, dash))
                    && from1 <= Integer.parseInt(region.substring(dash + 1));
            });
            assertTrue(inside, "too-complex variant at " + contig + ":" + from1 + " outside " + regions);
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("annotatedCases")
    void shouldGiveEveryRecordVcfevalAnnotateStatusWhenAnnotateOutputExists(final NanoCase c) throws IOException
    {
        final ComparisonResult r = run(c);
        final Map<Integer, int[]> baselineByOrdinal = new HashMap<>();
        final Map<Integer, int[]> callsByOrdinal = new HashMap<>();
        for (int i = 0; i < r.contigs().size(); i++)
        {
            final ContigOutcome o = r.contigs().get(i);
            index(o.baseline(), i, baselineByOrdinal);
            index(o.calls(), i, callsByOrdinal);
        }
        final List<String> mismatches = new ArrayList<>();
        compareStatuses(c, "baseline.vcf", "expected_baseline.vcf", "BASE", r, baselineByOrdinal, mismatches);
        compareStatuses(c, "calls.vcf", "expected_calls.vcf", "CALL", r, callsByOrdinal, mismatches);
        assertTrue(mismatches.isEmpty(), c.name() + ": records whose status differs from vcfeval's:\n"
            + String.join("\n", mismatches));
    }

    private static void index(final ContigVariants variants, final int contigIndex, final Map<Integer, int[]> out)
    {
        for (int v = 0; variants != null && v < variants.size(); v++)
        {
            out.put(variants.recordOrdinal(v), new int[] {contigIndex, v});
        }
    }

    /**
     * Pairs each record of vcfeval's annotated output with the input record of the same CHROM, POS, REF and ALT
     * (vcfeval writes records in its sorted order, not always the file's) and compares the status and call weight.
     */
    private static void compareStatuses(final NanoCase c, final String input, final String expected,
        final String key, final ComparisonResult r, final Map<Integer, int[]> byOrdinal, final List<String> mismatches)
        throws IOException
    {
        final Map<String, ArrayDeque<Integer>> ordinals = new HashMap<>();
        int ordinal = 0;
        for (final String line : Files.readAllLines(dir(c.name()).resolve(input)))
        {
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            ordinals.computeIfAbsent(recordKey(line), k -> new ArrayDeque<>()).add(ordinal++);
        }
        int checked = 0;
        for (final String line : Files.readAllLines(dir(c.name()).resolve(expected)))
        {
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final ArrayDeque<Integer> queue = ordinals.get(recordKey(line));
            assertNotNull(queue, c.name() + ": no input record for output record " + line);
            final int[] where = byOrdinal.get(queue.poll());
            final String info = line.split("\t")[7];
            final String want = normalise(infoValue(info, key));
            final String wantWeight = infoValue(info, "CALL_WEIGHT");
            final String got;
            String gotWeight = null;
            if (where == null)
            {
                got = "IGN";
            }
            else
            {
                final ContigOutcome o = r.contigs().get(where[0]);
                final int v = where[1];
                got = key.equals("BASE") ? baselineStatus(o, v) : callStatus(o, v);
                if (key.equals("CALL") && got.equals("TP") && Math.abs(o.callWeight()[v] - 1.0) > 0.001)
                {
                    gotWeight = String.format(Locale.ROOT, "%.3g", o.callWeight()[v]);
                }
            }
            if (!want.equals(got) || (key.equals("CALL") && !Objects.equals(wantWeight, gotWeight)))
            {
                mismatches.add(expected + ": " + line + " -> ours " + key + "=" + got
                    + (gotWeight == null ? "" : " CALL_WEIGHT=" + gotWeight));
            }
            checked++;
        }
        assertTrue(checked > 0, c.name() + ": " + expected + " has records");
    }

    /** vcfeval's second-pass statuses count as FN and FP; we do not run the second pass. */
    private static String normalise(final String status)
    {
        return switch (status)
        {
            case "FN_CA" -> "FN";
            case "FP_CA" -> "FP";
            default -> status;
        };
    }

    private static String baselineStatus(final ContigOutcome o, final int v)
    {
        return switch (o.baselineStatus()[v])
        {
            case VariantStatus.TOO_COMPLEX -> "HARD";
            case VariantStatus.TP -> o.baseline().isOutside(v) ? "OUT" : "TP";
            case VariantStatus.NO_MATCH -> o.baseline().isOutside(v) ? "OUT" : "FN";
            default -> "IGN";
        };
    }

    private static String callStatus(final ContigOutcome o, final int v)
    {
        return switch (o.callStatus()[v])
        {
            case VariantStatus.TOO_COMPLEX -> "HARD";
            case VariantStatus.TP -> o.callCountsAsTp(v) ? "TP" : "OUT";
            case VariantStatus.NO_MATCH -> o.callCountsAsFp(v) ? "FP" : "OUT";
            default -> "IGN";
        };
    }

    private static String recordKey(final String line)
    {
        final String[] f = line.split("\t", 6);
        return f[0] + "\t" + f[1] + "\t" + f[3] + "\t" + f[4];
    }

    private static String infoValue(final String info, final String key)
    {
        for (final String kv : info.split(";"))
        {
            if (kv.startsWith(key + "="))
            {
                return kv.substring(key.length() + 1);
            }
        }
        return null;
    }

    @Test
    void shouldRejectCallWhenAltEqualsRefAsVcfevalDoes()
    {
        // vcfeval aborts with exit code 1: "VCF record ALT allele with ID 1 is the same as REF".
        final Path d = dir("nop");
        final InputException e = assertThrows(InputException.class, () -> VcfComparator.compare(
            d.resolve("baseline.vcf"), d.resolve("calls.vcf"), ReferenceGenome.open(d.resolve("template.fa")), null,
            DEFAULTS.withSquashPloidy(true).withRefOverlap(true)));
        assertTrue(e.getMessage().startsWith(d.resolve("calls.vcf") + ":7: "), e.getMessage());
        assertTrue(e.getMessage().contains("same as REF"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static ComparisonResult run(final NanoCase c)
    {
        final Path d = dir(c.name());
        final ReferenceGenome reference = ReferenceGenome.open(d.resolve("template.fa"));
        return VcfComparator.compare(d.resolve("baseline.vcf"), d.resolve("calls.vcf"), reference, null, c.options());
    }

    private static Path dir(final String name)
    {
        try
        {
            return Path.of(NanoConformanceTest.class.getResource("/conformance/vcfeval-nano/" + name + "/calls.vcf")
                .toURI()).getParent();
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
