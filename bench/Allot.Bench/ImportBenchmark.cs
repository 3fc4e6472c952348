using System.Diagnostics;
using System.Globalization;

namespace Allot.Bench;

/// <summary>
/// Generation and import throughput, measured on real processes: the `allot` CLI and, beside it in the same
/// run, the peer — the sqlite3 shell's <c>.import</c> into the same orders table (same unique key), the
/// fastest way to bulk-load a CSV into SQLite without custom code. Peak memory is each process's maximum
/// resident set size from GNU time.
/// </summary>
/// <remarks>Usage: <c>dotnet run -c Release --project bench/Allot.Bench -- [--orders N] [--customers N] [--dir D]</c>.
/// Prints a Markdown table row per measurement (for docs/benchmarks.md).</remarks>
internal static class ImportBenchmark
{
    public static int Run(string[] args)
    {
        long orders = Arg(args, "--orders", 1_000_000);
        long customers = Arg(args, "--customers", Math.Max(1000, orders / 20));
        string dir = ArgText(args, "--dir") ?? Path.Combine(Path.GetTempPath(), $"allot-bench-{orders}");
        string allot = Path.Combine(AppContext.BaseDirectory, "allot.dll");
        if (!File.Exists(allot)) throw new FileNotFoundException("build the CLI first (it is copied beside the benchmark)", allot);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        string data = Path.Combine(dir, "data");
        string db = Path.Combine(dir, "allot.db");
        string peerDb = Path.Combine(dir, "peer.db");

        Console.WriteLine($"# {orders:N0} orders, {customers:N0} customers, in {dir}");
        Console.WriteLine("| step | rows | MB | seconds | rows/s | MB/s | peak RSS MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");

        var gen = Measure("dotnet", [allot, "generate", "--customers", customers.ToString(CultureInfo.InvariantCulture),
            "--reps", "200", "--orders", orders.ToString(CultureInfo.InvariantCulture), "--seed", "1", "--out", data, "--quiet"]);
        long dataBytes = Directory.GetFiles(data).Sum(f => new FileInfo(f).Length);
        Row("allot generate (all files)", orders, dataBytes, gen);

        string ordersCsv = Path.Combine(data, "orders.csv");
        long ordersBytes = new FileInfo(ordersCsv).Length;
        // Reps first: customers name their owners, orders their customers; a wrong order would only measure rejects.
        Measure("dotnet", [allot, "import", "reps", Path.Combine(data, "reps.csv"), "--db", db, "--quiet"]);
        var cust = Measure("dotnet", [allot, "import", "customers", Path.Combine(data, "customers.csv"), "--db", db, "--quiet", "--format", "json"]);
        RequireNoRejects(cust, "customers");
        Row("allot import customers", customers, new FileInfo(Path.Combine(data, "customers.csv")).Length, cust);
        var imp = Measure("dotnet", [allot, "import", "orders", ordersCsv, "--db", db, "--quiet", "--format", "json"]);
        RequireNoRejects(imp, "orders");
        Row("allot import orders", orders, ordersBytes, imp);

        // Peer: the same table shape with its unique key and customer index, loaded by sqlite3's CSV import.
        string schema = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            + "CREATE TABLE orders (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, customer_key TEXT NOT NULL, order_date TEXT NOT NULL,"
            + " amount REAL NOT NULL, profit REAL, category TEXT, channel TEXT);"
            + "CREATE INDEX orders_customer ON orders (customer_key);"
            + "CREATE TEMP TABLE staging (order_id, customer_id, order_date, amount, profit, category, channel);";
        string script = Path.Combine(dir, "peer.sql");
        File.WriteAllText(script, schema + "\n.mode csv\n.import --skip 1 " + ordersCsv + " staging\n"
            + "BEGIN; INSERT INTO orders (key, customer_key, order_date, amount, profit, category, channel) "
            + "SELECT order_id, customer_id, order_date, amount, profit, category, channel FROM staging; COMMIT;\n");
        var peer = Measure("sh", ["-c", $"sqlite3 '{peerDb}' < '{script}'"]);
        Row("peer: sqlite3 .import + INSERT…SELECT", orders, ordersBytes, peer);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio allot / peer (time): {imp.Seconds / peer.Seconds:0.00} (below 1 = allot faster)"));
        return 0;
    }

    internal static void Row(string step, long rows, long bytes, Measurement m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {step} | {rows:N0} | {bytes / 1e6:0.0} | {m.Seconds:0.00} | {rows / m.Seconds:N0} | {bytes / 1e6 / m.Seconds:0.0} | {m.PeakKb / 1024.0:0} |"));

    internal sealed record Measurement(double Seconds, long PeakKb, string Stdout, double Cpu);

    internal static void RequireNoRejects(Measurement m, string what)
    {
        using var json = System.Text.Json.JsonDocument.Parse(m.Stdout);
        long rejected = json.RootElement.GetProperty("rejected").GetInt64();
        if (rejected != 0) throw new InvalidOperationException($"{what}: {rejected} rows rejected; the benchmark would measure the wrong thing");
    }

    internal static Measurement Measure(string file, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("PEAK_KB=%M CPU=%U %S");
        start.ArgumentList.Add(file);
        foreach (string a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        watch.Stop();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr}{stdout.Result}");
        string[] last = stderr.Split('\n').Last(l => l.StartsWith("PEAK_KB=", StringComparison.Ordinal)).Split(' ');
        double cpu = double.Parse(last[1]["CPU=".Length..], CultureInfo.InvariantCulture) + double.Parse(last[2], CultureInfo.InvariantCulture);
        return new Measurement(watch.Elapsed.TotalSeconds, long.Parse(last[0]["PEAK_KB=".Length..], CultureInfo.InvariantCulture), stdout.Result, cpu);
    }

    internal static long Arg(string[] args, string name, long fallback) =>
        ArgText(args, name) is { } v ? long.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    internal static string? ArgText(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
