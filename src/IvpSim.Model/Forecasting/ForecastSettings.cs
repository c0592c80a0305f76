using System.Collections.Immutable;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// The forecast model's shared constants, set by <c>calibrate</c> from rolling-origin backtests on many real series
/// (<see cref="ForecastCalibrator"/>) and stored with the scenarios. Variances are on the log scale.
/// </summary>
/// <param name="NoiseScale">Multiplies each series' own yearly noise variance (its extra-Poisson spread).</param>
/// <param name="NoisePriorDf">How many observations the pooled noise is worth against a series' own residuals.</param>
/// <param name="LevelDriftSd">Yearly sd of lasting level shifts (random walk).</param>
/// <param name="JumpProbability">Chance that a year is a year of upheaval, in which every series also shifts by a jump.</param>
/// <param name="JumpSd">Sd of such a jump.</param>
/// <param name="SlopePriorSd">Prior sd of a series' log slope per year: a trend is believed only as far as the data show it.</param>
/// <param name="SlopeDriftSd">Yearly sd of changes in the slope.</param>
/// <param name="Weights">Each structure's weight, learned by stacking on out-of-sample CRPS, in <see cref="Structures.All"/> order.</param>
/// <param name="AnchorWeights">The weights with which a national series is projected where a local one follows it (no anchored structure).</param>
public sealed record ForecastSettings(
    double NoiseScale,
    double NoisePriorDf,
    double LevelDriftSd,
    double JumpProbability,
    double JumpSd,
    double SlopePriorSd,
    double SlopeDriftSd,
    ImmutableArray<double> Weights,
    ImmutableArray<double> AnchorWeights)
{
    /// <summary>
    /// Years of upheaval come in runs: the extra chance that a series' first projected year is one, when its last
    /// observed year was (times the filter's posterior that it was). In the reference corpus a shock year was followed by
    /// another in 27% of cases, a calm year in 11%. 0: years of upheaval are independent.
    /// </summary>
    public double JumpRepeat { get; init; }

    /// <summary>
    /// Municipal series: yearly sd of the drift of a municipality's level relative to the national development (one
    /// local factor shared by all its series), learned from the cross-section of Dutch municipalities.
    /// </summary>
    public double LocalDriftSd { get; init; } = 0.04;

    /// <summary>Municipal series: yearly noise variance on the log scale that does not depend on the size of the series.</summary>
    public double LocalNoise { get; init; } = 0.002;

    /// <summary>
    /// Municipal series: municipalities differ in how much they move. In each trajectory a municipality's local drift and
    /// shared noise are scaled by √w, w ~ Gamma(shape, 1/shape) (mean 1, so the variance stays): a few move much, most
    /// little, as real municipalities' movements relative to national are more peaked than normal. 0: every
    /// municipality moves alike (a normal local factor).
    /// </summary>
    public double LocalVolatilityShape { get; init; }

    /// <summary>
    /// Municipal series: per indicator, the yearly noise variance of a crime type beyond what the municipality's series
    /// share (<see cref="LocalNoise"/>): a burglary wave in one municipality, which its total hardly sees. Learned from the
    /// plan's own year-on-year changes per type; an indicator without an entry has none.
    /// </summary>
    public ImmutableSortedDictionary<string, double> LocalTypeNoise { get; init; } = ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// These settings with every municipal constant of <paramref name="source"/> (drift, noise, dispersion, volatility
    /// shape, spread, the crime types' noise): national constants learned elsewhere, the local ones kept.
    /// </summary>
    public ForecastSettings WithLocalOf(ForecastSettings source) => this with
    {
        LocalDriftSd = source.LocalDriftSd, LocalNoise = source.LocalNoise, LocalDispersion = source.LocalDispersion,
        LocalVolatilityShape = source.LocalVolatilityShape, LocalSpread = source.LocalSpread, LocalTypeNoise = source.LocalTypeNoise,
    };

    /// <summary>The own yearly noise variance of a municipal series of this indicator (<see cref="LocalTypeNoise"/>).</summary>
    public double TypeNoise(string indicator) => LocalTypeNoise.GetValueOrDefault(indicator);

    /// <summary>
    /// Municipal series: the variance of a yearly count relative to Poisson (1 = Poisson). Crime comes in clusters (one
    /// offender, many registrations), so a small series moves more than Poisson alone.
    /// </summary>
    public double LocalDispersion { get; init; } = 2;

    /// <summary>
    /// Municipal series: the cross-section's spread that <see cref="LocalDriftSd"/> and <see cref="LocalNoise"/> were split
    /// from (by the plan's yearly changes); null when not known (a calibration file from before it was kept).
    /// </summary>
    public LocalSpread? LocalSpread { get; init; }

    /// <summary>
    /// Resamples of <see cref="AnchorWeights"/> (stacking on bootstrap samples of the out-of-sample forecasts): how far
    /// the data pin the weights down. Empty: only the weights themselves.
    /// </summary>
    public ImmutableArray<ImmutableArray<double>> WeightSamples { get; init; } = [];

    /// <summary>
    /// The constants each calibration search found (empty: only these settings' own). Trajectory j is projected with
    /// set j mod n, so a run's spread holds what the data leave open about the constants; the settings' own constants
    /// (the median of the searches) are what is shown and what a single structure's fit reports.
    /// </summary>
    public ImmutableArray<ForecastConstants> Searched { get; init; } = [];

    /// <summary>The settings a trajectory can be projected with: one per search, or these settings alone.</summary>
    public ImmutableArray<ForecastSettings> Alternatives() => Searched.IsEmpty ? [this] : [.. Searched.Select(c => c.Apply(this))];

    /// <summary>How many sets of constants a run projects with (<see cref="Alternatives"/>), without making them.</summary>
    public int AlternativeCount => Math.Max(1, Searched.Length);

    /// <summary>Which of <see cref="Alternatives"/> projects trajectory <paramref name="trajectory"/>: a function of the trajectory alone.</summary>
    public static int AlternativeOf(long trajectory, int alternatives) => (int)(trajectory % alternatives);

    /// <summary>Before calibration: plain defaults, equal weights.</summary>
    public static ForecastSettings Uncalibrated { get; } = new(1, 2, 0.03, 0, 0, 0.05, 0,
        [.. Structures.All.Select(_ => 1.0 / Structures.All.Length)],
        [.. Structures.All.Select(s => s.Kind == StructureKind.Anchored ? 0 : 1.0 / (Structures.All.Length - 1))]);

    /// <summary>The floor under a series' noise variance, so that no fit is taken as exact.</summary>
    public const double MinNoise = 1e-5;

    /// <summary>These settings with all weight on one structure (anchored: national series follow the anchor weights).</summary>
    public ForecastSettings Only(int structure)
    {
        ImmutableArray<double> only = [.. Structures.All.Select((_, i) => i == structure ? 1.0 : 0)];
        return Structures.All[structure].Kind == StructureKind.Anchored
            ? this with { Weights = only }
            : this with { Weights = only, AnchorWeights = only, WeightSamples = [] };
    }

    /// <summary>One line per problem with these settings; empty when they are valid.</summary>
    public IEnumerable<(string Field, string Problem)> Problems()
    {
        foreach (var problem in ForecastConstants.Of(this).Problems()) yield return problem;
        foreach (var (field, problem) in Searched.SelectMany((c, k) => c.Problems().Select(p => ($"searches[{k + 1}].{p.Field}", p.Problem))))
            yield return (field, problem);
        if (LocalDriftSd is < 0 or > 1) yield return ("local_drift_sd", "moet tussen 0 en 1 liggen");
        if (LocalNoise is < 0 or > 1) yield return ("local_noise", "moet tussen 0 en 1 liggen");
        if (LocalVolatilityShape is not 0 and (< 1 or > 1000)) yield return ("local_volatility_shape", "moet 0 (geen) of tussen 1 en 1000 liggen");
        if (LocalDispersion is < 1 or > 100) yield return ("local_dispersion", "moet tussen 1 en 100 liggen");
        if (LocalSpread is { } spread && (spread.Variance is < 0 or > 1 || spread.Years < 2))
            yield return ("local_spread", "moet tussen 0 en 1 liggen, over minstens 2 jaar");
        foreach (var (indicator, noise) in LocalTypeNoise)
            if (noise is < 0 or > 1) yield return ("local_type_noise", $"{indicator}: moet tussen 0 en 1 liggen");
        if (WeightSamples.Any(w => w.Length != Structures.All.Length || w.Any(x => x < 0) || Math.Abs(w.Sum() - 1) > 1e-3))
            yield return ("weight_samples", $"elke steekproef heeft {Structures.All.Length} niet-negatieve gewichten die samen 1 zijn");
        foreach (var (name, weights) in new[] { ("weights", Weights), ("anchor_weights", AnchorWeights) })
        {
            if (weights.Length != Structures.All.Length)
                yield return (name, $"verwacht {Structures.All.Length} gewichten");
            else if (weights.Any(w => w < 0) || Math.Abs(weights.Sum() - 1) > 1e-6)
                yield return (name, "gewichten moeten niet-negatief zijn en samen 1 zijn");
        }
        if (AnchorWeights.Length == Structures.All.Length && AnchorWeights[Structures.IndexOf(Structures.AnchoredId)] != 0)
            yield return ("anchor_weights", "een landelijke reeks kan zichzelf niet volgen: gewicht van national-anchored moet 0 zijn");
    }
}
