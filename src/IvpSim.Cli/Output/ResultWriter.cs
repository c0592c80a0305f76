using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Results;
using IvpSim.Reporting.Charts;
using IvpSim.Reporting.Csv;

namespace IvpSim.Cli.Output;

/// <summary>The files of one scenario run: projections.csv, targets.csv, run.txt and charts/.</summary>
public sealed record ScenarioResult(ScenarioInputs Inputs, RunOutcome Outcome,
    IReadOnlyList<ProjectionRow> Projections, IReadOnlyList<TargetOutcome> Targets)
{
    public static ScenarioResult From(ScenarioInputs inputs, RunOutcome outcome)
    {
        var id = inputs.Scenario.Id;
        return new(inputs, outcome,
            ProjectionTable.Build(id, inputs.Observations, outcome.Aggregate),
            TargetEvaluator.Evaluate(id, inputs.Targets, inputs.Observations, outcome.Aggregate));
    }

    public void WriteTo(string folder, bool charts)
    {
        File.WriteAllText(Path.Combine(folder, "projections.csv"), ProjectionsCsv.Format(Projections));
        File.WriteAllText(Path.Combine(folder, "targets.csv"), TargetsCsv.Format(Targets));
        File.WriteAllText(Path.Combine(folder, "run.txt"), RunManifest.Format(this));
        if (!Outcome.Aggregate.Contributions.IsEmpty)
        {
            File.WriteAllText(Path.Combine(folder, "contributions.csv"),
                ContributionsCsv.Format(ContributionTable.Build(Inputs.Scenario.Id, Outcome.Aggregate)));
        }
        if (!Outcome.Themes.IsEmpty)
            File.WriteAllText(Path.Combine(folder, "themes.csv"), ThemesCsv.Format(Outcome.Themes));
        if (!charts) return;
        var chartFolder = Directory.CreateDirectory(Path.Combine(folder, "charts")).FullName;
        foreach (var chart in FanChartData.From(Projections, Inputs.Targets, Inputs.Scenario.NameNl))
        {
            FanChart.Save(chart, Path.Combine(chartFolder, chart.FileName));
        }
    }
}
