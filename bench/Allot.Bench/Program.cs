using Allot.Bench;

// `stores --pg URL …`: SQLite and PostgreSQL side by side (issue 7); otherwise the import benchmark (issue 2).
return args.Length > 0 && args[0] == "stores" ? StoreBenchmark.Run(args[1..]) : ImportBenchmark.Run(args);
