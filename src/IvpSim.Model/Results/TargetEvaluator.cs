using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Domain;
using IvpSim.Model.Targets;

namespace IvpSim.Model.Results;

/// <summary>Evaluates the plan's targets on a run's histograms.</summary>
public static class TargetEvaluator
{
    public static ImmutableArray<TargetOutcome> Evaluate(string scenario, IEnumerable<TargetDefinition> targets,
        ObservationSet observed, RunAggregate result) =>
        [.. targets.Select(t => Evaluate(scenario, t, observed, result))];

    public static TargetOutcome Evaluate(string scenario, TargetDefinition target, ObservationSet observed, RunAggregate result)
    {
        var histogram = result.Find(target.Region, target.Indicator, target.DecisiveYear)
            ?? throw new ModelInputException(
                $"doel {target.Region}/{target.Indicator}: het jaar {target.DecisiveYear} valt buiten de projectie");
        var n = histogram.Total;
        var p = (double)histogram.CountWhere(target.IsMetBy) / n;
        var scale = (double)Indicators.Get(target.Indicator).Scale;
        return new TargetOutcome(scenario, target, observed.Get(target.Region, target.Indicator, 2019),
            p, Math.Sqrt(p * (1 - p) / n),
            histogram.Quantile(0.05) / scale, histogram.Quantile(0.5) / scale, histogram.Quantile(0.95) / scale);
    }
}
