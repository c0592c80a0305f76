using System.Collections.Immutable;
using IvpSim.Model.Results;
using IvpSim.Model.Targets;

namespace IvpSim.Model.Comparison;

/// <summary>
/// One scenario against one target, next to the first scenario on the same trajectories. <see cref="DeltaVsFirst"/>:
/// the difference in the chance of meeting the target (this − first), with its paired standard error;
/// <see cref="PBetterThanFirst"/>: the share of trajectories in which this scenario's decisive value is better than
/// the first's (lower for an "at most" target, higher for "at least"). Null where the first has no such target.
/// </summary>
public sealed record ComparisonRow(string Scenario, TargetOutcome Outcome, double? DeltaVsFirst, double? DeltaSe, double? PBetterThanFirst);

public static class ComparisonTable
{
    /// <summary>Targets are the same when they ask the same of the same series (their source text may differ).</summary>
    public static bool Same(TargetDefinition a, TargetDefinition b) =>
        a.Region == b.Region && a.Indicator == b.Indicator && a.Year == b.Year && a.Operator == b.Operator && a.Value.Equals(b.Value);

    public static int IndexOf(IReadOnlyList<TargetDefinition> targets, TargetDefinition target)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            if (Same(targets[i], target)) return i;
        }
        return -1;
    }

    /// <param name="scenarios">Each scenario's target outcomes, the first being the one the others are compared with.</param>
    public static ImmutableArray<ComparisonRow> Build(IReadOnlyList<IReadOnlyList<TargetOutcome>> scenarios, ComparisonAggregate paired)
    {
        TargetDefinition[] first = [.. scenarios[0].Select(o => o.Target)];
        var rows = ImmutableArray.CreateBuilder<ComparisonRow>();
        for (var k = 0; k < scenarios.Count; k++)
        {
            foreach (var outcome in scenarios[k])
            {
                var j = IndexOf(first, outcome.Target);
                if (j < 0)
                {
                    rows.Add(new(outcome.Scenario, outcome, null, null, null));
                }
                else if (k == 0)
                {
                    rows.Add(new(outcome.Scenario, outcome, 0, 0, 0));
                }
                else
                {
                    var i = (k - 1) * paired.Targets + j;
                    double n = paired.Trajectories;
                    // Paired: the variance of (meets here − meets first) per trajectory, over n trajectories.
                    var (delta, variance) = paired.PairedDifference(i);
                    rows.Add(new(outcome.Scenario, outcome, delta, Math.Sqrt(variance / n), paired.Better[i] / n));
                }
            }
        }
        return rows.ToImmutable();
    }
}
