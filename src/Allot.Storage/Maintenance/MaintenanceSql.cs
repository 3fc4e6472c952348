using Allot.Core.Customers;
using Allot.Core.Pool;

namespace Allot.Storage.Maintenance;

/// <summary>The SQL both maintenance sessions run (SQLite's and PostgreSQL's): one text per statement, with SQLite's
/// numbered parameters <c>?1</c>, <c>?2</c>…, which <see cref="Migrations.PostgresDialect.Positional"/> turns into
/// PostgreSQL's <c>$1</c>, <c>$2</c>….</summary>
/// <remarks>Only what the two engines mean the same way: <c>ON CONFLICT … DO UPDATE</c> with <c>excluded</c>,
/// <c>IS NOT DISTINCT FROM</c> (not SQLite's <c>IS</c>), <c>COALESCE</c>, <c>CASE</c>. Dates are ISO text, money
/// integers scaled by 10⁴, as everywhere in the schema. How rows are read and written in bulk differs per store
/// (SQLite: merged scans and prepared statements; PostgreSQL: one join through a cursor and binary COPY), and so
/// do the few statements only one of them needs.</remarks>
internal static class MaintenanceSql
{
    /// <summary>The latest classification run: where tiers, segments and stages come from.</summary>
    public const string LatestRun = "SELECT id, as_of FROM classification_runs ORDER BY id DESC LIMIT 1";

    /// <summary>One rep (?1).</summary>
    public const string Rep = "SELECT key, name, team, level, active FROM reps WHERE key = ?1";

    /// <summary>Customers rep ?1 owns now.</summary>
    public const string CountOwned = "SELECT COUNT(*) FROM customers WHERE owner_rep = ?1 AND status = 'active'";

    /// <summary>Events of kind ?2 for rep ?1 on days ?3 to ?4.</summary>
    public const string CountEvents = "SELECT COUNT(*) FROM pool_events WHERE rep_key = ?1 AND kind = ?2 AND event_day >= ?3 AND event_day <= ?4";

    /// <summary>The last day rep ?2 lost customer ?1.</summary>
    public const string LastLost = "SELECT MAX(event_day) FROM pool_events WHERE customer_key = ?1 AND kind IN ('reclaimed', 'released') AND rep_key = ?2";

    /// <summary>Invoices issued by ?1 and not fully paid by then: customer, invoice, due date, amount, paid.</summary>
    /// <remarks>Payments per invoice first (one pass over payments), then invoices joined to them by key.</remarks>
    public const string OpenInvoices = """
        SELECT i.customer_key, i.key, i.due_date, i.amount, COALESCE(p.paid, 0)
        FROM invoices i
        LEFT JOIN (SELECT invoice_key, SUM(amount) AS paid FROM payments WHERE payment_date <= ?1 GROUP BY invoice_key) p ON p.invoice_key = i.key
        WHERE i.issue_date <= ?1 AND COALESCE(p.paid, 0) < i.amount
        ORDER BY i.customer_key, i.key
        """;

    /// <summary>The customer's row with its activity, classes (run ?1) and standing warning, without a WHERE clause;
    /// the columns <see cref="BookColumns"/> names, in that order.</summary>
    public const string Book = """
        SELECT c.key, c.name, c.region, c.status, c.owner_rep, c.owner_since, c.created_date, c.birthday, c.key_account, c.tags,
        a.first_order, a.last_order, a.last_interaction, r.tier, r.segment, r.lifecycle_stage, w.rep_key, w.warned_on, w.due_date
        FROM customers c
        LEFT JOIN customer_activity a ON a.customer_key = c.key
        LEFT JOIN classification_results r ON r.run_id = ?1 AND r.customer_key = c.key
        LEFT JOIN pool_warnings w ON w.customer_key = c.key
        """;

    /// <summary>One customer (?2) of <see cref="Book"/>.</summary>
    public const string BookCustomer = Book + " WHERE c.key = ?2";

    /// <summary>The standing warning (customer ?1, rep ?2, warned on ?3, due ?4), replacing an earlier one.</summary>
    public const string Warn = """
        INSERT INTO pool_warnings (customer_key, rep_key, warned_on, due_date) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (customer_key) DO UPDATE SET rep_key = excluded.rep_key, warned_on = excluded.warned_on, due_date = excluded.due_date
        """;

