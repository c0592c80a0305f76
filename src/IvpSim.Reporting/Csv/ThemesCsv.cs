using System.Globalization;
using IvpSim.Model.Results;

namespace IvpSim.Reporting.Csv;

/// <summary>themes.csv: per theme, municipality and indicator, the projected mean and the change its interventions bring.</summary>
public static class ThemesCsv
{
    public const string Header = "scenario,theme,municipality,indicator,year,projected_mean,change_from_theme_interventions,interventions_used";

    public static string Format(IEnumerable<ThemeSummaryRow> rows)
    {
        var csv = new CsvTable(Header);
        foreach (var r in rows)
        {
            csv.Row(r.Scenario, r.Theme, r.Region, r.Indicator, r.Year.ToString(CultureInfo.InvariantCulture),
                CsvText.Number(r.ProjectedMean, 2), CsvText.Number(r.ChangeFromThemeInterventions, 2),
                r.InterventionsUsed.ToString(CultureInfo.InvariantCulture));
        }
        return csv.ToString();
    }
}
