package io.callscore.vcf.simd;

import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Base of the tests that pit the two implementations against each other: builds both directly, whatever the
 * provider would choose, and skips (not fails) when {@code jdk.incubator.vector} is not loaded, as in the
 * Surefire run that covers the scalar fallback.
 */
abstract class ByteKernelsTestCase
{
    static final ByteKernels SCALAR = new ScalarByteKernels();
    static ByteKernels panama;

    @BeforeAll
    static void createBothImplementations()
    {
        assumeTrue(VectorizationProvider.findVectorModule().isPresent(),
            "jdk.incubator.vector is not loaded: nothing to compare the scalar kernels with");
        panama = VectorizationProvider.newPanama();
    }
}
