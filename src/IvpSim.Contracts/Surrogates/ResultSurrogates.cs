using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Comparison;
using IvpSim.Model.Results;

namespace IvpSim.Contracts.Surrogates;

// What a worker hands back: exact histograms and sums, small enough for one message (see DataSurrogates.cs).

[GenerateSerializer, Immutable, Alias("ivpsim.CountHistogram")]
public readonly record struct CountHistogramSurrogate([property: Id(0)] ImmutableArray<int> Values, [property: Id(1)] ImmutableArray<long> Counts);

[RegisterConverter]
public sealed class CountHistogramConverter : IConverter<CountHistogram, CountHistogramSurrogate>
{
    public CountHistogram ConvertFromSurrogate(in CountHistogramSurrogate s) => new(s.Values, s.Counts);
    public CountHistogramSurrogate ConvertToSurrogate(in CountHistogram v) => new(v.Values, v.Counts);
}

[GenerateSerializer, Immutable, Alias("ivpsim.SlotHistogram")]
public readonly record struct SlotHistogramSurrogate(
    [property: Id(0)] string Region, [property: Id(1)] string Indicator, [property: Id(2)] int Year, [property: Id(3)] CountHistogram Histogram);

[RegisterConverter]
public sealed class SlotHistogramConverter : IConverter<SlotHistogram, SlotHistogramSurrogate>
{
    public SlotHistogram ConvertFromSurrogate(in SlotHistogramSurrogate s) => new(s.Region, s.Indicator, s.Year, s.Histogram);
    public SlotHistogramSurrogate ConvertToSurrogate(in SlotHistogram v) => new(v.Region, v.Indicator, v.Year, v.Histogram);
}

[GenerateSerializer, Immutable, Alias("ivpsim.ContributionSums")]
public readonly record struct ContributionSumsSurrogate(
    [property: Id(0)] string InterventionId, [property: Id(1)] ImmutableArray<long> Sums, [property: Id(2)] CountHistogram Avoided,
    [property: Id(3)] ImmutableArray<long> TargetsMetWithout);

[RegisterConverter]
public sealed class ContributionSumsConverter : IConverter<ContributionSums, ContributionSumsSurrogate>
{
    public ContributionSums ConvertFromSurrogate(in ContributionSumsSurrogate s) => new(s.InterventionId, s.Sums, s.Avoided, s.TargetsMetWithout);
    public ContributionSumsSurrogate ConvertToSurrogate(in ContributionSums v) => new(v.InterventionId, v.Sums, v.Avoided, v.TargetsMetWithout);
}

[GenerateSerializer, Immutable, Alias("ivpsim.CostHistogram")]
public readonly record struct CostHistogramSurrogate(
    [property: Id(0)] string Region, [property: Id(1)] string Item, [property: Id(2)] int Year, [property: Id(3)] CountHistogram Histogram);

[RegisterConverter]
public sealed class CostHistogramConverter : IConverter<CostHistogram, CostHistogramSurrogate>
{
    public CostHistogram ConvertFromSurrogate(in CostHistogramSurrogate s) => new(s.Region, s.Item, s.Year, s.Histogram);
    public CostHistogramSurrogate ConvertToSurrogate(in CostHistogram v) => new(v.Region, v.Item, v.Year, v.Histogram);
}

[GenerateSerializer, Immutable, Alias("ivpsim.RunAggregate")]
public readonly record struct RunAggregateSurrogate(
    [property: Id(0)] long Trajectories, [property: Id(1)] ImmutableArray<SlotHistogram> Slots,
    [property: Id(2)] ImmutableArray<ContributionSums> Contributions, [property: Id(3)] ImmutableArray<CostHistogram> Costs,
    [property: Id(4)] ImmutableArray<long> TargetsMet, [property: Id(5)] ImmutableArray<long> StructureTrajectories,
    [property: Id(6)] ImmutableArray<long> StructureTargetsMet, [property: Id(7)] long CountTargetsAllMet,
    [property: Id(8)] ImmutableArray<long> SearchTrajectories, [property: Id(9)] ImmutableArray<long> SearchTargetsMet);

[RegisterConverter]
public sealed class RunAggregateConverter : IConverter<RunAggregate, RunAggregateSurrogate>
{
    public RunAggregate ConvertFromSurrogate(in RunAggregateSurrogate s) =>
        new(s.Trajectories, s.Slots, s.Contributions, s.Costs, s.TargetsMet, s.StructureTrajectories, s.StructureTargetsMet, s.CountTargetsAllMet)
        {
            SearchTrajectories = s.SearchTrajectories.IsDefault ? [] : s.SearchTrajectories,
            SearchTargetsMet = s.SearchTargetsMet.IsDefault ? [] : s.SearchTargetsMet,
        };
    public RunAggregateSurrogate ConvertToSurrogate(in RunAggregate v) =>
        new(v.Trajectories, v.Slots, v.Contributions, v.Costs, v.TargetsMet, v.StructureTrajectories, v.StructureTargetsMet, v.CountTargetsAllMet,
            v.SearchTrajectories, v.SearchTargetsMet);
}

[GenerateSerializer, Immutable, Alias("ivpsim.ThemeSummaryRow")]
public readonly record struct ThemeSummaryRowSurrogate(
    [property: Id(0)] string Scenario, [property: Id(1)] string Theme, [property: Id(2)] string Region, [property: Id(3)] string Indicator,
    [property: Id(4)] int Year, [property: Id(5)] double ProjectedMean, [property: Id(6)] double ChangeFromThemeInterventions,
    [property: Id(7)] int InterventionsUsed);

[RegisterConverter]
public sealed class ThemeSummaryRowConverter : IConverter<ThemeSummaryRow, ThemeSummaryRowSurrogate>
{
    public ThemeSummaryRow ConvertFromSurrogate(in ThemeSummaryRowSurrogate s) => new(s.Scenario, s.Theme, s.Region, s.Indicator, s.Year,
        s.ProjectedMean, s.ChangeFromThemeInterventions, s.InterventionsUsed);
    public ThemeSummaryRowSurrogate ConvertToSurrogate(in ThemeSummaryRow v) => new(v.Scenario, v.Theme, v.Region, v.Indicator, v.Year,
        v.ProjectedMean, v.ChangeFromThemeInterventions, v.InterventionsUsed);
}

[GenerateSerializer, Immutable, Alias("ivpsim.ComparisonAggregate")]
public readonly record struct ComparisonAggregateSurrogate(
    [property: Id(0)] long Trajectories, [property: Id(1)] int Targets, [property: Id(2)] ImmutableArray<long> Better,
    [property: Id(3)] ImmutableArray<long> OnlyThisMeets, [property: Id(4)] ImmutableArray<long> OnlyFirstMeets);

[RegisterConverter]
public sealed class ComparisonAggregateConverter : IConverter<ComparisonAggregate, ComparisonAggregateSurrogate>
{
    public ComparisonAggregate ConvertFromSurrogate(in ComparisonAggregateSurrogate s) =>
        new(s.Trajectories, s.Targets, s.Better, s.OnlyThisMeets, s.OnlyFirstMeets);
    public ComparisonAggregateSurrogate ConvertToSurrogate(in ComparisonAggregate v) =>
        new(v.Trajectories, v.Targets, v.Better, v.OnlyThisMeets, v.OnlyFirstMeets);
}
