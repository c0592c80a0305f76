using IvpSim.Model.Aggregation;
using IvpSim.Model.Comparison;

namespace IvpSim.Model.Simulation;

/// <summary>Run until every chance is this precise (standard error), but no further than <see cref="MaxRuns"/> trajectories.</summary>
public sealed record PrecisionGoal(double MaxError, long MaxRuns);

/// <summary>
/// When a run is precise enough, and how many trajectories it needs if not. The error of a chance p over n
/// trajectories is √(p(1−p)/n); of a paired difference between two scenarios √(v/n), with v the variance of the
/// per-trajectory difference. Each round aims at the count the current estimates ask for (plus a tenth, rounded up
/// to whole rounds of <see cref="Step"/>), so the rounds, and with them the result, follow from seed and goal alone.
/// </summary>
public static class PrecisionRule
{
    public const int Step = 10_000;

    /// <summary>The largest standard error over every target of every scenario and every paired difference.</summary>
    public static double LargestError(IReadOnlyList<RunAggregate> aggregates, ComparisonAggregate paired)
    {
        var n = aggregates[0].Trajectories;
        return n == 0 ? double.PositiveInfinity : Math.Sqrt(LargestVariance(aggregates, paired) / n);
    }

    /// <summary>The next total number of trajectories; <paramref name="done"/> when the goal is met or the maximum reached.</summary>
    public static long NextRuns(IReadOnlyList<RunAggregate> aggregates, ComparisonAggregate paired, PrecisionGoal goal, long done)
    {
        if (done >= goal.MaxRuns || LargestError(aggregates, paired) <= goal.MaxError) return done;
        var needed = LargestVariance(aggregates, paired) / (goal.MaxError * goal.MaxError) * 1.1;
        var rounded = (long)Math.Ceiling(needed / Step) * Step;
        return Math.Min(goal.MaxRuns, Math.Max(rounded, done + Step));
    }

    private static double LargestVariance(IReadOnlyList<RunAggregate> aggregates, ComparisonAggregate paired)
    {
        double largest = 0;
        foreach (var a in aggregates)
        {
            foreach (var met in a.TargetsMet)
            {
                var p = (double)met / a.Trajectories;
                largest = Math.Max(largest, p * (1 - p));
            }
        }
        for (var i = 0; i < paired.OnlyThisMeets.Length; i++) largest = Math.Max(largest, paired.PairedDifference(i).Variance);
        return largest;
    }
}
