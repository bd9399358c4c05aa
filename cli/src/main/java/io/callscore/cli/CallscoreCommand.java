package io.callscore.cli;

public final class CallscoreCommand
{
    public static void main(final String[] args)
    {
    }
}
