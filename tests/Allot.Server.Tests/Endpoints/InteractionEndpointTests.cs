using System.Net;

namespace Allot.Server.Tests.Endpoints;

/// <summary>A customer's interactions, newest first, in scope only.</summary>
public sealed class InteractionEndpointTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task List_NewestFirst_OtherRepsCustomerIs404()
    {
        string mine, other;
        int count;
        using (var store = _server.OpenStore())
        {
            var all = store.ReadInteractions().ToList();
            var owners = store.ReadCustomers().ToDictionary(c => c.Key, c => c.OwnerRepKey);
            mine = all.Where(x => owners.GetValueOrDefault(x.CustomerKey) == book.RepA).GroupBy(x => x.CustomerKey).OrderByDescending(g => g.Count()).First().Key;
            count = all.Count(x => x.CustomerKey == mine);
            other = owners.First(o => o.Value == book.RepB).Key;
        }
        var rep = await _server.SignIn("rep-a");
        var page = await (await rep.GetAsync($"/api/customers/{mine}/interactions")).Json();
        var dates = page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("date").GetString()!).ToList();
        Assert.Equal(count, dates.Count);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        await (await rep.GetAsync($"/api/customers/{other}/interactions")).Json(HttpStatusCode.NotFound);
    }

    public void Dispose() => _server.Dispose();
}
