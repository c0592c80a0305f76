using System.Collections.Immutable;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;

namespace IvpSim.Model.Budget;

/// <summary>One municipality's part of a measure's cost: from which year, and how many units it pays for.</summary>
public sealed record CostShare(string Municipality, int StartYear, double Units);

/// <summary>
/// A measure's cost plan: its unit-cost priors (in euros of <see cref="PriceYear"/>) and who pays how much from
/// when. Only extra intensity counts: existing policy at its current level costs nothing extra.
/// </summary>
public sealed record PlannedCost(string InterventionId, string Theme, Distribution Yearly, Distribution OneOff,
    int PriceYear, ImmutableArray<CostShare> Shares)
{
    public static PlannedCost Create(Intervention intervention, IReadOnlyList<InterventionUse> uses,
        BudgetSettings settings, Population population)
    {
        var cost = uses.FirstOrDefault(u => u.CostOverride is not null)?.CostOverride ?? intervention.Cost;
        var shares = UseShares(uses, settings, population);
        return new(intervention.Id, intervention.Themes.FirstOrDefault() ?? "", cost.Yearly, cost.OneOff, cost.PriceYear,
            [.. uses.Select((u, i) => new CostShare(u.Municipality, u.StartYear, PlannedIntervention.ExtraIntensity(intervention, u) * shares[i]))]);
    }

    /// <summary>
    /// Each use's part of its measure: 1 for a municipality's own measure; for a shared (joint) measure, the
    /// municipality's share by the scenario's key among the municipalities that share it (same start year and
    /// intensity). A municipality pays for, and gets the effect of, its share of the joint capacity.
    /// </summary>
    public static double[] UseShares(IReadOnlyList<InterventionUse> uses, BudgetSettings settings, Population population)
    {
        var shares = new double[uses.Count];
        for (var i = 0; i < uses.Count; i++) shares[i] = 1;
        foreach (var group in Enumerable.Range(0, uses.Count).Where(i => uses[i].Shared)
                     .GroupBy(i => (uses[i].StartYear, uses[i].Intensity)))
        {
            var members = group.ToArray();
            var split = SplitShares([.. members.Select(i => uses[i].Municipality)], group.Key.StartYear, settings, population);
            for (var j = 0; j < members.Length; j++) shares[members[j]] = split[j];
        }
        return shares;
    }

    /// <summary>The shares of a joint measure by the scenario's key, renormalised over the municipalities that share it.</summary>
    public static double[] SplitShares(IReadOnlyList<string> municipalities, int year, BudgetSettings settings, Population population)
    {
        double[] weights = settings.Key switch
        {
            SplitKey.Equal => [.. municipalities.Select(_ => 1.0)],
            SplitKey.Explicit => [.. municipalities.Select(m => settings.ExplicitShares.GetValueOrDefault(m))],
            _ => [.. municipalities.Select(m => population.InhabitantsOf(m, year))],
        };
        var total = weights.Sum();
        if (total <= 0) throw new ModelInputException("de verdeelsleutel geeft deze gemeenten samen een aandeel van nul");
        return [.. weights.Select(w => w / total)];
    }
}
