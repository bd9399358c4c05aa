package io.callscore.compare.properties;

import io.callscore.compare.CompareOptions;
import io.callscore.compare.ComparisonResult;
import io.callscore.compare.Counts;
import io.callscore.compare.properties.ScenarioGenerator.Calls;
import io.callscore.compare.properties.ScenarioGenerator.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static io.callscore.compare.properties.ScenarioGenerator.denseScenarios;
import static io.callscore.compare.properties.ScenarioGenerator.scenarios;
import static io.callscore.compare.properties.ScenarioGenerator.variantKinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * Properties of {@link io.callscore.compare.VcfComparator} on generated fixtures ({@link ScenarioGenerator}),
 * following vcfeval's default semantics (no --ref-overlap unless stated, unphased matching, records counted).
 * Each property is asserted against the generator's model of which record must match, and in its own terms
 * (symmetry, sums, invariance). Every comparison also checks the invariants: no negative count,
 * tp_base + fn = truth records and tp_call + fp ≤ call records per class, nothing skipped, nothing too complex.
 *
 * <p>The sample is fixed so that CI is reproducible and fast; {@code -Dcallscore.qt.seed=N} draws another
 * sample, {@code -Dcallscore.qt.examples=N} runs more examples per property and {@code -Dcallscore.qt.shrinks=N}
 * shrinks a failure harder; {@code -Dcallscore.qt.events=N} allows up to N events per fixture (8).
 */
class VcfComparatorPropertiesTest
{
    private static final long SEED = Long.getLong("callscore.qt.seed", 0x5eed_ca11_5c0eL);
    private static final int EXAMPLES = Integer.getInteger("callscore.qt.examples", 70);
    /** QuickTheories' default shrinks for minutes on inputs this size; 1000 cycles reach one-event cases in ~1 s. */
    private static final int SHRINK_CYCLES = Integer.getInteger("callscore.qt.shrinks", 1000);
    private static final int MAX_EVENTS = Integer.getInteger("callscore.qt.events", 8);

    @TempDir
    Path dir;

