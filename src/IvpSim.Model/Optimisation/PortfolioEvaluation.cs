using System.Collections.Immutable;

namespace IvpSim.Model.Optimisation;

/// <summary>
/// How a portfolio did in one run: the chance that every crime target is met (with its simulation error), each
/// target's chance, and the claim's P80 per municipality. <see cref="OptionCosts"/> and <see cref="OptionGains"/>
/// (per option key, per unit of extra intensity: mean cost in the claim year, mean crimes avoided in the
/// municipality's decisive year) are what the optimiser learns from a run beyond its score; <see cref="Marginal"/> per
/// municipality: how much the joint chance rises per crime avoided there (the density of its outcome at the target,
/// times the chance that the other targets are met).
/// </summary>
public sealed record PortfolioEvaluation(
    Portfolio Portfolio,
    string Method,
    double PAll,
    double PAllSe,
    ImmutableArray<double> PTargets,
    ImmutableDictionary<string, double> ClaimP80,
    ImmutableDictionary<string, double> OptionCosts,
    ImmutableDictionary<string, double> OptionGains,
    ImmutableDictionary<string, double> Marginal)
{
    public double TotalClaim => ClaimP80.Values.Sum();
}

/// <summary>What the search aims for.</summary>
public enum SearchObjective
{
    /// <summary>The highest chance that all crime targets are met, within budget.</summary>
    Probability,
    /// <summary>The lowest claim that reaches the minimum chance, within budget.</summary>
    Cost,
}

/// <summary>Budgets per municipality (the claim's P80 must stay within), the objective and the minimum chance.</summary>
public sealed record SearchGoal(ImmutableDictionary<string, double> Budgets, SearchObjective Objective, double MinProbability)
{
    public bool WithinBudget(PortfolioEvaluation e) => Budgets.All(b => e.ClaimP80.GetValueOrDefault(b.Key) <= b.Value + 1e-6);

    /// <summary>Within budget and, for the cost objective, at the minimum chance: a portfolio the search may recommend.</summary>
    public bool Acceptable(PortfolioEvaluation e) => WithinBudget(e) && (Objective == SearchObjective.Probability || e.PAll >= MinProbability);

    /// <summary>How good an evaluation is (higher is better): first acceptable, then within budget, then the least overspent.</summary>
    public (int Tier, double Value) Score(PortfolioEvaluation e)
    {
        if (!WithinBudget(e))
            return (0, -Budgets.Sum(b => Math.Max(0, e.ClaimP80.GetValueOrDefault(b.Key) - b.Value) / Math.Max(1, b.Value)));
        if (Objective == SearchObjective.Probability) return (2, e.PAll);
        return e.PAll >= MinProbability ? (2, -e.TotalClaim) : (1, e.PAll);
    }

    public bool Better(PortfolioEvaluation a, PortfolioEvaluation b)
    {
        var (sa, sb) = (Score(a), Score(b));
        return sa.Tier != sb.Tier ? sa.Tier > sb.Tier : sa.Value > sb.Value;
    }
}
