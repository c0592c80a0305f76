using System.Globalization;
using System.Text;
using IvpSim.Model.Backtest;

namespace IvpSim.Reporting.Csv;

/// <summary>backtest.csv (one row per forecast) and backtest-summary.csv (scores per region, indicator and method).</summary>
public static class BacktestCsv
{
    public const string Header = "region,indicator,fit_until,year,method,observed,p05,p25,p50,p75,p95";
    public const string SummaryHeader = "region,indicator,method,forecasts,coverage_50,coverage_90,mape,crps";

    public static string Format(IEnumerable<BacktestRow> rows)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            CsvText.AppendLine(sb, r.Region, r.Indicator, r.FitUntil.ToString(CultureInfo.InvariantCulture), r.Year.ToString(CultureInfo.InvariantCulture),
                r.Method, CsvText.Number(r.Observed, 0), CsvText.Number(r.P05, 1), CsvText.Number(r.P25, 1), CsvText.Number(r.P50, 1),
                CsvText.Number(r.P75, 1), CsvText.Number(r.P95, 1));
        }
        return sb.ToString();
    }

    public static string Format(IEnumerable<BacktestScore> scores)
    {
        var sb = new StringBuilder(SummaryHeader).Append('\n');
        foreach (var s in scores)
        {
            CsvText.AppendLine(sb, s.Region, s.Indicator, s.Method, s.Forecasts.ToString(CultureInfo.InvariantCulture),
                CsvText.Number(s.Coverage50, 3), CsvText.Number(s.Coverage90, 3), CsvText.Optional(s.Mape, 1), CsvText.Number(s.Crps, 2));
        }
        return sb.ToString();
    }
}
