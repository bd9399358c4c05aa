package io.callscore.engine.anticheat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DuplicateDetectorTest
{
    @Test
    void shouldFlagTheLaterSubmitterOfTheSameCallsAndNotTheFirst()
    {
        final DuplicateDetector d = new DuplicateDetector(5);
        assertNull(d.submit("f1", false, 1, 10, "t1"));
        final DuplicateDetector.Owner owner = d.submit("f1", false, 2, 10, "t2");
        assertEquals(1, owner.uid());
        assertEquals("t1", owner.taskId());
        assertNull(d.submit("f1", false, 1, 11, "t3"), "resubmitting one's own calls is not copying");
    }

    @Test
    void shouldForgetFingerprintsOlderThanTheLookBack()
    {
        final DuplicateDetector d = new DuplicateDetector(3);
        assertNull(d.submit("f1", false, 1, 10, "t1"));
        assertEquals(1, d.submit("f1", false, 2, 13, "t2").uid());
        assertNull(d.submit("f1", false, 2, 14, "t3"));
    }

    @Test
    void shouldNeverFlagEmptyCallSets()
    {
        final DuplicateDetector d = new DuplicateDetector(3);
        assertNull(d.submit("empty", true, 1, 10, "t1"));
        assertNull(d.submit("empty", true, 2, 10, "t2"));
        assertEquals(0, d.size());
    }
}
