using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(IvpSim.Benchmarks.KernelBenchmarks).Assembly).Run(args);
