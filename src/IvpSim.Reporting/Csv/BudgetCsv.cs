using System.Globalization;
using IvpSim.Model.Results;

namespace IvpSim.Reporting.Csv;

/// <summary>budget.csv, value-for-money.csv and target-gains.csv: the money side of a run, in euros.</summary>
public static class BudgetCsv
{
    public const string Header = "scenario,municipality,theme,intervention,year,mean,p50,p80,p95";
    public const string ValueHeader = "scenario,intervention,crimes_avoided_mean,crimes_avoided_p05,crimes_avoided_p95,cost_mean,cost_per_avoided_crime,cost_per_avoided_crime_low,cost_per_avoided_crime_high";
    public const string GainHeader = "scenario,municipality,indicator,year,intervention,p_meet_gain,cost_mean,cost_per_percentage_point,rank";

    public static string Format(IEnumerable<BudgetRow> rows)
    {
        var csv = new CsvTable(Header);
        foreach (var r in rows)
        {
            csv.Row(r.Scenario, r.Region, r.Theme, r.Intervention, r.Year.ToString(CultureInfo.InvariantCulture),
                CsvText.Number(r.Mean, 0), CsvText.Number(r.P50, 0), CsvText.Number(r.P80, 0), CsvText.Number(r.P95, 0));
        }
        return csv.ToString();
    }

    public static string Format(IEnumerable<ValueForMoneyRow> rows)
    {
        var csv = new CsvTable(ValueHeader);
        foreach (var r in rows)
        {
            csv.Row(r.Scenario, r.Intervention, CsvText.Number(r.AvoidedMean, 2), CsvText.Number(r.AvoidedP05, 0),
                CsvText.Number(r.AvoidedP95, 0), CsvText.Number(r.CostMean, 0), CsvText.Optional(r.CostPerAvoided, 0),
                CsvText.Optional(r.CostPerAvoidedLow, 0), CsvText.Optional(r.CostPerAvoidedHigh, 0));
        }
        return csv.ToString();
    }

    public static string Format(IEnumerable<TargetGainRow> rows)
    {
        var csv = new CsvTable(GainHeader);
        foreach (var r in rows)
        {
            csv.Row(r.Scenario, r.Region, r.Indicator, r.Year.ToString(CultureInfo.InvariantCulture), r.Intervention,
                CsvText.Number(r.PMeetGain, 4), CsvText.Number(r.CostMean, 0), CsvText.Optional(r.CostPerPoint, 0),
                r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "");
        }
        return csv.ToString();
    }
}
