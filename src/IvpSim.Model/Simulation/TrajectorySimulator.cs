using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Domain;
using IvpSim.Model.Random;

namespace IvpSim.Model.Simulation;

/// <summary>
/// Simulates one trajectory of every indicator from the plan's start year to its end year. The count series go
/// through the forecast kernel (<see cref="ForecastKernel"/>: the trajectory's structure, level and trend, yearly
/// shocks and Poisson noise); totals are sums of their parts and the region is the sum of its municipalities, in
/// the same trajectory. The survey scores have a model of their own.
/// </summary>
public sealed class TrajectorySimulator
{
    private readonly SimulationPlan _plan;
    private readonly OutputLayout _layout;
    private readonly ForecastKernel _kernel;
    private readonly ulong[] _scorePurposes;
    private readonly double[] _scoreNoisy;

    // Layout indices, resolved once: Simulate runs per trajectory and must not look up or allocate.
    private readonly int[] _municipalityRegions;
    private readonly int[] _countIndicators;
    private readonly int[] _exclCyberParts;
    private readonly int _regionIndex, _scoreIndicator, _exclCyberIndicator, _totalIndicator, _fraudIndicator;

    private readonly double[] _seriesMultipliers;
    private readonly int[] _seriesValues;

    public TrajectorySimulator(SimulationPlan plan)
    {
        _plan = plan;
        _layout = new OutputLayout(plan.StartYear, plan.EndYear);
        _kernel = new ForecastKernel(plan.Forecast(), plan.Seed, plan.StartYear, plan.EndYear);
        _scorePurposes = [.. plan.Municipalities.Select(m => RandomStreams.Purpose($"score/{m.Municipality}"))];
        _municipalityRegions = [.. plan.Municipalities.Select(m => _layout.RegionIndex(m.Municipality))];
        _countIndicators = [.. plan.Municipalities.SelectMany(m => m.Counts).Select(c => _layout.IndicatorIndex(c.Indicator))];
        _exclCyberParts = [.. Indicators.ExclCyberParts.Select(_layout.IndicatorIndex)];
        _regionIndex = _layout.RegionIndex(Regions.VeluweWest);
        _scoreIndicator = _layout.IndicatorIndex(Indicators.SafetyScore);
        _exclCyberIndicator = _layout.IndicatorIndex(Indicators.TotalCrimesExclCyber);
        _totalIndicator = _layout.IndicatorIndex(Indicators.TotalCrimes);
        _fraudIndicator = _layout.IndicatorIndex(Indicators.OnlineTradeFraud);
        _seriesMultipliers = new double[plan.YearCount];
        _seriesValues = new int[plan.YearCount];
        _scoreNoisy = new double[plan.YearCount * plan.Municipalities.Length];
    }

    public OutputLayout Layout => _layout;

    /// <summary>The structure (index into <see cref="Structures.All"/>) of the last simulated trajectory.</summary>
    public int Structure => _kernel.Structure;

    /// <summary>Writes trajectory <paramref name="trajectory"/> without interventions into <paramref name="output"/>.</summary>
    public void Simulate(long trajectory, Span<int> output) => Simulate(trajectory, output, ReadOnlySpan<double>.Empty);

    /// <summary>
    /// Writes trajectory <paramref name="trajectory"/> into <paramref name="output"/> (length <see cref="OutputLayout.Size"/>),
    /// with the expected counts of each slot multiplied by <paramref name="multipliers"/> (empty: none).
    /// </summary>
    public void Simulate(long trajectory, Span<int> output, ReadOnlySpan<double> multipliers)
    {
        output.Clear();
        _kernel.Begin(trajectory);
        var seriesIndex = 0;
        for (var m = 0; m < _plan.Municipalities.Length; m++)
        {
            var model = _plan.Municipalities[m];
            for (var c = 0; c < model.Counts.Length; c++)
            {
                SimulateCount(seriesIndex, output, multipliers, _municipalityRegions[m], _countIndicators[seriesIndex]);
                seriesIndex++;
            }
            var scoreRng = RandomStream.For(_plan.Seed, trajectory, _scorePurposes[m]);
            SimulateScore(model.Score, ref scoreRng, m, output);
        }
        DeriveTotals(output);
        DeriveRegion(output);
    }

    private void SimulateCount(int component, Span<int> output, ReadOnlySpan<double> multipliers, int region, int indicator)
    {
        if (!multipliers.IsEmpty)
        {
            for (var year = _plan.StartYear; year <= _plan.EndYear; year++)
                _seriesMultipliers[year - _plan.StartYear] = multipliers[_layout.Slot(region, indicator, year)];
        }
        _kernel.Component(component, _seriesValues, multipliers.IsEmpty ? [] : _seriesMultipliers);
        for (var year = _plan.StartYear; year <= _plan.EndYear; year++)
            output[_layout.Slot(region, indicator, year)] = _seriesValues[year - _plan.StartYear];
    }

    private void SimulateScore(ScoreSeriesModel score, ref RandomStream rng, int municipality, Span<int> output)
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
        // Up to the last survey: the published score, or for a year without a survey the last one before it.
        for (var year = _plan.StartYear; year <= Math.Min(score.LastObservedYear, _plan.EndYear); year++)
        {
            var i = score.ObservedYears.IndexOf(score.ObservedYears.LastOrDefault(y => y <= year, score.ObservedYears[0]));
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
