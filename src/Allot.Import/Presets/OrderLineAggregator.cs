using Allot.Core.Customers;
using Allot.Core.Importing;
using Allot.Core.Sales;
using Allot.Import.Importing;

namespace Allot.Import.Presets;

/// <summary>Forms orders and customers from order lines, then writes them; row accounting stays per line.</summary>
/// <remarks>
/// An order's amount, profit and quantity are the sums of its lines; its category is the category with the
/// most sales (ties: the first in ordinal order). A customer's region and city are those with the most sales
/// (ties: ordinal order), because order-line data sets record them per order. A line whose order already
/// has another customer or date is rejected. Holds the orders in memory: meant for data-set sized files.
/// </remarks>
internal sealed class OrderLineAggregator(Importer importer, string path)
{
    private readonly Dictionary<string, OrderAcc> _orders = new(StringComparer.Ordinal);
    private readonly List<OrderAcc> _orderList = [];
    private readonly Dictionary<string, CustomerAcc> _customers = new(StringComparer.Ordinal);

    public long Read { get; set; }

    public long Rejected { get; private set; }

    public void Reject(long line, string? column, string? value, string reason)
    {
        importer.Reject(new RowReject(path, line, column, value, reason));
        Rejected++;
    }

    public void Add(OrderLine line)
    {
        if (_orders.TryGetValue(line.OrderKey, out var order))
        {
            if (order.CustomerKey != line.CustomerKey)
            {
                Reject(line.Line, "customer", line.CustomerKey, $"order {line.OrderKey} belongs to customer {order.CustomerKey} (line {order.FirstLine})");
                return;
            }
            if (order.Date != line.Date)
            {
                Reject(line.Line, "date", line.Date.ToString("yyyy-MM-dd"), $"order {line.OrderKey} is dated {order.Date:yyyy-MM-dd} (line {order.FirstLine})");
                return;
            }
        }
        else
        {
            order = new OrderAcc(line.OrderKey, line.CustomerKey, line.Date, line.Line);
            _orders.Add(line.OrderKey, order);
            _orderList.Add(order);
        }
        order.Lines++;
        order.Amount += line.Amount;
        if (line.Profit is not null) order.Profit = (order.Profit ?? 0) + line.Profit;
        if (line.Quantity is not null) order.Quantity = (order.Quantity ?? 0) + line.Quantity;
        if (line.Category is not null) Add(order.CategorySales, line.Category, line.Amount);

        if (!_customers.TryGetValue(line.CustomerKey, out var customer))
        {
            customer = new CustomerAcc(line.CustomerKey, line.Line);
            _customers.Add(line.CustomerKey, customer);
        }
        customer.Name ??= line.CustomerName;
        customer.Type ??= line.CustomerType;
        if (line.Region is not null) Add(customer.RegionSales, line.Region, line.Amount);
        if (line.City is not null) Add(customer.CitySales, line.City, line.Amount);
    }

    public FileImportReport Write(string format)
    {
        var sink = importer.Sink;
        long customersInserted = 0, customersUpdated = 0;
        var columns = new HashSet<string>(StringComparer.Ordinal) { "key" };
        if (_customers.Values.Any(c => c.Name is not null)) columns.Add("name");
        if (_customers.Values.Any(c => c.Type is not null)) columns.Add("type");
        if (_customers.Values.Any(c => c.RegionSales.Count > 0)) columns.Add("region");
        if (_customers.Values.Any(c => c.CitySales.Count > 0)) columns.Add("city");
        sink.BeginFile(EntityKind.Customers, path, columns, createMissingCustomers: false);
        var customers = new RowWriter(importer, path, null, (record, outcome) =>
        {
            if (outcome == WriteOutcome.Inserted) customersInserted++;
            else if (outcome == WriteOutcome.Updated) customersUpdated++;
            else throw new InvalidOperationException($"customer {((Customer)record).Key}: {outcome}");
        });
        foreach (var c in _customers.Values.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (customers.Full) customers.Flush();
            customers.Add(c.FirstLine, new Customer
            {
                Key = c.Key,
                Name = c.Name ?? "",
                Type = c.Type,
                Region = Top(c.RegionSales),
                City = Top(c.CitySales),
            });
        }
        customers.Flush();
        sink.EndFile(_customers.Count, customersInserted, customersUpdated, 0);

        sink.BeginFile(EntityKind.Orders, path, new HashSet<string>(), createMissingCustomers: false);
        long ordersInserted = 0, ordersUpdated = 0, linesInserted = 0, linesUpdated = 0;
        var orders = new RowWriter(importer, path, null, (record, outcome) =>
        {
            var o = _orders[((Order)record).Key];
            if (outcome == WriteOutcome.Inserted) { ordersInserted++; linesInserted += o.Lines; }
            else if (outcome == WriteOutcome.Updated) { ordersUpdated++; linesUpdated += o.Lines; }
            else throw new InvalidOperationException($"order {o.Key}: {outcome}");
        });
        foreach (var o in _orderList)
        {
            if (orders.Full) orders.Flush();
            orders.Add(o.FirstLine, new Order
            {
                Key = o.Key,
                CustomerKey = o.CustomerKey,
                Date = o.Date,
                Amount = o.Amount,
                Profit = o.Profit,
                Quantity = o.Quantity,
                Category = Top(o.CategorySales),
            });
        }
        orders.Flush();
        sink.EndFile(Read, linesInserted, linesUpdated, Rejected);
        return new FileImportReport(path, EntityKind.Orders, format, Read, linesInserted, linesUpdated, Rejected, 0,
            new Dictionary<string, long>
            {
                ["orders_imported"] = ordersInserted,
                ["orders_updated"] = ordersUpdated,
                ["customers_imported"] = customersInserted,
                ["customers_updated"] = customersUpdated,
            });
    }

    private static void Add(Dictionary<string, decimal> sales, string key, decimal amount) =>
        sales[key] = sales.TryGetValue(key, out decimal s) ? s + amount : amount;

    private static string? Top(Dictionary<string, decimal> sales) =>
        sales.Count == 0 ? null : sales.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;

    private sealed class OrderAcc(string key, string customerKey, DateOnly date, long firstLine)
    {
        public string Key { get; } = key;
        public string CustomerKey { get; } = customerKey;
        public DateOnly Date { get; } = date;
        public long FirstLine { get; } = firstLine;
        public long Lines { get; set; }
        public decimal Amount { get; set; }
        public decimal? Profit { get; set; }
        public decimal? Quantity { get; set; }
        public Dictionary<string, decimal> CategorySales { get; } = new(StringComparer.Ordinal);
    }

    private sealed class CustomerAcc(string key, long firstLine)
    {
        public string Key { get; } = key;
        public long FirstLine { get; } = firstLine;
        public string? Name { get; set; }
        public string? Type { get; set; }
        public Dictionary<string, decimal> RegionSales { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, decimal> CitySales { get; } = new(StringComparer.Ordinal);
    }
}
