using System.Globalization;
using IvpSim.Model.Comparison;
using IvpSim.Model.Domain;

namespace IvpSim.Reporting.Csv;

/// <summary>
/// comparison.csv: per scenario and target the chance it is met and, against the first scenario on the same
/// trajectories, the difference in that chance with its paired standard error and the share of trajectories in which
/// this scenario ends better. Empty where the first scenario has no such target.
/// </summary>
public static class ComparisonCsv
{
    public const string Header = "scenario,municipality,indicator,year,operator,target,p_meet,p_meet_se,delta_vs_first,delta_se,p_better_than_first";

    public static string Format(IEnumerable<ComparisonRow> rows)
    {
        var csv = new CsvTable(Header);
        foreach (var r in rows)
        {
            var t = r.Outcome.Target;
            var decimals = Indicators.Get(t.Indicator).Kind == IndicatorKind.Score ? 1 : 0;
            csv.Row(r.Scenario, t.Region, t.Indicator, t.DecisiveYear.ToString(CultureInfo.InvariantCulture), t.OperatorSymbol,
                CsvText.Number(t.Value, decimals), CsvText.Number(r.Outcome.PMeet, 4), CsvText.Number(r.Outcome.PMeetSe, 4),
                CsvText.Optional(r.DeltaVsFirst, 4), CsvText.Optional(r.DeltaSe, 4), CsvText.Optional(r.PBetterThanFirst, 4));
        }
        return csv.ToString();
    }
}
