using System.Collections.Immutable;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Calibration;

/// <summary>A municipality's count in two years: one real movement relative to all municipalities over <see cref="Gap"/> years.</summary>
public sealed record CrossSectionPair(string Region, double First, double Last, int Gap);

/// <summary>One year-on-year change of a municipal series (of <paramref name="Indicator"/>) and of the national series it follows.</summary>
public sealed record YearlyChange(double Previous, double Current, double NationalPrevious, double NationalCurrent, string Indicator = "")
{
    /// <summary>The squared change relative to national, less what counting noise with this dispersion explains.</summary>
    public double Excess(double dispersion)
    {
        var d = CalibrationSeries.LogChange(Previous, Current) - CalibrationSeries.LogChange(NationalPrevious, NationalCurrent);
        return d * d - dispersion * (1 / (Previous + 0.5) + 1 / (Current + 0.5));
    }
}

/// <summary>The local constants and what they were learned from.</summary>
/// <param name="Alpha">Variance of a municipality's relative log change over the gap, beyond counting noise.</param>
/// <param name="YearlyExcess">Mean squared yearly change of the municipal totals relative to national, beyond counting noise.</param>
/// <param name="TypeNoise">Per crime type, its own yearly noise beyond what the municipality's series share.</param>
public sealed record LocalEstimate(double DriftSd, double Noise, double Dispersion, int Municipalities, int Gap, double Alpha,
    int YearlyChanges, double YearlyExcess)
{
    public ImmutableSortedDictionary<string, double> TypeNoise { get; init; } = ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);

    /// <summary>How many year-on-year changes of the crime types gave <see cref="TypeNoise"/>.</summary>
    public int TypeChanges { get; init; }

    /// <summary>The municipalities of the cross-section left out for a count below <see cref="LocalCalibrator.MinimumCount"/>.</summary>
    public ImmutableArray<string> SmallCounts { get; init; } = [];

    /// <summary>The kurtosis of a municipality's movement over the gap beyond counting noise (3: normal); NaN without movement.</summary>
    public double Kurtosis { get; init; } = double.NaN;

    /// <summary>The shape of the volatility mixture that gives <see cref="Kurtosis"/> (<see cref="LocalCalibrator.VolatilityShape"/>).</summary>
    public double VolatilityShape => LocalCalibrator.VolatilityShape(Kurtosis);
}

/// <summary>
/// Learns how far a municipality moves away from the national development, by the method of moments on real
/// municipalities. Over a gap of g years a municipality's log change minus the mean log change of all has variance
/// α + φ·(1/y₁ + 1/y₂): α = g·q + 2ψ (a drift q per year and a yearly noise ψ) and φ the dispersion of counts
/// relative to Poisson. A regression of the squared deviations on 1/y₁ + 1/y₂ gives α and φ. The split of α between
/// drift and noise needs year-on-year changes of municipal totals (variance q + 2ψ beyond counting noise); without them
/// all of α is drift (the wider choice at long horizons). A crime type moves more than the total it is part of (a
/// burglary wave): its year-on-year changes have variance q + 2ψ + 2ψ_type, which gives each type's own noise ψ_type.
/// </summary>
public static class LocalCalibrator
{
    public const int MinimumMunicipalities = 10;

    /// <summary>
    /// A municipality counts toward the local constants only with at least this many crimes in both years. Below it the
    /// counting noise of ln(y + 0.5) is no longer about 1/y, and one such point (a zero, a typing error) would set the
    /// dispersion on its own: its 1/y is a hundred times that of a typical municipality.
    /// </summary>
    public const double MinimumCount = 20;

    /// <summary>Whether a municipality counts toward the constants: at least <see cref="MinimumCount"/> crimes in both years.</summary>
    public static bool LargeEnough(CrossSectionPair pair) => Math.Min(pair.First, pair.Last) >= MinimumCount;

    /// <summary>Whether these municipalities are enough to learn the constants from (what <see cref="Estimate"/> requires).</summary>
    public static bool Enough(IEnumerable<CrossSectionPair> pairs) => pairs.Count(LargeEnough) >= MinimumMunicipalities;

