package io.callscore.engine.anticheat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Flags identical call sets from different miners: the first miner to submit a fingerprint owns it for a look-back
 * window of rounds; a different miner submitting the same fingerprint later (in the same round, by arrival order,
 * or a later round) is a duplicate and scores 0. Empty call sets are never flagged: they are all alike and score
 * nothing anyway.
 */
public final class DuplicateDetector
{
    /** Who first submitted a fingerprint, and when. */
    public record Owner(int uid, long round, String taskId)
    {
    }

    private record Seen(String fingerprint, long round)
    {
    }

    private final int lookBackRounds;
    private final Map<String, Owner> owners = new HashMap<>();
    private final ArrayDeque<Seen> order = new ArrayDeque<>();

    public DuplicateDetector(final int lookBackRounds)
    {
        this.lookBackRounds = lookBackRounds;
    }

    /**
     * Records a submission; returns the earlier owner when a different miner submitted the same calls within the
     * look-back window, else null.
     */
    public Owner submit(final String fingerprint, final boolean empty, final int uid, final long round,
        final String taskId)
    {
        forgetBefore(round - lookBackRounds);
        if (empty)
        {
            return null;
        }
        final Owner owner = owners.get(fingerprint);
        if (owner != null && owner.uid() != uid)
        {
            return owner;
        }
        if (owner == null)
        {
            owners.put(fingerprint, new Owner(uid, round, taskId));
            order.add(new Seen(fingerprint, round));
        }
        return null;
    }

    private void forgetBefore(final long oldestRound)
    {
        while (!order.isEmpty() && order.peek().round() < oldestRound)
        {
            final Seen s = order.poll();
            final Owner o = owners.get(s.fingerprint());
            if (o != null && o.round() == s.round())
            {
                owners.remove(s.fingerprint());
            }
        }
    }

    /** Fingerprints currently remembered. */
    public int size()
    {
        return owners.size();
    }
}
