using System.Collections.Immutable;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// How to calibrate: rolling origins, horizons, draws per forecast while searching and at the end, the seed, how many
/// bootstrap re-stackings the weights are the mean of (0: the single best fit), and how many independent searches the
/// constants are the median of.
/// </summary>
public sealed record CalibrationOptions(ImmutableArray<int> Origins, int MaxHorizon, int SearchDraws, int FinalDraws, ulong Seed,
    int Rounds = 2, double CrpsTolerance = 0.005, int WeightSamples = 40, double PriorYears = 1, int Searches = CalibrationOptions.DefaultSearches)
{
    public const int DefaultSearches = 5;
}

/// <summary>Coverage of the combined model's 50% and 90% intervals for one data set and horizon.</summary>
public sealed record CoverageCell(string DataSet, int Horizon, int Forecasts, double Coverage50, double Coverage90);

/// <summary>
/// The calibrated settings, the objective they reached (mean CRPS divided by each series' change scale, on the forecasts
/// they were tuned on: provenance, not a measure of accuracy; the forward backtest gives that), and the search log.
/// </summary>
public sealed record CalibrationResult(ForecastSettings Settings, double ScaledCrps, int Forecasts, ImmutableArray<string> Log);

/// <summary>
/// Sets the forecast model's shared constants from rolling-origin forecasts of many real series, in two phases.
/// First the sharpest: a coordinate search over a grid per constant minimises the out-of-sample CRPS of the best
/// mixture of structures (stacking). Then the best calibrated: among settings whose CRPS is within
/// <see cref="CalibrationOptions.CrpsTolerance"/> of that minimum (a difference the data cannot tell apart), the
/// search minimises the squared distance of the 50% and 90% interval coverage from nominal, per data set and
/// horizon. Every candidate sees the same random numbers, so comparisons are not blurred by sampling noise.
/// The objective is flat: settings far apart score within sampling noise of each other, so which one a search ends on
/// depends on its random numbers (one search per seed gave a level drift anywhere from 0 to 0.07, and Ermelo's chance
/// from 5% to 24%). The search therefore runs <see cref="CalibrationOptions.Searches"/> times, each with random numbers
/// of its own, and every constant is the median of what the searches found (a value of its grid); the settings also
/// keep every search's constants, and a run projects trajectory j with those of search j mod n.
/// </summary>
public static class ForecastCalibrator
{
    private sealed record Knob(string Name, double[] Grid, Func<ForecastSettings, double> Get, Func<ForecastSettings, double, ForecastSettings> With);

    private sealed record Candidate(ForecastSettings Settings, double Crps, double CoverageError, ImmutableArray<CoverageCell> Coverage);

    private static readonly Knob[] Knobs =
    [
        new("level_drift_sd", [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.07, 0.1], s => s.LevelDriftSd, (s, v) => s with { LevelDriftSd = v }),
        new("slope_prior_sd", [0.02, 0.05, 0.1, 0.2, 0.5], s => s.SlopePriorSd, (s, v) => s with { SlopePriorSd = v }),
        new("slope_drift_sd", [0, 0.01, 0.02, 0.04, 0.08], s => s.SlopeDriftSd, (s, v) => s with { SlopeDriftSd = v }),
        new("noise_scale", [0.35, 0.5, 0.75, 1, 1.5, 2], s => s.NoiseScale, (s, v) => s with { NoiseScale = v }),
        new("noise_prior_df", [0.5, 1, 2, 4, 8], s => s.NoisePriorDf, (s, v) => s with { NoisePriorDf = v }),
        // Years of upheaval are never ruled out: 2012-2019 had no year like 2020, so the corpus cannot show what they are
        // worth, and without them the filter reads a sudden drop in the last year as a new trend (national total crime
        // with 2020 at 70% of 2019: a slope of −14% a year instead of −2%). How often and how large is learned; whether, not.
        new("jump_probability", [0.05, 0.1, 0.2], s => s.JumpProbability, (s, v) => s with { JumpProbability = v }),
        new("jump_sd", [0.2, 0.3, 0.5], s => s.JumpSd, (s, v) => s with { JumpSd = v }),
        new("jump_repeat", [0, 0.1, 0.2, 0.4, 0.6, 0.8, 1], s => s.JumpRepeat, (s, v) => s with { JumpRepeat = v }),
    ];

