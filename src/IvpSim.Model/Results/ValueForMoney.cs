using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Results;

/// <summary>
/// What a measure (or, for <c>*</c>, the whole scenario) buys: crimes avoided over the projected years in
/// Veluwe-West (total excluding cybercrime, on the same trajectories) and the cost per avoided crime. The interval
/// divides the mean cost by the 95th and 5th percentiles of crimes avoided; it is open (null) where the 5th
/// percentile avoids nothing. Below one avoided crime on average no ratio is given: it would be noise.
/// </summary>
public sealed record ValueForMoneyRow(string Scenario, string Intervention, double AvoidedMean, double AvoidedP05,
    double AvoidedP95, double CostMean, double? CostPerAvoided, double? CostPerAvoidedLow, double? CostPerAvoidedHigh);

/// <summary>How much a measure raises the odds of one target, and what a percentage point of that costs.</summary>
public sealed record TargetGainRow(string Scenario, string Region, string Indicator, int Year, string Intervention,
    double PMeetGain, double CostMean, double? CostPerPoint, int? Rank);

public static class ValueForMoney
{
    /// <summary>The mean number of avoided crimes below which a cost per avoided crime is not meaningful.</summary>
    public const double MinimumAvoided = 1;

    public static ImmutableArray<ValueForMoneyRow> Build(string scenario, RunAggregate result) =>
        [.. result.Contributions.Select(c =>
        {
            var cost = TotalCost(result, Regions.VeluweWest, c.InterventionId);
            double avoided = c.Avoided.Mean(), p05 = c.Avoided.Quantile(0.05), p95 = c.Avoided.Quantile(0.95);
            return new ValueForMoneyRow(scenario, c.InterventionId, avoided, p05, p95, cost,
                avoided >= MinimumAvoided ? cost / avoided : null,
                p95 > 0 ? cost / p95 : null,
                p05 > 0 ? cost / p05 : null);
        })];

    /// <summary>A gain below this (0.1 percentage point) is not ranked: with neutral priors it is chance.</summary>
    public const double MinimumRankedGain = 0.001;

    /// <summary>Per target, every measure's gain in probability; measures that gain at least <see cref="MinimumRankedGain"/> are ranked by cost per point.</summary>
    public static ImmutableArray<TargetGainRow> TargetGains(string scenario, SimulationPlan plan, RunAggregate result)
    {
        var rows = new List<TargetGainRow>();
        for (var t = 0; t < plan.Targets.Length; t++)
        {
            var target = plan.Targets[t];
            var gains = result.Contributions.Select(c =>
            {
                var gain = (double)(result.TargetsMet[t] - c.TargetsMetWithout[t]) / result.Trajectories;
                var cost = TotalCost(result, target.Region, c.InterventionId);
                return (c.InterventionId, gain, cost, perPoint: gain > 0 ? cost / (gain * 100) : (double?)null);
            }).ToArray();
            var ranked = gains.Where(g => g.perPoint is not null && g.gain >= MinimumRankedGain && g.InterventionId != ContributionSums.AllId)
                .OrderBy(g => g.perPoint).Select((g, i) => (g.InterventionId, Rank: i + 1)).ToDictionary(x => x.InterventionId, x => x.Rank);
            rows.AddRange(gains.Select(g => new TargetGainRow(scenario, target.Region, target.Indicator, target.DecisiveYear,
                g.InterventionId, g.gain, g.cost, g.perPoint, ranked.TryGetValue(g.InterventionId, out var r) ? r : null)));
        }
        return [.. rows];
    }

    /// <summary>Mean cost of a measure (or <c>*</c>) in a region over all budget years, in euros.</summary>
    public static double TotalCost(RunAggregate result, string region, string item) =>
        result.Costs.Where(c => c.Region == region && c.Item == item).Sum(c => c.Histogram.Mean()) * CostLayout.EurosPerUnit;
}
