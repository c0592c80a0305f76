using IvpSim.Model.Aggregation;

namespace IvpSim.Model.Simulation;

/// <summary>Runs a contiguous range of trajectories and folds them into a <see cref="RunAggregate"/>.</summary>
public static class MonteCarlo
{
    public static RunAggregate RunBatch(SimulationPlan plan, long firstTrajectory, int count)
    {
        var simulator = new TrajectorySimulator(plan);
        var layout = simulator.Layout;
        var counts = new Dictionary<int, long>[layout.Size];
        for (var i = 0; i < counts.Length; i++) counts[i] = [];
        var buffer = new int[layout.Size];
        for (var t = firstTrajectory; t < firstTrajectory + count; t++)
        {
            simulator.Simulate(t, buffer);
            for (var i = 0; i < buffer.Length; i++)
            {
                ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts[i], buffer[i], out _);
                c++;
            }
        }
        var slots = layout.Keys()
            .Select(k => new SlotHistogram(k.Region, k.Indicator, k.Year, CountHistogram.FromCounts(counts[k.Slot])))
            .ToArray();
        return new RunAggregate(count, [.. slots]);
    }

    /// <summary>Splits <paramref name="runs"/> trajectories into batches of at most <paramref name="batchSize"/>.</summary>
    public static IReadOnlyList<(long First, int Count)> Batches(long runs, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batches = new List<(long, int)>();
        for (long first = 0; first < runs; first += batchSize)
        {
            batches.Add((first, (int)Math.Min(batchSize, runs - first)));
        }
        return batches;
    }
}
