package io.callscore.engine.pool;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReorderBufferTest
{
    @Test
    void shouldReleaseRecordsInStablePositionOrderWhenSomeArriveEarly()
    {
        final SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 200; round++)
        {
            final ReorderBuffer buffer = new ReorderBuffer();
            final List<PendingRecord> all = new ArrayList<>();
            final List<PendingRecord> out = new ArrayList<>();
            int pos = 0;
            final int n = 1 + random.nextInt(300);
            for (int i = 0; i < n; i++)
            {
                pos += random.nextInt(3);
                final PendingRecord p = new PendingRecord();
                // One in ten moved back (an edited read whose start moved), sometimes onto equal positions.
                p.pos = random.nextInt(10) == 0 ? Math.max(0, pos - random.nextInt(40)) : pos;
                p.order = i;
                all.add(p);
                buffer.add(p);
                // Release what is safely behind, as the streaming pass does with its lag.
                while (!buffer.isEmpty() && buffer.peek().pos < pos - 50)
                {
                    out.add(buffer.poll());
                }
            }
            while (!buffer.isEmpty())
            {
                out.add(buffer.poll());
            }
            assertNull(buffer.poll());
            all.sort(Comparator.<PendingRecord>comparingInt(p -> p.pos).thenComparingLong(p -> p.order));
            assertEquals(all, out, "round " + round);
        }
    }
}
