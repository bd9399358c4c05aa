package io.callscore.vcf.simd;

import io.callscore.vcf.simd.VectorizationProvider.Environment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every branch of the provider's choice, run in-process through {@link VectorizationProvider#lookup}, plus a
 * check that each Surefire execution really runs the JVM it claims to (with and without the vector module).
 */
final class VectorizationProviderTest
{
    /** Set by the Surefire executions in vcf-compare/pom.xml: "present" or "absent". */
    private static final String EXPECTED_MODULE_PROP_NAME = "callscore.test.vectorModule";
    private static final String HOTSPOT = "OpenJDK 64-Bit Server VM";
    private static final String MIXED_MODE = "mixed mode, sharing";

    private final List<String> warnings = new ArrayList<>();

    @Test
    void shouldChooseScalarSilentlyWhenSimdPropertyIsFalse()
    {
        assertInstanceOf(ScalarByteKernels.class, lookup(new Environment("false", true, HOTSPOT, MIXED_MODE, false)));
        assertInstanceOf(ScalarByteKernels.class, lookup(new Environment(" FALSE", false, HOTSPOT, MIXED_MODE, false)));
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldChooseScalarWhenSimdPropertyIsSetToFalseInThisProcess()
    {
        final String before = System.getProperty(VectorizationProvider.SIMD_PROP_NAME);
        System.setProperty(VectorizationProvider.SIMD_PROP_NAME, "false");
        try
        {
            assertInstanceOf(ScalarByteKernels.class, lookup(Environment.current()));
            assertEquals(List.of(), warnings);
        }
        finally
        {
            if (before == null)
            {
                System.clearProperty(VectorizationProvider.SIMD_PROP_NAME);
            }
            else
            {
                System.setProperty(VectorizationProvider.SIMD_PROP_NAME, before);
            }
        }
    }

    @Test
    void shouldWarnOnceWithTheFlagWhenVectorModuleIsMissing()
    {
        assertInstanceOf(ScalarByteKernels.class, lookup(new Environment(null, false, HOTSPOT, MIXED_MODE, false)));
        assertEquals(1, warnings.size());
        final String warning = warnings.getFirst();
        assertFalse(warning.contains("\n"), warning);
        assertTrue(warning.contains("--add-modules=jdk.incubator.vector"), warning);
    }

    @Test
    void shouldChooseScalarSilentlyWhenC2IsNotCompiling()
    {
        for (final Environment withoutC2 : List.of(
            new Environment(null, true, HOTSPOT, "interpreted mode, sharing", false),
            new Environment(null, true, HOTSPOT, "mixed mode, emulated-client, sharing", false),
            new Environment(null, true, HOTSPOT, MIXED_MODE, true),
            new Environment(null, true, "Eclipse OpenJ9 VM", "JRE 25 Linux amd64-64-Bit", false)))
        {
            assertInstanceOf(ScalarByteKernels.class, lookup(withoutC2), withoutC2.toString());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldChooseScalarSilentlyWhenC2IsNotCompilingAndVectorModuleIsMissing()
    {
        // bin/callscore's C1 profile for a single compare runs without the module (config/jvm.args).
        assertInstanceOf(ScalarByteKernels.class,
            lookup(new Environment(null, false, HOTSPOT, "mixed mode, emulated-client, sharing", false)));
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldChoosePanamaWhenModuleIsLoadedOnHotSpotWithC2()
    {
        assumeTrue(VectorizationProvider.findVectorModule().isPresent(), "jdk.incubator.vector is not loaded");
        final Environment current = Environment.current();
        assumeTrue(current.hotSpotWithC2(), "not HotSpot with C2: " + current);
        final ByteKernels chosen = lookup(new Environment(null, true, current.vmName(), current.vmInfo(), false));
        assertEquals("PanamaByteKernels", chosen.getClass().getSimpleName());
        assertTrue(chosen.description().startsWith("Panama Vector API, "), chosen.description());
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldRunWithVectorModuleWhenSurefireUsesProjectJvmArgs()
    {
        assumeTrue("present".equals(System.getProperty(EXPECTED_MODULE_PROP_NAME)), "not the vector execution");
        assertTrue(VectorizationProvider.findVectorModule().isPresent(), "config/jvm.args lost the vector module");
        assertEquals("PanamaByteKernels", VectorizationProvider.byteKernels().getClass().getSimpleName());
    }

    @Test
    void shouldRunScalarFallbackWhenSurefireDropsVectorModule()
    {
        assumeTrue("absent".equals(System.getProperty(EXPECTED_MODULE_PROP_NAME)), "not the fallback execution");
        assertFalse(VectorizationProvider.findVectorModule().isPresent(), "the fallback run still loads the module");
        assertInstanceOf(ScalarByteKernels.class, VectorizationProvider.byteKernels());
    }

    @Test
    void shouldPinLaneWidthWhenVectorBitsPropertyIsSet()
    {
        final Integer bits = Integer.getInteger("callscore.simd.vectorBits");
        assumeTrue(bits != null && VectorizationProvider.findVectorModule().isPresent(), "no pinned vector width");
        assertTrue(VectorizationProvider.newPanama().description().contains(bits + "-bit (" + bits / 8 + " byte lanes)"),
            VectorizationProvider.newPanama().description());
    }

    private ByteKernels lookup(final Environment environment)
    {
        return VectorizationProvider.lookup(environment, warnings::add);
    }
}
