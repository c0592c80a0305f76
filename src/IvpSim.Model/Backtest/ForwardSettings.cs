using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Backtest;

/// <summary>
/// The forecast constants a backtest uses at each origin. Forward (the default): learned anew from the reference
/// corpus as it stood at the origin, scoring only forecasts of years up to the origin, exactly as <c>calibrate</c> does
/// with all the data; so no constant or weight has seen an outcome it is then judged on. An origin with nothing
/// before it to learn from is not scored (<see cref="At"/> returns null). Not forward: the shipped calibration, which has seen
/// every outcome. The municipal constants' spread comes from the shipped calibration (other municipalities) either way;
/// forward, its split into drift and noise and the crime types' own noise are learned from the plan's changes up to the origin.
/// </summary>
public sealed class ForwardSettings(BacktestInputs inputs, BacktestOptions options, Action<string>? progress = null)
{
    /// <summary>The longest horizon the nested calibration scores, as <c>calibrate</c> does.</summary>
    public const int CalibrationHorizon = 5;

    private readonly Dictionary<int, ForecastSettings?> _byOrigin = [];

    /// <summary>What was learned at each origin so far, in origin order (none when not forward: nothing is cached then).</summary>
    public IReadOnlyList<LearnedAtOrigin> Learned
    {
        get
        {
            lock (_byOrigin)
                return [.. _byOrigin.Where(o => o.Value is not null).OrderBy(o => o.Key).Select(o => new LearnedAtOrigin(o.Key, o.Value!))];
        }
    }

    /// <summary>The constants for forecasts from <paramref name="origin"/>; null when nothing before it could teach them.</summary>
    public ForecastSettings? At(int origin)
    {
        if (!options.Forward) return inputs.Settings.Forecast;
        lock (_byOrigin)
        {
            if (_byOrigin.TryGetValue(origin, out var cached)) return cached;
            var settings = Learn(origin);
            _byOrigin[origin] = settings;
            return settings;
        }
    }

    private ForecastSettings? Learn(int origin)
    {
        var shipped = inputs.Settings.Forecast;
        // Without a national corpus there is nothing to learn from at any origin: the shipped calibration it is.
        if (inputs.Corpus.Series.IsEmpty) return shipped;
        var corpus = EvaluationSeries.Corpus(inputs.Corpus, Backtester.ReferenceDataSet).Select(s => s.Until(origin)).ToList();
        var origins = corpus.SelectMany(s => s.Series.Years).Distinct().Order()
            .Where(o => o < origin && OutOfSample.Plan(corpus, [o], 1, CalibrationHorizon).Count > 0).ToArray();
        if (origins.Length == 0)
        {
            progress?.Invoke($"beginjaar {origin}: geen eerdere uitkomsten om van te leren; niet getoetst");
            return null;
        }
        progress?.Invoke($"beginjaar {origin}: constanten en gewichten leren uit uitkomsten t/m {origin} (beginjaren {origins[0]}-{origins[^1]}) …");
        var result = ForecastCalibrator.Calibrate(corpus,
            new CalibrationOptions([.. origins], CalibrationHorizon, options.SearchDraws, options.Draws, options.Seed, Searches: options.Searches));
        return LocalUntil(inputs, origin, result.Settings.WithLocalOf(shipped));
    }

    /// <summary>
    /// The local constants as the plan's year-on-year changes up to the origin show them (the shipped file learned them
    /// from all years): the split of the cross-section's spread into drift and noise (when the file keeps that spread),
    /// and each crime type's own noise (none without such changes). The spread itself is the cross-section's.
    /// </summary>
    public static ForecastSettings LocalUntil(BacktestInputs inputs, int origin, ForecastSettings settings)
    {
        var (totals, types) = LocalCalibrator.PlanChanges(inputs.Observations, inputs.National, origin);
        return LocalCalibrator.Resplit(settings, totals, types);
    }
}
