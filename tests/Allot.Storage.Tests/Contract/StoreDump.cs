using System.Text;
using System.Text.Json;

namespace Allot.Storage.Tests.Contract;

/// <summary>Everything a store holds, as text, through its public reads only: two stores given the same
/// imports must dump the same, line for line.</summary>
internal static class StoreDump
{
    public static string Of(IStore store)
    {
        var text = new StringBuilder();
        void Add(string what, object value) => text.Append(what).Append(' ').AppendLine(JsonSerializer.Serialize(value));
        Add("stats", store.GetStats());
        foreach (var c in store.ReadCustomers())
        {
            Add("customer", c);
            foreach (var change in store.GetOwnerHistory(c.Key)) Add("  owner", change);
        }
        foreach (var r in store.GetReps()) Add("rep", r);
        foreach (var o in store.ReadOrders()) Add("order", o);
        foreach (var i in store.ReadInvoices()) Add("invoice", i);
        foreach (var p in store.ReadPayments()) Add("payment", p);
        foreach (var x in store.ReadInteractions()) Add("interaction", x);
        foreach (var f in store.ReadFeedback()) Add("feedback", f);
        // Ids are left out: PostgreSQL's sequences skip the numbers of rolled-back rows, SQLite's do not.
        foreach (var i in store.GetImports(100_000))
            Add("import", new { i.Kind, File = Path.GetFileName(i.File), i.StartedAt, i.By, i.Read, i.Imported, i.Updated, i.Rejected });
        foreach (var run in store.GetClassificationRuns(100_000))
        {
            Add("run", run with { Id = 0 });
            foreach (var result in store.ReadClassifications(run.Id)) Add("  result", result with { RunId = 0 });
        }
        return text.ToString();
    }
}
