using IvpSim.Model.Domain;
using IvpSim.Model.Results;

namespace IvpSim.Reporting.Csv;

/// <summary>projections.csv: observed (or derived) years with their value, projected years with mean and quantiles; <c>kind</c> says which.</summary>
public static class ProjectionsCsv
{
    public const string Header = "scenario,municipality,indicator,year,mean,p05,p25,p50,p75,p95,kind";

    public static string Format(IEnumerable<ProjectionRow> rows)
    {
        var csv = new CsvTable(Header);
        foreach (var r in rows)
        {
            var score = Indicators.Get(r.Indicator).Kind == IndicatorKind.Score;
            var (meanDecimals, quantileDecimals) = score ? (2, 1) : (1, 0);
            csv.Row(r.Scenario, r.Region, r.Indicator, r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CsvText.Number(r.Mean, r.Observed ? quantileDecimals : meanDecimals),
                CsvText.Number(r.P05, quantileDecimals), CsvText.Number(r.P25, quantileDecimals),
                CsvText.Number(r.P50, quantileDecimals), CsvText.Number(r.P75, quantileDecimals),
                CsvText.Number(r.P95, quantileDecimals), r.Derived ? "derived" : r.Observed ? "observed" : "projected");
        }
        return csv.ToString();
    }
}
