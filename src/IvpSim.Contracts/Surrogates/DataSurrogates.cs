using System.Collections.Immutable;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Targets;

namespace IvpSim.Contracts.Surrogates;

// The model library knows nothing of Orleans: its records cross silo boundaries through these surrogates, which
// Orleans' own serializer writes (versioned by field id). Never reorder or reuse an id.

[GenerateSerializer, Immutable, Alias("ivpsim.Observation")]
public readonly record struct ObservationSurrogate(
    [property: Id(0)] string Region, [property: Id(1)] string Indicator, [property: Id(2)] int Year,
    [property: Id(3)] double Value, [property: Id(4)] string Source);

[RegisterConverter]
public sealed class ObservationConverter : IConverter<Observation, ObservationSurrogate>
{
    public Observation ConvertFromSurrogate(in ObservationSurrogate s) => new(s.Region, s.Indicator, s.Year, s.Value, s.Source);
    public ObservationSurrogate ConvertToSurrogate(in Observation v) => new(v.Region, v.Indicator, v.Year, v.Value, v.Source);
}

[GenerateSerializer, Immutable, Alias("ivpsim.ObservationSet")]
public readonly record struct ObservationSetSurrogate([property: Id(0)] ImmutableArray<Observation> Items);

[RegisterConverter]
public sealed class ObservationSetConverter : IConverter<ObservationSet, ObservationSetSurrogate>
{
    public ObservationSet ConvertFromSurrogate(in ObservationSetSurrogate s) => new(s.Items);
    public ObservationSetSurrogate ConvertToSurrogate(in ObservationSet v) => new(v.Items);
}

[GenerateSerializer, Immutable, Alias("ivpsim.Population")]
public readonly record struct PopulationSurrogate([property: Id(0)] ImmutableArray<Observation> Items);

[RegisterConverter]
public sealed class PopulationConverter : IConverter<Population, PopulationSurrogate>
{
    public Population ConvertFromSurrogate(in PopulationSurrogate s) => new(s.Items);
    public PopulationSurrogate ConvertToSurrogate(in Population v) => new(v.Items);
}

[GenerateSerializer, Immutable, Alias("ivpsim.CalibrationSeries")]
public readonly record struct CalibrationSeriesSurrogate(
    [property: Id(0)] string Region, [property: Id(1)] string Indicator, [property: Id(2)] ImmutableArray<int> Years,
    [property: Id(3)] ImmutableArray<double> Values, [property: Id(4)] ImmutableArray<bool> Imputed);

[RegisterConverter]
public sealed class CalibrationSeriesConverter : IConverter<CalibrationSeries, CalibrationSeriesSurrogate>
{
    public CalibrationSeries ConvertFromSurrogate(in CalibrationSeriesSurrogate s) => new(s.Region, s.Indicator, s.Years, s.Values, s.Imputed);
    public CalibrationSeriesSurrogate ConvertToSurrogate(in CalibrationSeries v) => new(v.Region, v.Indicator, v.Years, v.Values, v.Imputed);
}

[GenerateSerializer, Immutable, Alias("ivpsim.TargetDefinition")]
public readonly record struct TargetDefinitionSurrogate(
    [property: Id(0)] string Region, [property: Id(1)] string Indicator, [property: Id(2)] int Year,
    [property: Id(3)] int Operator, [property: Id(4)] double Value, [property: Id(5)] string Source);

[RegisterConverter]
public sealed class TargetDefinitionConverter : IConverter<TargetDefinition, TargetDefinitionSurrogate>
{
    public TargetDefinition ConvertFromSurrogate(in TargetDefinitionSurrogate s) =>
        new(s.Region, s.Indicator, s.Year, (TargetOperator)s.Operator, s.Value, s.Source);
    public TargetDefinitionSurrogate ConvertToSurrogate(in TargetDefinition v) =>
        new(v.Region, v.Indicator, v.Year, (int)v.Operator, v.Value, v.Source);
}
