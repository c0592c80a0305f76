using System.Globalization;
using IvpSim.Model.Results;

namespace IvpSim.Reporting.Csv;

/// <summary>target-curve.csv: per crime target the chance that the decisive value is at most each level from −30% to +10% of 2019.</summary>
public static class TargetCurveCsv
{
    public const string Header = "scenario,municipality,indicator,year,change_vs_2019,value,p_at_most,p_at_most_se,is_target";

    public static string Format(IEnumerable<TargetCurvePoint> points)
    {
        var csv = new CsvTable(Header);
        foreach (var p in points)
        {
            csv.Row(p.Scenario, p.Region, p.Indicator, p.Year.ToString(CultureInfo.InvariantCulture), CsvText.Number(p.ChangeVs2019, 4),
                CsvText.Number(p.Value, 0), CsvText.Number(p.PAtMost, 4), CsvText.Number(p.PAtMostSe, 4), p.IsTarget ? "1" : "0");
        }
        return csv.ToString();
    }
}
