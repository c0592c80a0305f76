using System.Collections.Immutable;
using IvpSim.Model.Backtest;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;

namespace IvpSim.Contracts.Surrogates;

// What a backtest on a silo reads and returns (see DataSurrogates.cs).

[GenerateSerializer, Immutable, Alias("ivpsim.ReferenceSeries")]
public readonly record struct ReferenceSeriesSurrogate(
    [property: Id(0)] string Id, [property: Id(1)] string Kind, [property: Id(2)] string Label, [property: Id(3)] ImmutableArray<int> Years,
    [property: Id(4)] ImmutableArray<double> Values);

[RegisterConverter]
public sealed class ReferenceSeriesConverter : IConverter<ReferenceSeries, ReferenceSeriesSurrogate>
{
    public ReferenceSeries ConvertFromSurrogate(in ReferenceSeriesSurrogate s) => new(s.Id, s.Kind, s.Label, s.Years, s.Values);
    public ReferenceSeriesSurrogate ConvertToSurrogate(in ReferenceSeries v) => new(v.Id, v.Kind, v.Label, v.Years, v.Values);
}

[GenerateSerializer, Immutable, Alias("ivpsim.ReferenceCorpus")]
public readonly record struct ReferenceCorpusSurrogate([property: Id(0)] ImmutableArray<ReferenceSeries> Series);

[RegisterConverter]
public sealed class ReferenceCorpusConverter : IConverter<ReferenceCorpus, ReferenceCorpusSurrogate>
{
    public ReferenceCorpus ConvertFromSurrogate(in ReferenceCorpusSurrogate s) => new(s.Series);
    public ReferenceCorpusSurrogate ConvertToSurrogate(in ReferenceCorpus v) => new(v.Series);
}

[GenerateSerializer, Immutable, Alias("ivpsim.BacktestInputs")]
public readonly record struct BacktestInputsSurrogate(
    [property: Id(0)] ObservationSet Observations, [property: Id(1)] Population Population, [property: Id(2)] ReferenceCorpus Corpus,
    [property: Id(3)] ImmutableArray<CalibrationSeries> National, [property: Id(4)] ModelSettings Settings);

[RegisterConverter]
public sealed class BacktestInputsConverter : IConverter<BacktestInputs, BacktestInputsSurrogate>
{
    public BacktestInputs ConvertFromSurrogate(in BacktestInputsSurrogate s) => new(s.Observations, s.Population, s.Corpus, s.National, s.Settings);
    public BacktestInputsSurrogate ConvertToSurrogate(in BacktestInputs v) => new(v.Observations, v.Population, v.Corpus, v.National, v.Settings);
}

[GenerateSerializer, Immutable, Alias("ivpsim.BacktestOptions")]
public readonly record struct BacktestOptionsSurrogate(
    [property: Id(0)] ImmutableArray<int> Origins, [property: Id(1)] int MinHorizon, [property: Id(2)] int MaxHorizon, [property: Id(3)] int Draws,
    [property: Id(4)] ulong Seed, [property: Id(5)] bool PerStructure, [property: Id(6)] bool Forward, [property: Id(7)] int SearchDraws,
    [property: Id(8)] int Searches);

[RegisterConverter]
public sealed class BacktestOptionsConverter : IConverter<BacktestOptions, BacktestOptionsSurrogate>
{
    public BacktestOptions ConvertFromSurrogate(in BacktestOptionsSurrogate s) =>
        new(s.Origins, s.MinHorizon, s.MaxHorizon, s.Draws, s.Seed, s.PerStructure, s.Forward, s.SearchDraws, s.Searches);
    public BacktestOptionsSurrogate ConvertToSurrogate(in BacktestOptions v) =>
        new(v.Origins, v.MinHorizon, v.MaxHorizon, v.Draws, v.Seed, v.PerStructure, v.Forward, v.SearchDraws, v.Searches);
}

[GenerateSerializer, Immutable, Alias("ivpsim.BacktestRow")]
public readonly record struct BacktestRowSurrogate(
    [property: Id(0)] string DataSet, [property: Id(1)] string Region, [property: Id(2)] string Indicator, [property: Id(3)] int FitUntil,
    [property: Id(4)] int Year, [property: Id(5)] string Method, [property: Id(6)] double Observed, [property: Id(7)] double P05,
    [property: Id(8)] double P25, [property: Id(9)] double P50, [property: Id(10)] double P75, [property: Id(11)] double P95,
    [property: Id(12)] double Crps, [property: Id(13)] double Wis, [property: Id(14)] double Pit, [property: Id(15)] double Scale,
    [property: Id(16)] bool AfterShock);

