using System.Globalization;
using IvpSim.Model.Domain;
using IvpSim.Model.Results;

namespace IvpSim.Reporting.Csv;

/// <summary>
/// targets.csv: per target the probability that it is met, its range over the model structures that carry real
/// weight (empty for the survey score, which they do not shape), its Monte Carlo standard error and its lowest and
/// highest value over the calibration searches' constants (empty with one set). The year is the
/// year whose value decides the target (2023 for the survey score, see SurveySchedule).
/// </summary>
public static class TargetsCsv
{
    public const string Header = "scenario,municipality,indicator,year,operator,target,baseline_2019,p_meet,p_meet_low,p_meet_high,p_meet_se," +
        "p_meet_constants_low,p_meet_constants_high";

    public static string Format(IEnumerable<TargetOutcome> outcomes)
    {
        var csv = new CsvTable(Header);
        foreach (var o in outcomes)
        {
            var decimals = Indicators.Get(o.Target.Indicator).Kind == IndicatorKind.Score ? 1 : 0;
            csv.Row(o.Scenario, o.Target.Region, o.Target.Indicator,
                o.Target.DecisiveYear.ToString(CultureInfo.InvariantCulture), o.Target.OperatorSymbol,
                CsvText.Number(o.Target.Value, decimals), CsvText.Optional(o.Baseline2019, decimals),
                CsvText.Number(o.PMeet, 4), CsvText.Optional(o.PMeetLow, 4), CsvText.Optional(o.PMeetHigh, 4), CsvText.Number(o.PMeetSe, 4),
                CsvText.Optional(o.PMeetConstantsLow, 4), CsvText.Optional(o.PMeetConstantsHigh, 4));
        }
        return csv.ToString();
    }
}
