using System.Text;

namespace Allot.Import.Tests.Generation;

/// <summary>Minimal strict RFC 4180 reader, independent of the code under test.</summary>
internal static class CsvTestReader
{
    /// <summary>All rows of the file, header first.</summary>
    public static List<string[]> ReadAll(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"')
                    field.Append(ch);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else
                    quoted = false;
            }
            else if (ch == '"')
            {
                if (field.Length != 0)
                    throw new FormatException($"Quote inside an unquoted field at {i}.");
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        if (quoted || field.Length != 0 || fields.Count != 0)
            throw new FormatException("The file does not end with a complete, LF-terminated row.");
        return rows;
    }

    /// <summary>Data rows as dictionaries keyed by header name.</summary>
    public static List<Dictionary<string, string>> ReadRecords(string path)
    {
        var rows = ReadAll(path);
        var header = rows[0];
        return [.. rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }
}
