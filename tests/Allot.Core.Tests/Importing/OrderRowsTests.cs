using System.Text;
using Allot.Core.Importing;
using Allot.Core.Sales;

namespace Allot.Core.Tests.Importing;

public sealed class OrderRowsTests
{
    [Fact]
    public void Add_BytesAndRecordsPastTheFirstBuffers_GiveTheSameOrdersBack()
    {
        var rows = new OrderRows();
        var expected = new List<(Order Order, long Line)>();
        for (int i = 0; i < 5_000; i++)
        {
            var order = new Order
            {
                Key = $"订单-{i}",
                CustomerKey = $"C{i % 7}",
                Date = new DateOnly(2024, 1, 1).AddDays(i % 300),
                Amount = i * 1.25m,
                Profit = i % 3 == 0 ? null : -0.5m * i,
                Category = i % 4 == 0 ? null : new string('x', i % 50 + 1),
                Channel = i % 5 == 0 ? null : "web",
                Quantity = i % 2 == 0 ? null : i,
            };
            if (i % 2 == 0) rows.Add(order, i + 2);
            else
            {
                rows.Add(i + 2, Encoding.UTF8.GetBytes(order.Key), Encoding.UTF8.GetBytes(order.CustomerKey), order.Date, order.Amount, order.Profit,
                    order.Category is null ? [] : Encoding.UTF8.GetBytes(order.Category), Encoding.UTF8.GetBytes(order.Channel ?? ""), order.Quantity);
            }
            expected.Add((order, i + 2));
        }
        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].Order, rows.ToOrder(i));
            Assert.Equal(expected[i].Line, rows.Line(i));
        }
    }

    [Fact]
    public void Clear_ThenAdd_StartsAgainFromRowZero()
    {
        var rows = new OrderRows();
        rows.Add(new Order { Key = "A", CustomerKey = "C", Date = new DateOnly(2024, 1, 1), Amount = 1m }, 2);
        rows.Clear();
        Assert.Equal(0, rows.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => rows.Line(0));
        rows.Add(new Order { Key = "B", CustomerKey = "C", Date = new DateOnly(2024, 1, 2), Amount = 2m }, 9);
        Assert.Equal(("B", 9L), (rows.ToOrder(0).Key, rows.Line(0)));
    }

    [Fact]
    public void Add_EmptyKey_Refused() =>
        Assert.Throws<ArgumentException>(() => new OrderRows().Add(2, [], "C"u8, new DateOnly(2024, 1, 1), 1m, null, [], [], null));
}
