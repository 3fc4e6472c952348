using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;

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
        Action<BinaryCopy, object> write)
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
    public Action<BinaryCopy, object> Write { get; }

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
                copy.Text(v.Key);
                copy.Text(v.CustomerKey);
                copy.Date(v.IssueDate);
                copy.Date(v.DueDate);
                copy.Money(v.Amount);
            }),
        EntityKind.Payments => Simple("payments", typeof(Payment), ["key", "invoice_key", "payment_date", "amount"],
            p => ((Payment)p).Key, (copy, p) =>
            {
                var v = (Payment)p;
                copy.Text(v.Key);
                copy.Text(v.InvoiceKey);
                copy.Date(v.Date);
                copy.Money(v.Amount);
            }),
        EntityKind.Interactions => Simple("interactions", typeof(Interaction), ["key", "customer_key", "rep_key", "interaction_date", "kind", "outcome", "note"],
            x => ((Interaction)x).Key, (copy, x) =>
            {
                var v = (Interaction)x;
                copy.Text(v.Key);
                copy.Text(v.CustomerKey);
                copy.Text(v.RepKey);
                copy.Date(v.Date);
                copy.Text(v.Kind.ToString().ToLowerInvariant());
                copy.Text(v.Outcome);
                copy.Text(v.Note);
            }),
        EntityKind.Feedback => Simple("feedback", typeof(Feedback), ["key", "customer_key", "feedback_date", "satisfaction", "nps", "comment"],
            f => ((Feedback)f).Key, (copy, f) =>
            {
                var v = (Feedback)f;
                copy.Text(v.Key);
                copy.Text(v.CustomerKey);
                copy.Date(v.Date);
                copy.Int64(v.Satisfaction);
                copy.Int64(v.Nps);
                copy.Text(v.Comment);
            }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static ImportTable Simple(string name, Type type, string[] columns, Func<object, string> key, Action<BinaryCopy, object> write) =>
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

    private static void WriteCustomer(BinaryCopy copy, Customer c, string[] columns)
    {
        foreach (string column in columns)
        {
            switch (column)
            {
                case "key": copy.Text(c.Key); break;
                case "name": copy.Text(c.Name); break;
                case "type": copy.Text(c.Type); break;
                case "industry": copy.Text(c.Industry); break;
                case "region": copy.Text(c.Region); break;
                case "city": copy.Text(c.City); break;
                case "address": copy.Text(c.Address); break;
                case "created_date": copy.Date(c.CreatedDate); break;
                case "birthday": copy.Date(c.Birthday); break;
                case "phone": copy.Text(c.Phone); break;
                case "email": copy.Text(c.Email); break;
                case "contacts": copy.Text(ContactsColumn.Format(c.Contacts)); break;
                case "channel": copy.Text(c.Channel); break;
                case "tags": copy.Text(ListColumn.Join(c.Tags)); break;
                case "key_account": copy.Int64(c.KeyAccount ? 1L : 0L); break;
                case "owner_rep": copy.Text(c.OwnerRepKey); break;
                case "owner_since": copy.Date(c.OwnerSince); break;
                case "status": copy.Text(c.Status.ToString().ToLowerInvariant()); break;
                default: throw new InvalidOperationException($"unmapped customer column {column}");
            }
        }
    }

    private static void WriteRep(BinaryCopy copy, Rep r)
    {
        copy.Text(r.Key);
        copy.Text(r.Name);
        copy.Text(r.Team);
        copy.Text(ListColumn.Join(r.Regions));
        copy.Text(ListColumn.Join(r.Industries));
        copy.Text(r.Level.ToString().ToLowerInvariant());
        copy.Int64(r.ProductSkill);
        copy.Int64(r.SellingSkill);
        copy.Int64(r.RelationshipSkill);
        copy.Int64(r.Capacity);
        copy.Text(ListColumn.JoinPairs(r.CapacityByTier));
        copy.Int64(r.Active ? 1L : 0L);
        copy.Date(r.StartDate);
    }

    private static void WriteOrder(BinaryCopy copy, Order o)
    {
        copy.Text(o.Key);
        copy.Text(o.CustomerKey);
        copy.Date(o.Date);
        copy.Money(o.Amount);
        copy.Money(o.Profit);
        copy.Text(o.Category);
        copy.Text(o.Channel);
        copy.Double(o.Quantity is null ? null : (double)o.Quantity.Value);
    }
}
