using System.Net;
using System.Text;

namespace Allot.Server.Tests.Endpoints;

/// <summary>Uploads imported as `allot import` does: every row accounted for, rejects with line, column and reason,
/// one transaction for all files, recorded by user.</summary>
public sealed class ImportEndpointTests(DemoBook book) : IDisposable
{
    private readonly ServerSandbox _server = new(book);

    [Fact]
    public async Task Import_TwoFiles_AccountsForEveryRowAndKeepsTheFirst100RejectsPerFile()
    {
        var manager = await _server.SignIn("manager");
        var bad = new StringBuilder("customer_id,name,created_date\n");
        for (int i = 0; i < 150; i++) bad.Append($"BAD-{i},Bad {i},not-a-date\n");
        bad.Append("OK-2,Fine,2024-01-02\n");
        var result = await (await manager.PostAsync("/api/imports/customers", Answers.Files(
            [("first.csv", Encoding.UTF8.GetBytes("customer_id,name\nOK-1,One\n,Nameless key\n")), ("second.csv", Encoding.UTF8.GetBytes(bad.ToString()))]))).Json();
        var files = result.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["first.csv", "second.csv"], files.Select(f => f.GetProperty("file").GetString()));
        foreach (var f in files)
            Assert.Equal(f.GetProperty("read").GetInt64(), f.GetProperty("imported").GetInt64() + f.GetProperty("updated").GetInt64() + f.GetProperty("rejected").GetInt64());
        Assert.Equal((2L, 1L, 1L), (files[0].GetProperty("read").GetInt64(), files[0].GetProperty("imported").GetInt64(), files[0].GetProperty("rejected").GetInt64()));
        Assert.Equal((151L, 150L), (files[1].GetProperty("read").GetInt64(), files[1].GetProperty("rejected").GetInt64()));
        var rejects = files[1].GetProperty("rejects");
        Assert.Equal(100, rejects.GetArrayLength());
        Assert.Equal((2L, "created_date"), (rejects[0].GetProperty("line").GetInt64(), rejects[0].GetProperty("column").GetString()));
        Assert.False(string.IsNullOrEmpty(rejects[0].GetProperty("reason").GetString()));

        var imports = await (await manager.GetAsync("/api/imports?page_size=2")).Json();
        var newest = imports.GetProperty("items")[0];
        Assert.Equal(("second.csv", "manager"), (newest.GetProperty("file").GetString(), newest.GetProperty("by").GetString()));
        using var store = _server.OpenStore();
        Assert.NotNull(store.GetCustomer("OK-1"));
        Assert.NotNull(store.GetCustomer("OK-2"));
    }

    [Theory]
    [InlineData("../../escape.csv", "escape.csv")]
    [InlineData("..", "..")]
    public async Task Import_FileNameWithAPath_StaysInItsUploadFolder(string sent, string recorded)
    {
        var manager = await _server.SignIn("manager");
        string outside = Path.Combine(Path.GetTempPath(), "escape.csv");
        var result = await (await manager.PostAsync("/api/imports/customers", Answers.File(sent, "customer_id,name\nPATH-1,Path\n"))).Json();
        Assert.Equal(1L, result.GetProperty("imported").GetInt64());
        Assert.Equal(recorded, result.GetProperty("files")[0].GetProperty("file").GetString());
        Assert.False(File.Exists(outside) && File.GetLastWriteTimeUtc(outside) > DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Import_OrdersNamingUnknownCustomers_RejectedUnlessCreateMissing()
    {
        var admin = await _server.SignIn("admin");
        const string Orders = "order_id,customer_id,order_date,amount\nNEW-O1,NEW-C1,2024-05-01,10.5\n";
        var refused = await (await admin.PostAsync("/api/imports/orders", Answers.File("o.csv", Orders))).Json();
        Assert.Equal(1, refused.GetProperty("rejected").GetInt64());
        Assert.Contains("unknown customer", refused.GetProperty("files")[0].GetProperty("rejects")[0].GetProperty("reason").GetString());
        var created = await (await admin.PostAsync("/api/imports/orders", Answers.File("o.csv", Orders, ("create_missing", "true")))).Json();
        Assert.Equal((1L, 1L), (created.GetProperty("imported").GetInt64(), created.GetProperty("files")[0].GetProperty("created_customers").GetInt64()));
    }

    public void Dispose() => _server.Dispose();
}
