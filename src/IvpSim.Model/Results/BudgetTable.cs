using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Budget;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Results;

/// <summary>One line of budget.csv, in euros; intervention and theme <c>*</c> is the total of all measures.</summary>
public sealed record BudgetRow(string Scenario, string Region, string Theme, string Intervention, int Year,
    double Mean, double P50, double P80, double P95);

public static class BudgetTable
{
    /// <summary>Every (region, measure, year) that costs something in some trajectory, and every total.</summary>
    public static ImmutableArray<BudgetRow> Build(string scenario, SimulationPlan plan, RunAggregate result)
    {
        var themes = plan.Costs.ToDictionary(c => c.InterventionId, c => c.Theme);
        return [.. result.Costs
            .Where(c => c.Item == CostLayout.TotalId || c.Histogram.Values.Any(v => v != 0))
            .Select(c => Row(scenario, c, c.Item == CostLayout.TotalId ? CostLayout.TotalId : themes[c.Item]))];
    }

    private static BudgetRow Row(string scenario, CostHistogram c, string theme)
    {
        const double unit = CostLayout.EurosPerUnit;
        var h = c.Histogram;
        return new(scenario, c.Region, theme, c.Item, c.Year, h.Mean() * unit,
            h.Quantile(0.5) * unit, h.Quantile(0.8) * unit, h.Quantile(0.95) * unit);
    }
}
