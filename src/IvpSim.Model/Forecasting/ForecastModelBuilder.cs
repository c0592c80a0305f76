using System.Collections.Immutable;
using IvpSim.Model.Calibration;
using IvpSim.Model.Random;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// A count series to project and the national series of the same kind that it may follow (or none);
/// <paramref name="Local"/>: a municipal series (national path × local factor, see <see cref="SeriesFitter.FitLocal"/>).
/// </summary>
public sealed record ComponentSeries(CalibrationSeries Series, CalibrationSeries? Anchor, bool Local = false);

/// <summary>
/// Builds a <see cref="ForecastModel"/>: what the series share is pooled across them (their typical noise and the
/// variance of a common yearly shock), the national series are fitted among themselves, then every series is
/// fitted under every structure. The run does the same steps on grains; backtests and calibration call this.
/// </summary>
public static class ForecastModelBuilder
{
    public static ForecastModel Build(IReadOnlyList<ComponentSeries> components, ForecastSettings settings)
    {
        var pooled = Pool([.. components.Where(c => !c.Local).Select(c => c.Series)], settings);
        var municipal = components.Where(c => c.Local).Select(c => c.Anchor).OfType<CalibrationSeries>().Select(a => (a.Region, a.Indicator)).ToHashSet();
        var anchors = FitAnchors([.. components.Select(c => c.Anchor).OfType<CalibrationSeries>().DistinctBy(a => (a.Region, a.Indicator))], settings,
            a => municipal.Contains((a.Region, a.Indicator)));
        return Assemble(settings, pooled, components.Select(c => Fit(c, pooled, anchors, settings)).ToImmutableArray(), anchors);
    }

    /// <summary>The pooled noise and how strongly these series move together.</summary>
    public static PooledHyperparameters Pool(IReadOnlyList<CalibrationSeries> all, ForecastSettings settings)
    {
        var noise = NoiseEstimator.Pooled(all, settings);
        return new(noise, Pooling.CommonCorrelation(all, noise));
    }

    /// <summary>
    /// The national series, fitted with noise pooled among themselves; an anchor's index is its place here.
    /// <paramref name="municipal"/> tells which of them municipal series follow. Such a path is projected as a steady
    /// (damped) trend, without a wandering slope (see <see cref="ForecastKernel"/>), so it starts from the slope the data
    /// last saw (<see cref="TrendEstimate.SeenSlope"/>): the filter's final slope also carries that year's unseen change
    /// of slope, the first year of the wander the projection leaves out, which a steady path would hold for every year
    /// ahead.
    /// </summary>
    public static ImmutableArray<SeriesFit> FitAnchors(IReadOnlyList<CalibrationSeries> anchors, ForecastSettings settings,
        Func<CalibrationSeries, bool> municipal)
    {
        if (anchors.Count == 0) return [];
        var pooled = NoiseEstimator.Pooled(anchors, settings);
        var wander = settings.SlopeDriftSd * settings.SlopeDriftSd;
        SeriesFit Anchor(CalibrationSeries series)
        {
            var fit = SeriesFitter.Fit(series, pooled, settings);
            return municipal(series) ? fit with { Trend = fit.Trend.SeenSlope(wander * fit.DriftScale) } : fit;
        }
        return [.. anchors.Select(Anchor)];
    }

    public static SeriesFit Fit(ComponentSeries component, PooledHyperparameters pooled, ImmutableArray<SeriesFit> anchors,
        ForecastSettings settings)
    {
        var anchorIndex = component.Anchor is null ? -1
            : anchors.IndexOf(anchors.First(a => a.Region == component.Anchor.Region && a.Indicator == component.Anchor.Indicator));
        var anchorNoise = anchorIndex >= 0 ? anchors[anchorIndex].Noise : 0;
        return component.Local
            ? SeriesFitter.FitLocal(component.Series, settings, component.Anchor, anchorIndex, anchorNoise)
            : SeriesFitter.Fit(component.Series, pooled.Noise, settings, component.Anchor, anchorIndex, anchorNoise);
    }

    public static ForecastModel Assemble(ForecastSettings settings, PooledHyperparameters pooled, ImmutableArray<SeriesFit> fits,
        ImmutableArray<SeriesFit> anchors) =>
        new(settings, pooled.CommonCorrelation, fits, [.. fits.Select(f => Purpose(f.Region, f.Indicator))], anchors);

    /// <summary>The random stream key of a series: stable across runs, scenarios and processes.</summary>
    public static ulong Purpose(string region, string indicator) => RandomStreams.Purpose($"count/{region}/{indicator}");
}
