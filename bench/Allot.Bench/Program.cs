using Allot.Bench;

return args.Length > 0 && args[0] == "value" ? ValueBenchmark.Run(args[1..])
    : args.Length > 0 && args[0] == "pool" ? PoolBenchmark.Run(args[1..])
    : ImportBenchmark.Run(args);
