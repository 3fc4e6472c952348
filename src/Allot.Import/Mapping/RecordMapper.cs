using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Allot.Import.Reading;
using Allot.Import.Values;

namespace Allot.Import.Mapping;

/// <summary>Turns table rows into records of one kind, or into a reject that says what was wrong.</summary>
/// <remarks>One reject per rejected row: the first problem found, naming its column, value and what was
/// expected. Dates after <c>today</c> are refused (except due dates). Files without a key column for
/// payments, interactions or feedback get keys derived from the row's content and its ordinal among
/// identical rows, so importing the same file again updates instead of duplicating.</remarks>
public sealed class RecordMapper
{
    /// <summary>Money and quantities must stay below this (10^14) to fit the store's scaled 64-bit integers
    /// with room for sums.</summary>
    public const decimal MaxMoney = 100_000_000_000_000m;

    private readonly EntityKind _kind;
    private readonly HeaderMap _map;
    private readonly string _file;
    private readonly DateOnly _today;
    private readonly Dictionary<string, int> _derivedKeyCounts = new(StringComparer.Ordinal);
    // Column of each field name asked for, by reference: the names are literals, so this costs an object hash
    // per field instead of hashing the name's characters (a dozen lookups per row on imports of millions).
    private readonly Dictionary<string, int> _columns = new(ReferenceEqualityComparer.Instance);
    private TableRow _row;
    private RowReject? _reject;

    /// <summary>Creates a mapper for one file.</summary>
    public RecordMapper(EntityKind kind, HeaderMap map, string file, DateOnly today)
    {
        _kind = kind;
        _map = map;
        _file = file;
        _today = today;
    }

