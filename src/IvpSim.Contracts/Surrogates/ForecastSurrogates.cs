using System.Collections.Immutable;
using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;

namespace IvpSim.Contracts.Surrogates;

// A municipality's calibrated baseline, as it crosses silo boundaries (see DataSurrogates.cs).

[GenerateSerializer, Immutable, Alias("ivpsim.TrendEstimate")]
public readonly record struct TrendEstimateSurrogate(
    [property: Id(0)] double Level, [property: Id(1)] double Slope, [property: Id(2)] double L11, [property: Id(3)] double L21,
    [property: Id(4)] double L22);

[RegisterConverter]
public sealed class TrendEstimateConverter : IConverter<TrendEstimate, TrendEstimateSurrogate>
{
    public TrendEstimate ConvertFromSurrogate(in TrendEstimateSurrogate s) => new(s.Level, s.Slope, s.L11, s.L21, s.L22);
    public TrendEstimateSurrogate ConvertToSurrogate(in TrendEstimate v) => new(v.Level, v.Slope, v.L11, v.L21, v.L22);
}

[GenerateSerializer, Immutable, Alias("ivpsim.LevelEstimate")]
public readonly record struct LevelEstimateSurrogate([property: Id(0)] double Level, [property: Id(1)] double Sd);

[RegisterConverter]
public sealed class LevelEstimateConverter : IConverter<LevelEstimate, LevelEstimateSurrogate>
{
    public LevelEstimate ConvertFromSurrogate(in LevelEstimateSurrogate s) => new(s.Level, s.Sd);
    public LevelEstimateSurrogate ConvertToSurrogate(in LevelEstimate v) => new(v.Level, v.Sd);
}

[GenerateSerializer, Immutable, Alias("ivpsim.GapEstimate")]
public readonly record struct GapEstimateSurrogate([property: Id(0)] int Year, [property: Id(1)] double Level, [property: Id(2)] double Sd);

[RegisterConverter]
public sealed class GapEstimateConverter : IConverter<GapEstimate, GapEstimateSurrogate>
{
    public GapEstimate ConvertFromSurrogate(in GapEstimateSurrogate s) => new(s.Year, s.Level, s.Sd);
    public GapEstimateSurrogate ConvertToSurrogate(in GapEstimate v) => new(v.Year, v.Level, v.Sd);
}

[GenerateSerializer, Immutable, Alias("ivpsim.SeriesFit")]
public readonly record struct SeriesFitSurrogate(
    [property: Id(0)] string Region, [property: Id(1)] string Indicator, [property: Id(2)] double Noise,
    [property: Id(3)] TrendEstimate Trend, [property: Id(4)] LevelEstimate Level, [property: Id(5)] int Anchor,
    [property: Id(6)] LevelEstimate Offset, [property: Id(7)] ImmutableArray<GapEstimate> Gaps,
    [property: Id(8)] ImmutableArray<int> ObservedYears, [property: Id(9)] ImmutableArray<double> ObservedValues,
    [property: Id(10)] bool Local, [property: Id(11)] double DriftScale, [property: Id(12)] double LastUpheaval);

[RegisterConverter]
public sealed class SeriesFitConverter : IConverter<SeriesFit, SeriesFitSurrogate>
{
    public SeriesFit ConvertFromSurrogate(in SeriesFitSurrogate s) => new(s.Region, s.Indicator, s.Noise, s.Trend, s.Level, s.Anchor,
        s.Offset, s.Gaps, s.ObservedYears, s.ObservedValues) { Local = s.Local, DriftScale = s.DriftScale, LastUpheaval = s.LastUpheaval };
    public SeriesFitSurrogate ConvertToSurrogate(in SeriesFit v) => new(v.Region, v.Indicator, v.Noise, v.Trend, v.Level, v.Anchor,
        v.Offset, v.Gaps, v.ObservedYears, v.ObservedValues, v.Local, v.DriftScale, v.LastUpheaval);
}

[GenerateSerializer, Immutable, Alias("ivpsim.ScoreSeriesModel")]
public readonly record struct ScoreSeriesModelSurrogate(
    [property: Id(0)] string Municipality, [property: Id(1)] ImmutableArray<int> ObservedYears,
    [property: Id(2)] ImmutableArray<double> ObservedValues, [property: Id(3)] double TrendMean, [property: Id(4)] double TrendSd,
    [property: Id(5)] double StepSd, [property: Id(6)] double SurveySe);

[RegisterConverter]
public sealed class ScoreSeriesModelConverter : IConverter<ScoreSeriesModel, ScoreSeriesModelSurrogate>
{
    public ScoreSeriesModel ConvertFromSurrogate(in ScoreSeriesModelSurrogate s) =>
        new(s.Municipality, s.ObservedYears, s.ObservedValues, s.TrendMean, s.TrendSd, s.StepSd, s.SurveySe);
    public ScoreSeriesModelSurrogate ConvertToSurrogate(in ScoreSeriesModel v) =>
        new(v.Municipality, v.ObservedYears, v.ObservedValues, v.TrendMean, v.TrendSd, v.StepSd, v.SurveySe);
}

[GenerateSerializer, Immutable, Alias("ivpsim.MunicipalityModel")]
public readonly record struct MunicipalityModelSurrogate(
    [property: Id(0)] string Municipality, [property: Id(1)] ImmutableArray<SeriesFit> Counts, [property: Id(2)] ScoreSeriesModel Score);

[RegisterConverter]
public sealed class MunicipalityModelConverter : IConverter<MunicipalityModel, MunicipalityModelSurrogate>
{
    public MunicipalityModel ConvertFromSurrogate(in MunicipalityModelSurrogate s) => new(s.Municipality, s.Counts, s.Score);
    public MunicipalityModelSurrogate ConvertToSurrogate(in MunicipalityModel v) => new(v.Municipality, v.Counts, v.Score);
}