    /// <summary>The structures a series can follow on its own (all but following the national series): those of a national path.</summary>
    private static readonly int[] OwnStructures =
        [.. Enumerable.Range(0, Structures.All.Length).Where(i => Structures.All[i].Kind != StructureKind.Anchored)];

    /// <summary>A data set and horizon counts toward the coverage error from this many forecasts.</summary>
    public const int MinimumCellForecasts = 20;

    public static CalibrationResult Calibrate(IReadOnlyList<EvaluationSeries> series, CalibrationOptions options,
        Action<string>? progress = null)
    {
        var count = OutOfSample.Plan(series, options.Origins, 1, options.MaxHorizon).Count;
        if (count == 0) throw new ModelInputException("geen enkele reeks heeft genoeg jaren voor een toets buiten de steekproef");
        var log = ImmutableArray.CreateBuilder<string>();
        void Note(string line)
        {
            log.Add(line);
            progress?.Invoke(line);
        }
        var searches = Math.Max(1, options.Searches);
        var found = new ForecastSettings[searches];
        for (var k = 0; k < searches; k++)
        {
            var search = options with { Seed = SearchSeed(options.Seed, k) };
            var prefix = searches == 1 ? "" : $"zoektocht {k + 1}/{searches}: ";
            found[k] = SearchConstants(series, search, line => Note(prefix + line));
        }
        // The median is what is shown; a run projects each trajectory with one search's constants, so that its spread also
        // holds what the data leave open about them (at an origin with one year of outcomes the searches disagree most).
        var median = Median(found) with { Searched = searches > 1 ? [.. found.Select(ForecastConstants.Of)] : [] };
        if (searches > 1) Note("mediaan van de zoektochten: " + string.Join(", ", Knobs.Select(k => $"{k.Name} = {k.Get(median)}")));
        var forecasts = OutOfSample.Plan(series, options.Origins, 1, options.MaxHorizon);
        var final = Score(series, options, median, options.FinalDraws, forecasts);
        // The final scoring projected every structure: the bootstrap re-stacks those samples, it projects nothing again.
        var samples = ResampledWeights(forecasts, options, OwnStructures, _ => true);
        var settings = final.Settings with { WeightSamples = samples };
        if (!samples.IsEmpty)
        {
            // Bagged stacking: the weights are the mean over bootstrap samples of the series, not the one best fit. Where
            // the data cannot tell structures apart the mixture keeps them all instead of betting on one. Each sample is
            // shrunk towards even weights by the years it was learned from (see Shrunk).
            var anchored = Structures.IndexOf(Structures.AnchoredId);
            var anyAnchor = series.Any(s => s.Anchor is not null);
            int[] all = [.. Enumerable.Range(0, Structures.All.Length)];
            settings = settings with
            {
                AnchorWeights = Mean(samples),
                Weights = Mean(ResampledWeights(forecasts, options, all, i => i != anchored || anyAnchor)),
            };
        }
        return new CalibrationResult(settings, final.Crps, count, log.ToImmutable());
    }

    /// <summary>The two phases of one search (sharpest, then best calibrated among the sharp); its constants.</summary>
    private static ForecastSettings SearchConstants(IReadOnlyList<EvaluationSeries> series, CalibrationOptions options, Action<string> note)
    {
        Candidate Evaluate(ForecastSettings s) => Score(series, options, s, options.SearchDraws);

        var best = Evaluate(Start);
        best = Search(best, Evaluate, options.Rounds, (c, b) => c.Crps < b.Crps - 1e-9, "scherpte", note);
        var limit = best.Crps * (1 + options.CrpsTolerance);
        note($"kalibratie binnen CRPS/schaal ≤ {limit:F4}");
        best = Search(best, Evaluate, options.Rounds, (c, b) => c.Crps <= limit && c.CoverageError < b.CoverageError - 1e-12, "kalibratie", note);
        return best.Settings;
    }

    private static readonly ForecastSettings Start = ForecastSettings.Uncalibrated with { JumpProbability = 0.1, JumpSd = 0.2 };