    /// <param name="changes">Year-on-year changes of municipal totals against the national total: they split α.</param>
    /// <param name="typeChanges">Year-on-year changes of municipal crime types against their national series, by indicator.</param>
    public static LocalEstimate Estimate(IReadOnlyList<CrossSectionPair> pairs, IReadOnlyList<YearlyChange> changes,
        IReadOnlyList<YearlyChange>? typeChanges = null)
    {
        var small = pairs.Where(p => !LargeEnough(p)).Select(p => p.Region).ToImmutableArray();
        if (!small.IsEmpty) pairs = [.. pairs.Where(LargeEnough)];
        if (pairs.Count < MinimumMunicipalities)
        {
            throw new ModelInputException($"te weinig gemeenten in de dwarsdoorsnede ({pairs.Count} met minstens {MinimumCount} misdrijven " +
                $"in beide jaren; minstens {MinimumMunicipalities})");
        }
        var gaps = pairs.Select(p => p.Gap).Distinct().ToArray();
        if (gaps.Length != 1 || gaps[0] < 2)
            throw new ModelInputException("de dwarsdoorsnede moet voor elke gemeente dezelfde twee jaren hebben, minstens twee jaar uiteen");
        var gap = gaps[0];
        var change = pairs.Select(p => CalibrationSeries.LogChange(p.First, p.Last)).ToArray();
        var mean = change.Average();
        // Centering on the mean costs one degree of freedom: (n − 1)/n of each squared deviation's expectation.
        var correction = pairs.Count / (pairs.Count - 1.0);
        var y = change.Select(c => (c - mean) * (c - mean) * correction).ToArray();
        var x = pairs.Select(p => 1 / (p.First + 0.5) + 1 / (p.Last + 0.5)).ToArray();
        var (alpha, dispersion) = Regression(x, y);
        dispersion = Math.Clamp(dispersion, 1, 100);
        alpha = Math.Max(0, y.Average() - dispersion * x.Average());

        var (drift, noise, excess) = Split(alpha, gap, changes, dispersion);
        return new LocalEstimate(Math.Sqrt(drift), noise, dispersion, pairs.Count, gap, alpha, changes.Count, excess)
        {
            Kurtosis = Kurtosis([.. change.Select(c => c - mean)], x, alpha, dispersion),
            TypeNoise = TypeNoise(typeChanges ?? [], SharedYearly(drift, noise), dispersion), TypeChanges = typeChanges?.Count ?? 0,
            SmallCounts = small,
        };
    }

    /// <summary>
    /// Splits the spread α over <paramref name="gap"/> years into a yearly drift variance q and a yearly noise ψ, with
    /// α = g·q + 2ψ and the year-on-year changes' excess = q + 2ψ (each at least zero); without changes all of α is drift
    /// (the wider choice at long horizons) and the excess is NaN.
    /// </summary>
    public static (double DriftVariance, double Noise, double Excess) Split(double alpha, int gap, IReadOnlyList<YearlyChange> changes,
        double dispersion)
    {
        if (changes.Count == 0) return (alpha / gap, 0, double.NaN);
        var excess = changes.Average(c => c.Excess(dispersion));
        var drift = Math.Max(0, (alpha - excess) / (gap - 1));
        return (drift, Math.Max(0, (alpha - gap * drift) / 2), excess);
    }

    /// <summary>
    /// The kurtosis of the movement L beyond counting noise, by the method of moments: a deviation d = L + e with counting
    /// noise e ~ N(0, s²), s² = φ·(1/y₁ + 1/y₂), has E[d⁴] = E[L⁴] + 6·α·s² + 3·s⁴, and E[L²] = α.
    /// </summary>
    public static double Kurtosis(double[] deviations, double[] inverseCounts, double alpha, double dispersion)
    {
        if (alpha <= 0) return double.NaN;
        var fourth = deviations.Select((d, i) =>
        {
            var s2 = dispersion * inverseCounts[i];
            return d * d * d * d - 6 * alpha * s2 - 3 * s2 * s2;
        }).Average();
        return fourth / (alpha * alpha);
    }

    /// <summary>
    /// The shape k of w ~ Gamma(k, 1/k) that scales a municipality's variance: L | w ~ N(0, w·α) has kurtosis 3·(1 + 1/k).
    /// 0 (every municipality alike) when the kurtosis is at most normal or so close to it that k would exceed 1000; at
    /// most a kurtosis of 6 (k = 1, exponential w), beyond which one municipality's outlier would set it alone.
    /// </summary>
    public static double VolatilityShape(double kurtosis)
    {
        if (!(kurtosis > 3)) return 0;
        var shape = 1 / (Math.Min(kurtosis, 6) / 3 - 1);
        return shape > 1000 ? 0 : shape;
    }

    /// <summary>The variance of a municipal total's year-on-year change beyond counting noise: q + 2ψ (drift variance, noise).</summary>
    public static double SharedYearly(double driftVariance, double noise) => driftVariance + 2 * noise;

    /// <summary>
    /// Each crime type's own yearly noise: its year-on-year changes beyond counting noise, less what the municipality's
    /// series share (<paramref name="shared"/> = q + 2ψ), halved; at least zero.
    /// </summary>
    public static ImmutableSortedDictionary<string, double> TypeNoise(IReadOnlyList<YearlyChange> typeChanges, double shared, double dispersion) =>
        typeChanges.GroupBy(c => c.Indicator, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => Math.Round(Math.Max(0, (g.Average(c => c.Excess(dispersion)) - shared) / 2), 5), StringComparer.Ordinal);

