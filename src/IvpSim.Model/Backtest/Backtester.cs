using System.Collections.Immutable;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Random;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Backtest;

/// <summary>What a backtest forecasts: the plan's data (and any other series in the same file), the reference corpus and the national series.</summary>
public sealed record BacktestInputs(ObservationSet Observations, Population Population, ReferenceCorpus Corpus,
    ImmutableArray<CalibrationSeries> National, ModelSettings Settings);

/// <summary>
/// Rolling origins (empty: every origin the data allow), horizons, Monte Carlo draws per forecast, seed, whether to
/// score each structure alone, and whether the forecast constants are learned anew at every origin from the outcomes
/// before it (<paramref name="Forward"/>, the default; otherwise the shipped calibration, which has seen the outcomes),
/// with <paramref name="SearchDraws"/> draws per forecast and the median of <paramref name="Searches"/> searches, as
/// <c>calibrate</c> does.
/// </summary>
public sealed record BacktestOptions(ImmutableArray<int> Origins, int MinHorizon, int MaxHorizon, int Draws, ulong Seed, bool PerStructure = true,
    bool Forward = true, int SearchDraws = 300, int Searches = CalibrationOptions.DefaultSearches);

/// <summary>
/// Rolling-origin backtests through the run's own projection path. For every origin the model is fitted on the
/// data as they stood then and projects the following years, then each forecast is compared with what was
/// observed, next to two naive forecasts. The plan's municipalities go through the whole run (components projected,
/// totals and Veluwe-West derived as in a run); every other series (the reference corpus, other regions or
/// indicators in the data) through the same forecast kernel on its own.
/// </summary>
public static class Backtester
{
    public const string Ivpsim = "ivpsim";
    public const string NaiveLast = "naive_last";
    public const string NaiveTrend = "naive_trend";
    public const string PlanDataSet = "plan";
    public const string ReferenceDataSet = "landelijk";
    public const string OtherDataSet = "overig";

    public static string StructureMethod(Structure structure) => $"structuur:{structure.Id}";

    public static ImmutableArray<BacktestRow> Run(BacktestInputs inputs, BacktestOptions options, Action<string>? progress = null) =>
        Evaluate(inputs, options, progress).Rows;

    /// <summary>The backtest's rows, and for every group of forecasts that share an outcome what the model expects their coverage to be.</summary>
    public static BacktestEvaluation Evaluate(BacktestInputs inputs, BacktestOptions options, Action<string>? progress = null)
    {
        var settings = new ForwardSettings(inputs, options, progress);
        var rows = new List<BacktestRow>();
        rows.AddRange(PlanForecasts(inputs, options, settings, progress));
        var (seriesRows, shared, smallCounts) = SeriesForecasts(inputs, options, settings, progress);
        rows.AddRange(seriesRows);
        if (rows.Count == 0)
        {
            var allowed = AllowedOrigins(inputs, options);
            var horizon = options.MinHorizon == options.MaxHorizon ? $"{options.MinHorizon}" : $"{options.MinHorizon}-{options.MaxHorizon}";
            throw new ModelInputException(options.Origins.IsEmpty || allowed.Length == 0
                ? $"geen reeks heeft genoeg jaren vóór een beginjaar én een waarneming {horizon} jaar erna"
                : $"--fit-until {string.Join(",", options.Origins)}: geen reeks heeft genoeg jaren tot dat jaar én een waarneming {horizon} jaar erna; " +
                  $"de gegevens laten als beginjaar toe: {Ranges(allowed)}");
        }
        return new([.. rows], [.. shared]) { SmallCounts = smallCounts, Learned = [.. settings.Learned] };
    }

    /// <summary>Every origin from which some series can be forecast at these horizons.</summary>
    public static int[] AllowedOrigins(BacktestInputs inputs, BacktestOptions options)
    {
        var series = EvaluationSet(inputs);
        var plan = new HashSet<string>(Regions.All.Select(r => r.Id));
        var years = series.SelectMany(s => s.Series.Years).Concat(inputs.Observations.Items.Select(o => o.Year)).Distinct().Order();
        return [.. years.Where(origin =>
            OutOfSample.Plan(series, [origin], options.MinHorizon, options.MaxHorizon).Count > 0 ||
            inputs.Observations.Items.Any(o => plan.Contains(o.Region) && o.Year - origin >= options.MinHorizon && o.Year - origin <= options.MaxHorizon &&
                inputs.Observations.Items.Count(p => p.Region == o.Region && p.Indicator == o.Indicator && p.Year <= origin) >= OutOfSample.MinimumFitPoints))];
    }

