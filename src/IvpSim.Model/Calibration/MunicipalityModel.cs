using System.Collections.Immutable;

namespace IvpSim.Model.Calibration;

/// <summary>Everything the simulator needs to know about one municipality's baseline.</summary>
public sealed record MunicipalityModel(string Municipality, ImmutableArray<CountSeriesModel> Counts, ScoreSeriesModel Score);
