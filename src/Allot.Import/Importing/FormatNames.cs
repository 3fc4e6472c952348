using System.Text;
using Allot.Import.Reading;

namespace Allot.Import.Importing;

/// <summary>Encoding and delimiter names as people type them (<c>allot import --encoding gbk</c>, the server's
/// <c>encoding</c> option), read the same way everywhere.</summary>
public static class FormatNames
{
    /// <summary>The encoding a name stands for; null for none given (detect it).</summary>
    /// <exception cref="ArgumentException">An encoding nobody knows by that name.</exception>
    public static Encoding? ParseEncoding(string? name)
    {
        if (name is null) return null;
        EncodingDetector.EnsureCodePages();
        return name.Trim().ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal) switch
        {
            "utf-8" or "utf8" => new UTF8Encoding(false, throwOnInvalidBytes: true),
            "utf-16" or "utf16" or "utf-16le" or "unicode" => Encoding.Unicode,
            "utf-16be" => Encoding.BigEndianUnicode,
            "gb18030" or "gbk" or "gb2312" or "cp936" or "936" => Encoding.GetEncoding(54936),
            "windows-1252" or "cp1252" or "1252" or "latin1" or "iso-8859-1" => Encoding.GetEncoding(1252),
            string other => TryGet(other),
        };

        static Encoding TryGet(string other)
        {
            try { return Encoding.GetEncoding(other); }
            catch (ArgumentException) { throw new ArgumentException($"unknown encoding '{other}'; try utf-8, utf-16, gb18030 or windows-1252"); }
        }
    }

    /// <summary>The delimiter a name stands for (one character, <c>tab</c>, or <c>whitespace</c> for runs of spaces);
    /// null for none given (sniff it) or whitespace.</summary>
    /// <exception cref="ArgumentException">Neither one character, tab nor whitespace.</exception>
    public static char? ParseDelimiter(string? text, out bool whitespace)
    {
        whitespace = false;
        if (text is null) return null;
        switch (text.ToLowerInvariant())
        {
            case "tab" or "\\t" or "\t": return '\t';
            case "whitespace" or "space" or " ": whitespace = true; return null;
            case { Length: 1 }: return text[0];
            default: throw new ArgumentException($"unknown delimiter '{text}'; expected one character, tab or whitespace");
        }
    }
}
