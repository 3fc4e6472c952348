using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Npgsql;
using NpgsqlTypes;

namespace Allot.Storage.Postgres;

/// <summary>How one kind of record goes into its table: the columns a file writes, those an update changes,
/// and the values of a record in that column order (for binary COPY).</summary>
/// <remarks>The rules are SQLite's: customers write only the columns the file provides (plus the owner's start
/// date with the owner), so a file without birthdays keeps the stored ones; reps insert every column but update
/// only the provided ones; the other kinds write and update every column.</remarks>
internal sealed class ImportTable
{
    private static readonly string[] CustomerOptional =
    [
        "name", "type", "industry", "region", "city", "address", "created_date", "birthday", "phone", "email",
        "contacts", "channel", "tags", "key_account", "owner_rep", "owner_since", "status",
    ];

    private static readonly string[] RepColumns =
    [
        "key", "name", "team", "regions", "industries", "level", "product_skill", "selling_skill", "relationship_skill",
        "capacity", "capacity_by_tier", "active", "start_date",
    ];

    private ImportTable(string name, Type recordType, string[] columns, string[] updated, Func<object, string> key,
        Action<NpgsqlBinaryImporter, object> write)
    {
        Name = name;
        RecordType = recordType;
        Columns = columns;
        Updated = updated;
        Key = key;
        Write = write;
    }

    /// <summary>The table.</summary>
    public string Name { get; }

    /// <summary>The record type a file of this kind writes.</summary>
    public Type RecordType { get; }

    /// <summary>Columns written for a new row, in COPY order (key first; import_id and import_line follow).</summary>
    public string[] Columns { get; }

    /// <summary>Columns an update changes (besides import_id and import_line).</summary>
    public string[] Updated { get; }

    /// <summary>A record's key.</summary>
    public Func<object, string> Key { get; }

    /// <summary>Writes a record's values for <see cref="Columns"/>.</summary>
    public Action<NpgsqlBinaryImporter, object> Write { get; }

