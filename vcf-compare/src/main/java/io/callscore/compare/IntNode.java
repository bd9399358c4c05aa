package io.callscore.compare;

/** Persistent list of ints, newest first (excluded variants, sync points). */
record IntNode(int value, IntNode tail)
{
    static int[] toArrayOldestFirst(final IntNode head)
    {
        int n = 0;
        for (IntNode x = head; x != null; x = x.tail)
        {
            n++;
        }
        final int[] out = new int[n];
        for (IntNode x = head; x != null; x = x.tail)
        {
            out[--n] = x.value;
        }
        return out;
    }
}
