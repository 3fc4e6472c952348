using System.Globalization;
using Allot.Core.Customers;
using Allot.Core.Engagement;
using Allot.Core.Importing;
using Allot.Core.Receivables;
using Allot.Core.Reps;
using Allot.Core.Sales;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Allot.Storage.Sqlite;

/// <summary>An import transaction on SQLite, written through prepared raw statements.</summary>
/// <remarks>
/// Duplicate keys within a file are caught by the upsert itself: the update branch only applies to rows
/// written by an earlier import (<c>WHERE import_id IS NOT excluded.import_id</c>), so a repeat inside the
/// same file changes nothing and is reported. Whether a row was inserted or updated is read from
/// <c>last_insert_rowid</c>, which an insert sets to the new row's rowid (always above the table's maximum)
/// and an upsert's update branch leaves alone; it is parked at -1 by a one-row temp table after any other
/// insert, so a coincidence of rowids across tables cannot pass for an insert. (<c>RETURNING</c> would say
/// the same but measured twice the cost per row.) Known customer, rep and invoice keys are held in memory (they grow with the
/// book, not with the order files), so referential checks cost a hash lookup.
/// </remarks>
internal sealed class SqliteImportSession : IImportSession
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly string _by;
    private readonly TimeProvider _clock;
    private readonly List<RawStatement> _statements = [];
    private HashSet<string>? _customerKeys;
    private HashSet<string>? _repKeys;
    private HashSet<string>? _invoiceKeys;
    private bool _open = true;
    private RawStatement? _marker;

    // Per file.
    private EntityKind _kind;
    private string _file = "";
    private string _table = "";
    private long _importId;
    private long _createdCustomers;
    private bool _createMissing;
    private IReadOnlySet<string> _columns = new HashSet<string>();
    private RawStatement? _upsert;
    private RawStatement? _createCustomer;
    private RawStatement? _ownerLookup;
    private RawStatement? _history;
    private string[] _customerColumns = [];

    public SqliteImportSession(SqliteConnection connection, string by, TimeProvider clock)
    {
        _connection = connection;
        _db = connection.Handle ?? throw new StoreException("the store connection is closed");
        _by = by;
        _clock = clock;
        Exec("PRAGMA cache_size=-262144");
        Exec("CREATE TEMP TABLE IF NOT EXISTS rowid_marker (x)");
        Exec("BEGIN IMMEDIATE");
    }

    public void BeginFile(EntityKind kind, string file, IReadOnlySet<string> columns, bool createMissingCustomers)
    {
        EnsureOpen();
        _kind = kind;
        _file = file;
        _columns = columns;
        _createMissing = createMissingCustomers;
        _createdCustomers = 0;
        _table = Table(kind);
        using (var insert = Prepare("INSERT INTO imports (kind, file, started_at, by_whom) VALUES (?1, ?2, ?3, ?4)", keep: false))
        {
            insert.Bind(1, kind.ToString().ToLowerInvariant());
            insert.Bind(2, file);
            insert.Bind(3, Now());
            insert.Bind(4, _by);
            insert.Execute();
        }
        _importId = raw.sqlite3_last_insert_rowid(_db);
        ParkLastRowid();
        _upsert = kind switch
        {
            EntityKind.Customers => PrepareCustomerUpsert(columns),
            EntityKind.Reps => Prepare(Upsert("reps", ["key", "name", "team", "regions", "industries", "level", "product_skill",
                "selling_skill", "relationship_skill", "capacity", "capacity_by_tier", "active", "start_date"], columns)),
            EntityKind.Orders => Prepare(Upsert("orders", ["key", "customer_key", "order_date", "amount", "profit", "category", "channel", "quantity"], null)),
            EntityKind.Invoices => Prepare(Upsert("invoices", ["key", "customer_key", "issue_date", "due_date", "amount"], null)),
            EntityKind.Payments => Prepare(Upsert("payments", ["key", "invoice_key", "payment_date", "amount"], null)),
            EntityKind.Interactions => Prepare(Upsert("interactions", ["key", "customer_key", "rep_key", "interaction_date", "kind", "outcome", "note"], null)),
            EntityKind.Feedback => Prepare(Upsert("feedback", ["key", "customer_key", "feedback_date", "satisfaction", "nps", "comment"], null)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public WriteOutcome Write(Customer customer, long line)
    {
        EnsureFile(EntityKind.Customers);
        bool ownerGiven = _columns.Contains("owner_rep");
        if (ownerGiven && customer.OwnerRepKey is not null && !RepKeys().Contains(customer.OwnerRepKey)) return WriteOutcome.UnknownRep;
        string? oldOwner = null;
        DateOnly? oldSince = null;
        bool existed = false;
        if (ownerGiven)
        {
            _ownerLookup ??= Prepare("SELECT owner_rep, owner_since, import_id FROM customers WHERE key = ?1");
            _ownerLookup.Bind(1, customer.Key);
            if (_ownerLookup.Step())
            {
                if (_ownerLookup.ColumnInt64(2) == _importId) { _ownerLookup.Reset(); return WriteOutcome.DuplicateInFile; }
                existed = true;
                oldOwner = _ownerLookup.ColumnText(0);
                string? since = _ownerLookup.ColumnText(1);
                oldSince = since is null ? null : DateOnly.ParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            _ownerLookup.Reset();
        }
        bool ownerChanged = ownerGiven && !string.Equals(oldOwner, customer.OwnerRepKey, StringComparison.Ordinal);
        DateOnly? since2 = customer.OwnerSince ?? (ownerChanged ? (customer.OwnerRepKey is null ? null : Today()) : oldSince);
        var upsert = _upsert!;
        int i = 1;
        foreach (string column in _customerColumns)
        {
            switch (column)
            {
                case "key": upsert.Bind(i, customer.Key); break;
                case "name": upsert.Bind(i, customer.Name); break;
                case "type": upsert.Bind(i, customer.Type); break;
                case "industry": upsert.Bind(i, customer.Industry); break;
                case "region": upsert.Bind(i, customer.Region); break;
                case "city": upsert.Bind(i, customer.City); break;
                case "address": upsert.Bind(i, customer.Address); break;
                case "created_date": upsert.Bind(i, customer.CreatedDate); break;
                case "birthday": upsert.Bind(i, customer.Birthday); break;
                case "phone": upsert.Bind(i, customer.Phone); break;
                case "email": upsert.Bind(i, customer.Email); break;
                case "contacts": upsert.Bind(i, ContactsColumn.Format(customer.Contacts)); break;
                case "channel": upsert.Bind(i, customer.Channel); break;
                case "tags": upsert.Bind(i, ListColumn.Join(customer.Tags)); break;
                case "key_account": upsert.Bind(i, customer.KeyAccount ? 1L : 0L); break;
                case "owner_rep": upsert.Bind(i, customer.OwnerRepKey); break;
                case "owner_since": upsert.Bind(i, since2); break;
                case "status": upsert.Bind(i, customer.Status.ToString().ToLowerInvariant()); break;
                default: throw new InvalidOperationException($"unmapped customer column {column}");
            }
            i++;
        }
        var outcome = Finish(upsert, i, line, customer.Key, CustomerKeys());
        if (outcome is WriteOutcome.DuplicateInFile) return outcome;
        if (ownerChanged && (existed || customer.OwnerRepKey is not null))
            RecordOwnerChange(customer.Key, oldOwner, customer.OwnerRepKey, $"import of {Path.GetFileName(_file)} line {line}");
        return outcome;
    }

    public WriteOutcome Write(Rep rep, long line)
    {
        EnsureFile(EntityKind.Reps);
        var u = _upsert!;
        u.Bind(1, rep.Key);
        u.Bind(2, rep.Name);
        u.Bind(3, rep.Team);
        u.Bind(4, ListColumn.Join(rep.Regions));
        u.Bind(5, ListColumn.Join(rep.Industries));
        u.Bind(6, rep.Level.ToString().ToLowerInvariant());
        u.Bind(7, (long?)rep.ProductSkill);
        u.Bind(8, (long?)rep.SellingSkill);
        u.Bind(9, (long?)rep.RelationshipSkill);
        u.Bind(10, (long?)rep.Capacity);
        u.Bind(11, ListColumn.JoinPairs(rep.CapacityByTier));
        u.Bind(12, rep.Active ? 1L : 0L);
        u.Bind(13, rep.StartDate);
        return Finish(u, 14, line, rep.Key, RepKeys());
    }

    public WriteOutcome Write(Order order, long line)
    {
        EnsureFile(EntityKind.Orders);
        if (!CanReference(order.CustomerKey)) return WriteOutcome.UnknownCustomer;
        var u = _upsert!;
        u.Bind(1, order.Key);
        u.Bind(2, order.CustomerKey);
        u.Bind(3, order.Date);
        u.Bind(4, order.Amount);
        u.Bind(5, order.Profit);
        u.Bind(6, order.Category);
        u.Bind(7, order.Channel);
        u.Bind(8, order.Quantity is null ? null : (double?)(double)order.Quantity.Value);
        return CreateIfMissing(Finish(u, 9, line, null, null), order.CustomerKey);
    }

    public WriteOutcome Write(Invoice invoice, long line)
    {
        EnsureFile(EntityKind.Invoices);
        if (!CanReference(invoice.CustomerKey)) return WriteOutcome.UnknownCustomer;
        var u = _upsert!;
        u.Bind(1, invoice.Key);
        u.Bind(2, invoice.CustomerKey);
        u.Bind(3, invoice.IssueDate);
        u.Bind(4, invoice.DueDate);
        u.Bind(5, invoice.Amount);
        return CreateIfMissing(Finish(u, 6, line, invoice.Key, InvoiceKeys()), invoice.CustomerKey);
    }

    public WriteOutcome Write(Payment payment, long line)
    {
        EnsureFile(EntityKind.Payments);
        if (!InvoiceKeys().Contains(payment.InvoiceKey)) return WriteOutcome.UnknownInvoice;
        var u = _upsert!;
        u.Bind(1, payment.Key);
        u.Bind(2, payment.InvoiceKey);
        u.Bind(3, payment.Date);
        u.Bind(4, payment.Amount);
        return Finish(u, 5, line, null, null);
    }

    public WriteOutcome Write(Interaction interaction, long line)
    {
        EnsureFile(EntityKind.Interactions);
        if (interaction.RepKey is not null && !RepKeys().Contains(interaction.RepKey)) return WriteOutcome.UnknownRep;
        if (!CanReference(interaction.CustomerKey)) return WriteOutcome.UnknownCustomer;
        var u = _upsert!;
        u.Bind(1, interaction.Key);
        u.Bind(2, interaction.CustomerKey);
        u.Bind(3, interaction.RepKey);
        u.Bind(4, interaction.Date);
        u.Bind(5, interaction.Kind.ToString().ToLowerInvariant());
        u.Bind(6, interaction.Outcome);
        u.Bind(7, interaction.Note);
        return CreateIfMissing(Finish(u, 8, line, null, null), interaction.CustomerKey);
    }

    public WriteOutcome Write(Feedback feedback, long line)
    {
        EnsureFile(EntityKind.Feedback);
        if (!CanReference(feedback.CustomerKey)) return WriteOutcome.UnknownCustomer;
        var u = _upsert!;
        u.Bind(1, feedback.Key);
        u.Bind(2, feedback.CustomerKey);
        u.Bind(3, feedback.Date);
        u.Bind(4, (long?)feedback.Satisfaction);
        u.Bind(5, (long?)feedback.Nps);
        u.Bind(6, feedback.Comment);
        return CreateIfMissing(Finish(u, 7, line, null, null), feedback.CustomerKey);
    }

    public long? FirstLineOf(string key)
    {
        using var q = Prepare($"SELECT import_line FROM {_table} WHERE key = ?1 AND import_id = ?2", keep: false);
        q.Bind(1, key);
        q.Bind(2, _importId);
        return q.Step() && !q.ColumnIsNull(0) ? q.ColumnInt64(0) : null;
    }

    public FileCounts EndFile(long read, long inserted, long updated, long rejected)
    {
        EnsureOpen();
        using (var u = Prepare("UPDATE imports SET read_rows = ?1, imported = ?2, updated = ?3, rejected = ?4 WHERE id = ?5", keep: false))
        {
            u.Bind(1, read);
            u.Bind(2, inserted);
            u.Bind(3, updated);
            u.Bind(4, rejected);
            u.Bind(5, _importId);
            u.Execute();
        }
        _upsert = null;
        return new FileCounts(_importId, _createdCustomers);
    }

    public void Commit()
    {
        EnsureOpen();
        DisposeStatements();
        Exec("COMMIT");
        _open = false;
    }

    public void Dispose()
    {
        DisposeStatements();
        if (_open)
        {
            _open = false;
            // Roll back whatever was written: an import lands whole or not at all.
            raw.sqlite3_exec(_db, "ROLLBACK");
        }
    }

    /// <summary>Sets last_insert_rowid to -1, which no insert into our tables produces.</summary>
    private void ParkLastRowid()
    {
        _marker ??= Prepare("INSERT OR REPLACE INTO temp.rowid_marker (rowid, x) VALUES (-1, NULL)");
        _marker.Execute();
    }

    private WriteOutcome Finish(RawStatement upsert, int next, long line, string? key, HashSet<string>? knownKeys)
    {
        BindProvenance(upsert, next, line);
        long before = raw.sqlite3_last_insert_rowid(_db);
        if (upsert.Execute() == 0) return WriteOutcome.DuplicateInFile;
        if (key is not null) knownKeys?.Add(key);
        return raw.sqlite3_last_insert_rowid(_db) != before ? WriteOutcome.Inserted : WriteOutcome.Updated;
    }

    private void BindProvenance(RawStatement upsert, int next, long line)
    {
        upsert.Bind(next, _importId);
        upsert.Bind(next + 1, line);
    }

    /// <summary>True when the customer is known, or may be created (--create-missing).</summary>
    private bool CanReference(string key) => _createMissing || CustomerKeys().Contains(key);

    /// <summary>Creates a bare customer for a written record that named an unknown one; a refused record
    /// creates nothing.</summary>
    private WriteOutcome CreateIfMissing(WriteOutcome outcome, string key)
    {
        if (outcome is not (WriteOutcome.Inserted or WriteOutcome.Updated)) return outcome;
        var keys = CustomerKeys();
        if (keys.Contains(key)) return outcome;
        _createCustomer ??= Prepare("INSERT INTO customers (key, import_id, import_line) VALUES (?1, ?2, NULL)");
        _createCustomer.Bind(1, key);
        _createCustomer.Bind(2, _importId);
        _createCustomer.Execute();
        ParkLastRowid();
        keys.Add(key);
        _createdCustomers++;
        return outcome;
    }

    private void RecordOwnerChange(string customer, string? from, string? to, string reason)
    {
        _history ??= Prepare("INSERT INTO assignment_history (customer_key, from_rep, to_rep, changed_at, by_whom, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        _history.Bind(1, customer);
        _history.Bind(2, from);
        _history.Bind(3, to);
        _history.Bind(4, Now());
        _history.Bind(5, _by);
        _history.Bind(6, reason);
        _history.Execute();
        ParkLastRowid();
    }

    private RawStatement PrepareCustomerUpsert(IReadOnlySet<string> columns)
    {
        var list = new List<string> { "key" };
        foreach (string c in CustomerColumnOrder)
            if (columns.Contains(c)) list.Add(c);
        if (list.Contains("owner_rep") && !list.Contains("owner_since")) list.Add("owner_since");
        _customerColumns = [.. list];
        return Prepare(Upsert("customers", _customerColumns, null));
    }

    private static readonly string[] CustomerColumnOrder =
    [
        "name", "type", "industry", "region", "city", "address", "created_date", "birthday", "phone", "email",
        "contacts", "channel", "tags", "key_account", "owner_rep", "owner_since", "status",
    ];

    /// <summary>Builds the upsert; column names come from the fixed lists above, never from input.</summary>
    private static string Upsert(string table, IReadOnlyList<string> columns, IReadOnlySet<string>? updatable)
    {
        var all = columns.Concat(["import_id", "import_line"]).ToList();
        string values = string.Join(", ", all.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)));
        var set = all.Where(c => c != "key" && (updatable is null || updatable.Contains(c) || c.StartsWith("import_", StringComparison.Ordinal)))
            .Select(c => $"{c} = excluded.{c}");
        return $"INSERT INTO {table} ({string.Join(", ", all)}) VALUES ({values}) "
            + $"ON CONFLICT (key) DO UPDATE SET {string.Join(", ", set)} WHERE {table}.import_id IS NOT excluded.import_id";
    }

    private static string Table(EntityKind kind) => kind switch
    {
        EntityKind.Customers => "customers",
        EntityKind.Reps => "reps",
        EntityKind.Orders => "orders",
        EntityKind.Invoices => "invoices",
        EntityKind.Payments => "payments",
        EntityKind.Interactions => "interactions",
        EntityKind.Feedback => "feedback",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private HashSet<string> CustomerKeys() => _customerKeys ??= LoadKeys("customers");

    private HashSet<string> RepKeys() => _repKeys ??= LoadKeys("reps");

    private HashSet<string> InvoiceKeys() => _invoiceKeys ??= LoadKeys("invoices");

    private HashSet<string> LoadKeys(string table)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var q = Prepare($"SELECT key FROM {table}", keep: false);
        while (q.Step()) keys.Add(q.ColumnText(0)!);
        return keys;
    }

    private RawStatement Prepare(string sql, bool keep = true)
    {
        var statement = new RawStatement(_db, sql);
        if (keep) _statements.Add(statement);
        return statement;
    }

    private void Exec(string sql)
    {
        int rc = raw.sqlite3_exec(_db, sql);
        if (rc != raw.SQLITE_OK) throw StoreErrors.From(rc, raw.sqlite3_errmsg(_db).utf8_to_string(), sql);
    }

    private void DisposeStatements()
    {
        foreach (var s in _statements) s.Dispose();
        _statements.Clear();
        _upsert = _createCustomer = _ownerLookup = _history = _marker = null;
    }

    private void EnsureOpen()
    {
        if (!_open) throw new InvalidOperationException("the import session is finished");
    }

    private void EnsureFile(EntityKind kind)
    {
        EnsureOpen();
        if (_upsert is null || _kind != kind) throw new InvalidOperationException($"BeginFile({kind}) first");
    }

    private string Now() => _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);

    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);
}