    /// <summary>
    /// These settings with the local constants of <paramref name="estimate"/>; an estimate learned without crime types'
    /// changes says nothing about their own noise and keeps the settings' (a cross-section of totals alone).
    /// </summary>
    public static ForecastSettings Apply(ForecastSettings settings, LocalEstimate estimate) => WithSplit(settings, estimate.DriftSd, estimate.Noise) with
    {
        LocalDispersion = Math.Round(estimate.Dispersion, 3),
        LocalVolatilityShape = Math.Round(estimate.VolatilityShape, 2),
        LocalTypeNoise = estimate.TypeChanges > 0 ? estimate.TypeNoise : settings.LocalTypeNoise,
        LocalSpread = new LocalSpread(Math.Round(estimate.Alpha, 6), estimate.Gap),
    };

    /// <summary>
    /// These settings with the local drift and noise split again from their spread by other yearly changes (in a forward
    /// backtest: those up to the origin), and the crime types' own noise learned from <paramref name="types"/>. Settings
    /// without a known spread keep their split and get only the types' noise.
    /// </summary>
    public static ForecastSettings Resplit(ForecastSettings settings, IReadOnlyList<YearlyChange> totals, IReadOnlyList<YearlyChange> types)
    {
        if (settings.LocalSpread is { } spread)
        {
            var (drift, noise, _) = Split(spread.Variance, spread.Years, totals, settings.LocalDispersion);
            settings = WithSplit(settings, Math.Sqrt(drift), noise);
        }
        var shared = SharedYearly(settings.LocalDriftSd * settings.LocalDriftSd, settings.LocalNoise);
        return settings with { LocalTypeNoise = TypeNoise(types, shared, settings.LocalDispersion) };
    }

    /// <summary>These settings with a local drift and noise, rounded as the calibration file stores them.</summary>
    private static ForecastSettings WithSplit(ForecastSettings settings, double driftSd, double noise) =>
        settings with { LocalDriftSd = Math.Round(driftSd, 5), LocalNoise = Math.Round(noise, 5) };

    /// <summary>
    /// The plan municipalities' year-on-year changes up to <paramref name="until"/> against the national series of their
    /// kind: of their registered totals (which split the cross-section's spread) and of their crime types (their own noise).
    /// </summary>
    public static (ImmutableArray<YearlyChange> Totals, ImmutableArray<YearlyChange> Types) PlanChanges(ObservationSet observations,
        IReadOnlyList<CalibrationSeries> national, int until = int.MaxValue)
    {
        IEnumerable<(CalibrationSeries, CalibrationSeries)> WithNational(IEnumerable<CalibrationSeries> municipal) =>
            municipal.Select(s => (Series: s.Until(until), National: national.FirstOrDefault(n => n.Indicator == s.Indicator)))
                .Where(p => p.National is not null).Select(p => (p.Series, p.National!));
        return (Changes(WithNational(Regions.Municipalities.Select(m => CalibrationInputs.Observed(observations, m, Indicators.TotalCrimes)))),
            Changes(WithNational(Regions.Municipalities.SelectMany(m => CalibrationInputs.CountSeries(observations, m)))));
    }

    /// <summary>The pairs of a data set: every region with exactly its first and last year observed, both years the same for all.</summary>
    public static ImmutableArray<CrossSectionPair> Pairs(IEnumerable<CalibrationSeries> series) =>
        [.. series.Where(s => s.Count >= 2).Select(s => new CrossSectionPair(s.Region, s.Values[0], s.Values[^1], s.Years[^1] - s.Years[0]))];

    /// <summary>The year-on-year changes of municipal series against their national series, leaving out imputed points.</summary>
    public static ImmutableArray<YearlyChange> Changes(IEnumerable<(CalibrationSeries Series, CalibrationSeries National)> series)
    {
        var changes = ImmutableArray.CreateBuilder<YearlyChange>();
        foreach (var (s, n) in series)
        {
            for (var i = 1; i < s.Count; i++)
            {
                if (s.Years[i] != s.Years[i - 1] + 1 || s.Imputed[i] || s.Imputed[i - 1]) continue;
                if (n.ValueIn(s.Years[i - 1]) is not { } np || n.ValueIn(s.Years[i]) is not { } nc) continue;
                changes.Add(new YearlyChange(s.Values[i - 1], s.Values[i], np, nc, s.Indicator));
            }
        }
        return changes.ToImmutable();
    }

    /// <summary>Ordinary least squares of y on x: intercept and slope.</summary>
    private static (double Intercept, double Slope) Regression(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        var slope = sxx > 0 ? sxy / sxx : 1;
        return (my - slope * mx, slope);
    }
}
