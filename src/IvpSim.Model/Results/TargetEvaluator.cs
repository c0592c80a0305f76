using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Targets;

namespace IvpSim.Model.Results;

/// <summary>Evaluates the plan's targets on a run's histograms, per target in the order of the plan.</summary>
public static class TargetEvaluator
{

    public static ImmutableArray<TargetOutcome> Evaluate(string scenario, IReadOnlyList<TargetDefinition> targets,
        ObservationSet observed, RunAggregate result, ForecastSettings forecast) =>
        [.. targets.Select((t, i) => Evaluate(scenario, t, i, targets.Count, observed, result, forecast))];

    private static TargetOutcome Evaluate(string scenario, TargetDefinition target, int index, int count, ObservationSet observed,
        RunAggregate result, ForecastSettings forecast)
    {
        var histogram = result.Find(target.Region, target.Indicator, target.DecisiveYear)
            ?? throw new ModelInputException(
                $"doel {target.Region}/{target.Indicator}: het jaar {target.DecisiveYear} valt buiten de projectie");
        var n = histogram.Total;
        var p = (double)histogram.CountWhere(target.IsMetBy) / n;
        var scale = (double)Indicators.Get(target.Indicator).Scale;
        // The structures shape the count series only: a survey score's chance does not depend on them.
        var counts = Indicators.Get(target.Indicator).Kind == IndicatorKind.Count;
        var structures = counts ? PerStructure(index, count, result, forecast) : [];
        var (low, high) = counts ? StructuralRange(structures, forecast) : (null, null);
        // The calibrated weights are one of the weightings the data allow: the range holds the combined chance.
        if (low is { } l && high is { } u) (low, high) = (Math.Min(l, p), Math.Max(u, p));
        var (constantsLow, constantsHigh) = counts ? ConstantsRange(index, count, result) : (null, null);
        return new TargetOutcome(scenario, target, observed.Get(target.Region, target.Indicator, 2019),
            p, Math.Sqrt(p * (1 - p) / n), low, high,
            histogram.Quantile(0.05) / scale, histogram.Quantile(0.5) / scale, histogram.Quantile(0.95) / scale,
            structures) { PMeetConstantsLow = constantsLow, PMeetConstantsHigh = constantsHigh };
    }

    /// <summary>
    /// The lowest and highest chance over the calibration searches, each from the trajectories projected with its
    /// constants; none with fewer than two searches that projected any.
    /// </summary>
    public static (double? Low, double? High) ConstantsRange(int index, int count, RunAggregate result)
    {
        if (result.SearchTrajectories.IsDefaultOrEmpty || result.SearchTargetsMet.Length != result.SearchTrajectories.Length * count)
            return (null, null);
        var chances = result.SearchTrajectories.Select((n, k) => (n, k)).Where(x => x.n > 0)
            .Select(x => (double)result.SearchTargetsMet[x.k * count + index] / x.n).ToArray();
        return chances.Length >= 2 ? (chances.Min(), chances.Max()) : (null, null);
    }

    /// <summary>
    /// How far the chance moves with the structure weights that the data allow: the 5th and 95th percentile of the
    /// weighted chance over the resampled weights (<see cref="ForecastSettings.WeightSamples"/>), each renormalised over
    /// the structures that the run drew. Without resamples: the lowest and highest chance of a structure with weight.
    /// </summary>
    public static (double? Low, double? High) StructuralRange(IReadOnlyList<StructureOutcome> structures, ForecastSettings forecast)
    {
        var mixed = new List<double>();
        foreach (var sample in forecast.WeightSamples)
        {
            double weight = 0, sum = 0;
            for (var k = 0; k < structures.Count; k++)
            {
                if (structures[k].PMeet is not { } pk) continue;
                weight += sample[k];
                sum += sample[k] * pk;
            }
            if (weight >= 0.5) mixed.Add(sum / weight);
        }
        if (mixed.Count >= 10)
        {
            var sorted = mixed.Order().ToArray();
            return (SampleScores.Quantile(sorted, 0.05), SampleScores.Quantile(sorted, 0.95));
        }
        var ranged = structures.Where(s => s.Weight > 0 && s.PMeet is not null).Select(s => s.PMeet!.Value).ToArray();
        return ranged.Length > 0 ? (ranged.Min(), ranged.Max()) : (null, null);
    }

    /// <summary>Per structure of the national paths that the municipal series follow: its weight, trajectories and chance.</summary>
    private static ImmutableArray<StructureOutcome> PerStructure(int index, int count, RunAggregate result, ForecastSettings forecast) =>
        [.. Structures.All.Select((s, k) =>
        {
            var trajectories = result.StructureTrajectories.IsDefaultOrEmpty ? 0 : result.StructureTrajectories[k];
            if (trajectories == 0) return new StructureOutcome(s.Id, forecast.AnchorWeights[k], 0, null, null);
            var p = (double)result.StructureTargetsMet[k * count + index] / trajectories;
            return new StructureOutcome(s.Id, forecast.AnchorWeights[k], trajectories, p, Math.Sqrt(p * (1 - p) / trajectories));
        })];
}
