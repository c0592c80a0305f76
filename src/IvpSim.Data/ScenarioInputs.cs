using System.Collections.Immutable;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Model.Scenarios;
using IvpSim.Model.Targets;

namespace IvpSim.Data;

/// <summary>A scenario with all the data it names, read and checked: what a run needs from disk.</summary>
public sealed record ScenarioInputs(Scenario Scenario, Catalogue Catalogue, ObservationSet Observations,
    ImmutableArray<TargetDefinition> Targets, Population Population)
{
    public static ScenarioInputs Load(string scenarioPath, string? dataOverride = null)
    {
        var (scenario, catalogue) = ScenarioReader.Read(scenarioPath);
        var observationsPath = dataOverride is null ? scenario.Data.Observations : Path.GetFullPath(dataOverride);
        scenario = scenario with { Data = scenario.Data with { Observations = observationsPath } };
        var observations = new ObservationSet(ObservationCsv.Read(observationsPath));
        var targets = TargetCsv.Read(scenario.Data.Targets);
        var population = PopulationCsv.Read(scenario.Data.Population);
        return new ScenarioInputs(scenario, catalogue, observations, targets, population);
    }
}
