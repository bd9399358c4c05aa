package io.callscore.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.callscore.store.MinerStateDescriptor.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinerStateFileTest
{
    @TempDir
    Path dir;

    private Path file()
    {
        return dir.resolve(MinerStateFile.FILE_NAME);
    }

    @Test
    void shouldStartEmptyAtRoundZeroWhenCreated()
    {
        try (MinerStateFile state = MinerStateFile.create(dir, 256, 64))
        {
            assertEquals(0, state.committedRound());
            assertEquals(256, state.uidCapacity());
            assertEquals(64, state.ringCapacity());
            assertFalse(state.isOccupied(255));
            assertEquals("", state.hotkey(0));
            assertEquals(0, state.recentScoreCount(3));
        }
        assertEquals(fileLength(slotLength(256, 64)), file().toFile().length());
    }

    @Test
    void shouldKeepTheLastCommittedRoundAndDropPendingChangesWhenReopened()
    {
        try (MinerStateFile state = MinerStateFile.create(dir, 8, 4))
        {
            state.register(3, "hotkeyA");
            state.ema(3, 0.5);
            state.boost(3, 0.1, 1);
            state.recordScore(3, 0.9, 1);
            state.commit(1);
            state.ema(3, 0.75);
            state.recordScore(3, 0.2, 2);
        }
        try (MinerStateFile state = MinerStateFile.open(dir))
        {
            assertEquals(1, state.committedRound());
            assertEquals("hotkeyA", state.hotkey(3));
            assertEquals(0.5, state.ema(3));
            assertEquals(0.1, state.boostValue(3));
            assertEquals(1, state.boostStartRound(3));
            assertEquals(1, state.scoredTasks(3));
            assertEquals(1, state.lastRoundSeen(3));
            assertEquals(1, state.recentScoreCount(3));
            assertEquals(0.9, state.recentScore(3, 0));
        }
    }

    @Test
    void shouldRestoreTheCommittedStateWhenDiscarding()
    {
        try (MinerStateFile state = MinerStateFile.create(dir, 4, 4))
        {
            state.register(0, "a");
            state.commit(5);
            state.register(0, "b");
            state.ema(1, 3.0);
            state.discard();
            assertEquals("a", state.hotkey(0));
            assertEquals(0.0, state.ema(1));
            assertThrows(IllegalArgumentException.class, () -> state.commit(5), "rounds only move forward");
        }
    }

    @Test
    void shouldKeepTheNewestScoresInOrderWhenTheRingWraps()
    {
        try (MinerStateFile state = MinerStateFile.create(dir, 2, 3))
        {
            for (int i = 1; i <= 7; i++)
            {
                state.recordScore(1, i / 10.0, i);
            }
            assertEquals(7, state.scoredTasks(1));
            assertEquals(3, state.recentScoreCount(1));
            assertEquals(0.5, state.recentScore(1, 0));
            assertEquals(0.6, state.recentScore(1, 1));
            assertEquals(0.7, state.recentScore(1, 2));
            assertEquals(7, state.lastRoundSeen(1));
            state.seen(1, 3);
            assertEquals(7, state.lastRoundSeen(1), "last round seen never goes back");
        }
    }

    @Test
    void shouldResetTheRecordWhenAnotherHotkeyTakesTheUid()
    {
        try (MinerStateFile state = MinerStateFile.create(dir, 2, 3))
        {
            state.register(0, "old");
            state.recordScore(0, 0.4, 1);
            state.ema(0, 0.4);
            state.register(0, "old");
            assertEquals(1, state.scoredTasks(0), "same hotkey keeps the record");
            assertThrows(IllegalArgumentException.class, () -> state.register(0, "bad hotkey"));
            assertEquals(1, state.scoredTasks(0), "a refused hotkey leaves the record as it was");
            state.register(0, "new");
            assertEquals("new", state.hotkey(0));
            assertEquals(0, state.scoredTasks(0));
            assertEquals(0.0, state.ema(0));
            assertEquals(0, state.recentScoreCount(0));
        }
    }

    @Test
    void shouldRefuseWritesAndASecondWriterWhenOpenedThatWay()
    {
        try (MinerStateFile writer = MinerStateFile.create(dir, 2, 2))
        {
            writer.register(1, "x");
            writer.commit(1);
            final StoreException second = assertThrows(StoreException.class, () -> MinerStateFile.open(dir));
            assertTrue(second.getMessage().contains("another writer"), second.getMessage());
            try (MinerStateFile reader = MinerStateFile.openReadOnly(dir))
            {
                assertEquals("x", reader.hotkey(1));
                assertThrows(IllegalStateException.class, () -> reader.ema(1, 2.0));
                assertThrows(IllegalStateException.class, () -> reader.commit(2));
            }
        }
    }

    private void corrupt(final long offset, final byte value) throws Exception
    {
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw"))
        {
            raf.seek(offset);
            raf.write(value);
        }
    }

    private String openError()
    {
        final StoreException e = assertThrows(StoreException.class, () -> MinerStateFile.openReadOnly(dir));
        assertTrue(e.getMessage().startsWith(file().toString() + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        return e.getMessage();
    }

    @Test
    void shouldReportCorruptionWhenTheCommittedSlotIsDamaged() throws Exception
    {
        try (MinerStateFile state = MinerStateFile.create(dir, 4, 4))
        {
            state.register(2, "abc");
            state.commit(1);
        }
        final byte[] before = Files.readAllBytes(file());
        final int slot = slotLength(4, 4);
        corrupt(slotOffset(1, slot) + SLOT_RECORDS_OFFSET + 2 * recordLength(4) + HOTKEY_OFFSET, (byte)'X');
        assertTrue(openError().contains("committed slot 1 (round 1) fails its checksum"));
        final byte[] after = Files.readAllBytes(file());
        assertEquals(before.length, after.length, "never reset");
        assertEquals('X', after[(int)(slotOffset(1, slot) + SLOT_RECORDS_OFFSET + 2 * recordLength(4)
            + HOTKEY_OFFSET)], "the damaged file is left as it was");
    }

    @Test
    void shouldIgnoreAHalfWrittenInactiveSlotWhenItWasNeverCommitted() throws Exception
    {
        try (MinerStateFile state = MinerStateFile.create(dir, 4, 4))
        {
            state.register(1, "abc");
            state.commit(1);
        }
        // A writer killed while writing round 2 into slot 0 leaves garbage there; the commit word still says 1.
        final byte[] noise = new byte[100];
        new Random(3).nextBytes(noise);
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw"))
        {
            raf.seek(slotOffset(0, slotLength(4, 4)) + 8);
            raf.write(noise);
        }
        try (MinerStateFile state = MinerStateFile.open(dir))
        {
            assertEquals(1, state.committedRound());
            assertEquals("abc", state.hotkey(1));
            state.commit(2);
        }
        try (MinerStateFile state = MinerStateFile.openReadOnly(dir))
        {
            assertEquals(2, state.committedRound());
            assertEquals("abc", state.hotkey(1));
        }
    }

    @Test
    void shouldReportCorruptionWhenTheCommitWordNamesAnotherRound() throws Exception
    {
        MinerStateFile.create(dir, 4, 4).close();
        corrupt(COMMIT_WORD_OFFSET, (byte)(7 << 1));
        assertTrue(openError().contains("the header commits round 7 but slot 0 holds round 0"));
    }

    @Test
    void shouldReportTheProblemWhenTheFileIsTruncatedForeignOrHasABadHeader() throws Exception
    {
        MinerStateFile.create(dir, 4, 4).close();
        final byte[] whole = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(whole, whole.length - 100));
        assertTrue(openError().contains("truncated"));
        Files.write(file(), java.util.Arrays.copyOf(whole, 100));
        assertTrue(openError().contains("truncated"));
        Files.writeString(file(), "hello, this is not a miner state file at all".repeat(200));
        assertTrue(openError().contains("not a callscore miner state file"));
        Files.write(file(), whole);
        corrupt(UID_CAPACITY_OFFSET, (byte)5);
        assertTrue(openError().contains("header fails its checksum"));
        Files.write(file(), whole);
        corrupt(VERSION_OFFSET, (byte)2);
        assertTrue(openError().contains("version 2"));
        Files.delete(file());
        assertTrue(openError().contains("not found"));
    }

    @Test
    void shouldRefuseToOverwriteWhenCreatingOverAnExistingFile()
    {
        MinerStateFile.create(dir, 2, 2).close();
        assertTrue(assertThrows(StoreException.class, () -> MinerStateFile.create(dir, 2, 2)).getMessage()
            .contains("already exists"));
    }

    @Test
    void shouldHoldTheLastCommittedRoundExactlyWhenTheWriterIsKilled() throws Exception
    {
        MinerStateFile.create(dir, MinerStateCrashWriter.UIDS, MinerStateCrashWriter.RING).close();
        final Random random = new Random(20_240_601);
        long lastPrinted = 0;
        int beyondPrinted = 0;
        for (int kill = 0; kill < 4; kill++)
        {
            final Process writer = ChildJvm.start(MinerStateCrashWriter.class, dir.toString());
            final BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.US_ASCII));
            // Read every printed round as it comes, so the writer never blocks on a full pipe and the kill can land
            // anywhere in its loop: inside a commit, between commit and print, or in the next round's changes.
            final AtomicLong lastLine = new AtomicLong(lastPrinted);
            final CountDownLatch started = new CountDownLatch(1);
            final Thread reader = new Thread(() ->
            {
                try
                {
                    String line;
                    while ((line = out.readLine()) != null)
                    {
                        lastLine.set(Long.parseLong(line));
                        started.countDown();
                    }
                }
                catch (final IOException e)
                {
                    // The pipe breaks when the writer dies.
                }
            });
            reader.start();
            assertTrue(started.await(60, TimeUnit.SECONDS), "the writer never committed a round");
            Thread.sleep(random.nextInt(300));
            writer.toHandle().destroyForcibly();
            writer.waitFor();
            reader.join();
            final long printed = lastLine.get();
            assertTrue(printed > lastPrinted, "the writer made progress");
            try (MinerStateFile state = MinerStateFile.openReadOnly(dir))
            {
                final long committed = state.committedRound();
                // A kill between commit and print leaves one round more than printed; never fewer.
                assertTrue(committed == printed || committed == printed + 1,
                    "committed " + committed + ", last printed " + printed);
                beyondPrinted += committed > printed ? 1 : 0;
                System.out.println("kill " + kill + ": printed " + printed + ", committed " + committed);
                assertEquals(MinerStateCrashWriter.expected(committed).describe(), MinerStateModel.describe(state));
                lastPrinted = committed;
            }
        }
        assertTrue(beyondPrinted <= 4);
    }
}
