namespace Allot.Import.Generation;

/// <summary>Regenerates one customer's orders in date order from the customer's own random stream.</summary>
/// <remarks>The orders and the invoice writers both replay it, so invoices match orders exactly without any
/// order ever being stored.</remarks>
internal struct OrderStream
{
    /// <summary>Channel value of a direct order.</summary>
    public const int Direct = -2;

    /// <summary>Channel value of an online order.</summary>
    public const int Online = -1;

    private readonly double _spendCents;
    private readonly int _primaryCategory;
    private readonly int _distributor;
    private readonly double _onlineShare;
    private Rng _rng;
    private SortedDays _days;

    /// <summary>Starts the orders of customer <paramref name="index"/>.</summary>
    public OrderStream(ulong seed, int index, in CustomerProfile customer)
    {
        _rng = Rng.For(seed, RngStream.Orders, index);
        _days = new SortedDays(customer.ActiveStart, customer.ActiveEnd, customer.OrderCount);
        _spendCents = customer.SpendCents;
        _primaryCategory = customer.PrimaryCategory;
        _distributor = customer.Distributor;
        _onlineShare = customer.OnlineShare;
    }

    /// <summary>Produces the next order; false when the customer has no more.</summary>
    public bool Next(out GeneratedOrder order)
    {
        if (!_days.Next(ref _rng, out var day))
        {
            order = default;
            return false;
        }

        var amount = Math.Max(100L, (long)Math.Round(_spendCents * _rng.LogNormal(-0.1, 0.5)));
        var category = _rng.Chance(0.6) ? _primaryCategory : _rng.NextInt(Vocabulary.Categories.Length);

        // Margins vary around the category's; a few clearance or promotion orders lose money.
        var margin = _rng.Chance(0.02)
            ? -_rng.Uniform(0.02, 0.2)
            : Vocabulary.CategoryMargins[category] + 0.06 * _rng.Normal();
        var profit = (long)Math.Round(amount * margin);

        var channel = _distributor >= 0 ? _distributor : _rng.Chance(_onlineShare) ? Online : Direct;
        order = new GeneratedOrder(day, amount, profit, category, channel);
        return true;
    }
}
