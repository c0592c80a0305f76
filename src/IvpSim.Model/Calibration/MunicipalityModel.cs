using System.Collections.Immutable;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Calibration;

/// <summary>Everything the simulator needs to know about one municipality's baseline: its fitted count series and its survey score.</summary>
public sealed record MunicipalityModel(string Municipality, ImmutableArray<SeriesFit> Counts, ScoreSeriesModel Score);
