using System.Diagnostics;
using IvpSim.Cli.Hosting;
using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Budget;
using IvpSim.Model.Simulation;

namespace IvpSim.Cli.Benchmarks;

/// <summary>One measured mode: how many trajectories, how long, the peak memory while it ran and the bytes it allocated.</summary>
public sealed record BenchmarkRow(string Mode, long Runs, double WallSeconds, double PeakMb, double AllocatedBytesPerTrajectory)
{
    public double TrajectoriesPerSecond => Runs / WallSeconds;
}

/// <summary>
/// Measures the engine in one process and one sitting: (a) the trajectory kernel on one thread, (b) the same kernel
/// on all cores with a plain Parallel.For (the in-process limit), (c) whole runs through Orleans on the embedded
/// silo, aggregation included, at growing run counts. Every mode folds the same trajectories into the same results.
/// </summary>
public static class Benchmark
{
    public const string SingleThread = "kernel-1-thread";
    public const string ParallelFor = "kernel-parallel-for";
    public const string Orleans = "orleans";

    /// <param name="repeats">How often (b) and (c) at <paramref name="kernelRuns"/> are measured, alternately: the best of each
    /// is kept, so that a busy moment of a shared machine does not decide their ratio.</param>
    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(ScenarioInputs inputs, long kernelRuns, IReadOnlyList<long> orleansRuns,
        int repeats, Action<string> progress, CancellationToken ct)
    {
        var rows = new List<BenchmarkRow>();
        await using var cluster = await LocalCluster.StartAsync(ct);
        // The plan as a run builds it (calibrated through the grains); warmed up so that JIT time is not measured.
        progress("plan opbouwen en opwarmen");
        var plan = (await ScenarioRunner.RunAsync(cluster.Client, WithRuns(inputs, 2_000), null, ct)).Plan;
        new BatchRunner(plan).Run(0, 2_000);

        progress($"(a) kern op één thread, {Reporting.DutchFormat.Number(kernelRuns)} trajecten");
        rows.Add(Measure(SingleThread, kernelRuns, () =>
        {
            var runner = new BatchRunner(plan);
            runner.Run(0, (int)kernelRuns);
            return runner.Accumulator.ToAggregate();
        }));
        BenchmarkRow ThroughOrleans(long runs)
        {
            var request = WithRuns(inputs, runs);
            return Measure(Orleans, runs, () => ScenarioRunner.RunAsync(cluster.Client, request, null, ct).GetAwaiter().GetResult().Aggregate);
        }
        foreach (var runs in orleansRuns.Where(r => r != kernelRuns))
        {
            ct.ThrowIfCancellationRequested();
            progress($"(c) Orleans, {Reporting.DutchFormat.Number(runs)} trajecten");
            rows.Add(ThroughOrleans(runs));
        }
        BenchmarkRow? bestParallel = null, bestOrleans = null;
        for (var i = 1; i <= repeats; i++)
        {
            ct.ThrowIfCancellationRequested();
            progress($"(b) kern op {Environment.ProcessorCount} cores met Parallel.For en (c) Orleans, {Reporting.DutchFormat.Number(kernelRuns)} trajecten ({i}/{repeats})");
            var parallel = Measure(ParallelFor, kernelRuns, () => InParallel(plan, kernelRuns));
            if (bestParallel is null || parallel.WallSeconds < bestParallel.WallSeconds) bestParallel = parallel;
            if (!orleansRuns.Contains(kernelRuns)) continue;
            var orleans = ThroughOrleans(kernelRuns);
            if (bestOrleans is null || orleans.WallSeconds < bestOrleans.WallSeconds) bestOrleans = orleans;
        }
        rows.Insert(1, bestParallel!);
        if (bestOrleans is not null) rows.Add(bestOrleans);
        return [.. rows.OrderBy(r => r.Mode == Orleans).ThenBy(r => r.Runs)];
    }

    /// <summary>The in-process limit: the run's batches over one runner per core, their accumulators merged at the end.</summary>
    private static RunAggregate InParallel(SimulationPlan plan, long runs)
    {
        var workers = Environment.ProcessorCount;
        var batches = MonteCarlo.Batches(runs, MonteCarlo.AutoBatchSize(runs, workers));
        var runners = new BatchRunner[workers];
        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var runner = runners[w] = new BatchRunner(plan);
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches.Count) runner.Run(batches[b].First, batches[b].Count);
        });
        var total = RunAccumulator.For(plan, new OutputLayout(plan.StartYear, plan.EndYear), CostLayout.For(plan));
        foreach (var runner in runners) total.Merge(runner.Accumulator.ToAggregate());
        return total.ToAggregate();
    }

    private static BenchmarkRow Measure(string mode, long runs, Func<RunAggregate> work)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        long peak = 0;
        using var sampler = new Timer(_ =>
        {
            process.Refresh();
            Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), process.WorkingSet64));
        }, null, 0, 25);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = work();
        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (result.Trajectories != runs) throw new InvalidOperationException($"{mode}: {result.Trajectories} of {runs} trajectories");
        process.Refresh();
        peak = Math.Max(peak, process.WorkingSet64);
        return new BenchmarkRow(mode, runs, seconds, peak / 1024.0 / 1024.0, bytes / (double)runs);
    }

    private static ScenarioInputs WithRuns(ScenarioInputs inputs, long runs) =>
        inputs with { Scenario = inputs.Scenario with { Run = inputs.Scenario.Run with { Runs = (int)runs, BatchSize = null } } };
}
