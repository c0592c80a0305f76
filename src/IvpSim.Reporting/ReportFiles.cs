using IvpSim.Model.Backtest;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Reporting.Charts;
using IvpSim.Reporting.Csv;
using IvpSim.Reporting.Html;
using IvpSim.Reporting.Results;

namespace IvpSim.Reporting;

/// <summary>
/// The one writer of the files a command leaves: a scenario's CSVs, run.txt, charts and report.html, a comparison's
/// comparison.csv, chart and report.html (all from the same report object), a sensitivity analysis and a backtest.
/// </summary>
public static class ReportFiles
{
    public const string ReportFile = "report.html";

    public static void WriteScenario(string folder, ScenarioReport report, bool charts, DateTime created)
    {
        Write(folder, "projections.csv", ProjectionsCsv.Format(report.Projections));
        Write(folder, "targets.csv", TargetsCsv.Format(report.Targets));
        Write(folder, "structural.csv", StructuralCsv.Format(report.Targets));
        Write(folder, "target-curve.csv", TargetCurveCsv.Format(report.Curves));
        Write(folder, "run.txt", RunManifest.Format(report));
        if (!report.Contributions.IsEmpty) Write(folder, "contributions.csv", ContributionsCsv.Format(report.Contributions));
        if (!report.Themes.IsEmpty) Write(folder, "themes.csv", ThemesCsv.Format(report.Themes));
        Write(folder, "budget.csv", BudgetCsv.Format(report.Budget));
        if (!report.Aggregate.Contributions.IsEmpty)
        {
            Write(folder, "value-for-money.csv", BudgetCsv.Format(report.ValueForMoney));
            Write(folder, "target-gains.csv", BudgetCsv.Format(report.TargetGains));
        }
        Write(folder, ReportFile, HtmlReport.Render(ComparisonReport.Single(report), created));
        if (charts) WriteCharts(folder, report);
    }

    public static void WriteComparison(string folder, ComparisonReport report, bool charts, DateTime created)
    {
        Write(folder, "comparison.csv", ComparisonCsv.Format(report.Rows));
        Write(folder, ReportFile, HtmlReport.Render(report, created));
        if (!charts) return;
        CostVersusProbabilityChart.Save(ScenarioPoint.CrimeTargets(report), CostVersusProbabilityChart.Title, Path.Combine(folder, "kosten-vs-kans.png"));
    }

    /// <summary>A sensitivity analysis: sensitivity.csv, value-of-information.csv (several scenarios), tornado charts and report.html.</summary>
    public static void WriteSensitivity(string folder, Model.Analysis.SensitivityResult result, string scenarioName, ulong seed, bool charts,
        DateTime created)
    {
        Write(folder, "sensitivity.csv", SensitivityCsv.Format(result.Rows));
        if (result.Information.Count > 0) Write(folder, "value-of-information.csv", SensitivityCsv.Format(result.Information));
        Write(folder, ReportFile, SensitivityHtml.Render(result, scenarioName, seed, charts, created));
        if (!charts) return;
        var chartFolder = Directory.CreateDirectory(Path.Combine(folder, "charts")).FullName;
        foreach (var target in result.Rows.GroupBy(r => r.Target))
        {
            var rows = target.ToList();
            TornadoChart.Save(rows, SensitivityHtml.Title(rows[0]), Path.Combine(chartFolder, TornadoChart.FileName(target.Key)));
        }
    }

    /// <summary>
    /// A backtest: backtest.csv, backtest-summary.csv, backtest-by-origin.csv, backtest-after-shock.csv, run.txt, the
    /// coverage chart per horizon and the PIT histogram.
    /// </summary>
    public static void WriteBacktest(string folder, IReadOnlyList<BacktestRow> rows, IReadOnlyList<BacktestScore> summary,
        IReadOnlyList<BacktestScore> byOrigin, IReadOnlyList<BacktestScore> afterShock, IReadOnlyList<SharedOutcomeCheck> shared,
        IReadOnlyList<LearnedAtOrigin> learned, string manifest)
    {
        Write(folder, "backtest.csv", BacktestCsv.Format(rows));
        Write(folder, "backtest-summary.csv", BacktestCsv.Format(summary));
        Write(folder, "backtest-by-origin.csv", BacktestCsv.FormatByOrigin(byOrigin));
        Write(folder, "backtest-after-shock.csv", BacktestCsv.FormatAfterShock(afterShock));
        Write(folder, "backtest-shared-outcome.csv", BacktestCsv.FormatSharedOutcomes(shared));
        if (learned.Count > 0) Write(folder, "backtest-learned.csv", BacktestCsv.FormatLearned(learned));
        Write(folder, "run.txt", manifest);
        var origins = rows.Select(r => r.FitUntil).Distinct().Order().ToArray();
        BacktestChart.Save([.. summary.Where(s => s.DataSet == BacktestSummary.All && s.Region == BacktestSummary.All && s.Horizon > 0)],
            $"Dekking per horizon (beginjaren {origins[0]}-{origins[^1]})", Path.Combine(folder, "backtest.png"));
        var ivpsim = rows.Where(r => r.Method == Backtester.Ivpsim).Select(r => r.Pit).ToArray();
        PitChart.Save(ivpsim, $"PIT-histogram IvpSim ({DutchFormat.Number(ivpsim.Length)} prognoses)", Path.Combine(folder, "pit.png"));
    }

    private static void WriteCharts(string folder, ScenarioReport report)
    {
        var chartFolder = Directory.CreateDirectory(Path.Combine(folder, "charts")).FullName;
        foreach (var chart in FanChartData.From(report.Projections, report.TargetDefinitions, report.Scenario.NameNl))
            FanChart.Save(chart, Path.Combine(chartFolder, chart.FileName));
        foreach (var curve in report.Curves.GroupBy(p => (p.Region, p.Indicator)))
        {
            TargetCurveChart.Save([(report.Scenario.NameNl, [.. curve])], TargetCurveChart.Title(curve.Key.Region, curve.Key.Indicator),
                Path.Combine(chartFolder, TargetCurveChart.FileName(curve.Key.Region, curve.Key.Indicator)));
        }
        var year = report.Scenario.Budget.ClaimYear;
        foreach (var region in Regions.All)
        {
            if (report.Aggregate.FindCost(region.Id, CostLayout.TotalId, year) is { } costs && costs.Values.Any(v => v != 0))
            {
                CostChart.Save(costs, $"{region.NameNl}: extra kosten {year} ({report.Scenario.NameNl})",
                    Path.Combine(chartFolder, $"kosten-{region.Id}-{year}.png"));
            }
        }
    }

    private static void Write(string folder, string name, string text) => File.WriteAllText(Path.Combine(folder, name), text);
}
