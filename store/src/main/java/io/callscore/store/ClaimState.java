package io.callscore.store;

/**
 * Life of a task in the claim pool: {@code AVAILABLE -> CLAIMED -> SCORED}, or {@code CLAIMED -> EXPIRED} when its
 * deadline passes. SCORED and EXPIRED are final: a task is handed out at most once, ever.
 */
public enum ClaimState
{
    AVAILABLE(1),
    CLAIMED(2),
    SCORED(3),
    EXPIRED(4);

    private static final ClaimState[] BY_CODE = {null, AVAILABLE, CLAIMED, SCORED, EXPIRED};

    private final byte code;

    ClaimState(final int code)
    {
        this.code = (byte)code;
    }

    /** The byte stored in a claim record. */
    public byte code()
    {
        return code;
    }

    /** The state of a stored byte, or null when the byte is not a state. */
    public static ClaimState ofCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
