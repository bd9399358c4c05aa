package io.callscore.compare.properties;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates comparison fixtures ({@link Scenario}) whose correct counts are known by construction.
 *
 * <p>A scenario is one contig: random spacer sequence, then events (a small block holding one truth change,
 * written into truth and call records), each followed by another spacer of 40-80 random bases, one spacer of
 * {@code 2·FAR+40} bases that can be cut, and a tail of {@code 2·FAR} bases with one extra "far" call. Events
 * are separated enough that no record of one event can take part in a match with another event: every event is
 * judged on its own, so the expected status of each record follows from the event and from how its two sides
 * were written.
 *
 * <p>An event is a set of edits (reference interval replaced by bases) on the two haplotypes. Its records are
 * written from the haplotypes: the edits are grouped into records (all in one record, one record per edit, or
 * anything in between), each record's REF is the reference over the group's interval (with the preceding
 * padding base when the group starts with an indel), its ALTs are the distinct haplotype sequences over that
 * interval, and its GT says which haplotype carries which ALT. Shiftable indels have several placements. The
 * written forms of one event all spell the same haplotypes; those whose records do not overlap are
 * "non-blocking" and match each other under vcfeval's rules (docs: vcfeval-semantics §3, §6).
 *
 * <p>Shrinking: every structural choice (event count, kinds, lengths, forms, site bases) is drawn from
 * QuickTheories' randomness source with 0 as the simplest value, so failures shrink to few, short, merged,
 * unphased events. The spacer sequence comes from a separate non-shrinking seed: shrinking it toward
 * {@code AAAA...} would make events interact and break the model.
 */
final class ScenarioGenerator
{
    static final String CONTIG = "chr1";
    /** Minimum distance from every record to the cut point and to the far call. */
    static final int FAR = 100;
    static final int MAX_INDEL = 20;
    private static final int MIN_SPACER = 40;
    private static final int MAX_SPACER = 80;
    private static final int MAX_DENSE_SPACER = 6;
    private static final int LONG_SPACER = 2 * FAR + 40;
    private static final String BASES = "ACGT";

    /** What a truth event is. The simplest kinds come first, so shrinking moves towards them. */
    enum Kind
    {
        /** One base changed, het or hom. */
        SNV,
        /** 2-5 adjacent bases with the first and last changed; one MNP record or split into SNV records. */
        MNP,
        /** Whole units (1-20 bp) deleted from a tandem repeat; written at any position within the repeat. */
        REPEAT_DELETION,
        /** Whole units (1-20 bp) inserted into a tandem repeat; written at any position within the repeat. */
        REPEAT_INSERTION,
        /** 1-20 bp deleted from random sequence. */
        DELETION,
        /** 1-20 random bases inserted into random sequence. */
        INSERTION,
        /**
         * GT 1/2 with both ALTs at one position (SNV/SNV, del/del, ins/del, ins/ins): one record, or two records
         * sharing POS (which block each other unless an insertion is involved).
         */
        SAME_POSITION_PAIR,
        /**
         * GT 1/2 whose ALTs change disjoint bases: an SNV and, 1-5 bases to its right, an SNV or an indel padded
         * by that base; one record or two records that do not overlap.
         */
        SEPARABLE_PAIR,
        /**
         * An SNV and an indel whose padding base is the SNV's base, cis or trans, het or hom: two records sharing
         * POS (their spans do not overlap) or one record.
         */
        SNV_AT_PADDING_BASE,
        /** No truth; with {@link Calls#PERTURBED} the calls may have a false positive here. */
        EMPTY
    }

