using System.Collections.Immutable;
using IvpSim.Model.Budget;
using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Interventions;
using IvpSim.Model.Simulation;
using IvpSim.Model.Targets;

namespace IvpSim.Contracts.Surrogates;

// The simulation plan a worker receives once per run (see DataSurrogates.cs).

[GenerateSerializer, Immutable, Alias("ivpsim.PlannedEffect")]
public readonly record struct PlannedEffectSurrogate([property: Id(0)] string Indicator, [property: Id(1)] Distribution Effect, [property: Id(2)] double Scale);

[RegisterConverter]
public sealed class PlannedEffectConverter : IConverter<PlannedEffect, PlannedEffectSurrogate>
{
    public PlannedEffect ConvertFromSurrogate(in PlannedEffectSurrogate s) => new(s.Indicator, s.Effect, s.Scale);
    public PlannedEffectSurrogate ConvertToSurrogate(in PlannedEffect v) => new(v.Indicator, v.Effect, v.Scale);
}

[GenerateSerializer, Immutable, Alias("ivpsim.PlannedUse")]
public readonly record struct PlannedUseSurrogate(
    [property: Id(0)] string Municipality, [property: Id(1)] int StartYear, [property: Id(2)] int RampUpYears,
    [property: Id(3)] ImmutableArray<PlannedEffect> Effects);

[RegisterConverter]
public sealed class PlannedUseConverter : IConverter<PlannedUse, PlannedUseSurrogate>
{
    public PlannedUse ConvertFromSurrogate(in PlannedUseSurrogate s) => new(s.Municipality, s.StartYear, s.RampUpYears, s.Effects);
    public PlannedUseSurrogate ConvertToSurrogate(in PlannedUse v) => new(v.Municipality, v.StartYear, v.RampUpYears, v.Effects);
}

[GenerateSerializer, Immutable, Alias("ivpsim.PlannedIntervention")]
public readonly record struct PlannedInterventionSurrogate(
    [property: Id(0)] string Id, [property: Id(1)] double LocalDeviationSd, [property: Id(2)] ImmutableArray<PlannedUse> Uses);

[RegisterConverter]
public sealed class PlannedInterventionConverter : IConverter<PlannedIntervention, PlannedInterventionSurrogate>
{
    public PlannedIntervention ConvertFromSurrogate(in PlannedInterventionSurrogate s) => new(s.Id, s.LocalDeviationSd, s.Uses);
    public PlannedInterventionSurrogate ConvertToSurrogate(in PlannedIntervention v) => new(v.Id, v.LocalDeviationSd, v.Uses);
}

[GenerateSerializer, Immutable, Alias("ivpsim.CostShare")]
public readonly record struct CostShareSurrogate([property: Id(0)] string Municipality, [property: Id(1)] int StartYear, [property: Id(2)] double Units);

[RegisterConverter]
public sealed class CostShareConverter : IConverter<CostShare, CostShareSurrogate>
{
    public CostShare ConvertFromSurrogate(in CostShareSurrogate s) => new(s.Municipality, s.StartYear, s.Units);
    public CostShareSurrogate ConvertToSurrogate(in CostShare v) => new(v.Municipality, v.StartYear, v.Units);
}

[GenerateSerializer, Immutable, Alias("ivpsim.PlannedCost")]
public readonly record struct PlannedCostSurrogate(
    [property: Id(0)] string InterventionId, [property: Id(1)] string Theme, [property: Id(2)] Distribution Yearly,
    [property: Id(3)] Distribution OneOff, [property: Id(4)] int PriceYear, [property: Id(5)] ImmutableArray<CostShare> Shares);

[RegisterConverter]
public sealed class PlannedCostConverter : IConverter<PlannedCost, PlannedCostSurrogate>
{
    public PlannedCost ConvertFromSurrogate(in PlannedCostSurrogate s) => new(s.InterventionId, s.Theme, s.Yearly, s.OneOff, s.PriceYear, s.Shares);
    public PlannedCostSurrogate ConvertToSurrogate(in PlannedCost v) => new(v.InterventionId, v.Theme, v.Yearly, v.OneOff, v.PriceYear, v.Shares);
}

[GenerateSerializer, Immutable, Alias("ivpsim.SimulationPlan")]
public readonly record struct SimulationPlanSurrogate(
    [property: Id(0)] string ScenarioId, [property: Id(1)] ulong Seed, [property: Id(2)] int StartYear, [property: Id(3)] int EndYear,
    [property: Id(4)] ModelSettings Settings, [property: Id(5)] PooledHyperparameters Hyper, [property: Id(6)] ImmutableArray<SeriesFit> Anchors,
    [property: Id(7)] ImmutableArray<MunicipalityModel> Municipalities, [property: Id(8)] ImmutableArray<ImmutableArray<double>> ScoreWeights,
    [property: Id(9)] ImmutableArray<PlannedIntervention> Interventions, [property: Id(10)] ImmutableArray<PlannedCost> Costs,
    [property: Id(11)] BudgetSettings Budget, [property: Id(12)] ImmutableArray<TargetDefinition> Targets,
    [property: Id(13)] ImmutableArray<SearchFit> SearchFits);

[GenerateSerializer, Immutable, Alias("ivpsim.SearchFit")]
public readonly record struct SearchFitSurrogate([property: Id(0)] PooledHyperparameters Hyper, [property: Id(1)] ImmutableArray<SeriesFit> Anchors,
    [property: Id(2)] ImmutableArray<SeriesFit> Counts);

[RegisterConverter]
public sealed class SearchFitConverter : IConverter<SearchFit, SearchFitSurrogate>
{
    public SearchFit ConvertFromSurrogate(in SearchFitSurrogate s) => new(s.Hyper, s.Anchors, s.Counts);
    public SearchFitSurrogate ConvertToSurrogate(in SearchFit v) => new(v.Hyper, v.Anchors, v.Counts);
}

[RegisterConverter]
public sealed class SimulationPlanConverter : IConverter<SimulationPlan, SimulationPlanSurrogate>
{
    public SimulationPlan ConvertFromSurrogate(in SimulationPlanSurrogate s) => new(s.ScenarioId, s.Seed, s.StartYear, s.EndYear, s.Settings,
        s.Hyper, s.Anchors, s.Municipalities, s.ScoreWeights, s.Interventions, s.Costs, s.Budget, s.Targets)
    { SearchFits = s.SearchFits.IsDefault ? [] : s.SearchFits };
    public SimulationPlanSurrogate ConvertToSurrogate(in SimulationPlan v) => new(v.ScenarioId, v.Seed, v.StartYear, v.EndYear, v.Settings,
        v.Hyper, v.Anchors, v.Municipalities, v.ScoreWeights, v.Interventions, v.Costs, v.Budget, v.Targets, v.SearchFits);
}
