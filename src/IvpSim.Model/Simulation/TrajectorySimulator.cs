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
    private readonly PlanLayout _components;
    private readonly OutputLayout _layout;
    private readonly MixedKernel _kernel;
    private readonly ulong[] _scorePurposes;
    private readonly double[] _scoreNoisy;
    private readonly double[] _scoreDrivers;  // per municipality: the normal scores of its current true score and its trend
    private readonly int[] _municipalityRegions;
    private readonly (int Target, int[] Sources)[] _derivations;
    private readonly int _regionIndex, _scoreIndicator;
    private readonly int[] _seriesValues;

    public TrajectorySimulator(SimulationPlan plan) : this(plan, new PlanLayout(plan))
    {
    }

    public TrajectorySimulator(SimulationPlan plan, PlanLayout components)
    {
        _plan = plan;
        _components = components;
        _layout = components.Output;
        _kernel = new MixedKernel(plan.Forecasts(), plan.Seed, plan.StartYear, plan.EndYear);
        _scorePurposes = [.. plan.Municipalities.Select(m => RandomStreams.Purpose($"score/{m.Municipality}"))];
        _municipalityRegions = [.. plan.Municipalities.Select(m => _layout.RegionIndex(m.Municipality))];
        _derivations = Derivations(plan, _layout);
        _regionIndex = _layout.RegionIndex(Regions.VeluweWest);
        _scoreIndicator = _layout.IndicatorIndex(Indicators.SafetyScore);
        _seriesValues = new int[plan.YearCount];
        _scoreNoisy = new double[plan.YearCount * plan.Municipalities.Length];
        _scoreDrivers = new double[2 * plan.Municipalities.Length];
    }

    public OutputLayout Layout => _layout;

    public PlanLayout Components => _components;

    /// <summary>The structure (index into <see cref="Structures.All"/>) of the last simulated trajectory.</summary>
    public int Structure => _kernel.Structure;

    /// <summary>Which calibration search's constants projected the last simulated trajectory.</summary>
    public int Constants => _kernel.Constants;

    /// <summary>The kernel that projected the last trajectory: its expected counts are the baseline of sensitivity analysis.</summary>
    public MixedKernel Kernel => _kernel;

    /// <summary>
    /// In the last trajectory, municipality <paramref name="municipality"/>'s survey drivers as standard normals:
    /// 0 where its true score stands now (around the last survey), 1 its yearly trend.
    /// </summary>
    public double ScoreDriver(int municipality, int driver) => _scoreDrivers[2 * municipality + driver];

    /// <summary>Writes trajectory <paramref name="trajectory"/> without interventions into <paramref name="output"/>.</summary>
    public void Simulate(long trajectory, Span<int> output) => Simulate(trajectory, output, ReadOnlySpan<double>.Empty);

    /// <summary>
    /// Writes trajectory <paramref name="trajectory"/> into <paramref name="output"/> (length <see cref="OutputLayout.Size"/>),
    /// each component's expected counts multiplied by <paramref name="multipliers"/> (component-major, then year; empty: none).
    /// </summary>
    public void Simulate(long trajectory, Span<int> output, ReadOnlySpan<double> multipliers)
    {
        output.Clear();
        _kernel.Begin(trajectory);
        var years = _plan.YearCount;
        for (var c = 0; c < _components.Components; c++)
        {
            _kernel.Component(c, _seriesValues, multipliers.IsEmpty ? [] : multipliers.Slice(c * years, years));
            for (var y = 0; y < years; y++) output[_components.Slot(c, y)] = _seriesValues[y];
        }
        var key = RandomStreams.TrajectoryKey(_plan.Seed, trajectory);
        for (var m = 0; m < _plan.Municipalities.Length; m++)
        {
            var scoreRng = ShortStream.For(key, _scorePurposes[m]);
            SimulateScore(_plan.Municipalities[m].Score, ref scoreRng, m, output);
        }
        Derive(output);
    }

    /// <summary>
    /// One year's count (index from the start year) of a component in the last simulated trajectory, again with another
    /// multiplier, on the same random numbers: what it would have been without an intervention.
    /// </summary>
    public int Recount(int component, int year, double multiplier) => _kernel.Recount(component, year, multiplier);
    private void SimulateScore(ScoreSeriesModel score, ref ShortStream rng, int municipality, Span<int> output)
    {
        // The published score is the true score plus survey noise, rounded: so the true score is uncertain too.
        var now = rng.NextStandardNormal();
        var truth = score.LastObservedValue + Math.Sqrt(score.SurveySe * score.SurveySe + 0.1 * 0.1 / 12) * now;
        var rising = rng.NextStandardNormal();
        var trend = score.TrendMean + score.TrendSd * rising;
        _scoreDrivers[2 * municipality] = now;
        _scoreDrivers[2 * municipality + 1] = rising;
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
            var i = 0;
            while (i + 1 < score.ObservedYears.Length && score.ObservedYears[i + 1] <= year) i++;
            _scoreNoisy[municipality * _plan.YearCount + year - _plan.StartYear] = score.ObservedValues[i];
            output[_layout.Slot(region, indicator, year)] = ToPublished(score.ObservedValues[i]);
        }
    }

    /// <summary>A score as published (one decimal), in hundredths.</summary>
    private static int ToPublished(double score) => (int)Math.Round(score * 10, MidpointRounding.AwayFromZero) * 10;

    /// <summary>
    /// The sums that a trajectory derives from its counts, resolved to slots once: each municipality's totals from its
    /// parts (first), then the region's every count indicator from its municipalities.
    /// </summary>
    private static (int Target, int[] Sources)[] Derivations(SimulationPlan plan, OutputLayout layout)
    {
        var derivations = new List<(int, int[])>();
        var municipalities = plan.Municipalities.Select(m => layout.RegionIndex(m.Municipality)).ToArray();
        var parts = Indicators.ExclCyberParts.Select(layout.IndicatorIndex).ToArray();
        int exclCyber = layout.IndicatorIndex(Indicators.TotalCrimesExclCyber), total = layout.IndicatorIndex(Indicators.TotalCrimes);
        var fraud = layout.IndicatorIndex(Indicators.OnlineTradeFraud);
        for (var year = plan.StartYear; year <= plan.EndYear; year++)
        {
            foreach (var r in municipalities)
            {
                derivations.Add((layout.Slot(r, exclCyber, year), [.. parts.Select(p => layout.Slot(r, p, year))]));
                derivations.Add((layout.Slot(r, total, year), [layout.Slot(r, exclCyber, year), layout.Slot(r, fraud, year)]));
            }
        }
        var region = layout.RegionIndex(Regions.VeluweWest);
        for (var i = 0; i < Indicators.All.Length; i++)
        {
            if (Indicators.All[i].Kind != IndicatorKind.Count) continue;
            for (var year = plan.StartYear; year <= plan.EndYear; year++)
                derivations.Add((layout.Slot(region, i, year), [.. municipalities.Select(m => layout.Slot(m, i, year))]));
        }
        return [.. derivations];
    }

    private void Derive(Span<int> output)
    {
        foreach (var (target, sources) in _derivations)
        {
            var sum = 0;
            foreach (var source in sources) sum += output[source];
            output[target] = sum;
        }
        // The region's survey score: the population-weighted mean of its municipalities' measured scores.
        for (var year = _plan.StartYear; year <= _plan.EndYear; year++)
        {
            var y = year - _plan.StartYear;
            var weights = _plan.ScoreWeights[y];
            double mean = 0;
            for (var m = 0; m < _municipalityRegions.Length; m++) mean += weights[m] * _scoreNoisy[m * _plan.YearCount + y];
            output[_layout.Slot(_regionIndex, _scoreIndicator, year)] = ToPublished(mean);
        }
    }
}
