using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/FlyteSharp.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
