using Allot.Core.Access;
using Allot.Core.Classification.Schemes;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Maintenance;
using Allot.Core.Pool;
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

    /// <summary>The latest order date, or null when there are no orders: the indicators' default as-of date, found
    /// without streaming the orders.</summary>
    DateOnly? LatestOrderDate();

    /// <summary>Every invoice, streamed in key order.</summary>
    IEnumerable<Invoice> ReadInvoices();

    /// <summary>Every payment, streamed in key order.</summary>
    IEnumerable<Payment> ReadPayments();

    /// <summary>Every interaction, streamed in key order.</summary>
    IEnumerable<Interaction> ReadInteractions();

    /// <summary>A customer's interactions, newest first (by date, then key descending).</summary>
    IReadOnlyList<Interaction> GetInteractions(string customerKey);

    /// <summary>Every feedback answer, streamed in key order.</summary>
    IEnumerable<Feedback> ReadFeedback();

    /// <summary>Each rep's book by the latest classification and value runs: customers owned, per tier, and the sum of
    /// their CLV; reps that own no customer are left out.</summary>
    /// <param name="reps">Only these reps; null for every rep.</param>
    IReadOnlyList<RepBook> GetRepBooks(IReadOnlyList<string>? reps = null);

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
    /// <param name="figures">Indicator figures to keep per customer (by indicator name, each aligned with the outcome's
    /// customers), so the run's per-class summary needs nothing recomputed later; null keeps none.</param>
    long SaveClassificationRun(string by, DateOnly asOf, string schemeText, SchemeOutcome outcome, IReadOnlyList<double> revenue,
        IReadOnlyList<string> tierClasses, IReadOnlyDictionary<string, IReadOnlyList<double>>? figures = null);

    /// <summary>The stored classification runs, newest first.</summary>
    IReadOnlyList<ClassificationRunInfo> GetClassificationRuns(int limit = 50);

    /// <summary>One customer's result in a run, or null.</summary>
    StoredClassification? GetClassification(long runId, string customerKey);

    /// <summary>Tier, segment and lifecycle stage of some customers in a run (customers not in the run are left out).</summary>
    IReadOnlyDictionary<string, StoredClassLabels> GetClassLabels(long runId, IReadOnlyCollection<string> customerKeys);

    /// <summary>Every customer's result in a run, by customer key.</summary>
    IEnumerable<StoredClassification> ReadClassifications(long runId);

    /// <summary>Stores a value run whole (one transaction) and returns its number.</summary>
    /// <param name="by">Who ran it.</param>
    /// <param name="run">Models, estimates and settings.</param>
    /// <param name="customers">Every customer's figures (churn rank set for warned customers).</param>
    long SaveValueRun(string by, ValueRun run, IEnumerable<StoredCustomerValue> customers);

    /// <summary>The stored value runs, newest first.</summary>
    IReadOnlyList<ValueRunInfo> GetValueRuns(int limit = 50);

    /// <summary>One customer's figures in a value run, or null.</summary>
    StoredCustomerValue? GetCustomerValue(long runId, string customerKey);

    /// <summary>Every customer's figures in a value run, by customer key.</summary>
    IReadOnlyList<StoredCustomerValue> ReadCustomerValues(long runId);

    /// <summary>A value run's churn warnings, largest value at risk first.</summary>
    IReadOnlyList<StoredCustomerValue> GetChurnWarnings(long runId, int limit = 50);

    /// <summary>The recorded imports, newest first.</summary>
    IReadOnlyList<ImportRecord> GetImports(int limit = 50);

    /// <summary>Stores an allocation run (a proposal) whole, in one transaction, and returns its number. Owners do
    /// not change until <see cref="ApplyAllocation"/>.</summary>
    /// <param name="by">Who proposed it.</param>
    /// <param name="header">The run's policy, strategy, objective and summary.</param>
    /// <param name="results">One entry per customer in the proposal.</param>
    long SaveAllocationRun(string by, AllocationRunHeader header, IReadOnlyList<StoredAllocation> results);

    /// <summary>The stored allocation runs, newest first.</summary>
    IReadOnlyList<AllocationRunInfo> GetAllocationRuns(int limit = 50);

    /// <summary>One allocation run, or null.</summary>
    AllocationRunInfo? GetAllocationRun(long runId);

    /// <summary>The policy text an allocation run used, or null when there is no such run.</summary>
    string? GetAllocationPolicyText(long runId);

    /// <summary>Every customer's place in an allocation run, by customer key.</summary>
    IEnumerable<StoredAllocation> ReadAllocations(long runId);

    /// <summary>One customer's place in an allocation run, or null.</summary>
    StoredAllocation? GetAllocation(long runId, string customerKey);

    /// <summary>Applies an allocation run's owner changes — all selected ones or none, in one transaction — and writes
    /// each change to the owner history (who, when, the run, why).</summary>
    /// <param name="runId">The run.</param>
    /// <param name="by">Who applies it.</param>
    /// <param name="select">Which of the run's results to apply (e.g. some customers, or the customers of some reps).</param>
    /// <param name="progress">Told the changes written so far and the changes in all, now and then (before the commit).</param>
    /// <exception cref="StoreException">No such run, or a selected customer's owner changed since the run was made
    /// (the message lists them; nothing is applied).</exception>
    ApplyOutcome ApplyAllocation(long runId, string by, Func<StoredAllocation, bool> select, Action<int, int>? progress = null);

    // ---- Pool (公海), follow-up plan, care, alerts and daily jobs (issue 8) ----

    /// <summary>Opens the book for the pool, follow-up and alert workflows as one transaction: nothing is kept until
    /// <see cref="IMaintenanceSession.Commit"/>. A write session holds the store's write lock from the start
    /// (SQLite: <c>BEGIN IMMEDIATE</c>, waiting up to the busy timeout), so what it checks still holds when it writes.</summary>
    /// <param name="write">False for a read-only look (nothing written; activity as last refreshed).</param>
    IMaintenanceSession BeginMaintenance(bool write = true);

    /// <summary>Pool events, newest first: of one customer, or of every customer.</summary>
    IReadOnlyList<PoolEvent> GetPoolEvents(string? customerKey = null, int limit = 100);

    /// <summary>The daily jobs' records, newest day first.</summary>
    IReadOnlyList<JobRun> GetJobRuns(int limit = 50);

    // ---- Users and API tokens (issue 6) ----

    /// <summary>Adds a user.</summary>
    /// <param name="user">Name (unique, case-insensitive), role and links.</param>
    /// <param name="passwordHash">From <see cref="PasswordHash.Create"/>.</param>
    /// <param name="by">Who adds it.</param>
    /// <exception cref="StoreException">A user with that name exists.</exception>
    void AddUser(User user, string passwordHash, string by);

    /// <summary>Changes a user's role, links, password or disabled flag (the name stays).</summary>
    /// <param name="passwordHash">A new hash, or null to keep the password.</param>
    /// <exception cref="StoreException">No such user.</exception>
    void UpdateUser(User user, string? passwordHash);

    /// <summary>A user by name (case-insensitive), or null.</summary>
    StoredUser? GetUser(string name);

    /// <summary>Every user, by name.</summary>
    IReadOnlyList<StoredUser> GetUsers();

    /// <summary>Keeps a new API token's hash for a user and returns the token's number.</summary>
    /// <exception cref="StoreException">No such user.</exception>
    long AddApiToken(string userName, string label, string tokenHash, DateTimeOffset? expiresAt);

    /// <summary>The user a token belongs to, when the token is known, not revoked and not expired at
    /// <paramref name="now"/>, and its user is not disabled; else null.</summary>
    StoredUser? FindTokenUser(string tokenHash, DateTimeOffset now);

    /// <summary>A user's tokens (hashes left out), newest first.</summary>
    IReadOnlyList<StoredApiToken> GetApiTokens(string userName);

    /// <summary>Revokes a token of a user; false when the user has no such token.</summary>
    bool RevokeApiToken(string userName, long tokenId);
}
