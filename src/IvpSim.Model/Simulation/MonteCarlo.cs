using IvpSim.Model.Aggregation;
using IvpSim.Model.Interventions;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Simulation;

/// <summary>Runs a contiguous range of trajectories and folds them into a <see cref="RunAggregate"/>.</summary>
public static class MonteCarlo
{
    /// <summary>
    /// Simulates trajectories [first, first + count) with all of the plan's interventions and their costs. With
    /// interventions, each trajectory is simulated again without each one (and without all) on the same random
    /// numbers; the differences are that intervention's contribution, crimes avoided and target odds.
    /// </summary>
    public static RunAggregate RunBatch(SimulationPlan plan, long firstTrajectory, int count)
    {
        var simulator = new TrajectorySimulator(plan);
        var layout = simulator.Layout;
        var composer = new EffectComposer(plan, layout);
        var costs = new CostComposer(plan);
        var variants = composer.InterventionCount == 0 ? [] : Enumerable.Range(0, composer.InterventionCount).Append(EffectComposer.All).ToArray();
        var outcomes = new HistogramBuilder(layout.Size);
        var costHistograms = new HistogramBuilder(costs.Layout.Size);
        var avoided = variants.Select(_ => new Dictionary<int, long>()).ToArray();
        var sums = variants.Select(_ => new long[layout.Size]).ToArray();
        var metWithout = variants.Select(_ => new long[plan.Targets.Length]).ToArray();
        var met = new long[plan.Targets.Length];
        var structures = new long[Structures.All.Length];
        var structureMet = new long[Structures.All.Length * plan.Targets.Length];
        var targetSlots = plan.Targets.Select(t => layout.Slot(t.Region, t.Indicator, t.DecisiveYear)).ToArray();
        var avoidedSlots = Enumerable.Range(plan.StartYear, plan.YearCount)
            .Select(y => layout.Slot(Regions.VeluweWest, Indicators.TotalCrimesExclCyber, y)).ToArray();
        var buffer = new int[layout.Size];
        var without = new int[layout.Size];
        var multipliers = new double[layout.Size];
        var costBuffer = new int[costs.Layout.Size];
        var euros = new double[costs.Layout.Size];
        for (var t = firstTrajectory; t < firstTrajectory + count; t++)
        {
            composer.Draw(t);
            composer.Compose(multipliers);
            simulator.Simulate(t, buffer, composer.InterventionCount == 0 ? [] : multipliers);
            outcomes.Add(buffer);
            CountMet(plan, targetSlots, buffer, met);
            structures[simulator.Structure]++;
            CountMet(plan, targetSlots, buffer, structureMet.AsSpan(simulator.Structure * plan.Targets.Length, plan.Targets.Length));
            costs.Simulate(t, costBuffer, euros);
            costHistograms.Add(costBuffer);
            for (var v = 0; v < variants.Length; v++)
            {
                // Leaving out a measure that changes nothing gives the same trajectory.
                if (variants[v] != EffectComposer.All && !plan.Interventions[variants[v]].HasEffect)
                {
                    Array.Copy(buffer, without, buffer.Length);
                }
                else
                {
                    composer.Compose(multipliers, variants[v]);
                    simulator.Simulate(t, without, multipliers);
                }
                var sum = sums[v];
                for (var i = 0; i < buffer.Length; i++) sum[i] += buffer[i] - without[i];
                var avoidedHere = 0;
                foreach (var slot in avoidedSlots) avoidedHere += without[slot] - buffer[slot];
                avoided[v][avoidedHere] = avoided[v].GetValueOrDefault(avoidedHere) + 1;
                CountMet(plan, targetSlots, without, metWithout[v]);
            }
        }
        var ids = plan.Interventions.Select(i => i.Id).Append(ContributionSums.AllId).ToArray();
        return new RunAggregate(count,
            [.. layout.Keys().Select(k => new SlotHistogram(k.Region, k.Indicator, k.Year, outcomes.Histogram(k.Slot)))],
            [.. variants.Select((_, v) => new ContributionSums(ids[v], [.. sums[v]], CountHistogram.FromCounts(avoided[v]), [.. metWithout[v]]))],
            [.. costs.Layout.Keys().Select(k => new CostHistogram(k.Region, k.Item, k.Year, costHistograms.Histogram(k.Slot)))],
            [.. met], [.. structures], [.. structureMet]);
    }

    private static void CountMet(SimulationPlan plan, int[] targetSlots, int[] values, Span<long> met)
    {
        for (var i = 0; i < targetSlots.Length; i++)
        {
            if (plan.Targets[i].IsMetBy(values[targetSlots[i]])) met[i]++;
        }
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
