using System.Text;
using Allot.Core.Sales;

namespace Allot.Core.Importing;

/// <summary>A batch of orders on their way to the store, column by column, their text as UTF-8 bytes: what an
/// orders file read byte by byte becomes without a string or an <see cref="Order"/> per row.</summary>
/// <remarks>Each row holds exactly what the <see cref="Order"/> mapped from the same line would hold (keys and
/// texts trimmed, an empty text as none, money as the decimal written, profit as amount − cost when only a cost
/// is given), so <see cref="ToOrder"/> gives that record back. Rows are kept in file order; the batch is reused
/// (<see cref="Clear"/>).</remarks>
public sealed class OrderRows
{
    private const int Texts = 4; // key, customer key, category, channel
    private byte[] _text = new byte[1 << 16];
    private int _textUsed;
    private int[] _starts = [];
    private int[] _lengths = [];
    private long[] _lines = [];
    private int[] _days = [];
    private decimal[] _amounts = [];
    private decimal?[] _profits = [];
    private decimal?[] _quantities = [];

    /// <summary>Rows in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>Empties the batch, keeping its buffers.</summary>
    public void Clear()
    {
        Count = 0;
        _textUsed = 0;
    }

    /// <summary>Adds a row.</summary>
    /// <param name="line">The 1-based line the row starts on.</param>
    /// <param name="key">The order's key (trimmed, not empty).</param>
    /// <param name="customerKey">The customer's key (trimmed, not empty).</param>
    /// <param name="date">The order date.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="profit">The profit, if known.</param>
    /// <param name="category">The category, trimmed; empty for none.</param>
    /// <param name="channel">The channel, trimmed; empty for none.</param>
    /// <param name="quantity">The quantity, if given.</param>
    public void Add(long line, ReadOnlySpan<byte> key, ReadOnlySpan<byte> customerKey, DateOnly date, decimal amount, decimal? profit,
        ReadOnlySpan<byte> category, ReadOnlySpan<byte> channel, decimal? quantity)
    {
        if (key.IsEmpty || customerKey.IsEmpty) throw new ArgumentException("an order needs a key and a customer key");
        int i = Count;
        if (i == _lines.Length) Grow();
        PutText(i, 0, key);
        PutText(i, 1, customerKey);
        PutText(i, 2, category);
        PutText(i, 3, channel);
        _lines[i] = line;
        _days[i] = date.DayNumber;
        _amounts[i] = amount;
        _profits[i] = profit;
        _quantities[i] = quantity;
        Count = i + 1;
    }

    /// <summary>Adds a mapped order.</summary>
    public void Add(Order order, long line)
    {
        ArgumentNullException.ThrowIfNull(order);
        int i = Count;
        if (i == _lines.Length) Grow();
        PutText(i, 0, order.Key);
        PutText(i, 1, order.CustomerKey);
        PutText(i, 2, order.Category);
        PutText(i, 3, order.Channel);
        _lines[i] = line;
        _days[i] = order.Date.DayNumber;
        _amounts[i] = order.Amount;
        _profits[i] = order.Profit;
        _quantities[i] = order.Quantity;
        Count = i + 1;
    }

    /// <summary>The line row <paramref name="i"/> starts on.</summary>
    public long Line(int i) => _lines[Check(i)];

    /// <summary>The order's key, UTF-8.</summary>
    public ReadOnlySpan<byte> Key(int i) => Text(i, 0);

    /// <summary>The customer's key, UTF-8.</summary>
    public ReadOnlySpan<byte> CustomerKey(int i) => Text(i, 1);

    /// <summary>The category, UTF-8; empty for none.</summary>
    public ReadOnlySpan<byte> Category(int i) => Text(i, 2);

    /// <summary>The channel, UTF-8; empty for none.</summary>
    public ReadOnlySpan<byte> Channel(int i) => Text(i, 3);

    /// <summary>The order date as a <see cref="DateOnly.DayNumber"/>.</summary>
    public int DayNumber(int i) => _days[Check(i)];

    /// <summary>The amount.</summary>
    public decimal Amount(int i) => _amounts[Check(i)];

    /// <summary>The profit, if known.</summary>
    public decimal? Profit(int i) => _profits[Check(i)];

    /// <summary>The quantity, if given.</summary>
    public decimal? Quantity(int i) => _quantities[Check(i)];

    /// <summary>Row <paramref name="i"/> as the record the mapper would have made of its line.</summary>
    public Order ToOrder(int i) => new()
    {
        Key = Encoding.UTF8.GetString(Key(i)),
        CustomerKey = Encoding.UTF8.GetString(CustomerKey(i)),
        Date = DateOnly.FromDayNumber(DayNumber(i)),
        Amount = Amount(i),
        Profit = Profit(i),
        Category = Category(i).IsEmpty ? null : Encoding.UTF8.GetString(Category(i)),
        Channel = Channel(i).IsEmpty ? null : Encoding.UTF8.GetString(Channel(i)),
        Quantity = Quantity(i),
    };

    private int Check(int i)
    {
        if ((uint)i >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(i));
        return i;
    }

    private ReadOnlySpan<byte> Text(int i, int field)
    {
        int slot = Check(i) * Texts + field;
        return _text.AsSpan(_starts[slot], _lengths[slot]);
    }

    private void PutText(int i, int field, ReadOnlySpan<byte> value)
    {
        Reserve(value.Length);
        value.CopyTo(_text.AsSpan(_textUsed));
        _starts[i * Texts + field] = _textUsed;
        _lengths[i * Texts + field] = value.Length;
        _textUsed += value.Length;
    }

    private void PutText(int i, int field, string? value)
    {
        if (value is null)
        {
            PutText(i, field, ReadOnlySpan<byte>.Empty);
            return;
        }
        Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
        int n = Encoding.UTF8.GetBytes(value, _text.AsSpan(_textUsed));
        _starts[i * Texts + field] = _textUsed;
        _lengths[i * Texts + field] = n;
        _textUsed += n;
    }

    private void Reserve(int bytes)
    {
        if (_textUsed + bytes <= _text.Length) return;
        Array.Resize(ref _text, Math.Max(_text.Length * 2, _textUsed + bytes));
    }

    private void Grow()
    {
        int size = Math.Max(1024, _lines.Length * 2);
        Array.Resize(ref _starts, size * Texts);
        Array.Resize(ref _lengths, size * Texts);
        Array.Resize(ref _lines, size);
        Array.Resize(ref _days, size);
        Array.Resize(ref _amounts, size);
        Array.Resize(ref _profits, size);
        Array.Resize(ref _quantities, size);
    }
}