[RegisterConverter]
public sealed class BacktestRowConverter : IConverter<BacktestRow, BacktestRowSurrogate>
{
    public BacktestRow ConvertFromSurrogate(in BacktestRowSurrogate s) => new(s.DataSet, s.Region, s.Indicator, s.FitUntil, s.Year, s.Method,
        s.Observed, s.P05, s.P25, s.P50, s.P75, s.P95, s.Crps, s.Wis, s.Pit, s.Scale, s.AfterShock);
    public BacktestRowSurrogate ConvertToSurrogate(in BacktestRow v) => new(v.DataSet, v.Region, v.Indicator, v.FitUntil, v.Year, v.Method,
        v.Observed, v.P05, v.P25, v.P50, v.P75, v.P95, v.Crps, v.Wis, v.Pit, v.Scale, v.AfterShock);
}

[GenerateSerializer, Immutable, Alias("ivpsim.CoverageRange")]
public readonly record struct CoverageRangeSurrogate([property: Id(0)] double P05, [property: Id(1)] double P50, [property: Id(2)] double P95);

[RegisterConverter]
public sealed class CoverageRangeConverter : IConverter<CoverageRange, CoverageRangeSurrogate>
{
    public CoverageRange ConvertFromSurrogate(in CoverageRangeSurrogate s) => new(s.P05, s.P50, s.P95);
    public CoverageRangeSurrogate ConvertToSurrogate(in CoverageRange v) => new(v.P05, v.P50, v.P95);
}

[GenerateSerializer, Immutable, Alias("ivpsim.SharedOutcomeCheck")]
public readonly record struct SharedOutcomeCheckSurrogate(
    [property: Id(0)] string DataSet, [property: Id(1)] int FitUntil, [property: Id(2)] int Year, [property: Id(3)] int Forecasts,
    [property: Id(4)] double Coverage50, [property: Id(5)] double Coverage90, [property: Id(6)] double SharedPit,
    [property: Id(7)] CoverageRange Expected50, [property: Id(8)] CoverageRange Expected90, [property: Id(9)] CoverageRange Similar50,
    [property: Id(10)] CoverageRange Similar90, [property: Id(11)] RelativeCoverage? Relative);

[RegisterConverter]
public sealed class SharedOutcomeCheckConverter : IConverter<SharedOutcomeCheck, SharedOutcomeCheckSurrogate>
{
    public SharedOutcomeCheck ConvertFromSurrogate(in SharedOutcomeCheckSurrogate s) => new(s.DataSet, s.FitUntil, s.Year, s.Forecasts,
        s.Coverage50, s.Coverage90, s.SharedPit, s.Expected50, s.Expected90, s.Similar50, s.Similar90) { Relative = s.Relative };
    public SharedOutcomeCheckSurrogate ConvertToSurrogate(in SharedOutcomeCheck v) => new(v.DataSet, v.FitUntil, v.Year, v.Forecasts,
        v.Coverage50, v.Coverage90, v.SharedPit, v.Expected50, v.Expected90, v.Similar50, v.Similar90, v.Relative);
}

[GenerateSerializer, Immutable, Alias("ivpsim.RelativeCoverage")]
public readonly record struct RelativeCoverageSurrogate([property: Id(0)] double Coverage50, [property: Id(1)] double Coverage90,
    [property: Id(2)] CoverageRange Expected50, [property: Id(3)] CoverageRange Expected90);

[RegisterConverter]
public sealed class RelativeCoverageConverter : IConverter<RelativeCoverage, RelativeCoverageSurrogate>
{
    public RelativeCoverage ConvertFromSurrogate(in RelativeCoverageSurrogate s) => new(s.Coverage50, s.Coverage90, s.Expected50, s.Expected90);
    public RelativeCoverageSurrogate ConvertToSurrogate(in RelativeCoverage v) => new(v.Coverage50, v.Coverage90, v.Expected50, v.Expected90);
}

[GenerateSerializer, Immutable, Alias("ivpsim.LearnedAtOrigin")]
public readonly record struct LearnedAtOriginSurrogate([property: Id(0)] int Origin, [property: Id(1)] Model.Forecasting.ForecastSettings Settings);

[RegisterConverter]
public sealed class LearnedAtOriginConverter : IConverter<LearnedAtOrigin, LearnedAtOriginSurrogate>
{
    public LearnedAtOrigin ConvertFromSurrogate(in LearnedAtOriginSurrogate s) => new(s.Origin, s.Settings);
    public LearnedAtOriginSurrogate ConvertToSurrogate(in LearnedAtOrigin v) => new(v.Origin, v.Settings);
}
