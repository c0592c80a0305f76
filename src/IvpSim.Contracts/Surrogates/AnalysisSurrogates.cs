using System.Collections.Immutable;
using IvpSim.Model.Analysis;

namespace IvpSim.Contracts.Surrogates;

// What a sensitivity analysis returns (see DataSurrogates.cs).

[GenerateSerializer, Immutable, Alias("ivpsim.SensitivityRow")]
public readonly record struct SensitivityRowSurrogate(
    [property: Id(0)] string Target, [property: Id(1)] string Region, [property: Id(2)] string Indicator, [property: Id(3)] string Input,
    [property: Id(4)] string LabelNl, [property: Id(5)] string KindNl, [property: Id(6)] string Evidence, [property: Id(7)] double Index,
    [property: Id(8)] double IndexSe, [property: Id(9)] double MeetIndex, [property: Id(10)] double MeetIndexSe, [property: Id(11)] double PMeet,
    [property: Id(12)] double PMeetLow, [property: Id(13)] double PMeetHigh, [property: Id(14)] double ValueLow, [property: Id(15)] double ValueHigh);

[RegisterConverter]
public sealed class SensitivityRowConverter : IConverter<SensitivityRow, SensitivityRowSurrogate>
{
    public SensitivityRow ConvertFromSurrogate(in SensitivityRowSurrogate s) =>
        new(s.Target, s.Region, s.Indicator, s.Input, s.LabelNl, s.KindNl, s.Evidence, s.Index, s.IndexSe, s.MeetIndex, s.MeetIndexSe, s.PMeet,
            s.PMeetLow, s.PMeetHigh, s.ValueLow, s.ValueHigh);
    public SensitivityRowSurrogate ConvertToSurrogate(in SensitivityRow v) =>
        new(v.Target, v.Region, v.Indicator, v.Input, v.LabelNl, v.KindNl, v.Evidence, v.Index, v.IndexSe, v.MeetIndex, v.MeetIndexSe, v.PMeet,
            v.PMeetLow, v.PMeetHigh, v.ValueLow, v.ValueHigh);
}

[GenerateSerializer, Immutable, Alias("ivpsim.InformationRow")]
public readonly record struct InformationRowSurrogate(
    [property: Id(0)] string Target, [property: Id(1)] string Input, [property: Id(2)] string LabelNl, [property: Id(3)] string KindNl,
    [property: Id(4)] string Evidence, [property: Id(5)] string BestScenario, [property: Id(6)] double PBest, [property: Id(7)] double Value,
    [property: Id(8)] double ValueSe);

[RegisterConverter]
public sealed class InformationRowConverter : IConverter<InformationRow, InformationRowSurrogate>
{
    public InformationRow ConvertFromSurrogate(in InformationRowSurrogate s) =>
        new(s.Target, s.Input, s.LabelNl, s.KindNl, s.Evidence, s.BestScenario, s.PBest, s.Value, s.ValueSe);
    public InformationRowSurrogate ConvertToSurrogate(in InformationRow v) =>
        new(v.Target, v.Input, v.LabelNl, v.KindNl, v.Evidence, v.BestScenario, v.PBest, v.Value, v.ValueSe);
}

[GenerateSerializer, Immutable, Alias("ivpsim.SensitivityResult")]
public readonly record struct SensitivityResultSurrogate(
    [property: Id(0)] long Trajectories, [property: Id(1)] ImmutableArray<string> Scenarios, [property: Id(2)] ImmutableArray<SensitivityRow> Rows,
    [property: Id(3)] ImmutableArray<InformationRow> Information);

[RegisterConverter]
public sealed class SensitivityResultConverter : IConverter<SensitivityResult, SensitivityResultSurrogate>
{
    public SensitivityResult ConvertFromSurrogate(in SensitivityResultSurrogate s) => new(s.Trajectories, s.Scenarios, s.Rows, s.Information);
    public SensitivityResultSurrogate ConvertToSurrogate(in SensitivityResult v) => new(v.Trajectories, [.. v.Scenarios], [.. v.Rows], [.. v.Information]);
}
