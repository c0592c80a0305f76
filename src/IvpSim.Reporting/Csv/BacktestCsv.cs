using System.Globalization;
using IvpSim.Model.Backtest;
using IvpSim.Model.Forecasting;

namespace IvpSim.Reporting.Csv;

/// <summary>
/// backtest.csv (one row per forecast and method), backtest-summary.csv (scores per data set, series, horizon and method),
/// backtest-by-origin.csv and backtest-after-shock.csv (the forecasts made right after a shock year).
/// </summary>
public static class BacktestCsv
{
    public const string Header = "data_set,region,indicator,fit_until,year,horizon,method,observed,p05,p25,p50,p75,p95,crps,wis,pit,scale,after_shock";
    public const string SummaryHeader = "data_set,region,indicator,method,horizon,forecasts,coverage_50,coverage_90,mape,crps,scaled_crps,scaled_wis,relative_wis,skill_vs_naive_last,median_p95_p5";
    public const string ByOriginHeader = "data_set,fit_until,year,horizon,method,forecasts,coverage_50,coverage_90,scaled_crps,relative_wis,median_p95_p5";
    public const string SharedOutcomeHeader = "data_set,fit_until,year,horizon,forecasts,coverage_50,coverage_50_expected_p05,coverage_50_expected_p95," +
        "coverage_50_similar_p05,coverage_50_similar_p50,coverage_50_similar_p95,coverage_90,coverage_90_expected_p05,coverage_90_expected_p95," +
        "coverage_90_similar_p05,coverage_90_similar_p50,coverage_90_similar_p95,shared_pit," +
        "relative_coverage_50,relative_coverage_50_expected_p05,relative_coverage_50_expected_p95," +
        "relative_coverage_90,relative_coverage_90_expected_p05,relative_coverage_90_expected_p95";
    public const string AfterShockHeader = "data_set,method,forecasts,coverage_50,coverage_90,scaled_crps,relative_wis,skill_vs_naive_last,median_p95_p5";

    public static string Format(IEnumerable<BacktestRow> rows)
    {
        var csv = new CsvTable(Header);
        foreach (var r in rows)
        {
            csv.Row(r.DataSet, r.Region, r.Indicator, Int(r.FitUntil), Int(r.Year), Int(r.Horizon), r.Method,
                CsvText.Number(r.Observed, 0), CsvText.Number(r.P05, 1), CsvText.Number(r.P25, 1), CsvText.Number(r.P50, 1),
                CsvText.Number(r.P75, 1), CsvText.Number(r.P95, 1), CsvText.Number(r.Crps, 3), CsvText.Number(r.Wis, 3),
                CsvText.Number(r.Pit, 4), CsvText.Optional(double.IsFinite(r.Scale) ? r.Scale : null, 2), r.AfterShock ? "1" : "0");
        }
        return csv.ToString();
    }

    public static string Format(IEnumerable<BacktestScore> scores)
    {
        var csv = new CsvTable(SummaryHeader);
        foreach (var s in scores)
        {
            csv.Row(s.DataSet, s.Region, s.Indicator, s.Method, Int(s.Horizon), Int(s.Forecasts),
                CsvText.Number(s.Coverage50, 3), CsvText.Number(s.Coverage90, 3), CsvText.Optional(s.Mape, 1), CsvText.Number(s.Crps, 2),
                Finite(s.ScaledCrps, 4), Finite(s.ScaledWis, 4), CsvText.Optional(s.RelativeWis, 3), CsvText.Optional(s.Skill, 3),
                CsvText.Optional(s.MedianBandRatio, 3));
        }
        return csv.ToString();
    }

    /// <summary>backtest-by-origin.csv: per data set, origin and target year.</summary>
    public static string FormatByOrigin(IEnumerable<BacktestScore> scores)
    {
        var csv = new CsvTable(ByOriginHeader);
        foreach (var s in scores)
        {
            csv.Row(s.DataSet, Int(s.FitUntil), Int(s.Year), Int(s.Horizon), s.Method, Int(s.Forecasts), CsvText.Number(s.Coverage50, 3),
                CsvText.Number(s.Coverage90, 3), Finite(s.ScaledCrps, 4), CsvText.Optional(s.RelativeWis, 3), CsvText.Optional(s.MedianBandRatio, 3));
        }
        return csv.ToString();
    }

