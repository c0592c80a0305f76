using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Model.Results;
using IvpSim.Model.Scenarios;
using IvpSim.Model.Simulation;
using IvpSim.Model.Targets;

namespace IvpSim.Reporting.Results;

/// <summary>A municipality's (or the region's) extra money in the claim year: mean and P50/P80/P95, in euros.</summary>
public sealed record ClaimRow(string Region, int Year, double Mean, double P50, double P80, double P95);

/// <summary>An input file of a run and its SHA-256, so that a result can be traced to exactly what it read.</summary>
public sealed record InputFile(string Role, string Path, string Sha256);

/// <summary>
/// Everything a run of one scenario says, assembled once from its outcome: the CSV files, the charts, the console
/// summary and the HTML report are all written from this, so they cannot disagree.
/// </summary>
public sealed record ScenarioReport(
    Scenario Scenario,
    Catalogue Catalogue,
    ObservationSet Observations,
    ImmutableArray<TargetDefinition> TargetDefinitions,
    SimulationPlan Plan,
    RunAggregate Aggregate,
    ImmutableArray<ThemeSummaryRow> Themes,
    RunFacts Facts,
    ImmutableArray<InputFile> Files,
    ImmutableArray<ProjectionRow> Projections,
    ImmutableArray<TargetOutcome> Targets,
    ImmutableArray<BudgetRow> Budget,
    ImmutableArray<ValueForMoneyRow> ValueForMoney,
    ImmutableArray<TargetGainRow> TargetGains,
    ImmutableArray<ContributionRow> Contributions,
    ImmutableArray<ClaimRow> Claim,
    ImmutableArray<TargetCurvePoint> Curves)
{
    public string Id => Scenario.Id;

    public static ScenarioReport Build(Scenario scenario, Catalogue catalogue, ObservationSet observations,
        ImmutableArray<TargetDefinition> targets, SimulationPlan plan, RunAggregate aggregate, ImmutableArray<ThemeSummaryRow> themes, RunFacts facts)
    {
        var id = scenario.Id;
        var budget = BudgetTable.Build(id, plan, aggregate);
        var year = scenario.Budget.ClaimYear;
        return new(scenario, catalogue, observations, targets, plan, aggregate, themes, facts, InputFiles(scenario),
            ProjectionTable.Build(id, observations, aggregate),
            TargetEvaluator.Evaluate(id, plan.Targets, observations, aggregate, plan.Settings.Forecast),
            budget,
            Model.Results.ValueForMoney.Build(id, aggregate),
            Model.Results.ValueForMoney.TargetGains(id, plan, aggregate),
            ContributionTable.Build(id, aggregate),
            [.. Regions.All.Select(r => budget.FirstOrDefault(b => b.Region == r.Id && b.Year == year && b.Intervention == CostLayout.TotalId))
                .OfType<BudgetRow>().Select(b => new ClaimRow(b.Region, b.Year, b.Mean, b.P50, b.P80, b.P95))],
            TargetCurve.Build(id, plan.Targets, observations, aggregate));
    }

    /// <summary>The catalogue's name of an intervention without its explanation in brackets, short enough for a table cell.</summary>
    public string ShortName(string interventionId)
    {
        var name = Catalogue.Find(interventionId)?.NameNl ?? interventionId;
        var cut = name.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 ? name[..cut] : name;
    }

    public static ImmutableArray<InputFile> InputFiles(Scenario scenario)
    {
        var d = scenario.Data;
        (string Role, string? Path)[] files =
        [
            ("scenario", scenario.SourceFile), ("waarnemingen", d.Observations), ("waarnemingen (basis onder --data)", d.BaseObservations),
            ("doelen", d.Targets), ("inwoners", d.Population), ("catalogus", d.Catalogue), ("kalibratie prognoses", d.Calibration),
            ("landelijke reeksen", d.Reference),
        ];
        return [.. files.Where(f => f.Path is not null && File.Exists(f.Path)).Select(f => new InputFile(f.Role, f.Path!, FileChecksum.Sha256(f.Path!)))];
    }
}
