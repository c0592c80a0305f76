using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Results;
using IvpSim.Reporting.Charts;
using IvpSim.Reporting.Csv;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;

namespace IvpSim.Cli.Output;

/// <summary>The files of one scenario run: projections, targets, contributions, themes, budget, value for money, run.txt and charts/.</summary>
public sealed record ScenarioResult(ScenarioInputs Inputs, RunOutcome Outcome,
    IReadOnlyList<ProjectionRow> Projections, IReadOnlyList<TargetOutcome> Targets, IReadOnlyList<BudgetRow> Budget,
    IReadOnlyList<ValueForMoneyRow> ValueForMoney, IReadOnlyList<TargetGainRow> TargetGains, string Cluster)
{
    /// <param name="cluster">Where it ran, for run.txt (never with a password).</param>
    public static ScenarioResult From(ScenarioInputs inputs, RunOutcome outcome, string cluster = "lokaal")
    {
        var id = inputs.Scenario.Id;
        return new(inputs, outcome,
            ProjectionTable.Build(id, inputs.Observations, outcome.Aggregate),
            TargetEvaluator.Evaluate(id, outcome.Plan.Targets, inputs.Observations, outcome.Aggregate, outcome.Plan.Settings.Forecast),
            BudgetTable.Build(id, outcome.Plan, outcome.Aggregate),
            Model.Results.ValueForMoney.Build(id, outcome.Aggregate),
            Model.Results.ValueForMoney.TargetGains(id, outcome.Plan, outcome.Aggregate), cluster);
    }

    public void WriteTo(string folder, bool charts)
    {
        File.WriteAllText(Path.Combine(folder, "projections.csv"), ProjectionsCsv.Format(Projections));
        File.WriteAllText(Path.Combine(folder, "targets.csv"), TargetsCsv.Format(Targets));
        File.WriteAllText(Path.Combine(folder, "structural.csv"), StructuralCsv.Format(Targets));
        File.WriteAllText(Path.Combine(folder, "run.txt"), RunManifest.Format(this));
        if (!Outcome.Aggregate.Contributions.IsEmpty)
        {
            File.WriteAllText(Path.Combine(folder, "contributions.csv"),
                ContributionsCsv.Format(ContributionTable.Build(Inputs.Scenario.Id, Outcome.Aggregate)));
        }
        if (!Outcome.Themes.IsEmpty)
            File.WriteAllText(Path.Combine(folder, "themes.csv"), ThemesCsv.Format(Outcome.Themes));
        File.WriteAllText(Path.Combine(folder, "budget.csv"), BudgetCsv.Format(Budget));
        if (!Outcome.Aggregate.Contributions.IsEmpty)
        {
            File.WriteAllText(Path.Combine(folder, "value-for-money.csv"), BudgetCsv.Format(ValueForMoney));
            File.WriteAllText(Path.Combine(folder, "target-gains.csv"), BudgetCsv.Format(TargetGains));
        }
        if (!charts) return;
        var chartFolder = Directory.CreateDirectory(Path.Combine(folder, "charts")).FullName;
        foreach (var chart in FanChartData.From(Projections, Inputs.Targets, Inputs.Scenario.NameNl))
        {
            FanChart.Save(chart, Path.Combine(chartFolder, chart.FileName));
        }
        var year = Inputs.Scenario.Budget.ClaimYear;
        foreach (var region in Regions.All)
        {
            if (Outcome.Aggregate.FindCost(region.Id, CostLayout.TotalId, year) is { } costs && costs.Values.Any(v => v != 0))
            {
                CostChart.Save(costs, $"{region.NameNl}: extra kosten {year} ({Inputs.Scenario.NameNl})",
                    Path.Combine(chartFolder, $"kosten-{region.Id}-{year}.png"));
            }
        }
    }
}
