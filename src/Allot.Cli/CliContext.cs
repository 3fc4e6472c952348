using System.CommandLine;
using Allot.Cli.Output;
using Allot.Storage;

namespace Allot.Cli;

/// <summary>What every command gets: the parsed options, the output streams and the store location.</summary>
internal sealed class CliContext(ParseResult parse, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
{
    /// <summary>Input: the reader given (tests), else the console's.</summary>
    public TextReader In { get; } = stdin ?? Console.In;

    /// <summary>True when input does not come from a terminal (a pipe, a file, a test's reader).</summary>
    public bool InputRedirected { get; } = stdin is not null || Console.IsInputRedirected;

    public ParseResult Parse { get; } = parse;
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;
    public TimeProvider Clock { get; } = TimeProvider.System;

    public OutputFormat Format => Parse.GetValue(GlobalOptions.Format) is var f && f == OutputFormat.Ics
        ? throw new UsageException("--format ics is for `allot followups export`; here use table, json or csv")
        : f;

    public Printer Printer => new(Out, Format);

    public bool Quiet => Parse.GetValue(GlobalOptions.Quiet);

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan _lastStep;
    private TimeSpan? _beforeContext;

    // Steps are timed from the process's start, so the runtime's own start-up shows in the first one: the time before
    // this context began is asked of the OS once (0 where it does not say), the rest is measured by the stopwatch.
    private TimeSpan SinceProcessStart()
    {
        _beforeContext ??= BeforeContext(_clock.Elapsed);
        return _beforeContext.Value + _clock.Elapsed;
    }

    private static TimeSpan BeforeContext(TimeSpan sinceContext)
    {
        try
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            var before = DateTime.Now - self.StartTime - sinceContext;
            return before > TimeSpan.Zero ? before : TimeSpan.Zero;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>With --verbose, says on stderr that a step of the command finished and how long it took (seconds
    /// since the previous step, and since the process started): where the time of a long run goes.</summary>
    public void Step(string what)
    {
        if (!Parse.GetValue(GlobalOptions.Verbose)) return;
        var now = SinceProcessStart();
        Err.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  {what}: {(now - _lastStep).TotalSeconds:0.000} s (at {now.TotalSeconds:0.000} s)"));
        _lastStep = now;
    }

    /// <summary>With --verbose, says on stderr what the command's memory came to: the peak working set, what the
    /// garbage collector handed out, and its collections and pauses.</summary>
    public void StepMemory()
    {
        if (!Parse.GetValue(GlobalOptions.Verbose)) return;
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        Err.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  memory: peak working set {self.PeakWorkingSet64 / (1 << 20):N0} MB; {GC.GetTotalAllocatedBytes() / (1 << 20):N0} MB allocated; collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.000} s"));
    }

    /// <summary>--db, else ALLOT_DB, else ./allot.db: a SQLite file, or a PostgreSQL URL (postgres://…).</summary>
    public string DbPath =>
        Parse.GetValue(GlobalOptions.Db) is { Length: > 0 } db ? db
        : Environment.GetEnvironmentVariable("ALLOT_DB") is { Length: > 0 } env ? env
        : "allot.db";

    /// <summary>True when the store is a PostgreSQL server rather than a file.</summary>
    public bool DbIsServer => StoreFactory.IsServer(DbPath);

    public IStore OpenStore(bool create = false) => StoreFactory.Open(DbPath, create, Clock);

    /// <summary>A progress bar on stderr: shown on a terminal, or when ALLOT_PROGRESS=1 (for scripts that watch it).</summary>
    public ProgressBar Progress(string label) => new(Err, label,
        enabled: !Quiet && (!Console.IsErrorRedirected || Environment.GetEnvironmentVariable("ALLOT_PROGRESS") == "1"));
}
