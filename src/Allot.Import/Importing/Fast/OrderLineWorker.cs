using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Allot.Core.Importing;
using Allot.Core.Sales;
using Allot.Import.Mapping;
using Allot.Import.Reading;
using Allot.Import.Values;

namespace Allot.Import.Importing.Fast;

/// <summary>Sums the order rows of its chunks into its own <see cref="OrderSums"/>.</summary>
/// <remarks>A row whose fields are all in the forms <see cref="FieldBytes"/> parses (the common export) goes
/// straight from bytes into the sums. Any other row is decoded and handed to the import's
/// <see cref="RecordMapper"/>, so it is accepted or rejected, with the same reason, exactly as an import would;
/// its rejects are kept with their chunk and line, to be numbered and reported in file order at the end.</remarks>
internal sealed class OrderLineWorker : LineWorker
{
    private readonly OrderColumns _columns;
    private readonly RecordMapper _mapper;
    private readonly int _today;
    private readonly int[] _starts, _ends;

    public OrderLineWorker(OrderColumns columns, HeaderMap map, string path, DateOnly today, int asOfDay, Core.Indicators.OrderDetail detail)
    {
        _columns = columns;
        _mapper = new RecordMapper(EntityKind.Orders, map, path, today);
        _today = today.DayNumber;
        _starts = new int[columns.Count];
        _ends = new int[columns.Count];
        Sums = new OrderSums(asOfDay, detail);
    }

    /// <summary>The sums so far.</summary>
    public OrderSums Sums { get; }

    /// <summary>The latest order date up to today of any row in its chunks, as a day number (-1 when none): found as
    /// <see cref="DateLineWorker"/> finds it, so the caller can check the as-of date it summed for.</summary>
    public int Latest { get; private set; } = -1;

    /// <summary>Rejected rows: chunk, line within the chunk, and the reject (its line to be made absolute).</summary>
    public List<(int Chunk, int Line, RowReject Reject)> Rejects { get; } = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Line(ReadOnlySpan<byte> line, bool plain, int chunk, int lineInChunk)
    {
        if (line.IsEmpty) return true;
        int n = FieldBytes.Split(line, _columns.Delimiter, _starts, _ends);
        if (!plain)
        {
            for (int k = 0; k < Math.Max(n, 0); k++)
                if (_starts[k] < line.Length && line[_starts[k]] == '"') return false; // quoted field: not ours
            if (n < 0 && line.IndexOf((byte)'"') >= 0) return false;
            if (!Utf8.IsValid(line)) return false; // the reader would refuse the file
        }
        bool iso = NoteDate(line, n, out int day);
        if (!plain && HasControl(line)) return Slow(line, chunk, lineInChunk);
        if (n != _columns.Count) return Slow(line, chunk, lineInChunk);
        try
        {
            return (iso && TryFast(line, plain, day)) || Slow(line, chunk, lineInChunk);
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    // The row's order date as the as-of search reads it (the raw field; ISO from bytes, else the import's date
    // forms), counted towards Latest when on or before today. True when it is an ISO date (the fast path's form).
    private bool NoteDate(ReadOnlySpan<byte> line, int fields, out int day)
    {
        day = -1;
        int column = _columns.Date;
        if (fields >= 0 && column >= fields) return false; // the row has no date field
        var field = line[_starts[column].._ends[column]];
        bool iso = FieldBytes.TryParseIsoDate(FieldBytes.TrimSpaces(field), out day);
        if (!iso)
        {
            if (!ValueParser.TryParseDate(Encoding.UTF8.GetString(field), out var date)) return false;
            day = date.DayNumber;
        }
        if (day <= _today && day > Latest) Latest = day;
        return iso;
    }

    private bool HasControl(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
            if (b < 0x20 && b != _columns.Delimiter) return true;
        return false;
    }

    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, int column) =>
        column < 0 ? default : FieldBytes.TrimSpaces(line[_starts[column].._ends[column]]);

    // The row straight into the sums, or false when a field is not in a form parsed here. `day` is its ISO order date.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryFast(ReadOnlySpan<byte> line, bool plain, int day)
    {
        var c = _columns;
        var orderId = Field(line, c.OrderId);
        var customer = Field(line, c.Customer);
        var amountText = Field(line, c.Amount);
        var profitText = Field(line, c.Profit);
        var costText = Field(line, c.Cost);
        var quantityText = Field(line, c.Quantity);
        var category = Field(line, c.Category);
        if (orderId.IsEmpty || customer.IsEmpty) return false;
        if (!plain && (FieldBytes.HasWideSpaceAtEdge(orderId) || FieldBytes.HasWideSpaceAtEdge(customer) || FieldBytes.HasWideSpaceAtEdge(category)))
            return false;
        if (day > _today) return false;
        if (!FieldBytes.TryParseMoney(amountText, false, out var amount)) return false;
        OrderSums.Money? profit = null;
        if (!profitText.IsEmpty)
        {
            if (!FieldBytes.TryParseMoney(profitText, true, out var p)) return false;
            profit = p;
        }
        if (!costText.IsEmpty)
        {
            if (!FieldBytes.TryParseMoney(costText, false, out var cost)) return false;
            // Profit, when given, wins over amount − cost. The difference of two non-negative amounts is a
            // positive zero when they are equal, as in decimal arithmetic.
            if (profit is null)
            {
                int scale = Math.Max(amount.Scale, cost.Scale);
                long difference = checked(amount.Mantissa * FieldBytes.Pow10[scale - amount.Scale] - cost.Mantissa * FieldBytes.Pow10[scale - cost.Scale]);
                profit = new OrderSums.Money(difference, scale, difference < 0);
            }
        }
        if (!quantityText.IsEmpty && !FieldBytes.TryParseMoney(quantityText, false, out _)) return false;
        Sums.Add(customer, day, amount, profit, category);
        return true;
    }

    // The row as the import maps it: same fields, same checks, same reject.
    private bool Slow(ReadOnlySpan<byte> line, int chunk, int lineInChunk)
    {
        if (!Utf8.IsValid(line)) return false;
        string[] fields = Encoding.UTF8.GetString(line).Split((char)_columns.Delimiter);
        if (fields.Length == 1 && string.IsNullOrWhiteSpace(fields[0])) return true; // a blank line to the reader
        if (!_mapper.TryMap(new TableRow(lineInChunk, fields), out object? record, out var reject))
        {
            Rejects.Add((chunk, lineInChunk, reject!));
            return true;
        }
        var order = (Order)record!;
        if (!FieldBytes.TryFromDecimal(order.Amount, out var amount)) return false;
        OrderSums.Money? profit = null;
        if (order.Profit is decimal p)
        {
            if (!FieldBytes.TryFromDecimal(p, out var money)) return false;
            profit = money;
        }
        try
        {
            Sums.Add(Encoding.UTF8.GetBytes(order.CustomerKey), order.Date.DayNumber, amount, profit,
                order.Category is null ? default : Encoding.UTF8.GetBytes(order.Category));
        }
        catch (OverflowException)
        {
            return false;
        }
        return true;
    }
}
