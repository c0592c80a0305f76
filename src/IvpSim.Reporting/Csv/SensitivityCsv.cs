using IvpSim.Model.Analysis;

namespace IvpSim.Reporting.Csv;

/// <summary>sensitivity.csv (per target and input: influence and tornado chances) and value-of-information.csv.</summary>
public static class SensitivityCsv
{
    public const string Header =
        "target,region,indicator,input,label,kind,evidence_strength,index,index_se,meet_index,meet_index_se,p_meet,p_meet_low,p_meet_high,value_low,value_high";

    public const string InformationHeader = "target,input,label,kind,evidence_strength,best_scenario,p_meet_best,evppi,evppi_se";

    public static string Format(IEnumerable<SensitivityRow> rows)
    {
        var csv = new CsvTable(Header);
        foreach (var r in rows)
        {
            csv.Row(r.Target, r.Region, r.Indicator, r.Input, r.LabelNl, r.KindNl, r.Evidence, Finite(r.Index), Finite(r.IndexSe),
                Finite(r.MeetIndex), Finite(r.MeetIndexSe), Finite(r.PMeet), Finite(r.PMeetLow), Finite(r.PMeetHigh), Finite(r.ValueLow), Finite(r.ValueHigh));
        }
        return csv.ToString();
    }

    public static string Format(IEnumerable<InformationRow> rows)
    {
        var csv = new CsvTable(InformationHeader);
        foreach (var r in rows)
            csv.Row(r.Target, r.Input, r.LabelNl, r.KindNl, r.Evidence, r.BestScenario, Finite(r.PBest), Finite(r.Value), Finite(r.ValueSe));
        return csv.ToString();
    }

    private static string Finite(double value) => CsvText.Optional(double.IsFinite(value) ? value : null, 4);
}
