using IvpSim.Model.Calibration;

namespace IvpSim.Model.Scenarios;

/// <summary>Where a scenario's data come from; paths as given, resolved by the data layer.</summary>
/// <remarks>
/// <see cref="BaseObservations"/>: with <c>--data</c>, the scenario's own file that the new data overlay.
/// <see cref="Reference"/>, <see cref="NationalMap"/>, <see cref="Calibration"/>: the national reference corpus, the map
/// from local indicators to national series, and the forecast calibration; null where the scenario has none.
/// </remarks>
public sealed record DataSources(string Observations, string Targets, string Population, string Catalogue,
    string? Reference = null, string? NationalMap = null, string? Calibration = null, string? BaseObservations = null);

/// <summary>
/// Monte Carlo settings: how many trajectories, from which seed, in batches of what size (null: sized to the run
/// and the cores; the results never depend on it).
/// </summary>
public sealed record RunSettings(int Runs, ulong Seed, int? BatchSize)
{
    public static RunSettings Default { get; } = new(10_000, 2020, null);
}

/// <summary>A scenario as read and validated from its file: immutable from here on.</summary>
public sealed record Scenario(
    string Id,
    string NameNl,
    string DescriptionNl,
    string SourceFile,
    DataSources Data,
    RunSettings Run,
    ModelSettings Model,
    System.Collections.Immutable.ImmutableArray<IvpSim.Model.Interventions.InterventionUse> Interventions,
    IvpSim.Model.Budget.BudgetSettings Budget);
