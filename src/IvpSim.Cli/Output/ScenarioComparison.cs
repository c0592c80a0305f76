using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Model.Results;
using IvpSim.Reporting.Charts;

namespace IvpSim.Cli.Output;

/// <summary>Charts across the scenarios of one run: what each costs against what it does for the crime targets.</summary>
public static class ScenarioComparison
{
    public static void Write(string folder, IReadOnlyList<ScenarioResult> results)
    {
        var points = results.SelectMany(r => r.Targets
            .Where(t => t.Target.Indicator == Indicators.TotalCrimesExclCyber)
            .Select(t => new ScenarioPoint(r.Inputs.Scenario.Id, Regions.Get(t.Target.Region).NameNl,
                ValueForMoney.TotalCost(r.Outcome.Aggregate, t.Target.Region, CostLayout.TotalId), t.PMeet))).ToList();
        CostVersusProbabilityChart.Save(points, "Kosten tegenover kans op het misdrijvendoel 2024", Path.Combine(folder, "kosten-vs-kans.png"));
    }
}
