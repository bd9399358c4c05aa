package io.callscore.engine.pool;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * Puts scrubbed records back in coordinate order after edits moved a few starts. Almost every record arrives in
 * order, so those go to a FIFO at no cost; only a record that starts before the FIFO's last one goes to a heap.
 * Both stay sorted by (position, arrival), so the next record out is the smaller of the two heads: the same
 * stable order as one heap of everything, without a heap operation per read.
 */
final class ReorderBuffer
{
    private final ArrayDeque<PendingRecord> inOrder = new ArrayDeque<>();
    private final PriorityQueue<PendingRecord> moved = new PriorityQueue<>(ReorderBuffer::compare);

    void add(final PendingRecord p)
    {
        final PendingRecord last = inOrder.peekLast();
        if (last == null || p.pos >= last.pos)
        {
            inOrder.addLast(p);
        }
        else
        {
            moved.add(p);
        }
    }

    boolean isEmpty()
    {
        return inOrder.isEmpty() && moved.isEmpty();
    }

    /** The next record in order, without taking it; null when empty. */
    PendingRecord peek()
    {
        final PendingRecord a = inOrder.peekFirst();
        final PendingRecord b = moved.peek();
        if (a == null)
        {
            return b;
        }
        return b == null || compare(a, b) <= 0 ? a : b;
    }

    /** Takes the next record in order; null when empty. */
    PendingRecord poll()
    {
        final PendingRecord next = peek();
        if (next != null)
        {
            if (next == inOrder.peekFirst())
            {
                inOrder.pollFirst();
            }
            else
            {
                moved.poll();
            }
        }
        return next;
    }

    private static int compare(final PendingRecord a, final PendingRecord b)
    {
        final int c = Integer.compare(a.pos, b.pos);
        return c != 0 ? c : Long.compare(a.order, b.order);
    }
}
