using IvpSim.Model.Domain;
using IvpSim.Model.Optimisation;
using IvpSim.Model.Targets;

namespace IvpSim.Reporting.Csv;

/// <summary>search.csv (one row per evaluated portfolio) and pareto.csv (the portfolios no other beats on claim and joint chance).</summary>
public static class OptimisationCsv
{
    public static string Search(IEnumerable<PortfolioEvaluation> evaluations, PortfolioSpace space, SearchGoal goal,
        IReadOnlyList<TargetDefinition> targets)
    {
        var csv = new CsvTable(Header("evaluation,method,", targets) + ",within_budget,acceptable,measures,portfolio");
        var k = 0;
        foreach (var e in evaluations)
        {
            csv.Row([(++k).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Method, .. Figures(e, targets),
                goal.WithinBudget(e) ? "true" : "false", goal.Acceptable(e) ? "true" : "false",
                e.Portfolio.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), space.Describe(e.Portfolio)]);
        }
        return csv.ToString();
    }

    public static string Pareto(IEnumerable<PortfolioEvaluation> front, PortfolioSpace space, SearchGoal goal, IReadOnlyList<TargetDefinition> targets)
    {
        var csv = new CsvTable(Header("method,", targets) + ",within_budget,portfolio");
        foreach (var e in front)
            csv.Row([e.Method, .. Figures(e, targets), goal.WithinBudget(e) ? "true" : "false", space.Describe(e.Portfolio)]);
        return csv.ToString();
    }

    private static string Header(string first, IReadOnlyList<TargetDefinition> targets) =>
        first + string.Join(",", Regions.Municipalities.Select(m => $"claim_p80_{m}")) + ",claim_p80_total,p_all_targets,p_all_targets_se," +
        string.Join(",", targets.Select(t => $"p_{t.Region}_{t.Indicator}"));

    private static IEnumerable<string> Figures(PortfolioEvaluation e, IReadOnlyList<TargetDefinition> targets) =>
    [
        .. Regions.Municipalities.Select(m => CsvText.Number(e.ClaimP80.GetValueOrDefault(m), 0)),
        CsvText.Number(e.TotalClaim, 0), CsvText.Number(e.PAll, 4), CsvText.Number(e.PAllSe, 4),
        .. targets.Select((_, j) => CsvText.Number(j < e.PTargets.Length ? e.PTargets[j] : double.NaN, 4)),
    ];
}
