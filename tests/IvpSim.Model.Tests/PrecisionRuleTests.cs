using IvpSim.Model.Aggregation;
using IvpSim.Model.Comparison;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Tests;

public sealed class PrecisionRuleTests
{
    private static RunAggregate Met(long trajectories, params long[] met) => new(trajectories, [], [], [], [.. met], [], []);

    [Fact]
    public void Should_ask_for_the_count_the_least_precise_chance_needs_When_the_goal_is_not_met()
    {
        // p = 0.5 over 10,000: se 0.005. For 0.004: 0.25 / 0.004² = 15,625, plus a tenth, in whole steps of 10,000.
        var aggregates = new[] { Met(10_000, 5_000, 1_000) };
        Assert.Equal(0.005, PrecisionRule.LargestError(aggregates, ComparisonAggregate.Empty), 12);
        Assert.Equal(20_000, PrecisionRule.NextRuns(aggregates, ComparisonAggregate.Empty, new PrecisionGoal(0.004, 10_000_000), 10_000));
    }

    [Fact]
    public void Should_stop_When_the_goal_is_met_or_the_maximum_reached()
    {
        var aggregates = new[] { Met(20_000, 10_000) };
        Assert.Equal(20_000, PrecisionRule.NextRuns(aggregates, ComparisonAggregate.Empty, new PrecisionGoal(0.004, 10_000_000), 20_000));
        Assert.Equal(20_000, PrecisionRule.NextRuns(aggregates, ComparisonAggregate.Empty, new PrecisionGoal(0.0001, 20_000), 20_000));
        Assert.Equal(30_000, PrecisionRule.NextRuns(aggregates, ComparisonAggregate.Empty, new PrecisionGoal(0.0001, 30_000), 20_000));
    }

    [Fact]
    public void Should_count_the_paired_difference_When_scenarios_are_compared()
    {
        // Both scenarios' chances are precise (p = 0.01), but they disagree in 40% of the trajectories: v = 0.4 − 0.
        var aggregates = new[] { Met(10_000, 100), Met(10_000, 100) };
        var paired = new ComparisonAggregate(10_000, 1, [5_000], [2_000], [2_000]);
        Assert.Equal(Math.Sqrt(0.4 / 10_000), PrecisionRule.LargestError(aggregates, paired), 12);
    }
}
