using Allot.Bench;

return ImportBenchmark.Run(args);
