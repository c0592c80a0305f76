using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Random;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Backtest;

/// <summary>
/// Fits on the years up to a cut and forecasts the next years for every region and count indicator the data
/// holds, with IvpSim's baseline model (pooled calibration over all those series, then each series' own
/// Monte Carlo projection) and the two naive forecasts; compares each with what was observed.
/// Series with fewer than <see cref="MinimumFitPoints"/> years before the cut are left out.
/// </summary>
public static class Backtester
{
    public const int MinimumFitPoints = 3;

    public static ImmutableArray<BacktestRow> Run(ObservationSet data, int fitUntil, int minHorizon, int maxHorizon,
        ModelSettings settings, ulong seed, int draws)
    {
        var series = data.Items
            .Where(o => Indicators.IsKnown(o.Indicator) && Indicators.Get(o.Indicator).Kind == IndicatorKind.Count)
            .Select(o => (o.Region, o.Indicator)).Distinct()
            .OrderBy(k => k.Region, StringComparer.Ordinal).ThenBy(k => Indicators.All.Select(i => i.Id).ToList().IndexOf(k.Indicator))
            .Select(k => (k.Region, k.Indicator, All: data.Series(k.Region, k.Indicator)))
            .Select(s => (s.Region, s.Indicator, Fit: s.All.Where(p => p.Year <= fitUntil).ToArray(),
                Check: s.All.Where(p => p.Year - fitUntil >= minHorizon && p.Year - fitUntil <= maxHorizon).ToArray()))
            .Where(s => s.Fit.Length >= MinimumFitPoints && s.Check.Length > 0)
            .ToArray();
        if (series.Length == 0)
            throw new ModelInputException($"geen reeks heeft minstens {MinimumFitPoints} jaren tot en met {fitUntil} én een waarneming daarna");

        var calibration = series.Select(s => new CalibrationSeries(s.Region, s.Indicator, [.. s.Fit.Select(p => p.Year)],
            [.. s.Fit.Select(p => p.Value)], [.. s.Fit.Select(_ => false)])).ToArray();
        var hyper = Pooling.Estimate(calibration, settings);
        var models = calibration.Select(c => SeriesCalibrator.Fit(c, hyper, settings)).ToArray();
        var histograms = Project(models, hyper, settings, seed, draws, fitUntil + 1, fitUntil + maxHorizon);

        var rows = new List<BacktestRow>();
        for (var s = 0; s < series.Length; s++)
        {
            foreach (var (year, observed) in series[s].Check)
            {
                var h = histograms[s][year - fitUntil - 1];
                rows.Add(Row(series[s].Region, series[s].Indicator, fitUntil, year, "ivpsim", observed, tau => h.Quantile(tau)));
                rows.Add(Row(series[s].Region, series[s].Indicator, fitUntil, year, "naive_last", observed, NaiveForecasts.Last(series[s].Fit, year)));
                rows.Add(Row(series[s].Region, series[s].Indicator, fitUntil, year, "naive_trend", observed, NaiveForecasts.Trend(series[s].Fit, year)));
            }
        }
        return [.. rows];
    }

    private static BacktestRow Row(string region, string indicator, int fitUntil, int year, string method, double observed, Func<double, double> q) =>
        new(region, indicator, fitUntil, year, method, observed, q(0.05), q(0.25), q(0.5), q(0.75), q(0.95), QuantileForecast.Crps(q, observed));

    /// <summary>Monte Carlo projections of every series, with a common shock per trajectory and year as in a run.</summary>
    private static CountHistogram[][] Project(CountSeriesModel[] models, PooledHyperparameters hyper, ModelSettings settings,
        ulong seed, int draws, int startYear, int endYear)
    {
        var years = endYear - startYear + 1;
        var builders = models.Select(_ => new HistogramBuilder(years)).ToArray();
        var purposes = models.Select(m => RandomStreams.Purpose($"count/{m.Municipality}/{m.Indicator}")).ToArray();
        var commonPurpose = RandomStreams.Purpose("common-shock");
        var common = new double[years];
        var values = new int[years];
        for (var t = 0; t < draws; t++)
        {
            var rng = RandomStreams.For(seed, t, commonPurpose);
            for (var y = 0; y < years; y++) common[y] = rng.NextStandardNormal();
            for (var s = 0; s < models.Length; s++)
            {
                CountProjection.Simulate(models[s], hyper.CommonVariance, settings, seed, t, purposes[s], startYear, endYear, common, [], values);
                builders[s].Add(values);
            }
        }
        return [.. builders.Select(b => Enumerable.Range(0, years).Select(b.Histogram).ToArray())];
    }

    /// <summary>Scores per region, indicator and method, then per method over everything (region and indicator <c>*</c>).</summary>
    public static ImmutableArray<BacktestScore> Summarize(IReadOnlyList<BacktestRow> rows) =>
        [.. rows.GroupBy(r => (r.Region, r.Indicator, r.Method)).Select(g => Score(g.Key.Region, g.Key.Indicator, g.Key.Method, [.. g])),
         .. rows.GroupBy(r => r.Method).Select(g => Score("*", "*", g.Key, [.. g]))];

    public static BacktestScore Score(string region, string indicator, string method, IReadOnlyList<BacktestRow> rows)
    {
        var positive = rows.Where(r => r.Observed > 0).ToArray();
        return new(region, indicator, method, rows.Count,
            rows.Count(r => r.In50) / (double)rows.Count, rows.Count(r => r.In90) / (double)rows.Count,
            positive.Length == 0 ? null : positive.Average(r => Math.Abs(r.P50 - r.Observed) / r.Observed) * 100,
            rows.Average(r => r.Crps));
    }
}
