using System.Collections.Immutable;
using IvpSim.Model.Interventions;

namespace IvpSim.Contracts.Surrogates;

// The catalogue and a scenario's uses of it, as they cross silo boundaries (see DataSurrogates.cs).

[GenerateSerializer, Immutable, Alias("ivpsim.Distribution")]
public readonly record struct DistributionSurrogate(
    [property: Id(0)] int Kind, [property: Id(1)] double Low, [property: Id(2)] double Mode, [property: Id(3)] double High,
    [property: Id(4)] double Sd);

[RegisterConverter]
public sealed class DistributionConverter : IConverter<Distribution, DistributionSurrogate>
{
    public Distribution ConvertFromSurrogate(in DistributionSurrogate s) => new((DistributionKind)s.Kind, s.Low, s.Mode, s.High, s.Sd);
    public DistributionSurrogate ConvertToSurrogate(in Distribution v) => new((int)v.Kind, v.Low, v.Mode, v.High, v.Sd);
}

[GenerateSerializer, Immutable, Alias("ivpsim.InterventionEffect")]
public readonly record struct InterventionEffectSurrogate(
    [property: Id(0)] string Indicator, [property: Id(1)] Distribution Effect, [property: Id(2)] double Coverage,
    [property: Id(3)] bool Registration);

[RegisterConverter]
public sealed class InterventionEffectConverter : IConverter<InterventionEffect, InterventionEffectSurrogate>
{
    public InterventionEffect ConvertFromSurrogate(in InterventionEffectSurrogate s) => new(s.Indicator, s.Effect, s.Coverage, s.Registration);
    public InterventionEffectSurrogate ConvertToSurrogate(in InterventionEffect v) => new(v.Indicator, v.Effect, v.Coverage, v.Registration);
}

[GenerateSerializer, Immutable, Alias("ivpsim.InterventionCost")]
public readonly record struct InterventionCostSurrogate(
    [property: Id(0)] Distribution Yearly, [property: Id(1)] Distribution OneOff, [property: Id(2)] string UnitNl,
    [property: Id(3)] int PriceYear);

[RegisterConverter]
public sealed class InterventionCostConverter : IConverter<InterventionCost, InterventionCostSurrogate>
{
    public InterventionCost ConvertFromSurrogate(in InterventionCostSurrogate s) => new(s.Yearly, s.OneOff, s.UnitNl, s.PriceYear);
    public InterventionCostSurrogate ConvertToSurrogate(in InterventionCost v) => new(v.Yearly, v.OneOff, v.UnitNl, v.PriceYear);
}

[GenerateSerializer, Immutable, Alias("ivpsim.Evidence")]
public readonly record struct EvidenceSurrogate([property: Id(0)] string Strength, [property: Id(1)] string Source);

[RegisterConverter]
public sealed class EvidenceConverter : IConverter<Evidence, EvidenceSurrogate>
{
    public Evidence ConvertFromSurrogate(in EvidenceSurrogate s) => new(s.Strength, s.Source);
    public EvidenceSurrogate ConvertToSurrogate(in Evidence v) => new(v.Strength, v.Source);
}

[GenerateSerializer, Immutable, Alias("ivpsim.Intervention")]
public readonly record struct InterventionSurrogate(
    [property: Id(0)] string Id, [property: Id(1)] string NameNl, [property: Id(2)] ImmutableArray<string> Themes,
    [property: Id(3)] ImmutableArray<string> Municipalities, [property: Id(4)] bool IsExisting, [property: Id(5)] int RampUpYears,
    [property: Id(6)] double LocalDeviationSd, [property: Id(7)] ImmutableArray<InterventionEffect> Effects,
    [property: Id(8)] InterventionCost Cost, [property: Id(9)] Evidence Evidence);

[RegisterConverter]
public sealed class InterventionConverter : IConverter<Intervention, InterventionSurrogate>
{
    public Intervention ConvertFromSurrogate(in InterventionSurrogate s) => new(s.Id, s.NameNl, s.Themes, s.Municipalities, s.IsExisting,
        s.RampUpYears, s.LocalDeviationSd, s.Effects, s.Cost, s.Evidence);
    public InterventionSurrogate ConvertToSurrogate(in Intervention v) => new(v.Id, v.NameNl, v.Themes, v.Municipalities, v.IsExisting,
        v.RampUpYears, v.LocalDeviationSd, v.Effects, v.Cost, v.Evidence);
}

[GenerateSerializer, Immutable, Alias("ivpsim.Theme")]
public readonly record struct ThemeSurrogate(
    [property: Id(0)] string Id, [property: Id(1)] string NameNl, [property: Id(2)] int Kind,
    [property: Id(3)] ImmutableArray<string> Municipalities, [property: Id(4)] ImmutableArray<string> Indicators);

[RegisterConverter]
public sealed class ThemeConverter : IConverter<Theme, ThemeSurrogate>
{
    public Theme ConvertFromSurrogate(in ThemeSurrogate s) => new(s.Id, s.NameNl, (ThemeKind)s.Kind, s.Municipalities, s.Indicators);
    public ThemeSurrogate ConvertToSurrogate(in Theme v) => new(v.Id, v.NameNl, (int)v.Kind, v.Municipalities, v.Indicators);
}

[GenerateSerializer, Immutable, Alias("ivpsim.Catalogue")]
public readonly record struct CatalogueSurrogate([property: Id(0)] ImmutableArray<Theme> Themes, [property: Id(1)] ImmutableArray<Intervention> Interventions);

[RegisterConverter]
public sealed class CatalogueConverter : IConverter<Catalogue, CatalogueSurrogate>
{
    public Catalogue ConvertFromSurrogate(in CatalogueSurrogate s) => new(s.Themes, s.Interventions);
    public CatalogueSurrogate ConvertToSurrogate(in Catalogue v) => new(v.Themes, v.Interventions);
}

[GenerateSerializer, Immutable, Alias("ivpsim.InterventionUse")]
public readonly record struct InterventionUseSurrogate(
    [property: Id(0)] string InterventionId, [property: Id(1)] string Municipality, [property: Id(2)] int StartYear,
    [property: Id(3)] double Intensity, [property: Id(4)] double? Coverage, [property: Id(5)] int? RampUpYears,
    [property: Id(6)] ImmutableDictionary<string, Distribution> EffectOverrides, [property: Id(7)] InterventionCost? CostOverride,
    [property: Id(8)] bool Shared);

[RegisterConverter]
public sealed class InterventionUseConverter : IConverter<InterventionUse, InterventionUseSurrogate>
{
    public InterventionUse ConvertFromSurrogate(in InterventionUseSurrogate s) => new(s.InterventionId, s.Municipality, s.StartYear,
        s.Intensity, s.Coverage, s.RampUpYears, s.EffectOverrides, s.CostOverride, s.Shared);
    public InterventionUseSurrogate ConvertToSurrogate(in InterventionUse v) => new(v.InterventionId, v.Municipality, v.StartYear,
        v.Intensity, v.Coverage, v.RampUpYears, v.EffectOverrides, v.CostOverride, v.Shared);
}
