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
        var shares = new List<CostShare>();
        foreach (var group in uses.GroupBy(u => (u.Shared, u.StartYear, u.Intensity)))
        {
            var members = group.ToArray();
            var split = group.Key.Shared ? SplitShares(members.Select(u => u.Municipality).ToArray(), group.Key.StartYear, settings, population) : null;
            for (var i = 0; i < members.Length; i++)
            {
                var units = PlannedIntervention.ExtraIntensity(intervention, members[i]) * (split?[i] ?? 1.0);
                shares.Add(new CostShare(members[i].Municipality, members[i].StartYear, units));
            }
        }
        return new(intervention.Id, intervention.Themes.FirstOrDefault() ?? "", cost.Yearly, cost.OneOff, cost.PriceYear, [.. shares]);
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
