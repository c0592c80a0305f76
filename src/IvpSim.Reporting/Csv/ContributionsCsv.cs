using System.Globalization;
using IvpSim.Model.Results;

namespace IvpSim.Reporting.Csv;

/// <summary>
/// contributions.csv: per municipality (and Veluwe-West), indicator and year, the expected change in the count
/// attributed to each intervention (with all − without it, on the same trajectories); intervention <c>*</c> is
/// all interventions together against the baseline.
/// </summary>
public static class ContributionsCsv
{
    public const string Header = "scenario,municipality,indicator,year,intervention,expected_change";

    public static string Format(IEnumerable<ContributionRow> rows)
    {
        var csv = new CsvTable(Header);
        foreach (var r in rows)
        {
            csv.Row(r.Scenario, r.Region, r.Indicator, r.Year.ToString(CultureInfo.InvariantCulture),
                r.Intervention, CsvText.Number(r.ExpectedChange, 2));
        }
        return csv.ToString();
    }
}
