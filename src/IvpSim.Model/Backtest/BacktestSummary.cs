using System.Collections.Immutable;

namespace IvpSim.Model.Backtest;

/// <summary>
/// Summarises backtest rows per method: over everything and per data set, for all horizons (0) and per horizon;
/// and per series over all horizons. Skill and relative WIS compare with naive_last on the forecasts both made.
/// </summary>
public static class BacktestSummary
{
    public const string All = "*";

    public static ImmutableArray<BacktestScore> Summarize(IReadOnlyList<BacktestRow> rows)
    {
        var scores = new List<BacktestScore>();
        var horizons = rows.Select(r => r.Horizon).Distinct().Order().Prepend(0).ToArray();
        var dataSets = rows.Select(r => r.DataSet).Distinct().Order(StringComparer.Ordinal).Prepend(All).ToArray();
        foreach (var dataSet in dataSets)
        {
            var inSet = dataSet == All ? rows : [.. rows.Where(r => r.DataSet == dataSet)];
            foreach (var h in horizons)
            {
                var selected = h == 0 ? inSet : [.. inSet.Where(r => r.Horizon == h)];
                scores.AddRange(ByMethod(dataSet, All, All, h, selected));
            }
        }
        foreach (var series in rows.GroupBy(r => (r.DataSet, r.Region, r.Indicator)))
            scores.AddRange(ByMethod(series.Key.DataSet, series.Key.Region, series.Key.Indicator, 0, [.. series]));
        return [.. scores];
    }

    /// <summary>Per data set, origin and target year: how the forecasts from one origin fared in one year.</summary>
    public static ImmutableArray<BacktestScore> ByOrigin(IReadOnlyList<BacktestRow> rows) =>
        [.. rows.GroupBy(r => (r.DataSet, r.FitUntil, r.Year))
            .OrderBy(g => g.Key.DataSet, StringComparer.Ordinal).ThenBy(g => g.Key.FitUntil).ThenBy(g => g.Key.Year)
            .SelectMany(g => ByMethod(g.Key.DataSet, All, All, g.Key.Year - g.Key.FitUntil, [.. g])
                .Select(s => s with { FitUntil = g.Key.FitUntil, Year = g.Key.Year }))];

    /// <summary>
    /// Per data set (and <c>*</c>), over all horizons: the forecasts made right after a shock year (<see cref="ShockYear"/>),
    /// where a model that carries a sudden move forward as a trend does worse than "same as last year".
    /// </summary>
    public static ImmutableArray<BacktestScore> AfterShock(IReadOnlyList<BacktestRow> rows)
    {
        var shocked = rows.Where(r => r.AfterShock).ToArray();
        return [.. shocked.Select(r => r.DataSet).Distinct().Order(StringComparer.Ordinal).Prepend(All)
            .SelectMany(d => ByMethod(d, All, All, 0, d == All ? shocked : [.. shocked.Where(r => r.DataSet == d)]))];
    }

    private static IEnumerable<BacktestScore> ByMethod(string dataSet, string region, string indicator, int horizon,
        IReadOnlyList<BacktestRow> rows)
    {
        var naive = rows.Where(r => r.Method == Backtester.NaiveLast)
            .ToDictionary(r => (r.DataSet, r.Region, r.Indicator, r.FitUntil, r.Year));
        foreach (var method in rows.Select(r => r.Method).Distinct().OrderBy(Order).ThenBy(m => m, StringComparer.Ordinal))
        {
            var mine = rows.Where(r => r.Method == method).ToArray();
            if (mine.Length == 0) continue;
            var paired = mine.Where(r => double.IsFinite(r.Scale) && naive.ContainsKey((r.DataSet, r.Region, r.Indicator, r.FitUntil, r.Year))).ToArray();
            double? skill = null, relativeWis = null;
            if (paired.Length > 0)
            {
                var baseline = paired.Select(r => naive[(r.DataSet, r.Region, r.Indicator, r.FitUntil, r.Year)]).ToArray();
                skill = 1 - paired.Average(r => r.Crps / r.Scale) / baseline.Average(r => r.Crps / r.Scale);
                relativeWis = paired.Average(r => r.Wis / r.Scale) / baseline.Average(r => r.Wis / r.Scale);
            }
            var positive = mine.Where(r => r.Observed > 0).ToArray();
            // Scaled scores need the series' own history; a total without it counts in coverage and CRPS only.
            var scaled = mine.Where(r => double.IsFinite(r.Scale)).ToArray();
            yield return new BacktestScore(dataSet, region, indicator, method, horizon, mine.Length,
                mine.Count(r => r.In50) / (double)mine.Length, mine.Count(r => r.In90) / (double)mine.Length,
                positive.Length == 0 ? null : positive.Average(r => Math.Abs(r.P50 - r.Observed) / r.Observed) * 100,
                mine.Average(r => r.Crps), scaled.Length == 0 ? double.NaN : scaled.Average(r => r.Crps / r.Scale),
                scaled.Length == 0 ? double.NaN : scaled.Average(r => r.Wis / r.Scale), relativeWis, skill, MedianBandRatio(mine));
        }
    }

    private static double? MedianBandRatio(IReadOnlyList<BacktestRow> rows)
    {
        var ratios = rows.Where(r => r.P05 > 0).Select(r => r.P95 / r.P05).Order().ToArray();
        if (ratios.Length == 0) return null;
        return ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[ratios.Length / 2 - 1] + ratios[ratios.Length / 2]) / 2;
    }

    /// <summary>ivpsim first, then the naive methods, then the single structures.</summary>
    private static int Order(string method) => method switch
    {
        Backtester.Ivpsim => 0,
        Backtester.NaiveLast => 1,
        Backtester.NaiveTrend => 2,
        _ => 3,
    };
}
