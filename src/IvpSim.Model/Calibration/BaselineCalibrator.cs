using System.Collections.Immutable;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Calibration;

/// <summary>
/// A calibrated baseline: what the series share, the national series they may follow, and each municipality's model;
/// and the same fits under each calibration search's constants (<see cref="ForecastSettings.Searched"/>; empty: none).
/// </summary>
public sealed record CalibratedBaseline(PooledHyperparameters Hyper, ImmutableArray<SeriesFit> Anchors, ImmutableArray<MunicipalityModel> Models)
{
    public ImmutableArray<SearchFit> SearchFits { get; init; } = [];
}

/// <summary>The fits under one search's constants: what the series share, the national paths, and every municipality's count series in plan order.</summary>
public sealed record SearchFit(PooledHyperparameters Hyper, ImmutableArray<SeriesFit> Anchors, ImmutableArray<SeriesFit> Counts)
{
    public static SearchFit Of(CalibratedBaseline baseline) => new(baseline.Hyper, baseline.Anchors,
        [.. Regions.Municipalities.SelectMany(m => baseline.Models.First(x => x.Municipality == m).Counts)]);
}

/// <summary>
/// The whole calibration in one call, for code that needs no grains (backtests, tests). The grain layer runs the
/// same steps (pooling across municipalities, then fitting per municipality) on separate grains.
/// </summary>
public static class BaselineCalibrator
{
    /// <param name="national">The national series per local indicator (<see cref="CalibrationSeries.Indicator"/>); may be empty.</param>
    public static CalibratedBaseline Calibrate(ObservationSet data, ModelSettings settings, ImmutableArray<CalibrationSeries> national)
    {
        var series = Regions.Municipalities.ToDictionary(m => m, m => CalibrationInputs.CountSeries(data, m));
        CalibratedBaseline With(ModelSettings s)
        {
            var (hyper, anchors) = Shared([.. series.Values.SelectMany(x => x)], s, national);
            return new(hyper, anchors, [.. Regions.Municipalities.Select(m => FitMunicipality(m, series[m], data, hyper, national, anchors, s))]);
        }
        return With(settings) with { SearchFits = [.. SearchSettings(settings).Select(s => SearchFit.Of(With(s)))] };
    }

    /// <summary>The settings to fit again with, one per calibration search (none when the settings carry no searches).</summary>
    public static IEnumerable<ModelSettings> SearchSettings(ModelSettings settings) =>
        settings.Forecast.Searched.IsEmpty ? [] : settings.Forecast.Alternatives().Select(a => settings with { Forecast = a });

    /// <summary>
    /// What the municipalities share, before each fits its own series: the pooled hyperparameters and the national series
    /// fitted for projection. The run's coordinator grain calls this too, so a run and a backtest calibrate alike.
    /// </summary>
    public static (PooledHyperparameters Hyper, ImmutableArray<SeriesFit> Anchors) Shared(IReadOnlyList<CalibrationSeries> all,
        ModelSettings settings, ImmutableArray<CalibrationSeries> national) =>
        (ForecastModelBuilder.Pool(all, settings.Forecast), ForecastModelBuilder.FitAnchors(national, settings.Forecast, municipal: _ => true));

    public static MunicipalityModel FitMunicipality(string municipality, IEnumerable<CalibrationSeries> series,
        ObservationSet data, PooledHyperparameters hyper, ImmutableArray<CalibrationSeries> national,
        ImmutableArray<SeriesFit> anchors, ModelSettings settings) =>
        new(municipality,
            [.. series.Select(s => ForecastModelBuilder.Fit(
                new ComponentSeries(s, national.FirstOrDefault(n => n.Indicator == s.Indicator), Local: true), hyper, anchors, settings.Forecast))],
            ScoreSeriesModel.Create(municipality, data.Series(municipality, Indicators.SafetyScore),
                data.Series(Regions.VeluweWest, Indicators.SafetyScore), settings));
}
