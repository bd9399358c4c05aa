package io.callscore.vcf;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Jazzer fuzz test of {@link VariantLoader#load}: arbitrary bytes as a VCF (plain, gzip, bgzip) load or fail with
 * a one-line {@link InputException}, nothing else ({@link ArbitraryVcfBytes}).
 *
 * <p><b>Regression mode</b> (every {@code mvn test}): the test runs on the empty input and on each file in
 * {@code src/test/resources/io/callscore/vcf/VariantLoaderFuzzTestInputs/<method>/} (seeds, and past findings
 * once copied there); it takes well under a second after Jazzer's agent has started.
 *
 * <p><b>Fuzzing mode</b> (Linux/macOS x86_64 or arm64): set {@code JAZZER_FUZZ=1} and run this test alone. Jazzer
 * 0.24's bundled ASM reads class files up to Java 23 (major 67), so on JDK 25 it cannot instrument release-25
 * classes for coverage and fuzzes blind ("no interesting inputs were found"); compile for release 23 while fuzzing:
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o clean test -pl vcf-compare -Dmaven.compiler.release=23 \
 *     -Dtest=VariantLoaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * mvn -B -o clean -pl vcf-compare     # afterwards, so release-25 classes are built again
 * </pre>
 * A run lasts {@code maxDuration}. jazzer-junit 0.24 has no system property or environment variable that
 * overrides it (libFuzzer's {@code -max_total_time} is built from the annotation alone), so fuzz longer by
 * repeating the command (the corpus is kept in {@code vcf-compare/.cifuzz-corpus/} and each run resumes from it)
 * or by raising {@code maxDuration} locally. A crashing input is saved in the inputs directory above and replays
 * in every regression run from then on. Hangs are reported by libFuzzer's per-input timeout (1200 s unless a JUnit
 * timeout is configured); no JUnit {@code @Timeout} is set because in fuzzing mode JUnit would apply it to the
 * whole run (jazzer issue #930). Dictionary entries must not contain tabs or newlines: libFuzzer then rejects the
 * dictionary file and Jazzer exits with code 1.
 */
class VariantLoaderFuzzTest
{
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"##fileformat=VCFv4.2", "#CHROM", "POS", "FORMAT", "chr1", "chr2", "PASS", "GT", "GT:FT",
        ":PASS", "0/1", "1|2", "./.", "<DEL>", "*", "END=", "ACGTN"})
    void shouldLoadOrThrowInputExceptionWhenGivenArbitraryBytes(final byte[] data) throws IOException
    {
        ArbitraryVcfBytes.check(data, dir);
    }
}
