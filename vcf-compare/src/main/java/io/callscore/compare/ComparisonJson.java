package io.callscore.compare;

/**
 * The one-line JSON form of a comparison, as printed by {@code callscore compare --json} and by batch mode:
 * <pre>
 * {"total":{"tp_base":N,"tp_call":N,"fp":N,"fn":N,"precision":X,"recall":X,"f1":X},"snp":{...},"indel":{...},
 *  "score":X,"skipped":N,"too_complex_regions":N}
 * </pre>
 */
public final class ComparisonJson
{
    private ComparisonJson()
    {
    }

    public static String of(final ComparisonResult r)
    {
        return of(null, r);
    }

    /** With a leading {@code "id"} field (batch mode). */
    public static String of(final String id, final ComparisonResult r)
    {
        final StringBuilder sb = new StringBuilder(320);
        sb.append('{');
        if (id != null)
        {
            sb.append("\"id\":").append(quote(id)).append(',');
        }
        sb.append("\"total\":");
        counts(sb, r.counts().total());
        sb.append(",\"snp\":");
        counts(sb, r.counts().snp());
        sb.append(",\"indel\":");
        counts(sb, r.counts().indel());
        sb.append(",\"score\":").append(r.score());
        sb.append(",\"skipped\":").append(r.skipped());
        sb.append(",\"too_complex_regions\":").append(r.tooComplexRegions().size());
        return sb.append('}').toString();
    }

    /** {@code {"id":"...","error":"..."}} for a batch case that failed. */
    public static String error(final String id, final String message)
    {
        return "{\"id\":" + quote(id) + ",\"error\":" + quote(message) + "}";
    }

    private static void counts(final StringBuilder sb, final Counts.ClassCounts c)
    {
        sb.append("{\"tp_base\":").append(c.tpBase())
            .append(",\"tp_call\":").append(c.tpCall())
            .append(",\"fp\":").append(c.fp())
            .append(",\"fn\":").append(c.fn())
            .append(",\"precision\":").append(c.precision())
            .append(",\"recall\":").append(c.recall())
            .append(",\"f1\":").append(c.f1())
            .append('}');
    }

    /** A JSON string literal. */
    public static String quote(final String s)
    {
        final StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        sb.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
