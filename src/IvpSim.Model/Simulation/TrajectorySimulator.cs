using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Random;

namespace IvpSim.Model.Simulation;

/// <summary>
/// Simulates one trajectory of every indicator from the plan's start year to its end year.
/// Each count series: its level and slope drawn from their posterior, a damped trend, a random-walk level
/// drift, a yearly log-normal shock (part of it shared by all series that year) and Poisson noise.
/// Totals are sums of their parts and the region is the sum of its municipalities, in the same trajectory.
/// </summary>
public sealed class TrajectorySimulator
{
    private readonly SimulationPlan _plan;
    private readonly OutputLayout _layout;
    private readonly ulong[] _countPurposes;
    private readonly ulong[] _scorePurposes;
    private readonly ulong _commonPurpose = RandomStreams.Purpose("common-shock");
    private readonly double[] _common;
    private readonly double[] _scoreNoisy;

    // Layout indices, resolved once: Simulate runs per trajectory and must not look up or allocate.
    private readonly int[] _municipalityRegions;
    private readonly int[] _countIndicators;
    private readonly int[] _exclCyberParts;
    private readonly int _regionIndex, _scoreIndicator, _exclCyberIndicator, _totalIndicator, _fraudIndicator;

    /// <summary>A ceiling far above any municipality's yearly count; it keeps a wild draw from stalling the sampler.</summary>
    private const double MaxYearlyCount = 1e7;

    public TrajectorySimulator(SimulationPlan plan)
    {
        _plan = plan;
        _layout = new OutputLayout(plan.StartYear, plan.EndYear);
        _countPurposes = [.. plan.Municipalities.SelectMany(m => m.Counts)
            .Select(c => RandomStreams.Purpose($"count/{c.Municipality}/{c.Indicator}"))];
        _scorePurposes = [.. plan.Municipalities.Select(m => RandomStreams.Purpose($"score/{m.Municipality}"))];
        _municipalityRegions = [.. plan.Municipalities.Select(m => _layout.RegionIndex(m.Municipality))];
        _countIndicators = [.. plan.Municipalities.SelectMany(m => m.Counts).Select(c => _layout.IndicatorIndex(c.Indicator))];
        _exclCyberParts = [.. Indicators.ExclCyberParts.Select(_layout.IndicatorIndex)];
        _regionIndex = _layout.RegionIndex(Regions.VeluweWest);
        _scoreIndicator = _layout.IndicatorIndex(Indicators.SafetyScore);
        _exclCyberIndicator = _layout.IndicatorIndex(Indicators.TotalCrimesExclCyber);
        _totalIndicator = _layout.IndicatorIndex(Indicators.TotalCrimes);
        _fraudIndicator = _layout.IndicatorIndex(Indicators.OnlineTradeFraud);
        _common = new double[plan.YearCount];
        _scoreNoisy = new double[plan.YearCount * plan.Municipalities.Length];
    }

    public OutputLayout Layout => _layout;

    /// <summary>Writes trajectory <paramref name="trajectory"/> without interventions into <paramref name="output"/>.</summary>
    public void Simulate(long trajectory, Span<int> output) => Simulate(trajectory, output, ReadOnlySpan<double>.Empty);

    /// <summary>
    /// Writes trajectory <paramref name="trajectory"/> into <paramref name="output"/> (length <see cref="OutputLayout.Size"/>),
    /// with the expected counts of each slot multiplied by <paramref name="multipliers"/> (empty: none).
    /// </summary>
    public void Simulate(long trajectory, Span<int> output, ReadOnlySpan<double> multipliers)
    {
        output.Clear();
        var commonRng = RandomStreams.For(_plan.Seed, trajectory, _commonPurpose);
        for (var y = 0; y < _common.Length; y++) _common[y] = commonRng.NextStandardNormal();

        var seriesIndex = 0;
        for (var m = 0; m < _plan.Municipalities.Length; m++)
        {
            var model = _plan.Municipalities[m];
            foreach (var series in model.Counts)
            {
                SimulateCount(series, trajectory, _countPurposes[seriesIndex], output, multipliers,
                    _municipalityRegions[m], _countIndicators[seriesIndex]);
                seriesIndex++;
            }
            SimulateScore(model.Score, RandomStreams.For(_plan.Seed, trajectory, _scorePurposes[m]), m, output);
        }
        DeriveTotals(output);
        DeriveRegion(output);
    }