    /// <summary>The first search uses the seed itself (one search is the calibration as it always was); the others a seed apart.</summary>
    public static ulong SearchSeed(ulong seed, int search) => seed + (ulong)search * 0x9E3779B97F4A7C15UL;

    /// <summary>Every constant at the median of the searches' values (the lower middle one for an even count).</summary>
    private static ForecastSettings Median(ForecastSettings[] found)
    {
        var settings = Start;
        foreach (var knob in Knobs)
        {
            var values = found.Select(knob.Get).Order().ToArray();
            settings = knob.With(settings, values[(values.Length - 1) / 2]);
        }
        return settings;
    }

    /// <summary>
    /// The national weights stacked again on bootstrap samples of the series (all forecasts of a series together):
    /// how far the data pin the weights down, for the structural range of a chance.
    /// </summary>
    private static ImmutableArray<ImmutableArray<double>> ResampledWeights(IReadOnlyList<OutOfSampleForecast> forecasts, CalibrationOptions options,
        int[] own, Func<int, bool> available)
    {
        if (options.WeightSamples <= 0) return [];
        var moments = OutOfSample.PerForecast(forecasts, own);
        var bySeries = Enumerable.Range(0, forecasts.Count).GroupBy(i => forecasts[i].Series).Select(g => g.ToArray()).ToArray();
        var rng = Random.RandomStream.For(options.Seed, 0, Random.RandomStreams.Purpose("weight-bootstrap"));
        var years = forecasts.Select(f => f.Year).Distinct().Count();
        bool[] allowed = [.. own.Select(available)];
        var samples = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
        for (var b = 0; b < options.WeightSamples; b++)
        {
            var chosen = new List<int>();
            for (var i = 0; i < bySeries.Length; i++) chosen.AddRange(bySeries[(int)(rng.NextDouble() * bySeries.Length)]);
            var (a, m) = OutOfSample.Mean(moments, chosen);
            samples.Add(Expand(own, Shrunk(Stacking.Weights(a, m, allowed), allowed, years, options.PriorYears)));
        }
        return samples.ToImmutable();
    }

    /// <summary>
    /// Stacked weights shrunk towards equal weights as if <paramref name="priorYears"/> more years had been seen, each
    /// favouring no structure: the series of one year share that year's surprise, so the evidence grows with the years
    /// scored, not with the series. Learned from one year, the weights are half the stacking's, half even.
    /// </summary>
    private static double[] Shrunk(double[] stacked, bool[] available, int years, double priorYears)
    {
        if (priorYears <= 0) return stacked;
        var share = years / (years + priorYears);
        var even = 1.0 / available.Count(a => a);
        return [.. stacked.Select((w, i) => available[i] ? share * w + (1 - share) * even : 0)];
    }

    /// <summary>The mean of weight samples, rounded and summing to 1 as stored.</summary>
    private static ImmutableArray<double> Mean(ImmutableArray<ImmutableArray<double>> samples)
    {
        int[] all = [.. Enumerable.Range(0, Structures.All.Length)];
        return Expand(all, [.. all.Select(k => samples.Average(s => s[k]))]);
    }