    private static QuickTheory theory()
    {
        return qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES);
    }

    /** Property 1: truth against itself is all TP (tp_base = tp_call = records, fp = fn = 0), per class. */
    @Test
    void shouldCountEveryRecordAsTruePositiveWhenTruthIsComparedWithItself()
    {
        theory().forAll(scenarios(Calls.IDENTICAL, MAX_EVENTS, variantKinds())).checkAssert(this::assertSelfMatch);
    }

    /**
     * Property 1 with events a few bases apart, so that they share sync regions and can be re-combined: as long
     * as no two truth records overlap, the truth can still be matched in full against itself.
     */
    @Test
    void shouldCountEveryRecordAsTruePositiveWhenDenseTruthIsComparedWithItself()
    {
        theory().forAll(denseScenarios(Calls.IDENTICAL, MAX_EVENTS, variantKinds())).checkAssert(this::assertSelfMatch);
    }

    /** Property 2: against an empty call set every truth record is a false negative, per class. */
    @Test
    void shouldCountEveryRecordAsFalseNegativeWhenCallsAreEmpty()
    {
        theory().forAll(scenarios(Calls.IDENTICAL, MAX_EVENTS, variantKinds())).checkAssert(s ->
        {
            final CountsByClass expected = new CountsByClass(
                new Counts.ClassCounts(0, 0, 0, count(s.truthLines(), false)),
                new Counts.ClassCounts(0, 0, 0, count(s.truthLines(), true)));
            assertEquals(expected, counts(compare(s, s.truthLines(), List.of(), defaults())));
        });
    }

    /**
     * Property 3: swapping truth and calls swaps fp with fn and tp_base with tp_call, per class. This holds exactly
     * as stated because every generated event has a unique best match (vcfeval's tie-breaks, which favour one
     * side, never decide a count here) and because, with no evaluation regions, tp_base is the number of matched
     * truth records (the call weights of a sync region sum to its truth TPs) while tp_call is the number of
     * matched calls. The one-to-many cases (an MNP against its SNVs, a 1/2 record against two records) are
     * included: one side counts 1, the other k, and the swap moves those numbers with the roles. Both directions
     * must also equal the model.
     */
    @Test
    void shouldSwapFalsePositivesWithFalseNegativesWhenTruthAndCallsAreSwapped()
    {
        final Set<String> seen = Collections.synchronizedSet(new TreeSet<>());
        theory().forAll(scenarios(Calls.PERTURBED, MAX_EVENTS, Kind.values())).checkAssert(s ->
        {
            seen.addAll(s.events());
            final CountsByClass forward = counts(compare(s, defaults()));
            final CountsByClass backward = counts(compare(s.swapped(), defaults()));
            assertEquals(s.expected(), forward, "truth vs calls");
            assertEquals(forward.swapped(), backward, "calls vs truth");
        });
        assertCovers(seen, Kind.values(), ScenarioGenerator.Perturbation.values());
    }

    /**
     * Property 4: every non-blocking way of writing the same haplotypes matches every other one (shifted
     * indels, MNPs split or merged, 1/2 records vs separate records that do not overlap, phase, ALT order, a
     * GT written 1/0 vs 0/1): all records TP, per class.
     */
    @Test
    void shouldMatchEveryRecordWhenBothSidesWriteTheSameHaplotypesDifferently()
    {
        theory().forAll(scenarios(Calls.EQUIVALENT, MAX_EVENTS, variantKinds())).checkAssert(s ->
            assertAllMatched(s, counts(compare(s, defaults()))));
    }

    /** Property 4: an indel in a tandem repeat written left-aligned in one file and right-aligned in the other. */
    @Test
    void shouldMatchIndelWhenLeftAlignedAgainstRightAligned()
    {
        theory().forAll(scenarios(Calls.EXTREME_FORMS, MAX_EVENTS, Kind.REPEAT_DELETION, Kind.REPEAT_INSERTION))
            .checkAssert(s ->
            {
                assertNotEquals(positions(s.truthLines()), positions(s.callLines()), "fixture must shift indels");
                assertAllMatchedBothWays(s, defaults());
            });
    }

    /** Property 4: an MNP record against the SNV records it splits into, and the other way round. */
    @Test
    void shouldMatchMnpWhenSplitIntoSnvsOrSnvsMergedIntoMnp()
    {
        theory().forAll(scenarios(Calls.EXTREME_FORMS, MAX_EVENTS, Kind.MNP)).checkAssert(s ->
        {
            assertTrue(s.callLines().size() >= 2 * s.truthLines().size(), "fixture must split every MNP");
            assertAllMatchedBothWays(s, defaults());
        });
    }

    /**
     * Property 4: a 1/2 record against its two ALTs written as two 0/1 records whose spans do not overlap, both
     * directions: an SNV and a second change 1-5 bases to its right, or an SNV at an indel's padding base (the two
     * records share POS but, after padding removal, not a base).
     */
    @Test
    void shouldMatchMultiAllelicRecordWhenItsAllelesAreSeparateRecordsThatDoNotOverlap()
    {
        theory().forAll(scenarios(Calls.EXTREME_FORMS, MAX_EVENTS, Kind.SEPARABLE_PAIR, Kind.SNV_AT_PADDING_BASE))
            .checkAssert(s -> assertAllMatchedBothWays(s, defaults()));
    }

    /**
     * Property 4, as vcfeval 3.12.1 does it (semantics §2.1, §3; its probe multiallelic_split): a 1/2 record
     * against its two ALTs written as two 0/1 records at the same POS. By default the REF allele of each het
     * record occupies its span on the other haplotype, so the two records block each other when both spans are
     * non-empty (SNV/SNV, del/del): truth FN + 2 FP, and swapped 2 FN + 1 FP. When one of them is a pure
     * insertion its REF allele is empty and blocks nothing: all TP (tp_base 1, tp_call 2). With --ref-overlap REF
     * alleles never block: all TP in every case, both directions.
     */
    @Test
    void shouldMatchMultiAllelicRecordAgainstSamePositionRecordsOnlyWhenTheyDoNotBlockOrWithRefOverlap()
    {
        final Set<String> seen = Collections.synchronizedSet(new TreeSet<>());
        theory().forAll(scenarios(Calls.MERGED_VS_SPLIT, MAX_EVENTS, Kind.SAME_POSITION_PAIR)).checkAssert(s ->
        {
            seen.addAll(s.events());
            assertEquals(s.expected(), counts(compare(s, defaults())), "default");
            assertEquals(s.expected().swapped(), counts(compare(s.swapped(), defaults())), "default, swapped");
            assertAllMatchedBothWays(s, defaults().withRefOverlap(true));
        });
        assertTrue(seen.stream().anyMatch(t -> t.endsWith("/blocking")), "no blocking split generated: " + seen);
        assertTrue(seen.stream().anyMatch(t -> t.contains("ins/") && !t.endsWith("/blocking")),
            "no insertion split generated: " + seen);
    }

    /**
     * Property 4 under --ref-overlap (semantics §2.2): REF alleles neither replay nor block, so every way of
     * writing the same haplotypes matches, including records sharing a POS that block each other by default
     * (truth the same split records, or one merged record): all TP, both directions.
     */
    @Test
    void shouldMatchEveryRecordWithRefOverlapEvenWhenRecordsOverlap()
    {
        theory().forAll(scenarios(Calls.SHARED_POSITION, MAX_EVENTS, variantKinds())).checkAssert(s ->
            assertAllMatchedBothWays(s, defaults().withRefOverlap(true)));
    }

    /** Property 4: phased hets written 0|1 in the truth and 1|0 in the calls (and 1|2 vs 2|1) still match. */
    @Test
    void shouldMatchPhasedGenotypesWhenPhaseIsSwapped()
    {
        theory().forAll(scenarios(Calls.PHASE_SWAPPED, MAX_EVENTS, variantKinds())).checkAssert(s ->
            assertAllMatched(s, counts(compare(s, defaults()))));
    }

    /**
     * Property 5: the order of call records sharing a POS does not change the counts (original order, each group
     * reversed, each group shuffled). Fixtures put an SNV and an indel, or the two ALTs of a 1/2, at one POS,
     * including pairs that block each other; the truth has the same records or one merged record.
     */
    @Test
    void shouldGiveSameCountsWhenCallRecordsSharingAPositionAreReordered()
    {
        final Gen<Scenario> gen = scenarios(Calls.SHARED_POSITION, MAX_EVENTS, Kind.SNV_AT_PADDING_BASE,
            Kind.SAME_POSITION_PAIR, Kind.SNV, Kind.REPEAT_DELETION);
        final Set<String> seen = Collections.synchronizedSet(new TreeSet<>());
        theory().forAll(gen, SourceDSL.longs().all()).checkAssert((s, shuffleSeed) ->
        {
            seen.addAll(s.events());
            final CountsByClass original = counts(compare(s, defaults()));
            assertEquals(s.expected(), original, "file order");
            final List<VcfLine> reversed = reorderSharedPositions(s.callLines(), null);
            assertEquals(original, counts(compare(s, s.truthLines(), reversed, defaults())), "reversed " + reversed);
            final List<VcfLine> shuffled = reorderSharedPositions(s.callLines(), new SplittableRandom(shuffleSeed));
            assertEquals(original, counts(compare(s, s.truthLines(), shuffled, defaults())), "shuffled " + shuffled);
        });
        assertTrue(seen.stream().anyMatch(t -> t.endsWith("/blocking vs itself")), "coverage: " + seen);
        assertTrue(seen.stream().anyMatch(t -> t.endsWith("/blocking vs merged")), "coverage: " + seen);
    }

    /**
     * Property 6: cutting the contig in two at a point with no record within 100 bp gives the same counts as the
     * whole contig, per class.
     */
    @Test
    void shouldSumCountsOfThePartsWhenContigIsCutFarFromEveryRecord()
    {
        theory().forAll(scenarios(Calls.PERTURBED, MAX_EVENTS, Kind.values())).checkAssert(s ->
        {
            assertFar(s.cut(), s.truthLines(), s.callLines());
            final CountsByClass whole = counts(compare(s, defaults()));
            assertEquals(s.expected(), whole, "whole contig");
            assertEquals(whole, counts(compare(s.cutInTwo(), defaults())), "two contigs cut at " + s.cut());
        });
    }

    /** Property 6 with events a few bases apart (no model: only the whole and the parts are compared). */
    @Test
    void shouldSumCountsOfThePartsWhenDenseContigIsCutFarFromEveryRecord()
    {
        theory().forAll(denseScenarios(Calls.PERTURBED, MAX_EVENTS, Kind.values())).checkAssert(s ->
        {
            assertFar(s.cut(), s.truthLines(), s.callLines());
            assertEquals(counts(compare(s, defaults())), counts(compare(s.cutInTwo(), defaults())),
                "two contigs cut at " + s.cut());
        });
    }

    /** Adding one call that matches nothing, far from every other record, adds exactly one FP of its class. */
    @Test
    void shouldAddExactlyOneFalsePositiveWhenAFarCallIsAdded()
    {
        theory().forAll(scenarios(Calls.PERTURBED, MAX_EVENTS, Kind.values())).checkAssert(s ->
        {
            final VcfLine far = s.farCall();
            assertFar(far.pos() - 1, s.truthLines(), s.callLines());
            final List<ExpectedRecord> calls = new ArrayList<>(s.calls());
            calls.add(new ExpectedRecord(far, false));
            final CountsByClass before = counts(compare(s, defaults()));
            assertEquals(s.expected(), before, "without the far call");
            assertEquals(before.plusFalsePositive(far.isIndelClass()), counts(compare(s.withCalls(calls), defaults())),
                "with " + far.text());
        });
    }

    /** The far call adds exactly one FP also when the other events are a few bases apart (no model). */
    @Test
    void shouldAddExactlyOneFalsePositiveWhenAFarCallIsAddedToDenseCalls()
    {
        theory().forAll(denseScenarios(Calls.PERTURBED, MAX_EVENTS, Kind.values())).checkAssert(s ->
        {
            final VcfLine far = s.farCall();
            assertFar(far.pos() - 1, s.truthLines(), s.callLines());
            final List<VcfLine> calls = new ArrayList<>(s.callLines());
            calls.add(far);
            assertEquals(counts(compare(s, defaults())).plusFalsePositive(far.isIndelClass()),
                counts(compare(s, s.truthLines(), calls, defaults())), "with " + far.text());
        });
    }

    // ---------------------------------------------------------------- helpers

    private static CompareOptions defaults()
    {
        return CompareOptions.defaults();
    }

    private ComparisonResult compare(final Scenario s, final CompareOptions options)
    {
        return compare(s, s.truthLines(), s.callLines(), options);
    }

    /** Runs one comparison and checks the invariants every result must satisfy. */
    private ComparisonResult compare(final Scenario s, final List<VcfLine> truth, final List<VcfLine> calls,
        final CompareOptions options)
    {
        final ComparisonResult r = ComparisonFixture.compare(dir, s.contigs(), truth, calls, options);
        assertEquals(0, r.skipped(), "skipped records");
        assertTrue(r.tooComplexRegions().isEmpty(), "too complex: " + r.tooComplexRegions());
        for (final boolean indel : new boolean[] {false, true})
        {
            final Counts.ClassCounts c = indel ? r.counts().indel() : r.counts().snp();
            final String what = (indel ? "indel" : "snp") + " " + c;
            assertTrue(c.tpBase() >= 0 && c.tpCall() >= 0 && c.fp() >= 0 && c.fn() >= 0, "negative count " + what);
            assertEquals(count(truth, indel), c.tpBase() + c.fn(), "tp_base + fn != truth records, " + what);
            assertTrue(c.tpCall() + c.fp() <= count(calls, indel), "tp_call + fp > call records, " + what);
        }
        return r;
    }

    private void assertSelfMatch(final Scenario s)
    {
        final long snp = count(s.truthLines(), false);
        final long indel = count(s.truthLines(), true);
        final CountsByClass expected = new CountsByClass(new Counts.ClassCounts(snp, snp, 0, 0),
            new Counts.ClassCounts(indel, indel, 0, 0));
        assertEquals(expected, counts(compare(s, s.truthLines(), s.truthLines(), defaults())));
    }

    private static CountsByClass counts(final ComparisonResult r)
    {
        return CountsByClass.of(r);
    }

    private static long count(final List<VcfLine> lines, final boolean indelClass)
    {
        return lines.stream().filter(l -> l.isIndelClass() == indelClass).count();
    }

    /** All TP: tp_base = truth records and tp_call = call records of each class, no FP, no FN. */
    private static void assertAllMatched(final Scenario s, final CountsByClass actual)
    {
        final CountsByClass expected = new CountsByClass(
            new Counts.ClassCounts(count(s.truthLines(), false), count(s.callLines(), false), 0, 0),
            new Counts.ClassCounts(count(s.truthLines(), true), count(s.callLines(), true), 0, 0));
        assertEquals(expected, actual);
    }

    private void assertAllMatchedBothWays(final Scenario s, final CompareOptions options)
    {
        assertAllMatched(s, counts(compare(s, options)));
        assertAllMatched(s.swapped(), counts(compare(s.swapped(), options)));
    }

    private static void assertFar(final int point, final List<VcfLine> truth, final List<VcfLine> calls)
    {
        for (final List<VcfLine> side : List.of(truth, calls))
        {
            for (final VcfLine l : side)
            {
                assertTrue(l.distanceTo(point) >= ScenarioGenerator.FAR, "fixture: " + l.text() + " near " + point);
            }
        }
    }

    private static List<Integer> positions(final List<VcfLine> lines)
    {
        return lines.stream().map(VcfLine::pos).toList();
    }

    /** Each run of records sharing a POS reversed (random == null) or shuffled; other records stay put. */
    private static List<VcfLine> reorderSharedPositions(final List<VcfLine> lines, final SplittableRandom random)
    {
        final List<VcfLine> sorted = new ArrayList<>(lines);
        sorted.sort((a, b) -> Integer.compare(a.pos(), b.pos()));
        int from = 0;
        while (from < sorted.size())
        {
            int to = from + 1;
            while (to < sorted.size() && sorted.get(to).pos() == sorted.get(from).pos())
            {
                to++;
            }
            final List<VcfLine> group = sorted.subList(from, to);
            if (random == null)
            {
                Collections.reverse(group);
            }
            else
            {
                for (int i = group.size() - 1; i > 0; i--)
                {
                    Collections.swap(group, i, random.nextInt(i + 1));
                }
            }
            from = to;
        }
        return sorted;
    }

    /** The fixed sample must exercise every event kind and every perturbation. */
    private static void assertCovers(final Set<String> seen, final Kind[] kinds,
        final ScenarioGenerator.Perturbation[] perturbations)
    {
        for (final Kind k : kinds)
        {
            assertTrue(seen.stream().anyMatch(t -> t.matches(k.name() + "([^A-Z_].*)?")), "no " + k + " in " + seen);
        }
        for (final ScenarioGenerator.Perturbation p : perturbations)
        {
            assertTrue(seen.stream().anyMatch(t -> t.endsWith("/" + p)), "no " + p + " in " + seen);
        }
    }
}
