using System.Collections.Immutable;

namespace IvpSim.Model.Aggregation;

/// <summary>The histogram of one (region, indicator, year) over the trajectories of a batch or a run.</summary>
public sealed record SlotHistogram(string Region, string Indicator, int Year, CountHistogram Histogram);

/// <summary>
/// The summed change in each output slot that one intervention causes: Σ over trajectories of
/// (value with every intervention − value without this one), on the same random numbers. Id <see cref="AllId"/>
/// is all interventions together against the baseline of the same trajectories.
/// </summary>
/// <remarks>
/// <see cref="Avoided"/>: per trajectory, the crimes (total excluding cybercrime, Veluwe-West, all projected
/// years) that the intervention avoids. <see cref="TargetsMetWithout"/>: per plan target, the trajectories that
/// meet it without the intervention.
/// </remarks>
public sealed record ContributionSums(string InterventionId, ImmutableArray<long> Sums, CountHistogram Avoided,
    ImmutableArray<long> TargetsMetWithout)
{
    public const string AllId = "*";

    public ContributionSums Add(ContributionSums other) =>
        new(InterventionId, [.. Sums.Select((s, i) => s + other.Sums[i])], Avoided.Merge(other.Avoided),
            [.. TargetsMetWithout.Select((s, i) => s + other.TargetsMetWithout[i])]);
}

/// <summary>The distribution of one cost (region, cost item or <c>*</c> for all, year) in units of €100.</summary>
public sealed record CostHistogram(string Region, string Item, int Year, CountHistogram Histogram);

/// <summary>
/// The mergeable result of any set of trajectories: one exact histogram per output slot and exact integer sums
/// of each intervention's contribution. Merging is exact and commutative, so the result of a run does not
/// depend on how it was split into batches or where they ran.
/// </summary>
/// <remarks>
/// <see cref="StructureTrajectories"/>: per structure (in <c>Structures.All</c> order) the trajectories that followed
/// it; <see cref="StructureTargetsMet"/>: per structure and plan target (structure-major) those that met the target;
/// <see cref="CountTargetsAllMet"/>: trajectories that met every count target (the crime targets) at once.
/// <see cref="SearchTrajectories"/> and <see cref="SearchTargetsMet"/>: the same per calibration search whose constants
/// projected the trajectory (empty in results from before runs carried the searches).
/// </remarks>
public sealed record RunAggregate(long Trajectories, ImmutableArray<SlotHistogram> Slots,
    ImmutableArray<ContributionSums> Contributions, ImmutableArray<CostHistogram> Costs, ImmutableArray<long> TargetsMet,
    ImmutableArray<long> StructureTrajectories, ImmutableArray<long> StructureTargetsMet, long CountTargetsAllMet = 0)
{
    public ImmutableArray<long> SearchTrajectories { get; init; } = [];

    /// <summary>Per search and plan target (search-major): the trajectories of that search that met the target.</summary>
    public ImmutableArray<long> SearchTargetsMet { get; init; } = [];

    public RunAggregate Merge(RunAggregate other)
    {
        if (Slots.IsEmpty) return other;
        if (other.Slots.IsEmpty) return this;
        if (Slots.Length != other.Slots.Length)
        {
            throw new InvalidOperationException("cannot merge results with different layouts");
        }
        var merged = ImmutableArray.CreateBuilder<SlotHistogram>(Slots.Length);
        for (var i = 0; i < Slots.Length; i++)
        {
            var (a, b) = (Slots[i], other.Slots[i]);
            if (a.Region != b.Region || a.Indicator != b.Indicator || a.Year != b.Year)
            {
                throw new InvalidOperationException("cannot merge results with different layouts");
            }
            merged.Add(a with { Histogram = a.Histogram.Merge(b.Histogram) });
        }
        return new(Trajectories + other.Trajectories, merged.MoveToImmutable(),
            [.. Contributions.Select((c, i) => c.Add(other.Contributions[i]))],
            [.. Costs.Select((c, i) => c with { Histogram = c.Histogram.Merge(other.Costs[i].Histogram) })],
            [.. TargetsMet.Select((t, i) => t + other.TargetsMet[i])],
            [.. StructureTrajectories.Select((t, i) => t + other.StructureTrajectories[i])],
            [.. StructureTargetsMet.Select((t, i) => t + other.StructureTargetsMet[i])], CountTargetsAllMet + other.CountTargetsAllMet)
        {
            SearchTrajectories = Sum(SearchTrajectories, other.SearchTrajectories),
            SearchTargetsMet = Sum(SearchTargetsMet, other.SearchTargetsMet),
        };
    }

    /// <summary>Counts added element by element; none when one side has none (a result from before they were kept).</summary>
    private static ImmutableArray<long> Sum(ImmutableArray<long> a, ImmutableArray<long> b) =>
        a.IsDefaultOrEmpty || b.IsDefaultOrEmpty || a.Length != b.Length ? [] : [.. a.Select((t, i) => t + b[i])];

    public static RunAggregate Empty { get; } = new(0, [], [], [], [], [], []);

    public CountHistogram? FindCost(string region, string item, int year) =>
        Costs.FirstOrDefault(c => c.Region == region && c.Item == item && c.Year == year)?.Histogram;

    /// <summary>The mean contribution of an intervention to a slot, in histogram units.</summary>
    public double MeanContribution(int contribution, int slot) => (double)Contributions[contribution].Sums[slot] / Trajectories;

    public CountHistogram? Find(string region, string indicator, int year) =>
        Slots.FirstOrDefault(s => s.Region == region && s.Indicator == indicator && s.Year == year)?.Histogram;
}