    private static Candidate Search(Candidate start, Func<ForecastSettings, Candidate> evaluate, int rounds,
        Func<Candidate, Candidate, bool> better, string phase, Action<string> note)
    {
        var best = start;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var knob in Knobs)
            {
                var values = knob.Grid.Where(v => v != knob.Get(best.Settings)).ToArray();
                var candidates = new Candidate[values.Length];
                Parallel.For(0, values.Length, i => candidates[i] = evaluate(knob.With(best.Settings, values[i])));
                foreach (var candidate in candidates)
                    if (better(candidate, best)) best = candidate;
                note($"{phase} ronde {round}: {knob.Name} = {knob.Get(best.Settings)} (CRPS/schaal {best.Crps:F4}, " +
                    $"dekkingsfout {best.CoverageError:F5})");
            }
        }
        return best;
    }

    /// <param name="forecasts">Where to keep the projections (planned afresh when not given).</param>
    private static Candidate Score(IReadOnlyList<EvaluationSeries> series, CalibrationOptions options, ForecastSettings settings, int draws,
        List<OutOfSampleForecast>? forecasts = null)
    {
        forecasts ??= OutOfSample.Plan(series, options.Origins, 1, options.MaxHorizon);
        var (stacked, crps) = Stack(series, forecasts, settings, draws, options.Seed);
        var coverage = Coverage(series, forecasts, stacked, options.Seed);
        var cells = coverage.Where(c => c.Forecasts >= MinimumCellForecasts).ToArray();
        var error = cells.Sum(c => c.Forecasts * (Math.Pow(c.Coverage50 - 0.5, 2) + Math.Pow(c.Coverage90 - 0.9, 2))) /
            Math.Max(1, cells.Sum(c => c.Forecasts));
        return new Candidate(stacked, crps, error, coverage);
    }

    /// <summary>
    /// Projects every forecast under every structure with these constants and stacks them; returns the settings
    /// with the learned weights and the stacked mixture's mean scaled CRPS.
    /// </summary>
    public static (ForecastSettings Settings, double ScaledCrps) Stack(IReadOnlyList<EvaluationSeries> series,
        IReadOnlyList<OutOfSampleForecast> forecasts, ForecastSettings settings, int draws, ulong seed)
    {
        var anchored = Structures.IndexOf(Structures.AnchoredId);
        var own = OwnStructures;
        OutOfSample.Project(series, forecasts, settings, own, draws, seed);
        var (a1, b1) = OutOfSample.Moments(forecasts, own);
        var first = Stacking.Weights(a1, b1, [.. own.Select(_ => true)]);
        settings = settings with { AnchorWeights = Expand(own, first) };

        OutOfSample.Project(series, forecasts, settings, [anchored], draws, seed);
        int[] all = [.. Enumerable.Range(0, Structures.All.Length)];
        var (a, b) = OutOfSample.Moments(forecasts, all);
        var anyAnchor = series.Any(s => s.Anchor is not null);
        var weights = Expand(all, Stacking.Weights(a, b, [.. all.Select(i => i != anchored || anyAnchor)]));
        return (settings with { Weights = weights }, Stacking.Objective(a, b, [.. weights]));
    }

    /// <summary>Coverage of the mixture that a run with these settings draws, per data set and horizon.</summary>
    public static ImmutableArray<CoverageCell> Coverage(IReadOnlyList<EvaluationSeries> series, IReadOnlyList<OutOfSampleForecast> forecasts,
        ForecastSettings settings, ulong seed) =>
        [.. forecasts.GroupBy(f => (series[f.Series].DataSet, f.Horizon)).OrderBy(g => g.Key.DataSet, StringComparer.Ordinal).ThenBy(g => g.Key.Horizon)
            .Select(g =>
            {
                int in50 = 0, in90 = 0;
                foreach (var f in g)
                {
                    var mixture = f.Mixture(settings.Weights.AsSpan(), seed);
                    var pit = SampleScores.Pit(mixture, f.Observed, PitUniform(seed, f));
                    if (SampleScores.InCentral(pit, 0.5)) in50++;
                    if (SampleScores.InCentral(pit, 0.9)) in90++;
                }
                var n = g.Count();
                return new CoverageCell(g.Key.DataSet, g.Key.Horizon, n, in50 / (double)n, in90 / (double)n);
            })];

    /// <summary>The uniform that breaks ties in a forecast's randomised PIT: one per series, origin and year.</summary>
    private static double PitUniform(ulong seed, OutOfSampleForecast f) =>
        Random.RandomStream.For(seed, f.Year * 10_000L + f.Origin, Random.RandomStreams.Purpose($"pit/{f.Series}")).NextDouble();

    /// <summary>Weights per structure in <see cref="Structures.All"/> order, rounded to 4 decimals as they are stored, summing to 1.</summary>
    private static ImmutableArray<double> Expand(int[] structures, double[] weights)
    {
        var full = new decimal[Structures.All.Length];
        for (var i = 0; i < structures.Length; i++) full[structures[i]] = Math.Round((decimal)weights[i], 4);
        var largest = Array.IndexOf(full, full.Max());
        full[largest] = 1 - full.Where((_, i) => i != largest).Sum();
        // Through text, so that the weights are the very doubles that the calibration file reads back.
        return [.. full.Select(w => double.Parse(w.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture))];
    }
}
