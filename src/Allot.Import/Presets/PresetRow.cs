using Allot.Import.Mapping;
using Allot.Import.Reading;
using Allot.Import.Values;

namespace Allot.Import.Presets;

/// <summary>Typed access to one row of a preset's layout; the first problem becomes the row's reject.</summary>
internal sealed class PresetRow(HeaderMap map, DateOnly today)
{
    private TableRow _row;

    public string? Column { get; private set; }
    public string? Value { get; private set; }
    public string? Problem { get; private set; }

    public long Line => _row.Line;

    public bool Start(in TableRow row)
    {
        _row = row;
        Column = Value = Problem = null;
        if (row.Fields.Length == map.Headers.Count) return true;
        Problem = $"expected {map.Headers.Count} fields (as in the header), found {row.Fields.Length}";
        return false;
    }

    public string? Text(string field)
    {
        int i = map.IndexOf(field);
        if (i < 0) return null;
        string t = _row.Fields[i].Trim();
        return t.Length == 0 ? null : t;
    }

    public string Required(string field)
    {
        string? t = Text(field);
        if (t is null) Fail(field, null, "a value is required");
        return t ?? "";
    }

    public DateOnly Date(string field)
    {
        string t = Required(field);
        if (Problem is not null) return default;
        if (!ValueParser.TryParseDate(t, out var d)) { Fail(field, t, "expected a date"); return default; }
        if (d > today) Fail(field, t, $"date is in the future (today is {today:yyyy-MM-dd})");
        return d;
    }

    public decimal Number(string field, bool required = true)
    {
        string? t = required ? Required(field) : Text(field);
        if (Problem is not null || t is null) return 0;
        if (!ValueParser.TryParseDecimal(t, out decimal v)) Fail(field, t, "expected a number");
        return v;
    }

    public void Fail(string field, string? value, string reason)
    {
        if (Problem is not null) return;
        Column = map.HeaderOf(field);
        Value = value;
        Problem = reason;
    }
}