    /// <summary>
    /// backtest-learned.csv: per origin of a forward backtest, the constants (their median over the searches, then each
    /// search's) and the weights of a national path's structures learned from the outcomes up to it.
    /// </summary>
    public static string FormatLearned(IEnumerable<LearnedAtOrigin> learned)
    {
        var csv = new CsvTable("fit_until,search,level_drift_sd,slope_prior_sd,slope_drift_sd,noise_scale,noise_prior_df," +
            "jump_probability,jump_sd,jump_repeat," + string.Join(",", Structures.All.Select(s => $"weight_{s.Id}")));
        string[] Constants(ForecastConstants c) => [.. new[] { c.LevelDriftSd, c.SlopePriorSd, c.SlopeDriftSd, c.NoiseScale, c.NoisePriorDf,
            c.JumpProbability, c.JumpSd, c.JumpRepeat }.Select(v => CsvText.Number(v, 4))];
        foreach (var l in learned)
        {
            var s = l.Settings;
            csv.Row([Int(l.Origin), "median", .. Constants(ForecastConstants.Of(s)), .. s.AnchorWeights.Select(w => CsvText.Number(w, 4))]);
            // Each search's own constants, which a run's trajectories take in turn; the weights are shared (the median row's).
            for (var k = 0; k < s.Searched.Length; k++)
                csv.Row([Int(l.Origin), Int(k + 1), .. Constants(s.Searched[k]), .. Structures.All.Select(_ => "")]);
        }
        return csv.ToString();
    }

    /// <summary>backtest-after-shock.csv: per data set and method, the forecasts made right after a shock year.</summary>
    public static string FormatAfterShock(IEnumerable<BacktestScore> scores)
    {
        var csv = new CsvTable(AfterShockHeader);
        foreach (var s in scores)
        {
            csv.Row(s.DataSet, s.Method, Int(s.Forecasts), CsvText.Number(s.Coverage50, 3), CsvText.Number(s.Coverage90, 3),
                Finite(s.ScaledCrps, 4), CsvText.Optional(s.RelativeWis, 3), CsvText.Optional(s.Skill, 3), CsvText.Optional(s.MedianBandRatio, 3));
        }
        return csv.ToString();
    }

    /// <summary>
    /// backtest-shared-outcome.csv: per data set, origin and year, the coverage measured and the 5-95% range the model
    /// expects over all its trajectories and over those whose shared outcome fell where the real one did; then the same
    /// for each forecast's own movement beside the shared one (<see cref="RelativeCoverage"/>), empty where not measured.
    /// </summary>
    public static string FormatSharedOutcomes(IEnumerable<SharedOutcomeCheck> checks)
    {
        var csv = new CsvTable(SharedOutcomeHeader);
        foreach (var c in checks)
        {
            csv.Row(c.DataSet, Int(c.FitUntil), Int(c.Year), Int(c.Horizon), Int(c.Forecasts),
                Share(c.Coverage50), Share(c.Expected50.P05), Share(c.Expected50.P95), Share(c.Similar50.P05), Share(c.Similar50.P50), Share(c.Similar50.P95),
                Share(c.Coverage90), Share(c.Expected90.P05), Share(c.Expected90.P95), Share(c.Similar90.P05), Share(c.Similar90.P50), Share(c.Similar90.P95),
                Share(c.SharedPit), Optional(c.Relative?.Coverage50), Optional(c.Relative?.Expected50.P05), Optional(c.Relative?.Expected50.P95),
                Optional(c.Relative?.Coverage90), Optional(c.Relative?.Expected90.P05), Optional(c.Relative?.Expected90.P95));
        }
        return csv.ToString();
    }

    private static string Share(double value) => CsvText.Number(value, 3);

    private static string Optional(double? value) => CsvText.Optional(value, 3);

    private static string Finite(double value, int decimals) => CsvText.Optional(double.IsFinite(value) ? value : null, decimals);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
