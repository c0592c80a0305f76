using IvpSim.Model.Aggregation;
using IvpSim.Model.Interventions;

namespace IvpSim.Model.Simulation;

/// <summary>Runs a contiguous range of trajectories and folds them into a <see cref="RunAggregate"/>.</summary>
public static class MonteCarlo
{
    /// <summary>
    /// Simulates trajectories [first, first + count) with all of the plan's interventions. With interventions,
    /// each trajectory is simulated again without each one (and without all) on the same random numbers, and
    /// the differences are summed: that is each intervention's contribution.
    /// </summary>
    public static RunAggregate RunBatch(SimulationPlan plan, long firstTrajectory, int count)
    {
        var simulator = new TrajectorySimulator(plan);
        var layout = simulator.Layout;
        var composer = new EffectComposer(plan, layout);
        var variants = composer.InterventionCount == 0 ? [] : Enumerable.Range(0, composer.InterventionCount).Append(EffectComposer.All).ToArray();
        var counts = new Dictionary<int, long>[layout.Size];
        for (var i = 0; i < counts.Length; i++) counts[i] = [];
        var sums = variants.Select(_ => new long[layout.Size]).ToArray();
        var buffer = new int[layout.Size];
        var without = new int[layout.Size];
        var multipliers = new double[layout.Size];
        for (var t = firstTrajectory; t < firstTrajectory + count; t++)
        {
            composer.Draw(t);
            composer.Compose(multipliers);
            simulator.Simulate(t, buffer, composer.InterventionCount == 0 ? [] : multipliers);
            for (var i = 0; i < buffer.Length; i++)
            {
                ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts[i], buffer[i], out _);
                c++;
            }
            for (var v = 0; v < variants.Length; v++)
            {
                // Leaving out a measure that changes nothing gives the same trajectory: its contribution is zero.
                if (variants[v] != EffectComposer.All && !plan.Interventions[variants[v]].HasEffect) continue;
                composer.Compose(multipliers, variants[v]);
                simulator.Simulate(t, without, multipliers);
                var sum = sums[v];
                for (var i = 0; i < buffer.Length; i++) sum[i] += buffer[i] - without[i];
            }
        }
        var slots = layout.Keys()
            .Select(k => new SlotHistogram(k.Region, k.Indicator, k.Year, CountHistogram.FromCounts(counts[k.Slot])))
            .ToArray();
        var ids = plan.Interventions.Select(i => i.Id).Append(ContributionSums.AllId).ToArray();
        return new RunAggregate(count, [.. slots],
            [.. variants.Select((_, v) => new ContributionSums(ids[v], [.. sums[v]]))]);
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