    /// <summary>Store columns the file provides (see <see cref="IImportSink.BeginFile"/>).</summary>
    public IReadOnlySet<string> StoreColumns()
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (string field in _map.Fields)
        {
            columns.Add(field switch
            {
                "customer_id" or "rep_id" when _kind is EntityKind.Customers or EntityKind.Reps => "key",
                "owner_rep_id" => "owner_rep",
                "contact_name" or "contact_role" => "contacts",
                _ => field,
            });
        }
        return columns;
    }

    /// <summary>Maps a row.</summary>
    /// <returns>True with a record, or false with the reject.</returns>
    public bool TryMap(in TableRow row, out object? record, out RowReject? reject)
    {
        _row = row;
        _reject = null;
        record = null;
        if (row.Fields.Length != _map.Headers.Count)
        {
            reject = new RowReject(_file, row.Line, null, null,
                $"expected {_map.Headers.Count} fields (as in the header), found {row.Fields.Length}");
            return false;
        }
        record = _kind switch
        {
            EntityKind.Customers => MapCustomer(),
            EntityKind.Reps => MapRep(),
            EntityKind.Orders => MapOrder(),
            EntityKind.Invoices => MapInvoice(),
            EntityKind.Payments => MapPayment(),
            EntityKind.Interactions => MapInteraction(),
            EntityKind.Feedback => MapFeedback(),
            _ => throw new ArgumentOutOfRangeException(nameof(row)),
        };
        reject = _reject;
        if (reject is not null) record = null;
        return reject is null;
    }

    private Customer? MapCustomer()
    {
        string? key = Key("customer_id");
        string? name = Text("name");
        string? type = Text("type");
        DateOnly? created = PastDate("created_date");
        DateOnly? birthday = PastDate("birthday");
        bool? keyAccount = Bool("key_account");
        DateOnly? since = PastDate("owner_since");
        string? statusText = Text("status");
        CustomerStatus status = CustomerStatus.Active;
        if (statusText is not null && _reject is null && !Vocabulary.TryStatus(statusText, out status))
            Fail("status", statusText, "expected active, pool or lost (正常, 公海, 流失)");
        string? email = Text("email");
        if (email is not null && _reject is null && !email.Contains('@', StringComparison.Ordinal))
            Fail("email", email, "expected an email address");
        if (_reject is not null) return null;
        string? phone = Text("phone");
        string? contactName = Text("contact_name");
        var contacts = contactName is null ? [] : new[] { new Contact(contactName, Text("contact_role"), phone, email) };
        return new Customer
        {
            Key = key!,
            Name = name ?? "",
            Type = type is null ? null : Vocabulary.CustomerType(type),
            Industry = Text("industry"),
            Region = Text("region"),
            City = Text("city"),
            Address = Text("address"),
            CreatedDate = created,
            Birthday = birthday,
            Phone = phone,
            Email = email,
            Contacts = contacts,
            Channel = Text("channel"),
            Tags = List("tags"),
            KeyAccount = keyAccount ?? false,
            OwnerRepKey = Text("owner_rep_id"),
            OwnerSince = since,
            Status = status,
        };
    }

    private Rep? MapRep()
    {
        string? key = Key("rep_id");
        string? levelText = Text("level");
        RepLevel level = RepLevel.Mid;
        if (levelText is not null && _reject is null && !Vocabulary.TryLevel(levelText, out level))
            Fail("level", levelText, "expected junior, mid or senior (初级, 中级, 高级)");
        int? capacity = Int("capacity", 0, int.MaxValue);
        int? product = Int("product_skill", 0, 100);
        int? selling = Int("selling_skill", 0, 100);
        int? relationship = Int("relationship_skill", 0, 100);
        bool? active = Bool("active");
        DateOnly? start = PastDate("start_date");
        if (_reject is not null) return null;
        return new Rep
        {
            Key = key!,
            Name = Text("name") ?? "",
            Team = Text("team"),
            Regions = List("regions"),
            Industries = List("industries"),
            Level = level,
            Capacity = capacity,
            ProductSkill = product,
            SellingSkill = selling,
            RelationshipSkill = relationship,
            Active = active ?? true,
            StartDate = start,
        };
    }

    private Order? MapOrder()
    {
        string? key = Key("order_id");
        string? customer = Required("customer_id");
        DateOnly? date = RequiredPastDate("order_date");
        decimal? amount = Money("amount", required: true);
        decimal? profit = Money("profit", required: false, allowNegative: true);
        decimal? cost = Money("cost", required: false);
        decimal? quantity = Money("quantity", required: false);
        if (_reject is not null) return null;
        return new Order
        {
            Key = key!,
            CustomerKey = customer!,
            Date = date!.Value,
            Amount = amount!.Value,
            Profit = profit ?? (cost is null ? null : amount.Value - cost.Value),
            Category = Text("category"),
            Channel = Text("channel"),
            Quantity = quantity,
        };
    }

    private Invoice? MapInvoice()
    {
        string? key = Key("invoice_id");
        string? customer = Required("customer_id");
        DateOnly? issued = RequiredPastDate("issue_date");
        DateOnly? due = Date("due_date");
        decimal? amount = Money("amount", required: true);
        if (_reject is null && due is not null && issued is not null && due < issued)
            Fail("due_date", Raw("due_date"), "expected a due date on or after the issue date");
        if (_reject is not null) return null;
        return new Invoice { Key = key!, CustomerKey = customer!, IssueDate = issued!.Value, DueDate = due ?? issued!.Value.AddDays(30), Amount = amount!.Value };
    }

    private Payment? MapPayment()
    {
        string? invoice = Required("invoice_id");
        DateOnly? date = RequiredPastDate("payment_date");
        decimal? amount = Money("amount", required: true);
        if (_reject is not null) return null;
        string key = Text("payment_id") ?? Derived(invoice!, date!.Value, amount!.Value.ToString(CultureInfo.InvariantCulture));
        return new Payment { Key = key, InvoiceKey = invoice!, Date = date!.Value, Amount = amount!.Value };
    }

    private Interaction? MapInteraction()
    {
        string? customer = Required("customer_id");
        DateOnly? date = RequiredPastDate("date");
        string? kindText = Required("kind");
        InteractionKind kind = default;
        if (kindText is not null && _reject is null && !Vocabulary.TryInteractionKind(kindText, out kind))
            Fail("kind", kindText, "expected visit, call, message, email or meeting (拜访, 电话, 消息, 邮件, 会议)");
        if (_reject is not null) return null;
        string? rep = Text("rep_id");
        string key = Text("interaction_id") ?? Derived(customer!, date!.Value, rep ?? "", kind.ToString());
        return new Interaction { Key = key, CustomerKey = customer!, RepKey = rep, Date = date!.Value, Kind = kind, Outcome = Text("outcome"), Note = Text("note") };
    }

    private Feedback? MapFeedback()
    {
        string? customer = Required("customer_id");
        DateOnly? date = RequiredPastDate("date");
        int? satisfaction = Int("satisfaction", 1, 5);
        int? nps = Int("nps", 0, 10);
        if (_reject is null && satisfaction is null && nps is null)
            _reject = new RowReject(_file, _row.Line, null, null, "expected a satisfaction score (1–5) or an NPS answer (0–10)");
        if (_reject is not null) return null;
        string key = Text("feedback_id") ?? Derived(customer!, date!.Value);
        return new Feedback { Key = key, CustomerKey = customer!, Date = date!.Value, Satisfaction = satisfaction, Nps = nps, Comment = Text("comment") };
    }

    private string Derived(string first, DateOnly date, params string[] rest)
    {
        string baseKey = string.Join('|', [first, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. rest]);
        int n = _derivedKeyCounts.TryGetValue(baseKey, out int seen) ? seen + 1 : 1;
        _derivedKeyCounts[baseKey] = n;
        return n == 1 ? baseKey : baseKey + "#" + n.ToString(CultureInfo.InvariantCulture);
    }

    private string? Raw(string field)
    {
        if (!_columns.TryGetValue(field, out int i)) _columns[field] = i = _map.IndexOf(field);
        return i < 0 ? null : _row.Fields[i];
    }

    private string? Text(string field)
    {
        string? raw = Raw(field);
        if (raw is null) return null;
        string t = raw.Trim();
        return t.Length == 0 ? null : t;
    }

    private IReadOnlyList<string> List(string field)
    {
        string? t = Text(field);
        return t is null ? [] : t.Split([';', '；', '、', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private string? Required(string field)
    {
        string? t = Text(field);
        if (t is null) Fail(field, Raw(field), "a value is required");
        return t;
    }

    private string? Key(string field) => Required(field);

    private DateOnly? Date(string field)
    {
        string? t = Text(field);
        if (t is null || _reject is not null) return null;
        if (ValueParser.TryParseDate(t, out var d)) return d;
        Fail(field, t, "expected a date such as 2024-03-31, 3/31/2024, 2024/3/31, 20240331 or 2024年3月31日");
        return null;
    }

    private DateOnly? PastDate(string field)
    {
        var d = Date(field);
        if (d is not null && d > _today)
        {
            Fail(field, Raw(field), string.Create(CultureInfo.InvariantCulture, $"date is in the future (today is {_today:yyyy-MM-dd})"));
            return null;
        }
        return d;
    }

    private DateOnly? RequiredPastDate(string field)
    {
        if (Required(field) is null) return null;
        return PastDate(field);
    }

    private decimal? Money(string field, bool required, bool allowNegative = false)
    {
        string? t = required ? Required(field) : Text(field);
        if (t is null || _reject is not null) return null;
        if (!ValueParser.TryParseDecimal(t, out decimal v))
        {
            Fail(field, t, "expected a number such as 1234.56, 1,234.56, ¥1,234 or (12.50)");
            return null;
        }
        if (Math.Abs(v) >= MaxMoney)
        {
            Fail(field, t, "expected a number below 100,000,000,000,000 (the store keeps 4 decimals in 64 bits)");
            return null;
        }
        if (v < 0 && !allowNegative)
        {
            Fail(field, t, "expected a number ≥ 0");
            return null;
        }
        return v;
    }

    private int? Int(string field, int min, int max)
    {
        string? t = Text(field);
        if (t is null || _reject is not null) return null;
        if (!ValueParser.TryParseInt(t, out int v))
        {
            Fail(field, t, "expected a whole number");
            return null;
        }
        if (v < min || v > max)
        {
            Fail(field, t, max == int.MaxValue ? $"expected a whole number ≥ {min}" : $"expected a whole number from {min} to {max}");
            return null;
        }
        return v;
    }

    private bool? Bool(string field)
    {
        string? t = Text(field);
        if (t is null || _reject is not null) return null;
        if (ValueParser.TryParseBool(t, out bool b)) return b;
        Fail(field, t, "expected yes or no (true/false, 1/0, 是/否)");
        return null;
    }

    private void Fail(string field, string? value, string reason) =>
        _reject ??= new RowReject(_file, _row.Line, _map.HeaderOf(field), value, reason);
}
