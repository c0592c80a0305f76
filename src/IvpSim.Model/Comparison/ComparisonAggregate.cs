using System.Collections.Immutable;

namespace IvpSim.Model.Comparison;

/// <summary>
/// Paired counts of scenarios run on the same trajectories (common random numbers), per scenario after the first
/// and per target of the first (scenario-major, <c>[(k − 1) · targets + j]</c>): in how many trajectories the
/// scenario's decisive value beats the first's, and in how many only one of the two meets the target. Integer
/// counts, so merging is exact and the result does not depend on how the trajectories were split.
/// </summary>
public sealed record ComparisonAggregate(long Trajectories, int Targets, ImmutableArray<long> Better,
    ImmutableArray<long> OnlyThisMeets, ImmutableArray<long> OnlyFirstMeets)
{
    public static ComparisonAggregate Empty { get; } = new(0, 0, [], [], []);

    public ComparisonAggregate Merge(ComparisonAggregate other)
    {
        if (Trajectories == 0) return other;
        if (other.Trajectories == 0) return this;
        if (Targets != other.Targets || Better.Length != other.Better.Length)
            throw new InvalidOperationException("cannot merge comparisons of different scenarios or targets");
        return new(Trajectories + other.Trajectories, Targets, Add(Better, other.Better), Add(OnlyThisMeets, other.OnlyThisMeets),
            Add(OnlyFirstMeets, other.OnlyFirstMeets));
    }

    /// <summary>
    /// For pair <paramref name="i"/>: the difference in chance (this scenario meets, minus the first meets) and the
    /// variance of that difference per trajectory; its standard error over n trajectories is √(variance / n).
    /// </summary>
    public (double Delta, double Variance) PairedDifference(int i)
    {
        double n = Trajectories;
        var delta = (OnlyThisMeets[i] - OnlyFirstMeets[i]) / n;
        return (delta, Math.Max(0, (OnlyThisMeets[i] + OnlyFirstMeets[i]) / n - delta * delta));
    }

    private static ImmutableArray<long> Add(ImmutableArray<long> a, ImmutableArray<long> b) => [.. a.Select((x, i) => x + b[i])];
}
