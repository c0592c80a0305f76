using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Domain;
using IvpSim.Model.Targets;

namespace IvpSim.Model.Results;

/// <summary>
/// One point of a target's chance curve: the share of trajectories whose decisive value is at most
/// <see cref="Value"/>, a level <see cref="ChangeVs2019"/> away from the 2019 baseline. <see cref="IsTarget"/> marks the
/// plan's own target value.
/// </summary>
public sealed record TargetCurvePoint(string Scenario, string Region, string Indicator, int Year, double ChangeVs2019, double Value,
    double PAtMost, double PAtMostSe, bool IsTarget);

/// <summary>
/// The chance as a curve over target values: how the chance of a crime target changes if the target were set at
/// another level, from 30% below to 10% above the 2019 level. A chance near 50% then shows whether the target sits
/// where the projection is steep (a small change in the outcome decides) or flat.
/// </summary>
public static class TargetCurve
{
    public const double From = -0.30, To = 0.10, Step = 0.025;

    public static ImmutableArray<TargetCurvePoint> Build(string scenario, IReadOnlyList<TargetDefinition> targets, ObservationSet observed,
        RunAggregate result)
    {
        var points = ImmutableArray.CreateBuilder<TargetCurvePoint>();
        foreach (var target in targets)
        {
            if (Indicators.Get(target.Indicator).Kind != IndicatorKind.Count) continue;
            if (observed.Get(target.Region, target.Indicator, 2019) is not { } baseline || baseline <= 0) continue;
            if (result.Find(target.Region, target.Indicator, target.DecisiveYear) is not { } histogram) continue;
            var levels = Enumerable.Range(0, (int)Math.Round((To - From) / Step) + 1).Select(i => (Change: From + i * Step, Value: Math.Round(baseline * (1 + From + i * Step))))
                .Append((Change: target.Value / baseline - 1, target.Value)).OrderBy(l => l.Value).ToArray();
            foreach (var (change, value) in levels)
            {
                var p = (double)histogram.CountWhere(v => v <= value) / histogram.Total;
                points.Add(new TargetCurvePoint(scenario, target.Region, target.Indicator, target.DecisiveYear, Math.Round(change, 4), value, p,
                    Math.Sqrt(p * (1 - p) / histogram.Total), value == target.Value));
            }
        }
        return points.ToImmutable();
    }
}
