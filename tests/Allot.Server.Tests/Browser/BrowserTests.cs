extern alias cli;
using System.Diagnostics;
using System.Text;
using Allot.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using AllotApp = cli::Allot.Cli.AllotApp;

namespace Allot.Server.Tests.Browser;

/// <summary>The web UI in a real browser: the real server on Kestrel (a copy of the demo book) and the scenarios of
/// <c>tests/e2e/run.mjs</c> (playwright-core driving Debian's Chromium). Without Chromium or the npm packages the
/// test is skipped with a message, and fails under <c>CI=true</c>.</summary>
public sealed class BrowserTests(DemoBook book, ITestOutputHelper output)
{
    /// <summary>A customer whose name is markup: the UI must show it as text.</summary>
    private const string ScriptCustomer = "XSS000001";

    [Fact]
    public async Task E2e_ManagerRepLanguageAndEscaping_Pass()
    {
        string root = RepositoryRoot();
        string chromium = Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        var missing = new List<string>();
        if (!File.Exists(chromium)) missing.Add($"Chromium ({chromium}; Debian: apt-get install chromium)");
        if (!Directory.Exists(Path.Combine(root, "node_modules", "playwright-core"))) missing.Add($"node_modules/playwright-core (run `npm ci` in {root})");
        if (Which("node") is null) missing.Add("node (Node.js)");
        if (missing.Count > 0)
        {
            string message = "browser tests need " + string.Join(", ", missing);
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message + " (CI=true: not skipped)");
            Assert.Skip(message);
        }

        string folder = Path.Combine(Path.GetTempPath(), "allot-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string db = Path.Combine(folder, "allot.db");
            File.Copy(book.Db, db);
            AddScriptCustomer(folder, db);
            string otherRepsCustomer, poolCustomer;
            using (var store = StoreFactory.Open(db, create: false, TimeProvider.System))
            {
                var others = store.ReadCustomers().Where(x => x.OwnerRepKey == book.RepB).Select(x => x.Key).Take(3).ToList();
                otherRepsCustomer = others[0];
                poolCustomer = others[1];
                // Two of rep-b's customers back in the pool, as if reclaimed: rep-a claims one in the browser.
                var rules = Core.Maintenance.RulesParser.Parse(Core.Maintenance.DefaultRules.Text, "defaults");
                using var session = store.BeginMaintenance();
                foreach (string key in others.Skip(1))
                    Assert.True(Core.Pool.PoolActions.Release(session, rules, key, "tests", "test", DateOnly.FromDateTime(DateTime.Now)).Allowed);
                session.Commit();
            }

            var app = AllotServer.Create(["--urls", "http://127.0.0.1:0", "--Allot:Db", db, "--Logging:LogLevel:Default", "Warning"]);
            await app.StartAsync(TestContext.Current.CancellationToken);
            try
            {
                string baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                var (exit, log) = await RunNode(root, new Dictionary<string, string>
                {
                    ["BASE_URL"] = baseUrl,
                    ["CHROMIUM"] = chromium,
                    ["E2E_PASSWORD"] = DemoBook.Password,
                    ["E2E_OTHER_CUSTOMER"] = otherRepsCustomer,
                    ["E2E_XSS_CUSTOMER"] = ScriptCustomer,
                    ["E2E_POOL_CUSTOMER"] = poolCustomer,
                    // Every endpoint the UI uses is on the server now: a step it would skip as pending fails the run.
                    ["E2E_STRICT"] = "1",
                });
                output.WriteLine(log);
                Assert.True(exit == 0, $"node tests/e2e/run.mjs exited with {exit}:\n{log}");
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Imports (as `allot import customers` does) a customer of rep-a named <c>&lt;script&gt;alert(1)&lt;/script&gt;</c>.</summary>
    private void AddScriptCustomer(string folder, string db)
    {
        string csv = Path.Combine(folder, "script-customer.csv");
        File.WriteAllText(csv, $"customer_id,name,region,city,owner_rep_id\n{ScriptCustomer},<script>alert(1)</script>,East China - Shanghai,上海,{book.RepA}\n", new UTF8Encoding(false));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = AllotApp.Run(["import", "customers", csv, "--db", db, "--quiet"], stdout, stderr);
        Assert.True(exit == 0, "import of the script-named customer failed: " + stderr);
    }

    private static async Task<(int Exit, string Log)> RunNode(string root, IReadOnlyDictionary<string, string> env)
    {
        var start = new ProcessStartInfo("node", [Path.Combine("tests", "e2e", "run.mjs")])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in env) start.Environment[k] = v;
        var log = new StringBuilder();
        using var node = new Process { StartInfo = start };
        node.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        node.Start();
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            lock (log) log.AppendLine("(killed after 5 minutes)");
            return (-1, log.ToString());
        }
        node.WaitForExit(); // drains the output events
        lock (log) return (node.ExitCode, log.ToString());
    }

    /// <summary>The repository's root: the first folder above the test's binaries that holds Allot.slnx.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Allot.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Allot.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, program)).FirstOrDefault(File.Exists);
}
