using IvpSim.Model.Calibration;
using IvpSim.Model.Random;

namespace IvpSim.Model.Simulation;

/// <summary>
/// One count series projected in one trajectory: level and slope drawn from their posterior, a damped trend, a
/// random-walk level drift, a yearly log-normal shock (part of it common to all series that year) and Poisson
/// noise drawn monotonically from its own uniform. Observed years keep their observed values.
/// </summary>
public static class CountProjection
{
    /// <summary>A ceiling far above any municipality's yearly count; it keeps a wild draw from stalling the sampler.</summary>
    public const double MaxYearlyCount = 1e7;

    /// <param name="commonShocks">Standard normal common shock per year, indexed by year − <paramref name="startYear"/>.</param>
    /// <param name="multipliers">Multiplier of the expected count per year (same index); empty: none.</param>
    /// <param name="values">Output per year (same index).</param>
    public static void Simulate(CountSeriesModel series, double commonVariance, ModelSettings settings, ulong seed,
        long trajectory, ulong purpose, int startYear, int endYear, ReadOnlySpan<double> commonShocks,
        ReadOnlySpan<double> multipliers, Span<int> values)
    {
        var rng = RandomStreams.For(seed, trajectory, purpose);
        var psi = series.Overdispersion;
        var level = series.LevelMean + series.LevelSd * rng.NextStandardNormal();
        var slope = series.SlopeMean + series.SlopeSd * rng.NextStandardNormal();
        var last = series.LastObservedYear;
        var logLevel = level + slope * (last - series.CenterYear);
        // The shared yearly shock takes at most 90% of this series' extra variance; the rest is its own.
        var common = Math.Min(commonVariance, 0.9 * psi);
        var commonSd = Math.Sqrt(common);
        var ownSd = Math.Sqrt(psi - common);
        double trend = 0, drift = 0, damping = 1;
        for (var year = last + 1; year <= endYear; year++)
        {
            damping *= settings.TrendDamping;
            trend += slope * damping;
            drift += settings.LevelDriftSd * rng.NextStandardNormal();
            if (year < startYear) continue;
            var shock = commonSd * commonShocks[year - startYear] + ownSd * rng.NextStandardNormal();
            // The fit is on ln(y + 0.5): undo the offset; the shock has mean one on the count scale.
            var mean = Math.Exp(logLevel + trend + drift + shock - 0.5 * psi) - 0.5;
            if (!multipliers.IsEmpty) mean *= multipliers[year - startYear];
            // Poisson noise from its own uniform per series and year, monotone in the mean: a changed mean (an
            // intervention) moves this count only as far as the mean moves, and leaves every other draw as it was.
            var uniform = RandomStreams.For(seed, trajectory, purpose ^ (ulong)year * 0x9E3779B97F4A7C15UL).NextDouble();
            values[year - startYear] = PoissonSampler.Sample(Math.Min(mean, MaxYearlyCount), uniform);
        }
        // Years up to the last observation: the observed value, or for a year the data skip, a draw around the
        // fitted line (from streams of its own, so data without gaps give the same numbers as before).
        for (var year = startYear; year <= Math.Min(last, endYear); year++)
        {
            var observed = series.ObservedYears.IndexOf(year);
            if (observed >= 0)
            {
                values[year - startYear] = (int)series.ObservedValues[observed];
                continue;
            }
            var gap = RandomStreams.For(seed, trajectory, purpose ^ 0x5851F42D4C957F2DUL ^ (ulong)year);
            var shock = commonSd * commonShocks[year - startYear] + ownSd * gap.NextStandardNormal();
            var mean = Math.Exp(level + slope * (year - series.CenterYear) + shock - 0.5 * psi) - 0.5;
            if (!multipliers.IsEmpty) mean *= multipliers[year - startYear];
            values[year - startYear] = PoissonSampler.Sample(Math.Min(mean, MaxYearlyCount), gap.NextDouble());
        }
    }
}
