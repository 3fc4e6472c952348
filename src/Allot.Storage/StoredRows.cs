using System.Data.Common;
using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Ownership;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;

namespace Allot.Storage;

/// <summary>Reading rows back into domain records, the same for every store: the schema is one (the portable
/// migrations), so are its column lists and conversions (dates as ISO text, money as integers scaled by 10⁴).</summary>
internal static class StoredRows
{
    public const string CustomerColumns = "key, name, type, industry, region, city, address, created_date, birthday, phone, email, "
        + "contacts, channel, tags, key_account, owner_rep, owner_since, status";

    public const string RepColumns = "key, name, team, regions, industries, level, product_skill, selling_skill, relationship_skill, "
        + "capacity, capacity_by_tier, active, start_date";

    public const string OrderColumns = "key, customer_key, order_date, amount, profit, category, channel, quantity";

    public const string InvoiceColumns = "key, customer_key, issue_date, due_date, amount";

    public const string PaymentColumns = "key, invoice_key, payment_date, amount";

    public const string InteractionColumns = "key, customer_key, rep_key, interaction_date, kind, outcome, note";

    public const string FeedbackColumns = "key, customer_key, feedback_date, satisfaction, nps, comment";

    public const string HistoryColumns = "customer_key, from_rep, to_rep, changed_at, by_whom, reason, run_id";

    public const string ImportColumns = "id, kind, file, started_at, by_whom, read_rows, imported, updated, rejected";

    public const string RunColumns = "id, created_at, by_whom, as_of, scheme_name, customers, tier_classes, figure_names";

    public const string ResultColumns = "run_id, customer_key, tier, segment, lifecycle_stage, tags, details, revenue, figures";

    public static Customer Customer(DbDataReader r) => new()
    {
        Key = r.GetString(0),
        Name = r.GetString(1),
        Type = Text(r, 2),
        Industry = Text(r, 3),
        Region = Text(r, 4),
        City = Text(r, 5),
        Address = Text(r, 6),
        CreatedDate = DateOrNull(r, 7),
        Birthday = DateOrNull(r, 8),
        Phone = Text(r, 9),
        Email = Text(r, 10),
        Contacts = ContactsColumn.Parse(r.GetString(11)),
        Channel = Text(r, 12),
        Tags = ListColumn.Split(r.GetString(13)),
        KeyAccount = r.GetInt64(14) != 0,
        OwnerRepKey = Text(r, 15),
        OwnerSince = DateOrNull(r, 16),
        Status = Enum.Parse<CustomerStatus>(r.GetString(17), ignoreCase: true),
    };

    public static Rep Rep(DbDataReader r) => new()
    {
        Key = r.GetString(0),
        Name = r.GetString(1),
        Team = Text(r, 2),
        Regions = ListColumn.Split(r.GetString(3)),
        Industries = ListColumn.Split(r.GetString(4)),
        Level = Enum.Parse<RepLevel>(r.GetString(5), ignoreCase: true),
        ProductSkill = IntOrNull(r, 6),
        SellingSkill = IntOrNull(r, 7),
        RelationshipSkill = IntOrNull(r, 8),
        Capacity = IntOrNull(r, 9),
        CapacityByTier = ListColumn.SplitPairs(r.GetString(10)),
        Active = r.GetInt64(11) != 0,
        StartDate = DateOrNull(r, 12),
    };

    public static Order Order(DbDataReader r) => new()
    {
        Key = r.GetString(0),
        CustomerKey = r.GetString(1),
        Date = Date(r, 2),
        Amount = StoredMoney.FromStored(r.GetInt64(3)),
        Profit = r.IsDBNull(4) ? null : StoredMoney.FromStored(r.GetInt64(4)),
        Category = Text(r, 5),
        Channel = Text(r, 6),
        Quantity = r.IsDBNull(7) ? null : (decimal)r.GetDouble(7),
    };

    public static Invoice Invoice(DbDataReader r) => new()
    {
        Key = r.GetString(0), CustomerKey = r.GetString(1), IssueDate = Date(r, 2), DueDate = Date(r, 3), Amount = StoredMoney.FromStored(r.GetInt64(4)),
    };

    public static Payment Payment(DbDataReader r) => new()
    {
        Key = r.GetString(0), InvoiceKey = r.GetString(1), Date = Date(r, 2), Amount = StoredMoney.FromStored(r.GetInt64(3)),
    };

    public static Interaction Interaction(DbDataReader r) => new()
    {
        Key = r.GetString(0), CustomerKey = r.GetString(1), RepKey = Text(r, 2), Date = Date(r, 3),
        Kind = Enum.Parse<InteractionKind>(r.GetString(4), ignoreCase: true), Outcome = Text(r, 5), Note = Text(r, 6),
    };

    public static Feedback Feedback(DbDataReader r) => new()
    {
        Key = r.GetString(0), CustomerKey = r.GetString(1), Date = Date(r, 2),
        Satisfaction = IntOrNull(r, 3), Nps = IntOrNull(r, 4), Comment = Text(r, 5),
    };

    public static AssignmentChange Change(DbDataReader r) => new(r.GetString(0), Text(r, 1), Text(r, 2), Instant(r, 3), r.GetString(4),
        r.GetString(5), r.IsDBNull(6) ? null : r.GetInt64(6));

    public static ImportRecord Import(DbDataReader r) => new(r.GetInt64(0), Enum.Parse<EntityKind>(r.GetString(1), ignoreCase: true),
        r.GetString(2), Instant(r, 3), r.GetString(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8));

    public static ClassificationRunInfo Run(DbDataReader r) => new(r.GetInt64(0), Instant(r, 1), r.GetString(2), Date(r, 3), r.GetString(4),
        (int)r.GetInt64(5), ListColumn.Split(r.GetString(6))) { FigureNames = ListColumn.Split(r.GetString(7)) };

    public static StoredClassification Result(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4),
        ListColumn.Split(r.GetString(5)), ClassificationDetails.Parse(r.GetString(6)), r.GetDouble(7)) { Figures = RunFigures.Parse(r.GetString(8)) };

    public static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static int? IntOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : checked((int)r.GetInt64(i));

    public static DateOnly Date(DbDataReader r, int i) => ParseDate(r.GetString(i));

    public static DateOnly? DateOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : ParseDate(r.GetString(i));

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(DbDataReader r, int i) => DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture);
}
