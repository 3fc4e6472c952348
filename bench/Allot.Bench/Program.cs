using Allot.Bench;

// `value …`: the value models (issue 4); `pool …`: the pool jobs (issue 8); `stores --pg URL …`: SQLite and
// PostgreSQL side by side (issue 7); otherwise the import benchmark (issue 2).
return args.Length > 0 && args[0] == "value" ? ValueBenchmark.Run(args[1..])
    : args.Length > 0 && args[0] == "pool" ? PoolBenchmark.Run(args[1..])
    : args.Length > 0 && args[0] == "stores" ? StoreBenchmark.Run(args[1..])
    : ImportBenchmark.Run(args);
