using System.Globalization;
using IvpSim.Model.Results;

namespace IvpSim.Reporting.Csv;

/// <summary>
/// structural.csv: per target and model structure, the structure's weight, the trajectories that followed it and
/// the chance of meeting the target among them (with its Monte Carlo standard error); empty where none did.
/// </summary>
public static class StructuralCsv
{
    public const string Header = "scenario,municipality,indicator,year,structure,weight,trajectories,p_meet,p_meet_se";

    public static string Format(IEnumerable<TargetOutcome> outcomes)
    {
        var csv = new CsvTable(Header);
        foreach (var o in outcomes)
        {
            foreach (var s in o.Structures)
            {
                csv.Row(o.Scenario, o.Target.Region, o.Target.Indicator,
                    o.Target.DecisiveYear.ToString(CultureInfo.InvariantCulture), s.Structure, CsvText.Number(s.Weight, 4),
                    s.Trajectories.ToString(CultureInfo.InvariantCulture), CsvText.Optional(s.PMeet, 4), CsvText.Optional(s.PMeetSe, 4));
            }
        }
        return csv.ToString();
    }
}
