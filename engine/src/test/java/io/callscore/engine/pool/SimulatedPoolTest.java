package io.callscore.engine.pool;

import com.fasterxml.jackson.databind.JsonNode;
import io.callscore.vcf.ReferenceGenome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated path: FASTQ pairs from haplotypes that carry the truth minus spike-outs plus spikes. */
class SimulatedPoolTest
{
    @TempDir
    static Path tmp;

    private static Path pool;
    private static List<JsonNode> tasks;

    @BeforeAll
    static void build() throws IOException, InterruptedException
    {
        final PoolFixture f = PoolFixture.simulated();
        pool = tmp.resolve("POOL");
        final PoolBuildOptions o = PoolBuildOptions.defaults(f.reference, f.truth, f.confident, null, "SIM1", pool)
            .withWindows(1, 30_000).withCoverages(List.of(30, 10)).withSpikes(12, 6, 0.05).withSites(60, 3)
            .withSimulation(true, 150, 400, 50, 0.002).withOutput("standard", 1000, 1, false);
        new PoolBuilder(o, FilePoolSink.open(pool), null).run();
        tasks = PoolTestSupport.manifest(pool);
    }

    private record Fastq(List<String> names, List<String> bases, List<String> quals)
    {
    }

    private static Fastq read(final Path file) throws IOException
    {
        final Fastq out = new Fastq(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
            Files.newInputStream(file)), StandardCharsets.US_ASCII)))
        {
            String name;
            while ((name = r.readLine()) != null)
            {
                out.names().add(name);
                out.bases().add(r.readLine());
                assertEquals("+", r.readLine());
                out.quals().add(r.readLine());
            }
        }
        return out;
    }

    @Test
    void shouldDeliverPairedFastqAtEachCoverage() throws IOException
    {
        assertEquals(2, tasks.size());
        final Set<String> allNames = new HashSet<>();
        for (final JsonNode t : tasks)
        {
            assertEquals("FASTQ", t.get("inputType").asText());
            final Path dir = pool.resolve(t.get("dataLocator").asText());
            try (var s = Files.list(dir))
            {
                assertEquals(Set.of("reads_1.fq.gz", "reads_2.fq.gz", "ref.fa", "ref.fa.fai"),
                    Set.copyOf(s.map(p -> p.getFileName().toString()).toList()));
            }
            final Fastq r1 = read(dir.resolve("reads_1.fq.gz"));
            final Fastq r2 = read(dir.resolve("reads_2.fq.gz"));
            assertEquals(r1.names(), r2.names(), "mates share their name, in the same order");
            final int sliceLength = ReferenceGenome.open(dir.resolve("ref.fa")).length("window");
            final double depth = 2.0 * 150 * r1.names().size() / sliceLength;
            final double coverage = t.get("coverage").asDouble();
            assertTrue(Math.abs(depth - coverage) < 0.1 * coverage, "depth " + depth + " for " + coverage);
            for (int i = 0; i < r1.names().size(); i++)
            {
                assertEquals(150, r1.bases().get(i).length());
                assertEquals(150, r2.quals().get(i).length());
                assertTrue(r1.names().get(i).matches("@[0-9a-f]{" + KeyedHash.NAME_LENGTH + "}"), r1.names().get(i));
                allNames.add(r1.names().get(i));
            }
            final String everything = Files.readString(dir.resolve("ref.fa")) + Files.readString(dir.resolve("ref.fa.fai"));
            assertFalse(everything.contains("chr20") || everything.contains("HG001") || everything.contains("SIM1"));
        }
        assertEquals(tasks.get(0).get("reads").asLong() + tasks.get(1).get("reads").asLong(), allNames.size(),
            "names are fresh per task");
    }

    @Test
    void shouldCarrySpikesAndNotSpikeOutsInTheReads() throws IOException
    {
        final JsonNode t = tasks.getFirst();
        final Path dir = pool.resolve(t.get("dataLocator").asText());
        final byte[] codes = ReferenceGenome.open(dir.resolve("ref.fa")).bases("window");
        final StringBuilder ref = new StringBuilder();
        for (final byte c : codes)
        {
            ref.append((char)io.callscore.vcf.Bases.letter(c));
        }
        final Set<String> kmers = new HashSet<>();
        for (final String fq : List.of("reads_1.fq.gz", "reads_2.fq.gz"))
        {
            for (final String read : read(dir.resolve(fq)).bases())
            {
                for (final String s : List.of(read, reverseComplement(read)))
                {
                    for (int i = 0; i + 21 <= s.length(); i++)
                    {
                        kmers.add(s.substring(i, i + 21));
                    }
                }
            }
        }
        int checked = 0;
        for (final PoolTestSupport.Edit e : PoolTestSupport.edits(pool.resolve(t.get("edits").asText())))
        {
            if (!e.isSnv())
            {
                continue;
            }
            final int p = e.pos() - 1;
            final String refMer = ref.substring(p - 10, p + 11);
            final String altMer = ref.substring(p - 10, p) + e.alt() + ref.substring(p + 1, p + 11);
            if (e.kind().equals("spike-out"))
            {
                assertFalse(kmers.contains(altMer), "spiked-out " + e + " still in the reads");
                assertTrue(kmers.contains(refMer), "reference back at " + e);
            }
            else
            {
                assertTrue(kmers.contains(altMer), "spike " + e + " in the reads");
                assertEquals(!e.gt().equals("1/1"), kmers.contains(refMer), "zygosity of " + e);
            }
            checked++;
        }
        assertTrue(checked >= 10, "checked " + checked);
    }

    private static String reverseComplement(final String s)
    {
        final StringBuilder sb = new StringBuilder(s.length());
        for (int i = s.length() - 1; i >= 0; i--)
        {
            sb.append(switch (s.charAt(i))
            {
                case 'A' -> 'T';
                case 'C' -> 'G';
                case 'G' -> 'C';
                case 'T' -> 'A';
                default -> 'N';
            });
        }
        return sb.toString();
    }
}
