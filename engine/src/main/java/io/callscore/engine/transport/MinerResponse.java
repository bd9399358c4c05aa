package io.callscore.engine.transport;

import java.nio.file.Path;

/**
 * What came back from one miner for one task: a VCF file, or why not.
 *
 * @param status    OK, or the failure kind
 * @param vcf       the returned VCF (only meaningful when OK)
 * @param reason    one line for the round record (empty when OK)
 * @param elapsedMs time from sending the task to the end of the response
 * @param bytes     bytes received
 */
public record MinerResponse(Status status, Path vcf, String reason, long elapsedMs, long bytes)
{
    /** Outcome kinds; anything but OK scores 0 with the reason. */
    public enum Status
    {
        OK,
        TIMEOUT,
        FAILED,
        TOO_LARGE
    }

    public static MinerResponse ok(final Path vcf, final long elapsedMs, final long bytes)
    {
        return new MinerResponse(Status.OK, vcf, "", elapsedMs, bytes);
    }

    public static MinerResponse failed(final Status status, final String reason, final long elapsedMs)
    {
        return new MinerResponse(status, null, reason.replace('\n', ' '), elapsedMs, 0);
    }

    public boolean isOk()
    {
        return status == Status.OK;
    }
}
