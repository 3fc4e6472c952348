using System.Diagnostics;
using System.Globalization;
using Allot.Core.Indicators;
using Allot.Storage;
using static Allot.Bench.ImportBenchmark;

namespace Allot.Bench;

/// <summary>
/// SQLite and PostgreSQL side by side on the same generated book: import (reps, customers, orders) and
/// classification through the `allot` CLI as real processes, and the indicator step alone in this process —
/// PostgreSQL computing them (GROUP BY) against streaming the same store's orders out. Peer for the import:
/// psql's <c>\copy</c> of orders.csv into a table of the same shape (identity key, unique order key, customer
/// index), the plainest bulk load PostgreSQL offers.
/// </summary>
/// <remarks>Usage: <c>Allot.Bench stores --pg postgres://user:pass@host/db [--orders N] [--customers N] [--dir D]</c>.
/// The PostgreSQL store goes into the schema <c>bench_store</c> (dropped first). Prints Markdown for docs/benchmarks.md.</remarks>
internal static class StoreBenchmark
{
    public static int Run(string[] args)
    {
        string pg = ArgText(args, "--pg") ?? throw new ArgumentException("--pg postgres://user:password@host/database is required");
        long orders = Arg(args, "--orders", 1_000_000);
        long customers = Arg(args, "--customers", Math.Max(1000, orders / 20));
        string dir = ArgText(args, "--dir") ?? Path.Combine(Path.GetTempPath(), $"allot-stores-{orders}");
        string allot = Path.Combine(AppContext.BaseDirectory, "allot.dll");
        string scheme = Path.Combine(RepoRoot(), "bench", "classify", "scheme.json");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        string data = Path.Combine(dir, "data");
        string sqlite = Path.Combine(dir, "allot.db");
        string server = pg + (pg.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "schema=bench_store";
        Allot.Storage.Postgres.PostgresStore.DropSchema(Allot.Storage.Postgres.PostgresLocation.Parse(server));

        Console.WriteLine($"# {orders:N0} orders, {customers:N0} customers, in {dir}");
        var gen = Measure("dotnet", [allot, "generate", "--customers", Text(customers), "--reps", "200", "--orders", Text(orders), "--seed", "1", "--out", data, "--quiet"]);
        Console.WriteLine($"(generated in {gen.Seconds:0.0} s)");
        long ordersBytes = new FileInfo(Path.Combine(data, "orders.csv")).Length;
        long customersBytes = new FileInfo(Path.Combine(data, "customers.csv")).Length;

        Console.WriteLine();
        Console.WriteLine("| step | rows | MB | seconds | rows/s | client CPU s | server CPU s | peak RSS MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, db) in new[] { ("SQLite", sqlite), ("PostgreSQL", server) })
        {
            string rejects = Path.Combine(dir, name + ".rejects.csv");
            Measure("dotnet", [allot, "import", "reps", Path.Combine(data, "reps.csv"), "--db", db, "--quiet", "--rejects", rejects]);
            double serverBefore = ServerCpu();
            var c = Measure("dotnet", [allot, "import", "customers", Path.Combine(data, "customers.csv"), "--db", db, "--quiet", "--format", "json", "--rejects", rejects]);
            RequireNoRejects(c, "customers");
            Line($"{name}: allot import customers", customers, customersBytes, c, db == sqlite ? null : ServerCpu() - serverBefore);
            serverBefore = ServerCpu();
            var o = Measure("dotnet", [allot, "import", "orders", Path.Combine(data, "orders.csv"), "--db", db, "--quiet", "--format", "json", "--rejects", rejects]);
            RequireNoRejects(o, "orders");
            Line($"{name}: allot import orders", orders, ordersBytes, o, db == sqlite ? null : ServerCpu() - serverBefore);
        }
        double before = ServerCpu();
        var peer = PsqlCopy(pg, Path.Combine(data, "orders.csv"));
        Line("peer: psql \\copy orders.csv (same indexes)", orders, ordersBytes, peer, ServerCpu() - before);

        Console.WriteLine();
        Console.WriteLine("| classify (bench/classify/scheme.json, --no-store) | seconds | client CPU s | server CPU s | peak RSS MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var results = new List<string>();
        foreach (var (name, db) in new[] { ("SQLite (streams the orders)", sqlite), ("PostgreSQL (indicators in the database)", server) })
        {
            string csv = Path.Combine(dir, $"results-{results.Count}.csv");
            double serverBefore = ServerCpu();
            var m = Measure("dotnet", [allot, "classify", "--db", db, "--scheme", scheme, "--no-store",
                "--results", csv, "--format", "json", "--quiet"]);
            string serverText = db == sqlite ? "–" : (ServerCpu() - serverBefore).ToString("0.00", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {m.Seconds:0.00} | {m.Cpu:0.00} | {serverText} | {m.PeakKb / 1024.0:0} |"));
            results.Add(csv);
        }
        bool same = File.ReadAllBytes(results[0]).AsSpan().SequenceEqual(File.ReadAllBytes(results[1]));
        Console.WriteLine();
        Console.WriteLine($"classification results identical (every customer's classes, byte for byte): {(same ? "yes" : "NO")}");

        Console.WriteLine();
        Console.WriteLine("| indicators only (in this process, as-of default) | seconds | client CPU s | server CPU s |");
        Console.WriteLine("|---|---:|---:|---:|");
        using (var store = StoreFactory.Open(server, create: false, TimeProvider.System))
        using (var file = StoreFactory.Open(sqlite, create: false, TimeProvider.System))
        {
            IndicatorTable? inDb = null, streamed = null;
            Time("PostgreSQL, computed by the database (GROUP BY)", () => inDb = ((IIndicatorSource)store).ComputeIndicators(null), true);
            Time("PostgreSQL, orders streamed out to the calculator", () => streamed = Streamed(store), true);
            Time("SQLite, orders streamed to the calculator", () => Streamed(file), false);
            Console.WriteLine();
            Console.WriteLine($"({inDb!.Count:N0} customers; in-database table equal to the streamed one, bit for bit: {(Equal(inDb, streamed!) ? "yes" : "NO")})");
        }
        return same ? 0 : 1;
    }

    private static void Line(string step, long rows, long bytes, Measurement m, double? serverCpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {step} | {rows:N0} | {bytes / 1e6:0.0} | {m.Seconds:0.00} | {rows / m.Seconds:N0} | {m.Cpu:0.00} | {(serverCpu is double s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "–")} | {m.PeakKb / 1024.0:0} |"));

    /// <summary>CPU seconds used so far by the local PostgreSQL server: every postgres process's own time plus
    /// what the postmaster has collected from exited children (backends, parallel workers).</summary>
    private static double ServerCpu()
    {
        long ticks = 0;
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            int close = stat.LastIndexOf(')');
            if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal)) continue;
            // Fields after the command: state is field 3; utime, stime, cutime, cstime are fields 14–17.
            string[] f = stat[(close + 2)..].Split(' ');
            for (int i = 11; i <= 14; i++) ticks += long.Parse(f[i], CultureInfo.InvariantCulture);
        }
        return ticks / 100.0;
    }

    private static void Time(string what, Action action, bool server)
    {
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        double serverBefore = ServerCpu();
        var watch = Stopwatch.StartNew();
        action();
        double seconds = watch.Elapsed.TotalSeconds;
        self.Refresh();
        string serverText = server ? (ServerCpu() - serverBefore).ToString("0.00", CultureInfo.InvariantCulture) : "–";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {seconds:0.00} | {(self.TotalProcessorTime - cpu).TotalSeconds:0.00} | {serverText} |"));
    }

    private static IndicatorTable Streamed(IStore store) => IndicatorCalculator.Compute(new IndicatorInput
    {
        Customers = store.ReadCustomers(), Orders = store.ReadOrders(), Invoices = store.ReadInvoices(), Payments = store.ReadPayments(),
        Interactions = store.ReadInteractions(), Feedback = store.ReadFeedback(),
    });

    private static bool Equal(IndicatorTable a, IndicatorTable b)
    {
        if (!a.CustomerKeys.SequenceEqual(b.CustomerKeys) || !a.NumberNames.SequenceEqual(b.NumberNames)) return false;
        foreach (string name in a.NumberNames)
        {
            var x = a.Number(name);
            var y = b.Number(name);
            for (int i = 0; i < x.Length; i++)
                if (BitConverter.DoubleToInt64Bits(x[i]) != BitConverter.DoubleToInt64Bits(y[i]) && !(double.IsNaN(x[i]) && double.IsNaN(y[i]))) return false;
        }
        return a.TextNames.All(n => a.Text(n).SequenceEqual(b.Text(n)));
    }

    /// <summary>psql's \copy of the CSV into a fresh table shaped like the store's orders (money as numeric: the
    /// file holds decimals), timed like the CLI.</summary>
    private static Measurement PsqlCopy(string pg, string csv)
    {
        var uri = new Uri(pg);
        string[] user = uri.UserInfo.Split(':', 2);
        var env = new Dictionary<string, string> { ["PGPASSWORD"] = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "" };
        string[] connect = ["-q", "-v", "ON_ERROR_STOP=1", "-h", uri.Host, "-p", Text(uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port),
            "-U", Uri.UnescapeDataString(user[0]), uri.AbsolutePath.TrimStart('/')];
        Psql(connect, env, """
            DROP SCHEMA IF EXISTS bench_peer CASCADE; CREATE SCHEMA bench_peer;
            CREATE TABLE bench_peer.orders (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, key TEXT COLLATE "C" NOT NULL UNIQUE,
                customer_key TEXT COLLATE "C" NOT NULL, order_date TEXT COLLATE "C" NOT NULL, amount NUMERIC NOT NULL, profit NUMERIC,
                category TEXT COLLATE "C", channel TEXT COLLATE "C");
            CREATE INDEX ON bench_peer.orders (customer_key);
            """);
        var m = Measure("psql", [.. connect, "-c", $"\\copy bench_peer.orders (key, customer_key, order_date, amount, profit, category, channel) FROM '{csv}' CSV HEADER"], env);
        Psql(connect, env, "DROP SCHEMA bench_peer CASCADE;");
        return m;
    }

    private static void Psql(string[] connect, Dictionary<string, string> env, string sql) => Measure("psql", [.. connect, "-c", sql], env);

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Allot.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException("cannot find the repository root (Allot.slnx)");
    }
}