    /** How the call records are written relative to the truth records. */
    enum Calls
    {
        /** The calls are the truth records themselves: all TP. */
        IDENTICAL,
        /** Both sides in independently drawn non-blocking forms: all TP. */
        EQUIVALENT,
        /**
         * Truth in the first form (left-most placement, all edits in one record, phased), calls in the last
         * (right-most placement, one record per edit where that does not block, phase and ALT order swapped):
         * all TP.
         */
        EXTREME_FORMS,
        /** Same form on both sides, phased, with the haplotypes swapped in the calls: all TP. */
        PHASE_SWAPPED,
        /**
         * Truth in one record, calls one record per edit even where those block each other: TP when they do
         * not block, otherwise truth FN and every call FP.
         */
        MERGED_VS_SPLIT,
        /**
         * Calls one record per edit even where those block each other; truth either the same records or one
         * record. Blocking split vs the same split: one record matched on each side; vs one record: none.
         */
        SHARED_POSITION,
        /**
         * Per event: an equivalent form (TP), missing (FN), wrong zygosity or wrong SNV allele (FN + FP), a
         * blocking same-position split against a 1/2 record (FN + FPs), or for EMPTY events a lone false
         * positive.
         */
        PERTURBED
    }

    /** What PERTURBED does to one event's calls. */
    enum Perturbation
    {
        EQUIVALENT, MISSING, WRONG_ZYGOSITY, WRONG_ALLELE, SPLIT_AT_SAME_POSITION
    }

    /** Reference interval [start, end) replaced by {@code alt}; start == end is an insertion before start. */
    private record Edit(int start, int end, String alt)
    {
        boolean isIndel()
        {
            return alt.length() != end - start;
        }
    }

    /**
     * A truth event: alternative placements of its edits (all spelling the same haplotypes; same edit count and
     * order) and, per edit, whether haplotype 0 and haplotype 1 carry it.
     */
    private record Event(Kind kind, String tag, List<List<Edit>> placements, List<boolean[]> haps)
    {
        static Event of(final Kind kind, final String tag, final List<Edit> edits, final List<boolean[]> haps)
        {
            return new Event(kind, tag, List.of(edits), haps);
        }

        int edits()
        {
            return placements.get(0).size();
        }
    }

    /**
     * How an event is written: which placement, where the edits are grouped into separate records, whether the
     * haplotypes are swapped, whether GTs are phased, and whether the ALT order is reversed.
     */
    private record Form(int placement, boolean[] cutAfter, boolean flip, boolean phased, boolean reverseAlts)
    {
        Form merged()
        {
            return new Form(placement, new boolean[cutAfter.length], flip, phased, reverseAlts);
        }

        Form finest()
        {
            final boolean[] all = new boolean[cutAfter.length];
            Arrays.fill(all, true);
            return new Form(placement, all, flip, phased, reverseAlts);
        }

        Form flipped()
        {
            return new Form(placement, cutAfter, !flip, phased, reverseAlts);
        }
    }

    private final Calls policy;
    private final int maxEvents;
    private final boolean dense;
    private final Kind[] kinds;

    private ScenarioGenerator(final Calls policy, final int maxEvents, final boolean dense, final Kind[] kinds)
    {
        this.policy = policy;
        this.maxEvents = maxEvents;
        this.dense = dense;
        this.kinds = kinds.clone();
    }

    /** Scenarios of 1..maxEvents separated events of the given kinds, calls written by {@code policy}. */
    static Gen<Scenario> scenarios(final Calls policy, final int maxEvents, final Kind... kinds)
    {
        return generator(new ScenarioGenerator(policy, maxEvents, false, kinds));
    }

    /**
     * Like {@link #scenarios}, but events only 2-8 bases apart (records of different events still never
     * overlap), so that they can interact: the per-record statuses are then only a guess and must not be
     * asserted; what holds for any input (self-comparison, cuts far from records, far calls) still may.
     */
    static Gen<Scenario> denseScenarios(final Calls policy, final int maxEvents, final Kind... kinds)
    {
        return generator(new ScenarioGenerator(policy, maxEvents, true, kinds));
    }

    private static Gen<Scenario> generator(final ScenarioGenerator generator)
    {
        final Gen<Scenario> gen = generator::generate;
        return gen.describedAs(Scenario::describe);
    }

    /** Every kind except {@link Kind#EMPTY}. */
    static Kind[] variantKinds()
    {
        return Arrays.copyOf(Kind.values(), Kind.values().length - 1);
    }

