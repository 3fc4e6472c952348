namespace Allot.Import.Generation;

/// <summary>Writes orders.csv: every customer's orders, customer by customer, each in date order.</summary>
internal static class OrdersFile
{
    /// <summary>Writes the file; returns its size and the total order amount in cents.</summary>
    public static (FileResult File, long AmountCents) Write(Population population, string path, ProgressTracker progress, int part, CancellationToken ct)
    {
        var categories = CsvLayout.EncodeAll(Vocabulary.Categories);
        var direct = CsvWriter.Encode("direct");
        var online = CsvWriter.Encode("online");
        var customers = population.Customers;
        long orderNumber = 0;
        long amountCents = 0;

        using var writer = new CsvWriter(path, CsvLayout.OrdersHeader);
        for (var i = 0; i < customers.Length; i++)
        {
            if ((i & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress.Advance(part, i);
            }

            var orders = new OrderStream(population.Seed, i, in customers[i]);
            while (orders.Next(out var order))
            {
                writer.Id(CsvLayout.OrderPrefix, ++orderNumber, population.OrderIdWidth);
                writer.Id(CsvLayout.CustomerPrefix, i + 1, population.CustomerIdWidth);
                writer.Date(order.Day);
                writer.Money(order.AmountCents);
                writer.Money(order.ProfitCents);
                writer.Field(categories[order.Category]);
                if (order.Channel == OrderStream.Direct)
                    writer.Field(direct);
                else if (order.Channel == OrderStream.Online)
                    writer.Field(online);
                else
                    writer.Id(CsvLayout.CustomerPrefix, order.Channel + 1, population.CustomerIdWidth);
                writer.EndRow();
                amountCents += order.AmountCents;
            }
        }

        progress.Advance(part, customers.Length);
        return (new FileResult(orderNumber, writer.BytesWritten), amountCents);
    }
}
