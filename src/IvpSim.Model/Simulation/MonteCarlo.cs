using IvpSim.Model.Aggregation;

namespace IvpSim.Model.Simulation;

/// <summary>Runs a contiguous range of trajectories and cuts a run into batches.</summary>
public static class MonteCarlo
{
    /// <summary>
    /// Simulates trajectories [first, first + count) with all of the plan's interventions and their costs, and each
    /// intervention's contribution on the same random numbers (see <see cref="BatchRunner"/>). A convenience for one
    /// batch; a worker that runs many keeps one <see cref="BatchRunner"/>.
    /// </summary>
    public static RunAggregate RunBatch(SimulationPlan plan, long firstTrajectory, int count) =>
        new BatchRunner(plan).RunBatch(firstTrajectory, count);

    /// <summary>
    /// A batch size for <paramref name="runs"/> trajectories over <paramref name="workers"/> workers: some sixteen
    /// batches each keep them all busy to the end, within 500 - 10,000 trajectories a batch so that a batch is neither
    /// lost in messaging nor a long wait at the end. The results do not depend on it.
    /// </summary>
    public static int AutoBatchSize(long runs, int workers) =>
        (int)Math.Clamp(runs / (16L * Math.Max(1, workers)), 500, 10_000);

    /// <summary>Splits <paramref name="runs"/> trajectories into batches of at most <paramref name="batchSize"/>.</summary>
    public static IReadOnlyList<(long First, int Count)> Batches(long runs, int batchSize) => Batches(0, runs, batchSize);

    /// <summary>Splits trajectories <paramref name="from"/> … <paramref name="to"/> − 1 into batches of at most <paramref name="batchSize"/>.</summary>
    public static IReadOnlyList<(long First, int Count)> Batches(long from, long runs, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batches = new List<(long, int)>();
        for (var first = from; first < runs; first += batchSize)
        {
            batches.Add((first, (int)Math.Min(batchSize, runs - first)));
        }
        return batches;
    }
}
