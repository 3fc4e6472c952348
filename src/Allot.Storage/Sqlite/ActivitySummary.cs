using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Allot.Storage.Maintenance;
using SQLitePCL;

namespace Allot.Storage.Sqlite;

/// <summary>Keeps <c>customer_activity</c> (first and last order, last interaction per customer) up to date.</summary>
/// <remarks>
/// Orders and interactions only grow by insertion (imports, <c>allot interactions log</c>), and a new row gets a
/// rowid above every earlier one, so the rows past a watermark kept in <c>store_state</c> are exactly the new ones;
/// only those are read and merged in (earliest and latest dates win). An import that <i>updated</i> existing order or
/// interaction rows may have moved a date either way, so after one the table is rebuilt from every row. The rows
/// are scanned in rowid order and folded into per-customer day numbers in memory (a hash lookup on the key's
/// characters, no string per row): at 20M orders this is about three times faster than SQLite's own GROUP BY
/// through the customer index, and it does not depend on the rows' physical order.
/// </remarks>
internal static class ActivitySummary
{
    private const int None = int.MinValue;

    public static void Refresh(sqlite3 db, Func<string, RawStatement> prepare)
    {
        long ordersMark = State(prepare, MaintenanceSql.OrdersMark), interactionsMark = State(prepare, MaintenanceSql.InteractionsMark);
        long importsMark = State(prepare, MaintenanceSql.ImportsMark);
        using (var updated = prepare(MaintenanceSql.UpdatingImports))
        {
            updated.Bind(1, importsMark);
            updated.Step();
            if (updated.ColumnInt64(0) > 0)
            {
                using var clear = prepare("DELETE FROM customer_activity");
                clear.Execute();
                ordersMark = interactionsMark = 0;
            }
        }

        var days = new Dictionary<string, (int First, int Last, int Interaction)>(StringComparer.Ordinal);
        long maxOrder = Scan(prepare, "orders", "order_date", ordersMark, days, interaction: false);
        long maxInteraction = Scan(prepare, "interactions", "interaction_date", interactionsMark, days, interaction: true);

        if (days.Count > 0)
        {
            using var upsert = prepare("INSERT INTO customer_activity (customer_key, first_order, last_order, last_interaction) VALUES (?1, ?2, ?3, ?4) "
                + MaintenanceSql.MergeActivity);
            // In key order: a rebuilt table then lies in the order the jobs read it.
            foreach (var (key, a) in days.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                upsert.Bind(1, key);
                upsert.Bind(2, Day(a.First));
                upsert.Bind(3, Day(a.Last));
                upsert.Bind(4, Day(a.Interaction));
                upsert.Execute();
            }
        }
        SetState(prepare, MaintenanceSql.OrdersMark, Math.Max(ordersMark, maxOrder));
        SetState(prepare, MaintenanceSql.InteractionsMark, Math.Max(interactionsMark, maxInteraction));
        using var imports = prepare(MaintenanceSql.LastImport);
        imports.Step();
        SetState(prepare, "activity.imports_id", imports.ColumnInt64(0));
    }

    /// <summary>Raises a customer's last interaction to <paramref name="day"/> at once (a logged interaction), so a
    /// re-plan in the same transaction sees it; the next refresh reads the row again, which changes nothing.</summary>
    public static void Touch(Func<string, RawStatement> prepare, string customerKey, DateOnly day)
    {
        using var upsert = prepare(MaintenanceSql.TouchActivity);
        upsert.Bind(1, customerKey);
        upsert.Bind(2, day);
        upsert.Execute();
    }

    /// <summary>Folds the rows past <paramref name="mark"/> into <paramref name="days"/>; returns the table's highest rowid.</summary>
    private static long Scan(Func<string, RawStatement> prepare, string table, string dateColumn, long mark,
        Dictionary<string, (int First, int Last, int Interaction)> days, bool interaction)
    {
        long max;
        using (var top = prepare($"SELECT COALESCE(MAX(rowid), 0) FROM {table}"))
        {
            top.Step();
            max = top.ColumnInt64(0);
        }
        if (max <= mark) return max;
        var lookup = days.GetAlternateLookup<ReadOnlySpan<char>>();
        using var scan = prepare($"SELECT customer_key, {dateColumn} FROM {table} WHERE rowid > ?1 AND rowid <= ?2");
        scan.Bind(1, mark);
        scan.Bind(2, max);
        Span<char> chars = stackalloc char[128];
        byte[] previous = new byte[128];
        int previousLength = -1;
        string? previousKey = null;
        while (scan.Step())
        {
            if (TextPool.Date(scan.ColumnBytes(1)) is not { } date) continue;
            int day = date.DayNumber;
            var keyBytes = scan.ColumnBytes(0);
            string key;
            // Rows of one customer often come together; then the key is known without decoding it again.
            if (previousKey is not null && keyBytes.SequenceEqual(previous.AsSpan(0, previousLength))) key = previousKey;
            else
            {
                ReadOnlySpan<char> text = keyBytes.Length <= 128 ? chars[..Encoding.UTF8.GetChars(keyBytes, chars)] : Encoding.UTF8.GetString(keyBytes);
                if (!lookup.TryGetValue(text, out string? known, out _))
                {
                    known = new string(text);
                    days[known] = (None, None, None);
                }
                key = known;
                if (keyBytes.Length <= previous.Length)
                {
                    keyBytes.CopyTo(previous);
                    previousLength = keyBytes.Length;
                    previousKey = key;
                }
                else previousKey = null;
            }
            ref var a = ref CollectionsMarshal.GetValueRefOrNullRef(days, key);
            if (interaction)
            {
                if (a.Interaction == None || day > a.Interaction) a.Interaction = day;
            }
            else
            {
                if (a.First == None || day < a.First) a.First = day;
                if (a.Last == None || day > a.Last) a.Last = day;
            }
        }
        return max;
    }

    private static string? Day(int dayNumber) =>
        dayNumber == None ? null : DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long State(Func<string, RawStatement> prepare, string name)
    {
        using var q = prepare(MaintenanceSql.GetState);
        q.Bind(1, name);
        return q.Step() ? long.Parse(q.ColumnText(0)!, CultureInfo.InvariantCulture) : 0;
    }

    private static void SetState(Func<string, RawStatement> prepare, string name, long value)
    {
        using var u = prepare(MaintenanceSql.SetState);
        u.Bind(1, name);
        u.Bind(2, value.ToString(CultureInfo.InvariantCulture));
        u.Execute();
    }
}