    Scenario generate(final RandomnessSource in)
    {
        final Draft d = new Draft(in.next(Constraint.none().withNoShrinkPoint()));
        final int events = draw(in, 1, maxEvents);
        final int cutBefore = draw(in, 0, events);
        int cut = -1;
        d.filler(draw(in, MIN_SPACER, MAX_SPACER));
        for (int i = 0; i < events; i++)
        {
            if (i == cutBefore)
            {
                cut = d.longSpacer();
            }
            final Event e = event(in, d, kinds[draw(in, 0, kinds.length - 1)]);
            addRecords(in, d, e);
            d.filler(dense ? draw(in, 0, MAX_DENSE_SPACER) : draw(in, MIN_SPACER, MAX_SPACER));
        }
        if (cutBefore == events)
        {
            cut = d.longSpacer();
        }
        d.filler(FAR);
        final Event far = lone(in, d);
        final VcfLine farCall = write(d, far, far.haps(), randomForm(in, far).merged()).get(0);
        d.filler(FAR);
        final Map<String, String> contigs = new LinkedHashMap<>();
        contigs.put(CONTIG, d.ref.toString());
        return new Scenario(contigs, List.copyOf(d.truth), List.copyOf(d.calls), cut, farCall,
            List.copyOf(d.events));
    }

    // ---------------------------------------------------------------- events

    private Event event(final RandomnessSource in, final Draft d, final Kind kind)
    {
        d.filler(1); // padding base for an indel at the start of the block
        final Event e = switch (kind)
        {
            case SNV -> snv(in, d);
            case MNP -> mnp(in, d);
            case REPEAT_DELETION -> repeatDeletion(in, d);
            case REPEAT_INSERTION -> repeatInsertion(in, d);
            case DELETION -> deletion(in, d);
            case INSERTION -> insertion(in, d);
            case SAME_POSITION_PAIR -> samePositionPair(in, d);
            case SEPARABLE_PAIR -> separablePair(in, d);
            case SNV_AT_PADDING_BASE -> snvAtPaddingBase(in, d);
            case EMPTY -> lone(in, d);
        };
        d.filler(1);
        return e;
    }

    private static Event snv(final RandomnessSource in, final Draft d)
    {
        final int p = d.length();
        final char x = d.drawnBase(in);
        final boolean[] zygosity = zygosity(in);
        return Event.of(Kind.SNV, "SNV" + name(zygosity),
            List.of(new Edit(p, p + 1, String.valueOf(otherBase(x, draw(in, 1, 3))))), List.of(zygosity));
    }

