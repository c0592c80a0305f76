using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Model.Targets;

namespace IvpSim.Model.Optimisation;

/// <summary>Reads a portfolio's evaluation from the run of its scenario.</summary>
public static class PortfolioEvaluator
{
    public static PortfolioEvaluation From(Portfolio portfolio, string method, PortfolioSpace space, RunAggregate run,
        ImmutableArray<TargetDefinition> targets, int claimYear)
    {
        var n = Math.Max(1, run.Trajectories);
        var pAll = (double)run.CountTargetsAllMet / n;
        ImmutableArray<double> pTargets = [.. run.TargetsMet.Select(m => (double)m / n)];
        var claim = Regions.Municipalities.ToImmutableDictionary(m => m,
            m => run.FindCost(m, CostLayout.TotalId, claimYear) is { Total: > 0 } h ? h.Quantile(0.8) * (double)CostLayout.EurosPerUnit : 0);
        var countTargets = Enumerable.Range(0, targets.Length)
            .Where(j => Indicators.Get(targets[j].Indicator).Kind == IndicatorKind.Count).ToArray();
        var costs = ImmutableDictionary.CreateBuilder<string, double>();
        var gains = ImmutableDictionary.CreateBuilder<string, double>();
        for (var k = 0; k < space.Options.Length; k++)
        {
            var option = space.Options[k];
            var choice = portfolio.Choices[k];
            var extra = option.Extra(choice.Level);
            if (choice.Level == 0 || extra <= 0) continue;
            costs[option.Key] = (run.FindCost(option.Municipality, option.InterventionId, claimYear)?.Mean() ?? 0) * CostLayout.EurosPerUnit / extra;
            var target = countTargets.Select(j => targets[j]).FirstOrDefault(t => t.Region == option.Municipality);
            var contribution = run.Contributions.FirstOrDefault(c => c.InterventionId == option.InterventionId);
            var slot = target is null ? -1 : SlotIndex(run, target);
            if (contribution is not null && slot >= 0) gains[option.Key] = -contribution.Sums[slot] / (double)n / extra;
        }
        var marginal = countTargets.ToImmutableDictionary(j => targets[j].Region, j =>
        {
            var others = countTargets.Where(k => k != j).Aggregate(1.0, (p, k) => p * pTargets[k]);
            return Density(run, targets[j]) * others;
        });
        return new PortfolioEvaluation(portfolio, method, pAll, Math.Sqrt(pAll * (1 - pAll) / n), pTargets, claim, costs.ToImmutable(),
            gains.ToImmutable(), marginal);
    }

    private static int SlotIndex(RunAggregate run, TargetDefinition target)
    {
        for (var i = 0; i < run.Slots.Length; i++)
        {
            var s = run.Slots[i];
            if (s.Region == target.Region && s.Indicator == target.Indicator && s.Year == target.DecisiveYear) return i;
        }
        return -1;
    }

    /// <summary>The chance per unit that the decisive value lies at the target: a window of ±5% around it.</summary>
    private static double Density(RunAggregate run, TargetDefinition target)
    {
        if (run.Find(target.Region, target.Indicator, target.DecisiveYear) is not { Total: > 0 } h) return 0;
        var t = target.Threshold;
        var half = Math.Max(1, (int)(0.05 * t));
        return (double)h.CountWhere(v => v > t - half && v <= t + half) / h.Total / (2 * half);
    }
}
