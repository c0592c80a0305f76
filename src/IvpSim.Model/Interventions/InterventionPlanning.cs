using System.Collections.Immutable;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Interventions;

/// <summary>
/// A scenario's uses of the catalogue turned into what the simulator draws: per intervention its planned effects and
/// costs. The grain layer does the same per intervention on intervention grains; code without grains calls this.
/// </summary>
public static class InterventionPlanning
{
    public static (ImmutableArray<PlannedIntervention> Interventions, ImmutableArray<PlannedCost> Costs) Plan(
        Catalogue catalogue, IEnumerable<InterventionUse> uses, BudgetSettings budget, Population population)
    {
        var groups = uses.GroupBy(u => u.InterventionId).ToArray();
        var interventions = groups.Select(g => Plan(catalogue.Find(g.Key)
            ?? throw new ModelInputException($"onbekende interventie '{g.Key}'"), [.. g], budget, population)).ToArray();
        return ([.. interventions.Select(i => i.Intervention)], [.. interventions.Select(i => i.Cost)]);
    }

    /// <summary>One intervention's planned effects and costs from its catalogue entry and the scenario's uses of it.</summary>
    public static (PlannedIntervention Intervention, PlannedCost Cost) Plan(Intervention intervention, IReadOnlyList<InterventionUse> uses,
        BudgetSettings budget, Population population) =>
        (PlannedIntervention.Create(intervention, uses, PlannedCost.UseShares(uses, budget, population)),
         PlannedCost.Create(intervention, uses, budget, population));
}