    private static Event mnp(final RandomnessSource in, final Draft d)
    {
        final int p = d.length();
        final int k = draw(in, 2, 5);
        final String bases = d.drawnBases(in, k);
        final List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < k; i++)
        {
            final int offset = draw(in, i == 0 || i == k - 1 ? 1 : 0, 3);
            if (offset != 0)
            {
                edits.add(new Edit(p + i, p + i + 1, String.valueOf(otherBase(bases.charAt(i), offset))));
            }
        }
        final boolean[] zygosity = zygosity(in);
        return Event.of(Kind.MNP, "MNP" + k + name(zygosity), edits, Collections.nCopies(edits.size(), zygosity));
    }

    private static Event repeatDeletion(final RandomnessSource in, final Draft d)
    {
        final int unitLength = draw(in, 1, 4);
        final String unit = drawnString(in, unitLength);
        final int units = draw(in, 1, MAX_INDEL / unitLength);
        final int copies = units + draw(in, 1, 3);
        final int start = d.length();
        d.append(unit.repeat(copies));
        final int length = units * unitLength;
        final List<List<Edit>> placements = new ArrayList<>();
        for (int s = 0; s + length <= copies * unitLength; s++)
        {
            placements.add(List.of(new Edit(start + s, start + s + length, "")));
        }
        final boolean[] zygosity = zygosity(in);
        return new Event(Kind.REPEAT_DELETION, "REPEAT_DELETION(" + unit + "x" + copies + "-" + length + ")"
            + name(zygosity), placements, List.of(zygosity));
    }

    private static Event repeatInsertion(final RandomnessSource in, final Draft d)
    {
        final int unitLength = draw(in, 1, 4);
        final String unit = drawnString(in, unitLength);
        final int units = draw(in, 1, MAX_INDEL / unitLength);
        final int copies = draw(in, 1, 4);
        final int start = d.length();
        d.append(unit.repeat(copies));
        final int length = units * unitLength;
        final String periodic = unit.repeat(copies + units + 1);
        final List<List<Edit>> placements = new ArrayList<>();
        for (int s = 0; s <= copies * unitLength; s++)
        {
            // Inserting the repeat's own continuation at offset s spells the same sequence for every s.
            placements.add(List.of(new Edit(start + s, start + s, periodic.substring(s, s + length))));
        }
        final boolean[] zygosity = zygosity(in);
        return new Event(Kind.REPEAT_INSERTION, "REPEAT_INSERTION(" + unit + "x" + copies + "+" + length + ")"
            + name(zygosity), placements, List.of(zygosity));
    }

    private static Event deletion(final RandomnessSource in, final Draft d)
    {
        final int p = d.length();
        final int length = draw(in, 1, MAX_INDEL);
        d.drawnBases(in, length);
        final boolean[] zygosity = zygosity(in);
        return Event.of(Kind.DELETION, "DELETION" + length + name(zygosity), List.of(new Edit(p, p + length, "")),
            List.of(zygosity));
    }

    private static Event insertion(final RandomnessSource in, final Draft d)
    {
        final int p = d.length();
        final String inserted = drawnString(in, draw(in, 1, MAX_INDEL));
        final boolean[] zygosity = zygosity(in);
        return Event.of(Kind.INSERTION, "INSERTION" + inserted.length() + name(zygosity),
            List.of(new Edit(p, p, inserted)), List.of(zygosity));
    }

    private static Event samePositionPair(final RandomnessSource in, final Draft d)
    {
        final int q = d.length();
        final char x = d.drawnBase(in);
        final List<Edit> edits;
        final String type;
        switch (draw(in, 0, 3))
        {
            case 0 ->
            {
                final int first = draw(in, 1, 3);
                final int second = draw(in, 1, 2);
                type = "snv/snv";
                edits = List.of(new Edit(q, q + 1, String.valueOf(otherBase(x, first))),
                    new Edit(q, q + 1, String.valueOf(otherBase(x, second >= first ? second + 1 : second))));
            }
            case 1 ->
            {
                final int shorter = draw(in, 1, MAX_INDEL - 1);
                final int longer = draw(in, shorter + 1, MAX_INDEL);
                d.drawnBases(in, longer);
                type = "del/del";
                edits = List.of(new Edit(q + 1, q + 1 + shorter, ""), new Edit(q + 1, q + 1 + longer, ""));
            }
            case 2 ->
            {
                final String inserted = drawnString(in, draw(in, 1, MAX_INDEL));
                final int length = draw(in, 1, MAX_INDEL);
                d.drawnBases(in, length);
                type = "ins/del";
                edits = List.of(new Edit(q + 1, q + 1, inserted), new Edit(q + 1, q + 1 + length, ""));
            }
            default ->
            {
                final String first = drawnString(in, draw(in, 1, MAX_INDEL));
                String second = drawnString(in, draw(in, 1, MAX_INDEL));
                if (second.equals(first))
                {
                    final int last = second.length() - 1;
                    second = second.substring(0, last) + otherBase(second.charAt(last), 1);
                }
                type = "ins/ins";
                edits = List.of(new Edit(q + 1, q + 1, first), new Edit(q + 1, q + 1, second));
            }
        }
        return Event.of(Kind.SAME_POSITION_PAIR, "SAME_POSITION_PAIR(" + type + ")", edits,
            List.of(new boolean[] {true, false}, new boolean[] {false, true}));
    }

    private static Event separablePair(final RandomnessSource in, final Draft d)
    {
        final int p = d.length();
        final char x = d.drawnBase(in);
        final Edit left = new Edit(p, p + 1, String.valueOf(otherBase(x, draw(in, 1, 3))));
        final String between = d.drawnBases(in, draw(in, 1, 5));
        final int r = p + between.length(); // the right event's base, or its padding base
        final Edit right;
        final String type;
        switch (draw(in, 0, 2))
        {
            case 0 ->
            {
                type = "snv";
                right = new Edit(r, r + 1, String.valueOf(otherBase(d.charAt(r), draw(in, 1, 3))));
            }
            case 1 ->
            {
                final int length = draw(in, 1, MAX_INDEL);
                d.drawnBases(in, length);
                type = "del";
                right = new Edit(r + 1, r + 1 + length, "");
            }
            default ->
            {
                type = "ins";
                right = new Edit(r + 1, r + 1, drawnString(in, draw(in, 1, MAX_INDEL)));
            }
        }
        return Event.of(Kind.SEPARABLE_PAIR, "SEPARABLE_PAIR(snv+" + (r - p) + "+" + type + ")", List.of(left, right),
            List.of(new boolean[] {true, false}, new boolean[] {false, true}));
    }

    private static Event snvAtPaddingBase(final RandomnessSource in, final Draft d)
    {
        final int p = d.length();
        final char x = d.drawnBase(in);
        final Edit snv = new Edit(p, p + 1, String.valueOf(otherBase(x, draw(in, 1, 3))));
        final Edit indel;
        if (draw(in, 0, 1) == 0)
        {
            final int length = draw(in, 1, MAX_INDEL);
            d.drawnBases(in, length);
            indel = new Edit(p + 1, p + 1 + length, "");
        }
        else
        {
            indel = new Edit(p + 1, p + 1, drawnString(in, draw(in, 1, MAX_INDEL)));
        }
        final boolean[] het = {true, false};
        final boolean[] hom = {true, true};
        final String[] names = {"het+het trans", "het+het cis", "hom+het", "het+hom", "hom+hom"};
        final int phasing = draw(in, 0, names.length - 1);
        final List<boolean[]> haps = switch (phasing)
        {
            case 0 -> List.of(het, new boolean[] {false, true});
            case 1 -> List.of(het, het);
            case 2 -> List.of(hom, het);
            case 3 -> List.of(het, hom);
            default -> List.of(hom, hom);
        };
        return Event.of(Kind.SNV_AT_PADDING_BASE, "SNV_AT_PADDING_BASE(" + (indel.alt().isEmpty() ? "del" : "ins")
            + ", " + names[phasing] + ")", List.of(snv, indel), haps);
    }

    /** A lone SNV, deletion or insertion at the current position: a false-positive call, never in the truth. */
    private static Event lone(final RandomnessSource in, final Draft d)
    {
        final int p = d.length();
        final Edit edit;
        switch (draw(in, 0, 2))
        {
            case 0 -> edit = new Edit(p, p + 1, String.valueOf(otherBase(d.drawnBase(in), draw(in, 1, 3))));
            case 1 ->
            {
                final int length = draw(in, 1, MAX_INDEL);
                d.drawnBases(in, length);
                edit = new Edit(p, p + length, "");
            }
            default -> edit = new Edit(p, p, drawnString(in, draw(in, 1, MAX_INDEL)));
        }
        final boolean[] zygosity = zygosity(in);
        return Event.of(Kind.EMPTY, "EMPTY", List.of(edit), List.of(zygosity));
    }

    // ---------------------------------------------------------------- calls policies

    private void addRecords(final RandomnessSource in, final Draft d, final Event e)
    {
        if (e.kind() == Kind.EMPTY)
        {
            final boolean called = policy == Calls.PERTURBED && draw(in, 0, 1) == 1;
            if (called)
            {
                d.calls(write(d, e, e.haps(), nonBlockingForm(in, d, e, e.haps())), false);
            }
            d.events.add(called ? "EMPTY/FP" : "EMPTY");
            return;
        }
        final List<boolean[]> haps = e.haps();
        String tag = e.tag();
        switch (policy)
        {
            case IDENTICAL ->
            {
                final List<VcfLine> lines = write(d, e, haps, nonBlockingForm(in, d, e, haps));
                d.truth(lines, true);
                d.calls(lines, true);
            }
            case EQUIVALENT ->
            {
                d.truth(write(d, e, haps, nonBlockingForm(in, d, e, haps)), true);
                d.calls(write(d, e, haps, nonBlockingForm(in, d, e, haps)), true);
            }
            case EXTREME_FORMS ->
            {
                final Form first = new Form(0, new boolean[e.edits()], false, true, false);
                final Form last = new Form(e.placements().size() - 1, new boolean[e.edits()], true, true, true);
                d.truth(write(d, e, haps, first), true);
                final List<VcfLine> split = write(d, e, haps, last.finest());
                d.calls(blocking(split) ? write(d, e, haps, last) : split, true);
            }
            case PHASE_SWAPPED ->
            {
                final Form f = nonBlockingForm(in, d, e, haps);
                final Form phased = new Form(f.placement(), f.cutAfter(), f.flip(), true, f.reverseAlts());
                d.truth(write(d, e, haps, phased), true);
                d.calls(write(d, e, haps, phased.flipped()), true);
            }
            case MERGED_VS_SPLIT ->
            {
                final Form f = randomForm(in, e);
                final List<VcfLine> split = write(d, e, haps, randomForm(in, e).finest());
                final boolean match = !blocking(split);
                d.truth(write(d, e, haps, f.merged()), match);
                d.calls(split, match);
                tag += match ? "" : "/blocking";
            }
            case SHARED_POSITION ->
            {
                final List<VcfLine> split = write(d, e, haps, randomForm(in, e).finest());
                final boolean verbatim = draw(in, 0, 1) == 0;
                final List<VcfLine> truth = verbatim ? split : write(d, e, haps, randomForm(in, e).merged());
                if (!blocking(split))
                {
                    d.truth(truth, true);
                    d.calls(split, true);
                }
                else if (verbatim)
                {
                    // Each side's records block each other: one record per side is the best vcfeval can do.
                    d.truthFirstMatched(truth);
                    d.callsFirstMatched(split);
                    tag += "/blocking vs itself";
                }
                else
                {
                    d.truth(truth, false);
                    d.calls(split, false);
                    tag += "/blocking vs merged";
                }
            }
            case PERTURBED -> tag += "/" + perturb(in, d, e);
        }
        d.events.add(tag);
    }

    private Perturbation perturb(final RandomnessSource in, final Draft d, final Event e)
    {
        final List<boolean[]> haps = e.haps();
        final Perturbation[] all = Perturbation.values();
        Perturbation p = all[draw(in, 0, all.length - 1)];
        if (p == Perturbation.WRONG_ZYGOSITY && !uniform(haps)
            || p == Perturbation.WRONG_ALLELE && e.kind() != Kind.SNV
            || p == Perturbation.SPLIT_AT_SAME_POSITION && e.kind() != Kind.SAME_POSITION_PAIR)
        {
            p = Perturbation.EQUIVALENT;
        }
        switch (p)
        {
            case EQUIVALENT ->
            {
                d.truth(write(d, e, haps, nonBlockingForm(in, d, e, haps)), true);
                d.calls(write(d, e, haps, nonBlockingForm(in, d, e, haps)), true);
            }
            case MISSING -> d.truth(write(d, e, haps, nonBlockingForm(in, d, e, haps)), false);
            case WRONG_ZYGOSITY ->
            {
                final boolean[] was = haps.get(0);
                final boolean[] wrong = was[0] && was[1] ? new boolean[] {true, false} : new boolean[] {true, true};
                final List<boolean[]> wrongHaps = Collections.nCopies(haps.size(), wrong);
                d.truth(write(d, e, haps, nonBlockingForm(in, d, e, haps)), false);
                d.calls(write(d, e, wrongHaps, nonBlockingForm(in, d, e, wrongHaps)), false);
            }
            case WRONG_ALLELE ->
            {
                final Edit edit = e.placements().get(0).get(0);
                final char ref = d.charAt(edit.start());
                final char alt = edit.alt().charAt(0);
                char other = otherBase(ref, draw(in, 1, 2));
                if (other == alt)
                {
                    other = otherBase(ref, 3);
                }
                final Event wrong = Event.of(e.kind(), e.tag(),
                    List.of(new Edit(edit.start(), edit.end(), String.valueOf(other))), haps);
                d.truth(write(d, e, haps, nonBlockingForm(in, d, e, haps)), false);
                d.calls(write(d, wrong, haps, nonBlockingForm(in, d, wrong, haps)), false);
            }
            case SPLIT_AT_SAME_POSITION ->
            {
                final List<VcfLine> split = write(d, e, haps, randomForm(in, e).finest());
                final boolean match = !blocking(split);
                d.truth(write(d, e, haps, randomForm(in, e).merged()), match);
                d.calls(split, match);
            }
        }
        return p;
    }

    private static boolean uniform(final List<boolean[]> haps)
    {
        for (final boolean[] h : haps)
        {
            if (!Arrays.equals(h, haps.get(0)))
            {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- writing records

    private static Form randomForm(final RandomnessSource in, final Event e)
    {
        final int placement = draw(in, 0, e.placements().size() - 1);
        final boolean[] cutAfter = new boolean[e.edits()];
        for (int i = 0; i < cutAfter.length - 1; i++)
        {
            cutAfter[i] = draw(in, 0, 1) == 1;
        }
        return new Form(placement, cutAfter, draw(in, 0, 1) == 1, draw(in, 0, 1) == 1, draw(in, 0, 1) == 1);
    }

    /** A random form whose records do not overlap (falls back to one record for the whole event). */
    private static Form nonBlockingForm(final RandomnessSource in, final Draft d, final Event e,
        final List<boolean[]> haps)
    {
        final Form f = randomForm(in, e);
        return blocking(write(d, e, haps, f)) ? f.merged() : f;
    }

    /** Whether any two records overlap, so that their REF alleles block each other on a haplotype. */
    static boolean blocking(final List<VcfLine> lines)
    {
        for (int i = 0; i < lines.size(); i++)
        {
            for (int j = i + 1; j < lines.size(); j++)
            {
                if (lines.get(i).overlaps(lines.get(j)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<VcfLine> write(final Draft d, final Event e, final List<boolean[]> haps, final Form f)
    {
        final List<Edit> edits = e.placements().get(f.placement());
        final List<VcfLine> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < edits.size(); i++)
        {
            if (i == edits.size() - 1 || f.cutAfter()[i])
            {
                out.add(record(d.ref, edits.subList(from, i + 1), haps.subList(from, i + 1), f));
                from = i + 1;
            }
        }
        return out;
    }

    /**
     * One record for a group of edits: REF over the group's interval (plus the padding base when an indel
     * starts it), one ALT per distinct haplotype sequence, GT from which haplotype carries which ALT.
     */
    private static VcfLine record(final CharSequence ref, final List<Edit> group, final List<boolean[]> haps,
        final Form f)
    {
        int start = Integer.MAX_VALUE;
        int end = Integer.MIN_VALUE;
        for (final Edit e : group)
        {
            start = Math.min(start, e.start());
            end = Math.max(end, e.end());
        }
        boolean pad = false;
        for (final Edit e : group)
        {
            pad |= e.start() == start && e.isIndel();
        }
        final int from = pad ? start - 1 : start;
        final String refAllele = ref.subSequence(from, end).toString();
        final String[] allele = new String[2];
        for (int h = 0; h < 2; h++)
        {
            final int hap = f.flip() ? 1 - h : h;
            final StringBuilder a = new StringBuilder();
            int cursor = from;
            boolean any = false;
            for (int i = 0; i < group.size(); i++)
            {
                if (haps.get(i)[hap])
                {
                    final Edit e = group.get(i);
                    a.append(ref, cursor, e.start()).append(e.alt());
                    cursor = e.end();
                    any = true;
                }
            }
            if (any)
            {
                allele[h] = a.append(ref, cursor, end).toString();
            }
        }
        final List<String> alts = new ArrayList<>(2);
        for (final String a : allele)
        {
            if (a != null && !alts.contains(a))
            {
                if (a.equals(refAllele) || a.isEmpty())
                {
                    throw new IllegalStateException("generator bug: ALT '" + a + "' for REF " + refAllele);
                }
                alts.add(a);
            }
        }
        if (f.reverseAlts())
        {
            Collections.reverse(alts);
        }
        final String gt = (allele[0] == null ? 0 : alts.indexOf(allele[0]) + 1) + (f.phased() ? "|" : "/")
            + (allele[1] == null ? 0 : alts.indexOf(allele[1]) + 1);
        return new VcfLine(CONTIG, from + 1, refAllele, List.copyOf(alts), gt);
    }

    // ---------------------------------------------------------------- drawing

    static int draw(final RandomnessSource in, final int min, final int max)
    {
        return (int)in.next(Constraint.between(min, max));
    }

    private static String drawnString(final RandomnessSource in, final int length)
    {
        final StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            s.append(BASES.charAt(draw(in, 0, 3)));
        }
        return s.toString();
    }

    /** A base other than {@code base}: offset 1-3 steps along ACGT. */
    private static char otherBase(final char base, final int offset)
    {
        return BASES.charAt((BASES.indexOf(base) + offset) % 4);
    }

    private static boolean[] zygosity(final RandomnessSource in)
    {
        return draw(in, 0, 1) == 0 ? new boolean[] {true, false} : new boolean[] {true, true};
    }

    private static String name(final boolean[] zygosity)
    {
        return zygosity[0] && zygosity[1] ? " hom" : " het";
    }

    /** The scenario under construction: reference so far, records per side, event tags. */
    private static final class Draft
    {
        final StringBuilder ref = new StringBuilder(4096);
        final List<ExpectedRecord> truth = new ArrayList<>();
        final List<ExpectedRecord> calls = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        private final SplittableRandom filler;

        Draft(final long seed)
        {
            this.filler = new SplittableRandom(seed);
        }

        int length()
        {
            return ref.length();
        }

        char charAt(final int i)
        {
            return ref.charAt(i);
        }

        void append(final String bases)
        {
            ref.append(bases);
        }

        /** Random bases that never shrink: the sequence separating events. */
        void filler(final int n)
        {
            for (int i = 0; i < n; i++)
            {
                ref.append(BASES.charAt(filler.nextInt(4)));
            }
        }

        /** A spacer long enough to cut in its middle, FAR bases from anything; returns the cut point. */
        int longSpacer()
        {
            final int start = ref.length();
            filler(LONG_SPACER);
            return start + LONG_SPACER / 2;
        }

        char drawnBase(final RandomnessSource in)
        {
            final char c = BASES.charAt(draw(in, 0, 3));
            ref.append(c);
            return c;
        }

        String drawnBases(final RandomnessSource in, final int n)
        {
            final String s = drawnString(in, n);
            ref.append(s);
            return s;
        }

        void truth(final List<VcfLine> lines, final boolean matched)
        {
            lines.forEach(l -> truth.add(new ExpectedRecord(l, matched)));
        }

        void calls(final List<VcfLine> lines, final boolean matched)
        {
            lines.forEach(l -> calls.add(new ExpectedRecord(l, matched)));
        }

        void truthFirstMatched(final List<VcfLine> lines)
        {
            for (int i = 0; i < lines.size(); i++)
            {
                truth.add(new ExpectedRecord(lines.get(i), i == 0));
            }
        }

        void callsFirstMatched(final List<VcfLine> lines)
        {
            for (int i = 0; i < lines.size(); i++)
            {
                calls.add(new ExpectedRecord(lines.get(i), i == 0));
            }
        }
    }
}
