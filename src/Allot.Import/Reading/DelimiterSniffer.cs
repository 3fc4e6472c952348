namespace Allot.Import.Reading;

/// <summary>Guesses a text table's field separator from its first lines.</summary>
internal static class DelimiterSniffer
{
    /// <summary>How many non-blank records are looked at.</summary>
    public const int SampleRecords = 20;

    // Order breaks ties: a comma is the likeliest delimiter, then tab, semicolon, pipe.
    private static readonly char[] s_candidates = [',', '\t', ';', '|'];

    /// <summary>Picks the layout of <paramref name="text"/>, the decoded start of the file.</summary>
    /// <param name="text">The start of the file.</param>
    /// <param name="isComplete">True when <paramref name="text"/> is the whole file, so its last line is whole.</param>
    public static TextLayout Sniff(ReadOnlySpan<char> text, bool isComplete)
    {
        Span<int> counts = stackalloc int[SampleRecords];
        TextLayout? best = null;
        (bool Consistent, double Share, int Fields) bestScore = default;
        foreach (var d in s_candidates)
        {
            var n = CountFields(text, d, isComplete, counts);
            if (n == 0)
            {
                continue;
            }
            var (mode, share) = Mode(counts[..n]);
            if (mode < 2)
            {
                continue;
            }
            var score = (share >= 1.0, share, mode);
            // A consistent count beats an inconsistent one; then the more consistent, then the more fields.
            if (best is null || Better(score, bestScore))
            {
                best = new TextLayout(d, false);
                bestScore = score;
            }
        }
        // An inconsistent delimiter is still taken when most lines agree: ragged rows are the caller's to reject.
        if (best is { } found && bestScore.Share >= 0.5)
        {
            return found;
        }

        var w = CountWhitespaceFields(text, isComplete, counts);
        if (w > 0)
        {
            var (mode, share) = Mode(counts[..w]);
            if (mode >= 2 && share >= 1.0)
            {
                return TextLayout.WhitespaceSeparated;
            }
        }
        return best ?? new TextLayout(TextLayout.NoDelimiter, false);
    }

    private static bool Better((bool Consistent, double Share, int Fields) a, (bool Consistent, double Share, int Fields) b)
    {
        if (a.Consistent != b.Consistent) return a.Consistent;
        if (a.Share != b.Share) return a.Share > b.Share;
        return a.Fields > b.Fields;
    }

    private static (int Mode, double Share) Mode(ReadOnlySpan<int> counts)
    {
        int mode = 0, modeFreq = 0;
        foreach (var c in counts)
        {
            var f = 0;
            foreach (var o in counts)
            {
                if (o == c) f++;
            }
            if (f > modeFreq || (f == modeFreq && c > mode))
            {
                mode = c;
                modeFreq = f;
            }
        }
        return (mode, (double)modeFreq / counts.Length);
    }

    /// <summary>Fields per record for delimiter <paramref name="d"/>, honouring quotes (which may span lines).</summary>
    private static int CountFields(ReadOnlySpan<char> text, char d, bool isComplete, Span<int> counts)
    {
        int n = 0, fields = 1, lineChars = 0;
        bool inQuotes = false, fieldStart = true;
        for (var i = 0; i < text.Length && n < counts.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') i++;
                    else inQuotes = false;
                }
                continue;
            }
            if (c == '\r' || c == '\n')
            {
                if (lineChars > 0)
                {
                    counts[n++] = fields;
                }
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields = 1;
                lineChars = 0;
                fieldStart = true;
                continue;
            }
            // Whitespace-only lines are blank to the reader, so they must not vote either.
            if (c == d || (c != ' ' && c != '\t'))
            {
                lineChars++;
            }
            if (c == d)
            {
                fields++;
                fieldStart = true;
            }
            else if (c == '"' && fieldStart)
            {
                inQuotes = true;
                fieldStart = false;
            }
            else
            {
                fieldStart = false;
            }
        }
        // The last line counts only if it is known to be whole.
        if (isComplete && lineChars > 0 && !inQuotes && n < counts.Length)
        {
            counts[n++] = fields;
        }
        return n;
    }

    private static int CountWhitespaceFields(ReadOnlySpan<char> text, bool isComplete, Span<int> counts)
    {
        var n = 0;
        while (n < counts.Length && text.Length > 0)
        {
            var end = text.IndexOfAny('\r', '\n');
            if (end < 0 && !isComplete)
            {
                break;
            }
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            var fields = 0;
            var inField = false;
            foreach (var c in line)
            {
                var sep = c == ' ' || c == '\t';
                if (!sep && !inField) fields++;
                inField = !sep;
            }
            if (fields > 0)
            {
                counts[n++] = fields;
            }
        }
        return n;
    }
}