    /// <summary>Years as ranges: 2014-2018, 2021.</summary>
    private static string Ranges(int[] years)
    {
        var parts = new List<string>();
        for (var i = 0; i < years.Length;)
        {
            var j = i;
            while (j + 1 < years.Length && years[j + 1] == years[j] + 1) j++;
            parts.Add(i == j ? $"{years[i]}" : $"{years[i]}-{years[j]}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    /// <summary>The origins to use: those given, or every year from which some series can be forecast.</summary>
    public static IReadOnlyList<int> Origins(IEnumerable<int> years, BacktestOptions options)
    {
        if (!options.Origins.IsEmpty) return options.Origins;
        var all = years.Distinct().Order().ToArray();
        return all.Length < OutOfSample.MinimumFitPoints + 1 ? [] : [.. all[(OutOfSample.MinimumFitPoints - 1)..^1]];
    }

    /// <summary>The plan's municipalities: per origin a full run without interventions, each observed slot scored.</summary>
    private static IEnumerable<BacktestRow> PlanForecasts(BacktestInputs inputs, BacktestOptions options, ForwardSettings forward,
        Action<string>? progress)
    {
        var plan = new HashSet<string>(Regions.All.Select(r => r.Id));
        var counts = inputs.Observations.Items.Where(o => plan.Contains(o.Region) && IsCount(o.Indicator)).ToArray();
        if (counts.Length == 0) yield break;
        foreach (var origin in Origins(counts.Select(o => o.Year), options))
        {
            var truncated = new ObservationSet([.. inputs.Observations.Items.Where(o =>
                plan.Contains(o.Region) && (!IsCount(o.Indicator) || o.Year <= origin))]);
            var targets = counts.Where(o => o.Year - origin >= options.MinHorizon && o.Year - origin <= options.MaxHorizon).ToArray();
            if (targets.Length == 0) continue;
            if (forward.At(origin) is not { } learned) continue;
            progress?.Invoke($"gemeenten van het plan voorspellen vanaf {origin}");
            var settings = inputs.Settings with { Forecast = learned, EndYear = origin + options.MaxHorizon };
            CalibratedBaseline baseline;
            try
            {
                baseline = BaselineCalibrator.Calibrate(truncated, settings, [.. inputs.National.Select(n => n.Until(origin))]);
            }
            catch (ModelInputException)
            {
                continue; // some series has no data yet at this origin: a run could not have been made then
            }
            foreach (var (method, forced) in Methods(options, local: true))
            {
                var forecast = forced < 0 ? settings.Forecast : settings.Forecast.Only(forced);
                var simulation = SimulationPlan.Create("backtest", options.Seed, settings with { Forecast = forecast }, baseline, inputs.Population);
                var result = MonteCarlo.RunBatch(simulation, 0, options.Draws);
                foreach (var o in targets)
                {
                    var histogram = result.Find(o.Region, o.Indicator, o.Year);
                    if (histogram is null) continue;
                    var history = History(inputs.Observations, o.Region, o.Indicator, origin);
                    yield return Row(PlanDataSet, o.Region, o.Indicator, origin, o.Year, method, o.Value, Expand(histogram), history, options.Seed);
                }
            }
            foreach (var o in targets) foreach (var row in Naive(PlanDataSet, o.Region, o.Indicator, origin, o.Year, o.Value,
                History(inputs.Observations, o.Region, o.Indicator, origin), options)) yield return row;
        }
    }

    /// <summary>
    /// Every series outside the plan's own: the reference corpus (national series) and other regions or indicators in
    /// the data (municipal series: national path × local factor when a national series of their kind exists).
    /// </summary>
    public static List<EvaluationSeries> EvaluationSet(BacktestInputs inputs)
    {
        var plan = new HashSet<string>(Regions.All.Select(r => r.Id));
        var series = EvaluationSeries.Corpus(inputs.Corpus, ReferenceDataSet).ToList();
        foreach (var group in inputs.Observations.Items.Where(o => !plan.Contains(o.Region) && IsCount(o.Indicator))
                     .GroupBy(o => (o.Region, o.Indicator)).OrderBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Indicator, StringComparer.Ordinal))
        {
            var points = group.OrderBy(o => o.Year).ToArray();
            var s = new CalibrationSeries(group.Key.Region, group.Key.Indicator, [.. points.Select(p => p.Year)], [.. points.Select(p => p.Value)],
                [.. points.Select(_ => false)]);
            var national = inputs.National.FirstOrDefault(n => n.Indicator == s.Indicator);
            series.Add(new(OtherDataSet, s, national, Local: national is not null));
        }
        return series;
    }

    private static (List<BacktestRow> Rows, List<SharedOutcomeCheck> Shared, ImmutableArray<string> SmallCounts) SeriesForecasts(
        BacktestInputs inputs, BacktestOptions options, ForwardSettings forward, Action<string>? progress)
    {
        var rows = new List<BacktestRow>();
        var shared = new List<SharedOutcomeCheck>();
        var series = EvaluationSet(inputs);
        if (series.Count == 0) return (rows, shared, []);
        var origins = options.Origins.IsEmpty
            ? Origins(series.SelectMany(s => s.Series.Years), options)
            : options.Origins;
        var forecasts = OutOfSample.Plan(series, origins, options.MinHorizon, options.MaxHorizon);
        var folds = LocalFolds(series, options);
        LocalEstimate[] foldEstimates = folds.Any(f => f >= 0) ? [FoldEstimate(series, folds, 0), FoldEstimate(series, folds, 1)] : [];
        foreach (var (method, forced) in Methods(options, local: false))
        {
            progress?.Invoke($"reeksen voorspellen en scoren: {method}");
            foreach (var group in forecasts.GroupBy(f => (f.Origin, Fold: folds[f.Series])))
            {
                if (forward.At(group.Key.Origin) is not { } settings) continue;
                if (group.Key.Fold >= 0) settings = LocalCalibrator.Apply(settings, foldEstimates[1 - group.Key.Fold]);
                if (forced >= 0 && series[group.First().Series].Local && Structures.All[forced].Kind == StructureKind.Anchored) continue;
                OutOfSample.Project(series, [.. group], settings, [forced], options.Draws, options.Seed);
            }
            var scored = new List<(OutOfSampleForecast Forecast, BacktestRow Row)>();
            foreach (var f in forecasts)
            {
                var s = series[f.Series];
                if (f.Samples[forced < 0 ? Structures.All.Length : forced] is null) continue;
                scored.Add((f, Row(s.DataSet, s.Series.Region, s.Series.Indicator, f.Origin, f.Year, method, f.Observed,
                    f.Sorted(forced), f.Scale, ShockYear.EndsIn(s.Series.Until(f.Origin)), options.Seed)));
            }
            rows.AddRange(scored.Select(x => x.Row));
            if (forced < 0) shared.AddRange(SharedOutcomes(scored, series, folds, options.Seed));
        }
        foreach (var f in forecasts)
        {
            if (forward.At(f.Origin) is null) continue;
            var s = series[f.Series];
            rows.AddRange(Naive(s.DataSet, s.Series.Region, s.Series.Indicator, f.Origin, f.Year, f.Observed,
                Pairs(s.Series.Until(f.Origin)), options));
        }
        return (rows, shared, [.. foldEstimates.SelectMany(e => e.SmallCounts).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Per data set, origin and year: the forecasts projected together, so that trajectory j of one shares its common
    /// draws (national path, common shocks) with trajectory j of every other.
    /// </summary>
    private static IEnumerable<SharedOutcomeCheck> SharedOutcomes(List<(OutOfSampleForecast Forecast, BacktestRow Row)> scored,
        List<EvaluationSeries> series, int[] folds, ulong seed)
    {
        foreach (var g in scored.GroupBy(x => (x.Row.DataSet, x.Forecast.Origin, x.Forecast.Year))
                     .OrderBy(g => g.Key.DataSet, StringComparer.Ordinal).ThenBy(g => g.Key.Origin).ThenBy(g => g.Key.Year))
        {
            var check = SharedOutcome.Check(g.Key.DataSet, g.Key.Origin, g.Key.Year, [.. g.Select(x => x.Forecast.Samples[^1]!)],
                [.. g.Select(x => x.Forecast.Sorted(-1))], [.. g.Select(x => x.Row.Pit)], seed);
            if (check is null) continue;
            // Log changes since the origin's observed value, as the local constants measure a municipality's movement.
            var start = g.Select(x => series[x.Forecast.Series].Series.Until(x.Forecast.Origin).Values[^1]).ToArray();
            var relative = SharedOutcome.Relative(g.Key.DataSet, g.Key.Origin, g.Key.Year,
                [.. g.Select((x, i) => x.Forecast.Samples[^1]!.Select(d => CalibrationSeries.LogChange(start[i], d)).ToArray())],
                [.. g.Select((x, i) => CalibrationSeries.LogChange(start[i], x.Forecast.Observed))], [.. g.Select(x => folds[x.Forecast.Series])], seed);
            yield return check with { Relative = relative };
        }
    }

    /// <summary>
    /// Municipal series that form a cross-section (the same two years each) are split in two halves; each half is
    /// forecast with the local constants learned from the other, so that no municipality's own outcome shapes its
    /// forecast. −1: not in a cross-section (the calibrated local constants apply), also when a half would have too few
    /// municipalities with counts large enough to learn from.
    /// </summary>
    private static int[] LocalFolds(List<EvaluationSeries> series, BacktestOptions options)
    {
        var folds = new int[series.Count];
        Array.Fill(folds, -1);
        if (!options.Forward) return folds;
        var cross = Enumerable.Range(0, series.Count).Where(i => series[i].Local && series[i].Series.Count == 2).ToArray();
        for (var k = 0; k < cross.Length; k++) folds[cross[k]] = k % 2;
        bool Usable(int fold) => LocalCalibrator.Enough(LocalCalibrator.Pairs(cross.Where(i => folds[i] == fold).Select(i => series[i].Series)));
        if (!Usable(0) || !Usable(1)) Array.Fill(folds, -1);
        return folds;
    }

    private static LocalEstimate FoldEstimate(List<EvaluationSeries> series, int[] folds, int fold) =>
        LocalCalibrator.Estimate(LocalCalibrator.Pairs(Enumerable.Range(0, series.Count).Where(i => folds[i] == fold).Select(i => series[i].Series)), []);

    /// <summary>The combined model (structure −1: each trajectory draws its own), then each structure alone if asked.</summary>
    private static IEnumerable<(string Method, int Structure)> Methods(BacktestOptions options, bool local)
    {
        yield return (Ivpsim, -1);
        if (!options.PerStructure) yield break;
        for (var k = 0; k < Structures.All.Length; k++)
        {
            // Municipal series follow a national path, which cannot itself be anchored.
            if (local && Structures.All[k].Kind == StructureKind.Anchored) continue;
            yield return (StructureMethod(Structures.All[k]), k);
        }
    }

    private static IEnumerable<BacktestRow> Naive(string dataSet, string region, string indicator, int origin, int year, double observed,
        (int Year, double Value)[] history, BacktestOptions options)
    {
        if (history.Length < 2) yield break;
        yield return Row(dataSet, region, indicator, origin, year, NaiveLast, observed, NaiveForecasts.Last(history, year, options.Draws), history, options.Seed);
        if (history.Length >= 3)
            yield return Row(dataSet, region, indicator, origin, year, NaiveTrend, observed, NaiveForecasts.Trend(history, year, options.Draws), history, options.Seed);
    }

    private static (int Year, double Value)[] Pairs(CalibrationSeries history) => [.. history.Years.Select((y, i) => (y, history.Values[i]))];

    private static BacktestRow Row(string dataSet, string region, string indicator, int origin, int year, string method, double observed,
        double[] sample, (int Year, double Value)[] history, ulong seed)
    {
        var series = new CalibrationSeries(region, indicator, [.. history.Select(h => h.Year)], [.. history.Select(h => h.Value)],
            [.. history.Select(_ => false)]);
        // A total that was never published before has no change scale: NaN keeps it out of the scaled scores.
        var scale = history.Length < 2 ? double.NaN : series.ChangeScale();
        return Row(dataSet, region, indicator, origin, year, method, observed, sample, scale, ShockYear.EndsIn(series), seed);
    }

    private static BacktestRow Row(string dataSet, string region, string indicator, int origin, int year, string method, double observed,
        double[] sample, double scale, bool afterShock, ulong seed)
    {
        var sorted = IsSorted(sample) ? sample : [.. sample.Order()];
        // The PIT's uniform depends on the forecast, not the method, so methods are compared on the same draw.
        var v = RandomStream.For(seed, year * 10_000L + origin, RandomStreams.Purpose($"pit/{region}/{indicator}")).NextDouble();
        return new BacktestRow(dataSet, region, indicator, origin, year, method, observed,
            SampleScores.Quantile(sorted, 0.05), SampleScores.Quantile(sorted, 0.25), SampleScores.Quantile(sorted, 0.5),
            SampleScores.Quantile(sorted, 0.75), SampleScores.Quantile(sorted, 0.95), SampleScores.Crps(sorted, observed),
            SampleScores.WeightedIntervalScore(sorted, observed), SampleScores.Pit(sorted, observed, v), scale, afterShock);
    }

    private static (int Year, double Value)[] History(ObservationSet data, string region, string indicator, int origin) =>
        [.. data.Series(region, indicator).Where(p => p.Year <= origin)];

    private static double[] Expand(Aggregation.CountHistogram histogram)
    {
        var sample = new double[histogram.Total];
        var k = 0;
        for (var i = 0; i < histogram.Values.Length; i++)
            for (var c = 0L; c < histogram.Counts[i]; c++) sample[k++] = histogram.Values[i];
        return sample;
    }

    /// <summary>Known count indicators and any indicator IvpSim does not know (a backtest takes every series as counts).</summary>
    private static bool IsCount(string indicator) =>
        !Indicators.IsKnown(indicator) || Indicators.Get(indicator).Kind == IndicatorKind.Count;

    private static bool IsSorted(double[] values)
    {
        for (var i = 1; i < values.Length; i++) if (values[i] < values[i - 1]) return false;
        return true;
    }
}
