using System.Globalization;
using Allot.Storage.Maintenance;

namespace Allot.Storage.Postgres;

/// <summary>Keeps <c>customer_activity</c> (first and last order, last interaction per customer) up to date on
/// PostgreSQL: the rows past the watermarks, grouped by customer on the server and merged in.</summary>
/// <remarks>
/// The same bookkeeping as SQLite's <c>ActivitySummary</c> (the same watermarks in <c>store_state</c>, the same merge,
/// a rebuild after an import that updated existing orders or interactions), with the ids of the identity columns for
/// SQLite's rowids. Ids are handed out in insertion order but a transaction could commit a lower one after a higher
/// one is seen; it cannot here, because every writer of orders and interactions (imports, a logged interaction)
/// holds the store's write lock, which the refreshing session holds too. The grouping is the server's work, as the
/// indicators are: one pass over the new rows (through the id index), one row per customer merged.
/// </remarks>
internal static class PostgresActivity
{
    /// <summary>Customers merged in one refresh after which the table's planner statistics are refreshed.</summary>
    private const int AnalyzeAfter = 10_000;

    public static void Refresh(PostgresMaintenanceSession s)
    {
        long ordersMark = State(s, MaintenanceSql.OrdersMark), interactionsMark = State(s, MaintenanceSql.InteractionsMark);
        long importsMark = State(s, MaintenanceSql.ImportsMark);
        if (s.Scalar(MaintenanceSql.UpdatingImports, importsMark) > 0)
        {
            using var clear = s.Command("DELETE FROM customer_activity");
            clear.ExecuteNonQuery();
            ordersMark = interactionsMark = 0;
        }
        long maxOrder = s.Scalar("SELECT COALESCE(MAX(id), 0) FROM orders");
        long maxInteraction = s.Scalar("SELECT COALESCE(MAX(id), 0) FROM interactions");
        long merged = 0;
        if (maxOrder > ordersMark)
        {
            merged += Merge(s, "SELECT customer_key, MIN(order_date), MAX(order_date), NULL FROM orders WHERE id > ?1 AND id <= ?2 GROUP BY customer_key",
                ordersMark, maxOrder);
        }
        if (maxInteraction > interactionsMark)
        {
            merged += Merge(s, "SELECT customer_key, NULL, NULL, MAX(interaction_date) FROM interactions WHERE id > ?1 AND id <= ?2 GROUP BY customer_key",
                interactionsMark, maxInteraction);
        }
        if (merged >= AnalyzeAfter)
        {
            using var analyze = s.Command("ANALYZE customer_activity");
            analyze.ExecuteNonQuery();
        }
        SetState(s, MaintenanceSql.OrdersMark, Math.Max(ordersMark, maxOrder));
        SetState(s, MaintenanceSql.InteractionsMark, Math.Max(interactionsMark, maxInteraction));
        SetState(s, MaintenanceSql.ImportsMark, s.Scalar(MaintenanceSql.LastImport));
    }

    private static long Merge(PostgresMaintenanceSession s, string select, long from, long to)
    {
        using var merge = s.Command("INSERT INTO customer_activity (customer_key, first_order, last_order, last_interaction) "
            + select + " " + MaintenanceSql.MergeActivity, from, to);
        return merge.ExecuteNonQuery();
    }

    private static long State(PostgresMaintenanceSession s, string name)
    {
        using var q = s.Command(MaintenanceSql.GetState, name);
        return q.ExecuteScalar() is string value ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
    }

    private static void SetState(PostgresMaintenanceSession s, string name, long value)
    {
        using var u = s.Command(MaintenanceSql.SetState, name, value.ToString(CultureInfo.InvariantCulture));
        u.ExecuteNonQuery();
    }
}
