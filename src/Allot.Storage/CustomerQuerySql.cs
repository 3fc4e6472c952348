namespace Allot.Storage;

/// <summary>The WHERE clause of a <see cref="CustomerQuery"/>, the same on both stores but for the substring
/// function (<c>instr</c> in SQLite, <c>strpos</c> in PostgreSQL). Values always travel as parameters.</summary>
internal static class CustomerQuerySql
{
    /// <summary>The conditions (joined by AND, empty when none) and the parameters they name (without prefix).</summary>
    /// <param name="query">The filters.</param>
    /// <param name="substringFunction"><c>instr</c> (SQLite) or <c>strpos</c> (PostgreSQL).</param>
    /// <param name="ownerFirst">Keep the planner on the owner index when the owner is filtered (SQLite, which has no
    /// statistics unless ANALYZE ran: it would take the region index, and read the whole region for one rep's page).</param>
    public static (string Where, List<(string Name, object Value)> Parameters) Build(CustomerQuery query, string substringFunction, bool ownerFirst = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        var parameters = new List<(string, object)>();
        // SQLite's unary + on a column leaves its index out of the plan.
        string broad = ownerFirst && (query.Owner is not null || query.Owners is not null) ? "+" : "";
        void Filter(string column, string? value)
        {
            if (value is null) return;
            where.Add($"{(column == "owner_rep" ? "" : broad)}{column} = @{column}");
            parameters.Add((column, value));
        }
        Filter("type", query.Type);
        Filter("region", query.Region);
        Filter("industry", query.Industry);
        if (query.Owner == "-") where.Add("owner_rep IS NULL");
        else Filter("owner_rep", query.Owner);
        if (query.Owners is { } owners)
        {
            if (owners.Count == 0) where.Add("1 = 0");
            else
            {
                where.Add("owner_rep IN (" + string.Join(", ", owners.Select((_, i) => "@o" + i)) + ")");
                parameters.AddRange(owners.Select((o, i) => ("o" + i, (object)o)));
            }
        }
        if (query.Tier is not null || query.Segment is not null || query.Stage is not null)
        {
            var cls = new List<string> { query.Run is { } run ? "run_id = @run" : "run_id = (SELECT MAX(id) FROM classification_runs)" };
            if (query.Run is { } r) parameters.Add(("run", r));
            if (query.Tier is { } tier) { cls.Add("tier = @tier"); parameters.Add(("tier", tier)); }
            if (query.Segment is { } segment) { cls.Add("segment = @segment"); parameters.Add(("segment", segment)); }
            if (query.Stage is { } stage) { cls.Add("lifecycle_stage = @stage"); parameters.Add(("stage", stage)); }
            where.Add("key IN (SELECT customer_key FROM classification_results WHERE " + string.Join(" AND ", cls) + ")");
        }
        if (!string.IsNullOrEmpty(query.Text))
        {
            // lower() changes ASCII letters only (SQLite; PostgreSQL under the "C" collation), the same on both.
            string f = substringFunction;
            where.Add($"({f}(key, @text) > 0 OR {f}(name, @text) > 0 OR {f}(COALESCE(phone, ''), @text) > 0 OR {f}(lower(COALESCE(email, '')), lower(@text)) > 0)");
            parameters.Add(("text", query.Text));
        }
        return (string.Join(" AND ", where), parameters);
    }
}
