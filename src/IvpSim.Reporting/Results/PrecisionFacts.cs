using IvpSim.Model.Aggregation;
using IvpSim.Model.Comparison;
using IvpSim.Model.Simulation;

namespace IvpSim.Reporting.Results;

/// <summary>A run that went on until precise enough: its goal, the trajectories it took and the largest standard error.</summary>
public sealed record PrecisionFacts(double Goal, long MaxRuns, long Trajectories, double LargestError)
{
    public bool Reached => LargestError <= Goal;

    public static PrecisionFacts Of(PrecisionGoal goal, IReadOnlyList<RunAggregate> aggregates, ComparisonAggregate paired) =>
        new(goal.MaxError, goal.MaxRuns, aggregates[0].Trajectories, PrecisionRule.LargestError(aggregates, paired));
}
