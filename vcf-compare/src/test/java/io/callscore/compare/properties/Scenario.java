package io.callscore.compare.properties;

import io.callscore.vcf.ReferenceGenome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated comparison fixture: the reference contigs, truth and call records each with the status the
 * comparison must give it, a cut point at least {@link ScenarioGenerator#FAR} bases from every record, and an
 * extra call that lies at least that far from every record.
 *
 * @param contigs  reference contigs in order
 * @param truth    truth records in file order
 * @param calls    call records in file order
 * @param cut      0-based position on the first contig where it can be cut in two
 * @param farCall  a call no truth record can match, far from every other record
 * @param events   what was generated, one tag per event (for failure messages and coverage checks)
 */
record Scenario(Map<String, String> contigs, List<ExpectedRecord> truth, List<ExpectedRecord> calls, int cut,
    VcfLine farCall, List<String> events)
{
    ReferenceGenome reference()
    {
        return ReferenceGenome.of(contigs);
    }

    List<VcfLine> truthLines()
    {
        return lines(truth);
    }

    List<VcfLine> callLines()
    {
        return lines(calls);
    }

    /** The counts a correct comparison reports. */
    CountsByClass expected()
    {
        return CountsByClass.model(truth, calls);
    }

    /** The same fixture with the roles of truth and calls exchanged. */
    Scenario swapped()
    {
        return new Scenario(contigs, calls, truth, cut, farCall, events);
    }

    Scenario withCalls(final List<ExpectedRecord> newCalls)
    {
        return new Scenario(contigs, truth, newCalls, cut, farCall, events);
    }

    /** The first contig cut at {@link #cut} into two contigs, records moved with their bases. */
    Scenario cutInTwo()
    {
        final String name = contigs.keySet().iterator().next();
        final String bases = contigs.get(name);
        final Map<String, String> parts = new LinkedHashMap<>();
        parts.put(name + "a", bases.substring(0, cut));
        parts.put(name + "b", bases.substring(cut));
        contigs.forEach((other, seq) ->
        {
            if (!other.equals(name))
            {
                parts.put(other, seq);
            }
        });
        return new Scenario(parts, cutRecords(truth, name), cutRecords(calls, name), -1, null, events);
    }

    private List<ExpectedRecord> cutRecords(final List<ExpectedRecord> records, final String name)
    {
        final List<ExpectedRecord> out = new ArrayList<>();
        for (final ExpectedRecord r : records)
        {
            final VcfLine line = r.line();
            final VcfLine moved = !line.contig().equals(name) ? line
                : line.pos() - 1 < cut ? line.movedTo(name + "a", 0) : line.movedTo(name + "b", cut);
            out.add(new ExpectedRecord(moved, r.matched()));
        }
        return out;
    }

    private static List<VcfLine> lines(final List<ExpectedRecord> records)
    {
        final List<VcfLine> out = new ArrayList<>(records.size());
        for (final ExpectedRecord r : records)
        {
            out.add(r.line());
        }
        return out;
    }

    /** A readable dump: events, records with their expected status, and the reference. */
    String describe()
    {
        final StringBuilder s = new StringBuilder(256);
        s.append("events ").append(events).append("\ntruth:\n");
        truth.forEach(r -> s.append("  ").append(r.line().text()).append(r.matched() ? "  TP" : "  FN").append('\n'));
        s.append("calls:\n");
        calls.forEach(r -> s.append("  ").append(r.line().text()).append(r.matched() ? "  TP" : "  FP").append('\n'));
        s.append("cut ").append(cut).append(", far call ").append(farCall == null ? "-" : farCall.text()).append('\n');
        contigs.forEach((name, bases) -> s.append('>').append(name).append('\n').append(bases).append('\n'));
        return s.toString();
    }
}
