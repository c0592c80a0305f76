using System.Collections.Immutable;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// Everything the forecast kernel needs: the calibrated constants, the correlation of the components' yearly
/// shocks and level shifts, the fitted components and the national series they may follow (anchors).
/// </summary>
/// <param name="Purposes">Per component, the key of its random stream (stable across runs and scenarios).</param>
public sealed record ForecastModel(
    ForecastSettings Settings,
    double CommonCorrelation,
    ImmutableArray<SeriesFit> Components,
    ImmutableArray<ulong> Purposes,
    ImmutableArray<SeriesFit> Anchors);
