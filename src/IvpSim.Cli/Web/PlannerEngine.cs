using System.Diagnostics;
using IvpSim.Cli.Hosting;
using IvpSim.Cli.Output;
using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Model.Targets;
using IvpSim.Reporting.Charts;
using IvpSim.Reporting.Results;
using IvpSim.Web;

namespace IvpSim.Cli.Web;

/// <summary>
/// Runs scenarios for the planner and its API on the cluster the server holds (warm: its grains keep their data and
/// calibrations between requests), and turns the outcome into the page's view and the API's report.
/// </summary>
public sealed class PlannerEngine(IClusterClient client, string clusterDescription)
{
    /// <summary>The mix's id in a comparison with its starting scenario.</summary>
    public const string MixId = "eigen-mix";

    /// <summary>Several scenarios on the same trajectories, each with its report; seed and runs as given.</summary>
    public async Task<(IReadOnlyList<ScenarioReport> Reports, ComparisonReport Comparison)> RunAsync(IReadOnlyList<ScenarioInputs> scenarios,
        int runs, ulong seed, CancellationToken ct)
    {
        var inputs = scenarios.Select(s => s with { Scenario = s.Scenario with { Run = new(runs, seed, null) } }).ToList();
        var outcome = await ScenarioRunner.CompareAsync(client, new CompareRequest([.. inputs.Select(i => ScenarioRunner.Request(i))]), null,
            reattach: false, ct);
        var reports = inputs.Select((input, k) => Reports.From(input, outcome.Scenarios[k], clusterDescription)).ToList();
        var comparison = reports.Count > 1 ? ComparisonReport.Build([.. reports], outcome.Paired) : ComparisonReport.Single(reports[0]);
        return (reports, comparison);
    }

    /// <summary>The mix against its starting scenario, as the page shows it.</summary>
    public async Task<PlannerResults> CompareAsync(ScenarioInputs start, ScenarioInputs mix, int runs, bool charts, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var seed = start.Scenario.Run.Seed;
        var (reports, comparison) = await RunAsync([start, mix], runs, seed, ct);
        var (first, mine) = (reports[0], reports[1]);
        var chances = mine.Targets.Select(o =>
        {
            var t = o.Target;
            var info = Indicators.Get(t.Indicator);
            var decimals = info.Kind == IndicatorKind.Score ? 1 : 0;
            var row = comparison.Row(mine.Id, t);
            var before = first.Targets.First(x => Model.Comparison.ComparisonTable.Same(x.Target, t));
            return new ChanceRow($"{t.Region}/{t.Indicator}", Regions.Get(t.Region).NameNl, info.ShortLabelNl,
                $"{(t.Operator == TargetOperator.AtMost ? "≤" : "≥")} {Reporting.DutchFormat.Number(t.Value, decimals)} ({t.DecisiveYear})",
                o.PMeet, Reporting.ChanceText.Ranges(o), o.PMeetSe, before.PMeet, row?.DeltaVsFirst, row?.DeltaSe);
        }).ToList();
        var year = mix.Scenario.Budget.ClaimYear;
        var claim = Regions.Municipalities.Select(m =>
        {
            var now = Claim(mine, m, year);
            return new IvpSim.Web.ClaimRow(Regions.Get(m).NameNl, now?.P50 ?? 0, now?.P80 ?? 0, now?.P95 ?? 0, Claim(first, m, year)?.P80 ?? 0);
        }).ToList();
        var fans = charts
            ? FanChartData.From(mine.Projections, mine.TargetDefinitions, "eigen mix")
                .Where(f => f.FileName.EndsWith($"-{Indicators.TotalCrimesExclCyber}.png", StringComparison.Ordinal) && f.Target is not null)
                .Select(f => new ChartView(f.FileName.Replace(".png", "", StringComparison.Ordinal), f.Title, ChartImage.DataUri(FanChart.Create(f), 900, 450)))
                .ToList()
            : [];
        return new PlannerResults(chances, AllCrimeTargets(mine), AllCrimeTargets(first), claim, year, fans, runs, seed, clock.Elapsed.TotalSeconds);
    }

    private static Model.Results.BudgetRow? Claim(ScenarioReport report, string municipality, int year) =>
        report.Budget.FirstOrDefault(b => b.Region == municipality && b.Intervention == CostLayout.TotalId && b.Year == year);

    private static double AllCrimeTargets(ScenarioReport report) =>
        (double)report.Aggregate.CountTargetsAllMet / Math.Max(1, report.Aggregate.Trajectories);
}
