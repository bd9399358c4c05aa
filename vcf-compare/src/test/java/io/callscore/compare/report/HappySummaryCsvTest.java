package io.callscore.compare.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HappySummaryCsvTest
{
    @Test
    void shouldRoundMetricsToSixDecimalsInShortestFormWhenFormatting()
    {
        assertEquals("1.0", HappySummaryCsv.metric(1.0));
        assertEquals("0.0", HappySummaryCsv.metric(0.0));
        assertEquals("0.666667", HappySummaryCsv.metric(2.0 / 3));
        assertEquals("0.2", HappySummaryCsv.metric(0.2));
        assertEquals("0.000001", HappySummaryCsv.metric(1.0 / 999_999));
        assertEquals("", HappySummaryCsv.metric(Double.NaN));
    }

    @Test
    void shouldPrintRatiosAsPythonFloatsWhenFormatting()
    {
        assertEquals("2.271062271062271", HappySummaryCsv.decimal(620.0 / 273));
        assertEquals("3.0", HappySummaryCsv.decimal(3));
        assertEquals("0.0001", HappySummaryCsv.decimal(0.0001));
    }

    @Test
    void shouldLeaveF1EmptyAndRatesZeroWhenAClassHasNothing()
    {
        final HappyTally tally = new HappyTally();
        tally.add(false, false, true, RecordDecisions.TP, VcfDataLine.TRANSITION, Zygosity.HET);
        tally.add(true, false, true, RecordDecisions.TP, VcfDataLine.TRANSITION, Zygosity.HET);
        final String[] rows = HappySummaryCsv.format(tally).split("\n");
        assertEquals(5, rows.length);
        assertEquals("INDEL,ALL,0,0,0,0,0,0,,,0.0,0.0,0.0,,,,,", rows[1]);
        assertEquals("SNP,PASS,1,1,0,1,0,0,,,1.0,1.0,0.0,1.0,,,,", rows[4]);
    }

    @Test
    void shouldLeavePrecisionEmptyWhenEveryQueryRecordIsUnknown()
    {
        final HappyTally tally = new HappyTally();
        tally.add(false, true, false, RecordDecisions.MISS, 0, Zygosity.HOMALT);
        tally.add(true, true, false, RecordDecisions.UNK, 0, Zygosity.HOMALT);
        final String indelAll = HappySummaryCsv.format(tally).split("\n")[1];
        assertEquals("INDEL,ALL,1,0,1,1,0,1,,,0.0,,1.0,,,,0.0,0.0", indelAll);
    }

    @Test
    void shouldNotCountTruthOutsideRegionsWhenTallying()
    {
        final HappyTally tally = new HappyTally();
        tally.add(false, false, true, RecordDecisions.UNK, VcfDataLine.TRANSVERSION, Zygosity.HET);
        tally.add(false, false, true, RecordDecisions.UNCOUNTED, VcfDataLine.TRANSVERSION, Zygosity.HET);
        assertEquals(0, tally.count(false, false, false, HappyTally.TV));
        assertEquals(0, tally.count(false, false, true, HappyTally.UNK));
    }
}