    private void SimulateCount(CountSeriesModel series, long trajectory, ulong purpose, Span<int> output,
        ReadOnlySpan<double> multipliers, int region, int indicator)
    {
        var rng = RandomStreams.For(_plan.Seed, trajectory, purpose);
        var psi = series.Overdispersion;
        var settings = _plan.Settings;
        var level = series.LevelMean + series.LevelSd * rng.NextStandardNormal();
        var slope = series.SlopeMean + series.SlopeSd * rng.NextStandardNormal();
        var last = series.LastObservedYear;
        var logLevel = level + slope * (last - series.CenterYear);
        // The shared yearly shock takes at most 90% of this series' extra variance; the rest is its own.
        var commonVariance = Math.Min(_plan.Hyper.CommonVariance, 0.9 * psi);
        var commonSd = Math.Sqrt(commonVariance);
        var ownSd = Math.Sqrt(psi - commonVariance);
        double trend = 0, drift = 0, damping = 1;
        for (var year = last + 1; year <= _plan.EndYear; year++)
        {
            damping *= settings.TrendDamping;
            trend += slope * damping;
            drift += settings.LevelDriftSd * rng.NextStandardNormal();
            if (year < _plan.StartYear) continue;
            var shock = commonSd * _common[year - _plan.StartYear] + ownSd * rng.NextStandardNormal();
            // The fit is on ln(y + 0.5): undo the offset; the shock has mean one on the count scale.
            var slot = _layout.Slot(region, indicator, year);
            var mean = Math.Exp(logLevel + trend + drift + shock - 0.5 * psi) - 0.5;
            if (!multipliers.IsEmpty) mean *= multipliers[slot];
            // Poisson noise from its own uniform per series and year, monotone in the mean: a changed mean (an
            // intervention) moves this count only as far as the mean moves, and leaves every other draw as it was.
            var uniform = RandomStreams.For(_plan.Seed, trajectory, purpose ^ (ulong)year * 0x9E3779B97F4A7C15UL).NextDouble();
            output[slot] = PoissonSampler.Sample(Math.Min(mean, MaxYearlyCount), uniform);
        }
        for (var i = 0; i < series.ObservedYears.Length; i++)
        {
            var year = series.ObservedYears[i];
            if (year >= _plan.StartYear)
            {
                output[_layout.Slot(region, indicator, year)] = (int)series.ObservedValues[i];
            }
        }
    }

    private void SimulateScore(ScoreSeriesModel score, StreamRandom rng, int municipality, Span<int> output)
    {
        // The published score is the true score plus survey noise, rounded: so the true score is uncertain too.
        var truth = score.LastObservedValue +
            Math.Sqrt(score.SurveySe * score.SurveySe + 0.1 * 0.1 / 12) * rng.NextStandardNormal();
        var trend = score.TrendMean + score.TrendSd * rng.NextStandardNormal();
        var region = _municipalityRegions[municipality];
        var indicator = _scoreIndicator;
        for (var year = score.LastObservedYear + 1; year <= _plan.EndYear; year++)
        {
            truth += trend + score.StepSd * rng.NextStandardNormal();
            var measured = Math.Clamp(truth + score.SurveySe * rng.NextStandardNormal(), 1, 10);
            if (year < _plan.StartYear) continue;
            _scoreNoisy[municipality * _plan.YearCount + year - _plan.StartYear] = measured;
            output[_layout.Slot(region, indicator, year)] = ToPublished(measured);
        }
        for (var i = 0; i < score.ObservedYears.Length; i++)
        {
            var year = score.ObservedYears[i];
            if (year < _plan.StartYear) continue;
            _scoreNoisy[municipality * _plan.YearCount + year - _plan.StartYear] = score.ObservedValues[i];
            output[_layout.Slot(region, indicator, year)] = ToPublished(score.ObservedValues[i]);
        }
    }

    /// <summary>A score as published (one decimal), in hundredths.</summary>
    private static int ToPublished(double score) => (int)Math.Round(score * 10, MidpointRounding.AwayFromZero) * 10;

    private void DeriveTotals(Span<int> output)
    {
        foreach (var r in _municipalityRegions)
        {
            for (var year = _plan.StartYear; year <= _plan.EndYear; year++)
            {
                var sum = 0;
                foreach (var p in _exclCyberParts) sum += output[_layout.Slot(r, p, year)];
                output[_layout.Slot(r, _exclCyberIndicator, year)] = sum;
                output[_layout.Slot(r, _totalIndicator, year)] = sum + output[_layout.Slot(r, _fraudIndicator, year)];
            }
        }
    }

    private void DeriveRegion(Span<int> output)
    {
        var regionIndex = _regionIndex;
        var municipalities = _municipalityRegions;
        var score = _scoreIndicator;
        for (var i = 0; i < Indicators.All.Length; i++)
        {
            for (var year = _plan.StartYear; year <= _plan.EndYear; year++)
            {
                if (i == score)
                {
                    var weights = _plan.ScoreWeights[year - _plan.StartYear];
                    double mean = 0;
                    for (var m = 0; m < municipalities.Length; m++)
                        mean += weights[m] * _scoreNoisy[m * _plan.YearCount + year - _plan.StartYear];
                    output[_layout.Slot(regionIndex, i, year)] = ToPublished(mean);
                    continue;
                }
                var sum = 0;
                foreach (var m in municipalities) sum += output[_layout.Slot(m, i, year)];
                output[_layout.Slot(regionIndex, i, year)] = sum;
            }
        }
    }
}