    /// <summary>The table of a kind, for a file providing <paramref name="columns"/>.</summary>
    public static ImportTable For(EntityKind kind, IReadOnlySet<string> columns) => kind switch
    {
        EntityKind.Customers => Customers(columns),
        EntityKind.Reps => new ImportTable("reps", typeof(Rep), RepColumns, [.. RepColumns.Skip(1).Where(columns.Contains)],
            r => ((Rep)r).Key, (copy, r) => WriteRep(copy, (Rep)r)),
        EntityKind.Orders => Simple("orders", typeof(Order), ["key", "customer_key", "order_date", "amount", "profit", "category", "channel", "quantity"],
            o => ((Order)o).Key, (copy, o) => WriteOrder(copy, (Order)o)),
        EntityKind.Invoices => Simple("invoices", typeof(Invoice), ["key", "customer_key", "issue_date", "due_date", "amount"],
            i => ((Invoice)i).Key, (copy, i) =>
            {
                var v = (Invoice)i;
                copy.Write(v.Key, NpgsqlDbType.Text);
                copy.Write(v.CustomerKey, NpgsqlDbType.Text);
                copy.WriteDate(v.IssueDate);
                copy.WriteDate(v.DueDate);
                copy.WriteMoney(v.Amount);
            }),
        EntityKind.Payments => Simple("payments", typeof(Payment), ["key", "invoice_key", "payment_date", "amount"],
            p => ((Payment)p).Key, (copy, p) =>
            {
                var v = (Payment)p;
                copy.Write(v.Key, NpgsqlDbType.Text);
                copy.Write(v.InvoiceKey, NpgsqlDbType.Text);
                copy.WriteDate(v.Date);
                copy.WriteMoney(v.Amount);
            }),
        EntityKind.Interactions => Simple("interactions", typeof(Interaction), ["key", "customer_key", "rep_key", "interaction_date", "kind", "outcome", "note"],
            x => ((Interaction)x).Key, (copy, x) =>
            {
                var v = (Interaction)x;
                copy.Write(v.Key, NpgsqlDbType.Text);
                copy.Write(v.CustomerKey, NpgsqlDbType.Text);
                copy.WriteText(v.RepKey);
                copy.WriteDate(v.Date);
                copy.Write(v.Kind.ToString().ToLowerInvariant(), NpgsqlDbType.Text);
                copy.WriteText(v.Outcome);
                copy.WriteText(v.Note);
            }),
        EntityKind.Feedback => Simple("feedback", typeof(Feedback), ["key", "customer_key", "feedback_date", "satisfaction", "nps", "comment"],
            f => ((Feedback)f).Key, (copy, f) =>
            {
                var v = (Feedback)f;
                copy.Write(v.Key, NpgsqlDbType.Text);
                copy.Write(v.CustomerKey, NpgsqlDbType.Text);
                copy.WriteDate(v.Date);
                copy.WriteBigint(v.Satisfaction);
                copy.WriteBigint(v.Nps);
                copy.WriteText(v.Comment);
            }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static ImportTable Simple(string name, Type type, string[] columns, Func<object, string> key, Action<NpgsqlBinaryImporter, object> write) =>
        new(name, type, columns, columns[1..], key, write);

    private static ImportTable Customers(IReadOnlySet<string> provided)
    {
        var list = new List<string> { "key" };
        foreach (string c in CustomerOptional)
            if (provided.Contains(c)) list.Add(c);
        if (list.Contains("owner_rep") && !list.Contains("owner_since")) list.Add("owner_since");
        string[] columns = [.. list];
        return new ImportTable("customers", typeof(Customer), columns, columns[1..], c => ((Customer)c).Key,
            (copy, c) => WriteCustomer(copy, (Customer)c, columns));
    }

    private static void WriteCustomer(NpgsqlBinaryImporter copy, Customer c, string[] columns)
    {
        foreach (string column in columns)
        {
            switch (column)
            {
                case "key": copy.Write(c.Key, NpgsqlDbType.Text); break;
                case "name": copy.Write(c.Name, NpgsqlDbType.Text); break;
                case "type": copy.WriteText(c.Type); break;
                case "industry": copy.WriteText(c.Industry); break;
                case "region": copy.WriteText(c.Region); break;
                case "city": copy.WriteText(c.City); break;
                case "address": copy.WriteText(c.Address); break;
                case "created_date": copy.WriteDate(c.CreatedDate); break;
                case "birthday": copy.WriteDate(c.Birthday); break;
                case "phone": copy.WriteText(c.Phone); break;
                case "email": copy.WriteText(c.Email); break;
                case "contacts": copy.Write(ContactsColumn.Format(c.Contacts), NpgsqlDbType.Text); break;
                case "channel": copy.WriteText(c.Channel); break;
                case "tags": copy.Write(ListColumn.Join(c.Tags), NpgsqlDbType.Text); break;
                case "key_account": copy.Write(c.KeyAccount ? 1L : 0L, NpgsqlDbType.Bigint); break;
                case "owner_rep": copy.WriteText(c.OwnerRepKey); break;
                case "owner_since": copy.WriteDate(c.OwnerSince); break;
                case "status": copy.Write(c.Status.ToString().ToLowerInvariant(), NpgsqlDbType.Text); break;
                default: throw new InvalidOperationException($"unmapped customer column {column}");
            }
        }
    }

    private static void WriteRep(NpgsqlBinaryImporter copy, Rep r)
    {
        copy.Write(r.Key, NpgsqlDbType.Text);
        copy.Write(r.Name, NpgsqlDbType.Text);
        copy.WriteText(r.Team);
        copy.Write(ListColumn.Join(r.Regions), NpgsqlDbType.Text);
        copy.Write(ListColumn.Join(r.Industries), NpgsqlDbType.Text);
        copy.Write(r.Level.ToString().ToLowerInvariant(), NpgsqlDbType.Text);
        copy.WriteBigint(r.ProductSkill);
        copy.WriteBigint(r.SellingSkill);
        copy.WriteBigint(r.RelationshipSkill);
        copy.WriteBigint(r.Capacity);
        copy.Write(ListColumn.JoinPairs(r.CapacityByTier), NpgsqlDbType.Text);
        copy.Write(r.Active ? 1L : 0L, NpgsqlDbType.Bigint);
        copy.WriteDate(r.StartDate);
    }

    private static void WriteOrder(NpgsqlBinaryImporter copy, Order o)
    {
        copy.Write(o.Key, NpgsqlDbType.Text);
        copy.Write(o.CustomerKey, NpgsqlDbType.Text);
        copy.WriteDate(o.Date);
        copy.WriteMoney(o.Amount);
        copy.WriteMoney(o.Profit);
        copy.WriteText(o.Category);
        copy.WriteText(o.Channel);
        copy.WriteDouble(o.Quantity is null ? null : (double)o.Quantity.Value);
    }
}
