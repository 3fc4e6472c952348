using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Allot.Storage;

namespace Allot.Server.Imports;

/// <summary>An import session that records each uploaded file under the name it was uploaded with, not the
/// temporary path it was read from; everything else goes straight to the store's session.</summary>
internal sealed class UploadSession(IImportSession inner, Func<string, string> uploadedName) : IImportSession
{
    public void BeginFile(EntityKind kind, string file, IReadOnlySet<string> columns, bool createMissingCustomers) =>
        inner.BeginFile(kind, uploadedName(file), columns, createMissingCustomers);

    public WriteOutcome Write(Customer customer, long line) => inner.Write(customer, line);

    public WriteOutcome Write(Rep rep, long line) => inner.Write(rep, line);

    public WriteOutcome Write(Order order, long line) => inner.Write(order, line);

    public WriteOutcome Write(Invoice invoice, long line) => inner.Write(invoice, line);

    public WriteOutcome Write(Payment payment, long line) => inner.Write(payment, line);

    public WriteOutcome Write(Interaction interaction, long line) => inner.Write(interaction, line);

    public WriteOutcome Write(Feedback feedback, long line) => inner.Write(feedback, line);

    public int BatchSize => inner.BatchSize;

    public void WriteBatch(IReadOnlyList<LineRecord> records, Span<WriteOutcome> outcomes) => inner.WriteBatch(records, outcomes);

    public long? FirstLineOf(string key) => inner.FirstLineOf(key);

    public FileCounts EndFile(long read, long imported, long updated, long rejected) => inner.EndFile(read, imported, updated, rejected);

    public void Commit() => inner.Commit();

    public void Dispose() => inner.Dispose();
}
