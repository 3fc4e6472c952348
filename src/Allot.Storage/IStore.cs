using Allot.Core.Classification.Schemes;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Receivables;
using Allot.Core.Ownership;
using Allot.Core.Reps;
using Allot.Core.Sales;

namespace Allot.Storage;

/// <summary>The store: everything Allot keeps, in SQLite (<see cref="Sqlite.SqliteStore"/>) or PostgreSQL
/// (<see cref="Postgres.PostgresStore"/>); <see cref="StoreFactory"/> opens the one a location names.</summary>
public interface IStore : IDisposable
{
    /// <summary>Where the store lives (a file path or a connection description without password).</summary>
    string Location { get; }

    /// <summary>The schema version after migrations.</summary>
    int SchemaVersion { get; }

    /// <summary>Starts an import: one transaction for every file written through the session.</summary>
    /// <param name="by">Who imports (user name or process), recorded with the import and any owner change.</param>
    IImportSession BeginImport(string by);

    /// <summary>Counts and totals.</summary>
    StoreStats GetStats();

    /// <summary>Customers matching a query, ordered by key.</summary>
    IReadOnlyList<Customer> FindCustomers(CustomerQuery query);

    /// <summary>Every customer, ordered by key, streamed.</summary>
    IEnumerable<Customer> ReadCustomers();

    /// <summary>One customer by key, or null.</summary>
    Customer? GetCustomer(string key);

    /// <summary>Every rep, ordered by key.</summary>
    IReadOnlyList<Rep> GetReps();

    /// <summary>A customer's orders by date, then key.</summary>
    IReadOnlyList<Order> GetOrders(string customerKey);

    /// <summary>Every order, streamed in key order.</summary>
    IEnumerable<Order> ReadOrders();

    /// <summary>Every invoice, streamed in key order.</summary>
    IEnumerable<Invoice> ReadInvoices();

    /// <summary>Every payment, streamed in key order.</summary>
    IEnumerable<Payment> ReadPayments();

    /// <summary>Every interaction, streamed in key order.</summary>
    IEnumerable<Interaction> ReadInteractions();

    /// <summary>Every feedback answer, streamed in key order.</summary>
    IEnumerable<Feedback> ReadFeedback();

    /// <summary>Owner changes of a customer, oldest first.</summary>
    IReadOnlyList<AssignmentChange> GetOwnerHistory(string customerKey);

    /// <summary>Stores a classification run whole (one transaction) and returns its number.</summary>
    /// <param name="by">Who ran it.</param>
    /// <param name="asOf">The indicators' as-of date.</param>
    /// <param name="schemeText">The scheme as used (its file's text), so the run can be explained later.</param>
    /// <param name="outcome">What the scheme said about every customer.</param>
    /// <param name="revenue">Each customer's revenue at the as-of date, aligned with the outcome's customers (for
    /// revenue shares per tier and the migration matrix).</param>
    /// <param name="tierClasses">The tier classifier's classes, best first (to tell moves up from moves down).</param>
    long SaveClassificationRun(string by, DateOnly asOf, string schemeText, SchemeOutcome outcome, IReadOnlyList<double> revenue,
        IReadOnlyList<string> tierClasses);

    /// <summary>The stored classification runs, newest first.</summary>
    IReadOnlyList<ClassificationRunInfo> GetClassificationRuns(int limit = 50);

    /// <summary>One customer's result in a run, or null.</summary>
    StoredClassification? GetClassification(long runId, string customerKey);

    /// <summary>Every customer's result in a run, by customer key.</summary>
    IEnumerable<StoredClassification> ReadClassifications(long runId);

    /// <summary>The recorded imports, newest first.</summary>
    IReadOnlyList<ImportRecord> GetImports(int limit = 50);
}
