using System.Collections.Immutable;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Model.Scenarios;
using IvpSim.Model.Targets;

namespace IvpSim.Data;

/// <summary>
/// A scenario with all the data it names, read and checked: what a run needs from disk. <see cref="Corpus"/> is the
/// national reference corpus (empty if the scenario has none); <see cref="National"/> the national series that each
/// local indicator may follow, derived from it.
/// </summary>
public sealed record ScenarioInputs(Scenario Scenario, Catalogue Catalogue, ObservationSet Observations,
    ImmutableArray<TargetDefinition> Targets, Population Population, ReferenceCorpus Corpus, ImmutableArray<CalibrationSeries> National)
{
    /// <param name="anyIndicator">Accept indicators IvpSim does not know in <paramref name="dataOverride"/> (a backtest takes any series).</param>
    public static ScenarioInputs Load(string scenarioPath, string? dataOverride = null, bool anyIndicator = false) =>
        Complete(ScenarioReader.Read(scenarioPath), dataOverride, anyIndicator);

    /// <summary>A scenario given as text, as if it were the file <paramref name="scenarioPath"/>, with the data it names.</summary>
    public static ScenarioInputs FromText(string scenarioPath, string text) => Complete(ScenarioReader.ReadText(scenarioPath, text), null, false);

    private static ScenarioInputs Complete((Scenario Scenario, Catalogue Catalogue) read, string? dataOverride, bool anyIndicator)
    {
        var (scenario, catalogue) = read;
        var observations = new ObservationSet(ObservationCsv.Read(scenario.Data.Observations));
        if (dataOverride is not null)
        {
            // New data overlay the scenario's: a value for the same region, indicator and year replaces the old one,
            // and indicators the new file lacks (youth nuisance, the survey …) keep the scenario's data.
            var newer = ObservationCsv.Read(dataOverride, anyIndicator ? ObservationCsv.IsSeriesId : null);
            var keys = newer.Select(o => (o.Region, o.Indicator, o.Year)).ToHashSet();
            observations = new ObservationSet([.. observations.Items.Where(o => !keys.Contains((o.Region, o.Indicator, o.Year))), .. newer]);
            scenario = scenario with { Data = scenario.Data with { Observations = Path.GetFullPath(dataOverride), BaseObservations = scenario.Data.Observations } };
        }
        var targets = TargetCsv.Read(scenario.Data.Targets);
        var population = PopulationCsv.Read(scenario.Data.Population);
        var corpus = scenario.Data.Reference is { } reference ? ReferenceCorpusCsv.Read(reference) : ReferenceCorpus.Empty;
        var national = scenario.Data.NationalMap is { } map
            ? corpus.National(ReferenceCorpusCsv.ReadMap(map)).Values.OrderBy(s => s.Indicator, StringComparer.Ordinal).ToImmutableArray()
            : [];
        return new ScenarioInputs(scenario, catalogue, observations, targets, population, corpus, national);
    }
}
