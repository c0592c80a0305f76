using System.Collections.Immutable;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Calibration;

/// <summary>
/// The whole calibration in one call, for code that needs no grains (backtests, tests). The grain layer runs the
/// same two steps, pooling across municipalities and fitting per municipality, on separate grains.
/// </summary>
public static class BaselineCalibrator
{
    public static (PooledHyperparameters Hyper, ImmutableArray<MunicipalityModel> Models) Calibrate(
        ObservationSet data, ModelSettings settings)
    {
        var series = Regions.Municipalities.ToDictionary(m => m, m => CalibrationInputs.CountSeries(data, m));
        var hyper = Pooling.Estimate([.. series.Values.SelectMany(s => s)], settings);
        ImmutableArray<MunicipalityModel> models =
            [.. Regions.Municipalities.Select(m => FitMunicipality(m, series[m], data, hyper, settings))];
        return (hyper, models);
    }

    public static MunicipalityModel FitMunicipality(string municipality, IEnumerable<CalibrationSeries> series,
        ObservationSet data, PooledHyperparameters hyper, ModelSettings settings) =>
        new(municipality,
            [.. series.Select(s => SeriesCalibrator.Fit(s, hyper, settings))],
            ScoreSeriesModel.Create(municipality, data.Series(municipality, Indicators.SafetyScore),
                data.Series(Regions.VeluweWest, Indicators.SafetyScore), settings));
}