    /// <summary>What an owner-changing event does to the customer row (customer ?1, day ?2, rep ?3), and why it may
    /// change no row; null for a warning (which only records).</summary>
    public static (string Sql, string Why)? Transition(PoolEventKind kind) => kind switch
    {
        PoolEventKind.Warned => null,
        PoolEventKind.Reclaimed or PoolEventKind.Released =>
            ("UPDATE customers SET owner_rep = NULL, status = 'pool', owner_since = ?2 WHERE key = ?1 AND status = 'active' AND owner_rep = ?3",
             "it is not active with that owner"),
        PoolEventKind.Pooled =>
            ("UPDATE customers SET owner_rep = NULL, status = 'pool', owner_since = ?2 WHERE key = ?1 AND status <> 'lost' AND owner_rep IS NOT DISTINCT FROM ?3",
             "its owner is not the one named, or it is lost"),
        PoolEventKind.Claimed or PoolEventKind.Assigned =>
            ("UPDATE customers SET owner_rep = ?3, status = 'active', owner_since = ?2 WHERE key = ?1 AND status = 'pool' AND owner_rep IS NULL",
             "it is not in the pool"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown pool event kind"),
    };

    /// <summary>The owner before and after an event (the history row's from and to).</summary>
    public static (string? From, string? To) Owners(PoolEvent e) =>
        e.Kind is PoolEventKind.Claimed or PoolEventKind.Assigned ? (null, e.RepKey) : (e.RepKey, null);

    /// <summary>The message when an event's transition changed no row.</summary>
    public static string Refused(PoolEvent e, string why) => $"cannot apply {Kind(e.Kind)} to customer {e.CustomerKey}: {why}";

    /// <summary>The event itself: customer, kind, pool, rep, day, recorded at, by, reason, due (?1…?9).</summary>
    public const string InsertEvent = """
        INSERT INTO pool_events (customer_key, kind, pool, rep_key, event_day, created_at, by_whom, reason, due_date)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        """;

    /// <summary>Drops customer ?1's standing warning (its owner changed).</summary>
    public const string ClearWarning = "DELETE FROM pool_warnings WHERE customer_key = ?1";

    /// <summary>An owner change: customer, from, to, at, by, reason (?1…?6).</summary>
    public const string InsertHistory = "INSERT INTO assignment_history (customer_key, from_rep, to_rep, changed_at, by_whom, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

    /// <summary>The owner history's reason for a pool event.</summary>
    public static string HistoryReason(PoolEvent e) => $"pool {Kind(e.Kind)} ({e.Pool}): {e.Reason}";

    /// <summary>Whether interaction key ?1 exists.</summary>
    public const string InteractionExists = "SELECT COUNT(*) FROM interactions WHERE key = ?1";

    /// <summary>A logged interaction: key, customer, rep, date, kind, outcome, note (?1…?7).</summary>
    public const string InsertInteraction = "INSERT INTO interactions (key, customer_key, rep_key, interaction_date, kind, outcome, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    /// <summary>Raises customer ?1's last interaction to day ?2 at once (a logged interaction).</summary>
    public const string TouchActivity = """
        INSERT INTO customer_activity (customer_key, last_interaction) VALUES (?1, ?2)
        ON CONFLICT (customer_key) DO UPDATE SET last_interaction = CASE
          WHEN customer_activity.last_interaction IS NULL OR excluded.last_interaction > customer_activity.last_interaction
          THEN excluded.last_interaction ELSE customer_activity.last_interaction END
        """;

    /// <summary>Merges new first/last order and last interaction dates into <c>customer_activity</c>: earliest and latest
    /// win, a NULL never replaces a date. Follows an <c>INSERT INTO customer_activity (customer_key, first_order,
    /// last_order, last_interaction) …</c>.</summary>
    public const string MergeActivity = """
        ON CONFLICT (customer_key) DO UPDATE SET
          first_order = CASE WHEN excluded.first_order IS NOT NULL AND (customer_activity.first_order IS NULL OR excluded.first_order < customer_activity.first_order)
                             THEN excluded.first_order ELSE customer_activity.first_order END,
          last_order = CASE WHEN excluded.last_order IS NOT NULL AND (customer_activity.last_order IS NULL OR excluded.last_order > customer_activity.last_order)
                            THEN excluded.last_order ELSE customer_activity.last_order END,
          last_interaction = CASE WHEN excluded.last_interaction IS NOT NULL AND (customer_activity.last_interaction IS NULL OR excluded.last_interaction > customer_activity.last_interaction)
                                  THEN excluded.last_interaction ELSE customer_activity.last_interaction END
        """;

    /// <summary>The activity watermarks in <c>store_state</c>: the highest order and interaction id merged in (the
    /// rowid on SQLite, which is the id there), and the highest import id looked at.</summary>
    public const string OrdersMark = "activity.orders_rowid", InteractionsMark = "activity.interactions_rowid", ImportsMark = "activity.imports_id";

    /// <summary>Imports past id ?1 that updated existing orders or interactions (after one, the summary is rebuilt).</summary>
    public const string UpdatingImports = "SELECT COUNT(*) FROM imports WHERE id > ?1 AND kind IN ('orders', 'interactions') AND updated > 0";

    /// <summary>The highest import id.</summary>
    public const string LastImport = "SELECT COALESCE(MAX(id), 0) FROM imports";

    /// <summary>A <c>store_state</c> value (?1).</summary>
    public const string GetState = "SELECT value FROM store_state WHERE name = ?1";

    /// <summary>Sets <c>store_state</c> ?1 to ?2.</summary>
    public const string SetState = "INSERT INTO store_state (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value";

    /// <summary>The columns of a stored task, as <see cref="ReadTasks"/> reads them.</summary>
    public const string TaskColumns = "customer_key, customer_name, rep_key, kind, due_date, reason, event_date, message_zh, message_en";

    /// <summary>The plan, or one rep's (?1) part of it.</summary>
    public static string ReadTasks(bool oneRep) =>
        $"SELECT {TaskColumns} FROM followup_tasks" + (oneRep ? " WHERE rep_key = ?1" : "") + " ORDER BY rep_key, due_date, customer_key";

    /// <summary>Every stored task's customer and fingerprint, per customer in stored order (see <see cref="PlanDifference"/>).</summary>
    public const string StoredPrints = "SELECT customer_key, fingerprint FROM followup_tasks ORDER BY customer_key, id";

    /// <summary>Drops customer ?1's tasks.</summary>
    public const string ClearTasks = "DELETE FROM followup_tasks WHERE customer_key = ?1";

    /// <summary>The columns a task is written with, in <see cref="InsertTask"/>'s order.</summary>
    public const string TaskInsertColumns = "rep_key, due_date, customer_key, customer_name, kind, reason, event_date, message_zh, message_en, planned_on, fingerprint";

    /// <summary>One task (?1…?11 in <see cref="TaskInsertColumns"/> order).</summary>
    public const string InsertTask = $"INSERT INTO followup_tasks ({TaskInsertColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

    /// <summary>The columns of a job's record, as both stores read a <see cref="Core.Maintenance.JobRun"/>.</summary>
    public const string JobRunColumns = "job, run_day, runs, first_at, last_at, by_whom, summary, digest_sent_at";

    /// <summary>Job ?1's record for day ?2.</summary>
    public const string GetJobRun = $"SELECT {JobRunColumns} FROM job_runs WHERE job = ?1 AND run_day = ?2";

    /// <summary>Job ?1 ran for day ?2 at ?3, by ?4, with summary ?5: the first run of the day, or one more.</summary>
    public const string RecordJobRun = """
        INSERT INTO job_runs (job, run_day, runs, first_at, last_at, by_whom, summary) VALUES (?1, ?2, 1, ?3, ?3, ?4, ?5)
        ON CONFLICT (job, run_day) DO UPDATE SET runs = job_runs.runs + 1, last_at = excluded.last_at, by_whom = excluded.by_whom, summary = excluded.summary
        """;

    /// <summary>Job ?1's digest for day ?2 was posted at ?3.</summary>
    public const string MarkDigestSent = "UPDATE job_runs SET digest_sent_at = ?3 WHERE job = ?1 AND run_day = ?2";

    /// <summary>An event kind as stored.</summary>
    public static string Kind(PoolEventKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A customer status as stored.</summary>
    public static string Status(CustomerStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A stored customer status.</summary>
    public static CustomerStatus ParseStatus(string text) => text switch
    {
        "active" => CustomerStatus.Active,
        "pool" => CustomerStatus.Pool,
        "lost" => CustomerStatus.Lost,
        _ => Enum.Parse<CustomerStatus>(text, ignoreCase: true),
    };
}
