using System.Text;
using System.Text.Unicode;

namespace Allot.Import.Reading;

/// <summary>Guesses the text encoding of a file from its first bytes.</summary>
/// <remarks>Order: byte-order mark; BOM-less UTF-16 (zero bytes at alternate positions); valid UTF-8;
/// GB18030 (valid lead/trail structure with mostly GB2312 hanzi pairs); otherwise Windows-1252, which
/// decodes any byte so it is the safe last resort for Western legacy exports.</remarks>
internal static class EncodingDetector
{
    /// <summary>How many bytes are sampled for detection.</summary>
    public const int SampleSize = 64 * 1024;

    /// <summary>GB18030's code page.</summary>
    public const int Gb18030CodePage = 54936;

    /// <summary>Windows-1252's code page.</summary>
    public const int Windows1252CodePage = 1252;

    private static int s_registered;

    /// <summary>Makes the legacy code pages (GB18030, Windows-1252) available; safe to call repeatedly.</summary>
    public static void EnsureCodePages()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }
    }

    /// <summary>Detects the encoding of <paramref name="sample"/>, the first bytes of a file.</summary>
    /// <param name="sample">The first bytes (up to <see cref="SampleSize"/>).</param>
    /// <param name="isWholeFile">True when the sample is the whole file, so a cut multi-byte character at its end is an error.</param>
    public static DetectedEncoding Detect(ReadOnlySpan<byte> sample, bool isWholeFile)
    {
        EnsureCodePages();
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DetectedEncoding(StrictUtf8(), "UTF-8", 3);
        }
        // UTF-32 LE's BOM starts like UTF-16 LE's, so it must be tested first.
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new DetectedEncoding(new UTF32Encoding(false, false, true), "UTF-32 LE", 4);
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new DetectedEncoding(new UTF32Encoding(true, false, true), "UTF-32 BE", 4);
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DetectedEncoding(new UnicodeEncoding(false, false, true), "UTF-16 LE", 2);
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DetectedEncoding(new UnicodeEncoding(true, false, true), "UTF-16 BE", 2);
        }

        var utf16 = DetectBomlessUtf16(sample);
        if (utf16 is not null)
        {
            return utf16;
        }
        if (IsValidUtf8(sample, isWholeFile))
        {
            return new DetectedEncoding(StrictUtf8(), "UTF-8", 0);
        }
        if (LooksLikeGb18030(sample, isWholeFile))
        {
            return new DetectedEncoding(Strict(Gb18030CodePage), "GB18030", 0);
        }
        return new DetectedEncoding(Strict(Windows1252CodePage), "Windows-1252", 0);
    }

    /// <summary>Wraps a caller-chosen encoding so that undecodable bytes throw instead of becoming U+FFFD.</summary>
    /// <param name="encoding">The caller's encoding.</param>
    /// <param name="sample">The first bytes, to find and skip a matching byte-order mark.</param>
    public static DetectedEncoding FromOption(Encoding encoding, ReadOnlySpan<byte> sample)
    {
        EnsureCodePages();
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        var preamble = encoding.GetPreamble();
        if (preamble.Length == 0)
        {
            // Encoding.UTF8-like instances without a preamble still deserve their BOM skipped.
            preamble = encoding.CodePage switch
            {
                65001 => [0xEF, 0xBB, 0xBF],
                1200 => [0xFF, 0xFE],
                1201 => [0xFE, 0xFF],
                _ => [],
            };
        }
        var bom = preamble.Length > 0 && sample.StartsWith(preamble) ? preamble.Length : 0;
        return new DetectedEncoding(strict, NameOf(encoding), bom);
    }

    /// <summary>A short display name for an encoding.</summary>
    public static string NameOf(Encoding encoding) => encoding.CodePage switch
    {
        65001 => "UTF-8",
        1200 => "UTF-16 LE",
        1201 => "UTF-16 BE",
        12000 => "UTF-32 LE",
        12001 => "UTF-32 BE",
        Gb18030CodePage => "GB18030",
        936 => "GBK",
        Windows1252CodePage => "Windows-1252",
        _ => encoding.WebName,
    };

    private static UTF8Encoding StrictUtf8() => new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static Encoding Strict(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback);

    private static DetectedEncoding? DetectBomlessUtf16(ReadOnlySpan<byte> sample)
    {
        var n = Math.Min(sample.Length, 4096) & ~1;
        if (n < 4)
        {
            return null;
        }
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        var pairs = n / 2;
        // Mostly-ASCII UTF-16 has a zero in nearly every high byte; real 8-bit text has almost no zeros at all.
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05)
        {
            return new DetectedEncoding(new UnicodeEncoding(false, false, true), "UTF-16 LE", 0);
        }
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05)
        {
            return new DetectedEncoding(new UnicodeEncoding(true, false, true), "UTF-16 BE", 0);
        }
        return null;
    }

    /// <summary>UTF-8 validity, forgiving a multi-byte character cut by the end of a partial sample.</summary>
    internal static bool IsValidUtf8(ReadOnlySpan<byte> sample, bool isWholeFile)
    {
        if (!isWholeFile)
        {
            sample = sample[..(sample.Length - IncompleteUtf8Tail(sample))];
        }
        return Utf8.IsValid(sample);
    }

    /// <summary>Length of an incomplete UTF-8 sequence at the end of <paramref name="bytes"/> (0..3).</summary>
    private static int IncompleteUtf8Tail(ReadOnlySpan<byte> bytes)
    {
        // Walk back over at most three continuation bytes to the lead byte and compare its length.
        for (var back = 1; back <= Math.Min(4, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }
            var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? back : 0;
        }
        return 0;
    }

    /// <summary>True when the bytes follow GB18030's structure and most double-byte pairs are GB2312 hanzi.</summary>
    internal static bool LooksLikeGb18030(ReadOnlySpan<byte> sample, bool isWholeFile)
    {
        int pairs = 0, hanzi = 0;
        var i = 0;
        while (i < sample.Length)
        {
            var b = sample[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }
            if (b == 0x80 || b == 0xFF)
            {
                return false;
            }
            if (i + 1 >= sample.Length)
            {
                return !isWholeFile && pairs > 0 && hanzi * 2 >= pairs;
            }
            var t = sample[i + 1];
            if (t is >= 0x40 and <= 0x7E or >= 0x80 and <= 0xFE)
            {
                pairs++;
                // GB2312 hanzi: lead B0..F7, trail A1..FE. Latin-1 text rarely pairs two high bytes like this.
                if (b is >= 0xB0 and <= 0xF7 && t >= 0xA1)
                {
                    hanzi++;
                }
                i += 2;
                continue;
            }
            if (t is >= 0x30 and <= 0x39)
            {
                if (i + 3 >= sample.Length)
                {
                    if (isWholeFile) return false;
                    break;
                }
                if (sample[i + 2] is < 0x81 or > 0xFE || sample[i + 3] is < 0x30 or > 0x39)
                {
                    return false;
                }
                i += 4;
                continue;
            }
            return false;
        }
        return pairs > 0 && hanzi * 2 >= pairs;
    }
}
