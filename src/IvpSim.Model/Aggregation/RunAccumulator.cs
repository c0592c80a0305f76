using IvpSim.Model.Budget;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Aggregation;

/// <summary>
/// A run's results while they are being gathered: dense, mutable and reusable, for the hot loop of a worker and for
/// the coordinator that merges what the workers return. <see cref="ToAggregate"/> turns it into the immutable,
/// mergeable <see cref="RunAggregate"/>; <see cref="Merge"/> folds one back in. Counts only, never trajectories: its
/// memory does not grow with the number of runs.
/// </summary>
public sealed class RunAccumulator
{
    private readonly OutputLayout _layout;
    private readonly CostLayout _costs;
    private readonly string[] _variantIds;

    /// <param name="searches">How many calibration searches' constants the trajectories are projected with.</param>
    public RunAccumulator(OutputLayout layout, CostLayout costs, IReadOnlyList<string> variantIds, int targets, int searches = 1)
    {
        _layout = layout;
        _costs = costs;
        _variantIds = [.. variantIds];
        Slots = NewHistograms(layout.Size);
        Costs = NewHistograms(costs.Size);
        Met = new long[targets];
        StructureTrajectories = new long[Structures.All.Length];
        StructureMet = new long[Structures.All.Length * targets];
        SearchTrajectories = new long[searches];
        SearchMet = new long[searches * targets];
        Sums = [.. _variantIds.Select(_ => new long[layout.Size])];
        Avoided = NewHistograms(_variantIds.Length);
        MetWithout = [.. _variantIds.Select(_ => new long[targets])];
    }

    /// <summary>An accumulator shaped for <paramref name="plan"/>'s results.</summary>
    public static RunAccumulator For(SimulationPlan plan, OutputLayout layout, CostLayout costs) =>
        new(layout, costs, plan.Interventions.IsEmpty ? [] : [.. plan.Interventions.Select(i => i.Id), ContributionSums.AllId],
            plan.Targets.Length, plan.Settings.Forecast.AlternativeCount);

    public long Trajectories { get; set; }

    public DenseHistogram[] Slots { get; }

    public DenseHistogram[] Costs { get; }

    public long[] Met { get; }

    /// <summary>Trajectories that met every count target at once.</summary>
    public long CountTargetsAllMet { get; set; }

    public long[] StructureTrajectories { get; }

    /// <summary>Per structure and target (structure-major): trajectories of that structure that met the target.</summary>
    public long[] StructureMet { get; }

    public long[] SearchTrajectories { get; }

    /// <summary>Per calibration search and target (search-major): trajectories projected with its constants that met the target.</summary>
    public long[] SearchMet { get; }

    /// <summary>Per variant (each intervention, then all), the summed change it makes in every output slot.</summary>
    public long[][] Sums { get; }

    public DenseHistogram[] Avoided { get; }

    public long[][] MetWithout { get; }

    public int Variants => _variantIds.Length;

    public void Merge(RunAggregate batch)
    {
        if (batch.Trajectories == 0) return;
        Trajectories += batch.Trajectories;
        for (var i = 0; i < batch.Slots.Length; i++) Slots[i].Add(batch.Slots[i].Histogram);
        for (var i = 0; i < batch.Costs.Length; i++) Costs[i].Add(batch.Costs[i].Histogram);
        AddInto(Met, batch.TargetsMet);
        CountTargetsAllMet += batch.CountTargetsAllMet;
        AddInto(StructureTrajectories, batch.StructureTrajectories);
        AddInto(StructureMet, batch.StructureTargetsMet);
        AddInto(SearchTrajectories, batch.SearchTrajectories);
        AddInto(SearchMet, batch.SearchTargetsMet);
        for (var v = 0; v < batch.Contributions.Length; v++)
        {
            AddInto(Sums[v], batch.Contributions[v].Sums);
            Avoided[v].Add(batch.Contributions[v].Avoided);
            AddInto(MetWithout[v], batch.Contributions[v].TargetsMetWithout);
        }
    }

    public RunAggregate ToAggregate() =>
        new(Trajectories,
            [.. _layout.Keys().Select(k => new SlotHistogram(k.Region, k.Indicator, k.Year, Slots[k.Slot].ToHistogram()))],
            [.. _variantIds.Select((id, v) => new ContributionSums(id, [.. Sums[v]], Avoided[v].ToHistogram(), [.. MetWithout[v]]))],
            [.. _costs.Keys().Select(k => new CostHistogram(k.Region, k.Item, k.Year, Costs[k.Slot].ToHistogram()))],
            [.. Met], [.. StructureTrajectories], [.. StructureMet], CountTargetsAllMet)
        { SearchTrajectories = [.. SearchTrajectories], SearchTargetsMet = [.. SearchMet] };

    public void Clear()
    {
        Trajectories = 0;
        CountTargetsAllMet = 0;
        foreach (var h in Slots) h.Clear();
        foreach (var h in Costs) h.Clear();
        foreach (var h in Avoided) h.Clear();
        Array.Clear(Met);
        Array.Clear(StructureTrajectories);
        Array.Clear(StructureMet);
        Array.Clear(SearchTrajectories);
        Array.Clear(SearchMet);
        foreach (var s in Sums) Array.Clear(s);
        foreach (var m in MetWithout) Array.Clear(m);
    }

    private static DenseHistogram[] NewHistograms(int count) => [.. Enumerable.Range(0, count).Select(_ => new DenseHistogram())];

    private static void AddInto(long[] target, IReadOnlyList<long> source)
    {
        for (var i = 0; i < source.Count; i++) target[i] += source[i];
    }
}
