using IvpSim.Model.Aggregation;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Simulation;
using IvpSim.Model.Interventions;
using IvpSim.Model.Results;
using IvpSim.Model.Budget;
using IvpSim.Model.Targets;
using System.Collections.Immutable;

namespace IvpSim.Contracts;

/// <summary>What a run needs: the scenario's identity, its Monte Carlo settings and its data.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] string ScenarioId,
    [property: Id(1)] ulong Seed,
    [property: Id(2)] int Runs,
    [property: Id(3)] int? BatchSize,
    [property: Id(4)] ModelSettings Settings,
    [property: Id(5)] ObservationSet Observations,
    [property: Id(6)] Population Population,
    [property: Id(7)] Catalogue Catalogue,
    [property: Id(8)] ImmutableArray<InterventionUse> Interventions,
    [property: Id(9)] BudgetSettings Budget,
    [property: Id(10)] ImmutableArray<TargetDefinition> Targets,
    [property: Id(11)] ImmutableArray<CalibrationSeries> National,
    [property: Id(12)] PrecisionGoal? Precision = null);

/// <summary>
/// How far a run is; polled by the command line while the run goes on. <see cref="Started"/> is false on a
/// coordinator that never received the run: after its silo died, the grain comes back empty elsewhere.
/// </summary>
[GenerateSerializer, Immutable, Alias("ivpsim.RunProgress")]
public sealed record RunProgress(
    [property: Id(0)] string Phase,
    [property: Id(1)] long CompletedTrajectories,
    [property: Id(2)] long TotalTrajectories,
    [property: Id(3)] int CompletedBatches,
    [property: Id(4)] int TotalBatches,
    [property: Id(5)] string Silo = "",
    [property: Id(6)] bool Started = false,
    [property: Id(7)] int RetriedBatches = 0);

/// <summary>The trajectories one silo simulated for a run (those that made it into the result).</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.SiloShare")]
public sealed record SiloShare([property: Id(0)] string Silo, [property: Id(1)] long Trajectories);

/// <summary>
/// A finished run: the plan every trajectory used, the merged histograms, which silos did the work and how many
/// batches had to run again because their silo was lost.
/// </summary>
[GenerateSerializer, Immutable, Alias("ivpsim.RunOutcome")]
public sealed record RunOutcome(
    [property: Id(0)] SimulationPlan Plan,
    [property: Id(1)] RunAggregate Aggregate,
    [property: Id(2)] ImmutableArray<SiloShare> Silos,
    [property: Id(3)] ImmutableArray<ThemeSummaryRow> Themes,
    [property: Id(4)] int RetriedBatches)
{
    public int SilosUsed => Silos.Length;
}

/// <summary>A silo's cores, as counted on that silo, and its identity.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.SiloCores")]
public sealed record SiloCores([property: Id(0)] int Cores, [property: Id(1)] string Silo);

/// <summary>A batch is done: how many trajectories it held, and the silo that simulated them.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.BatchDone")]
public sealed record BatchDone([property: Id(0)] int Trajectories, [property: Id(1)] string Silo);

/// <summary>A municipality's calibration inputs, handed to it by the coordinator.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.MunicipalityData")]
public sealed record MunicipalityData([property: Id(0)] ObservationSet Observations);

/// <summary>A municipality's series, as the coordinator needs them to pool what all series share.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.CalibrationSeriesSet")]
public sealed record CalibrationSeriesSet([property: Id(0)] System.Collections.Immutable.ImmutableArray<CalibrationSeries> Series);

/// <summary>
/// What a municipality fits its own series with: the pooled hyperparameters, the settings, and the national series
/// its series may follow with their fits.
/// </summary>
[GenerateSerializer, Immutable, Alias("ivpsim.CalibrationRequest")]
public sealed record CalibrationRequest(
    [property: Id(0)] PooledHyperparameters Hyper,
    [property: Id(1)] ModelSettings Settings,
    [property: Id(2)] ImmutableArray<CalibrationSeries> National,
    [property: Id(3)] ImmutableArray<Model.Forecasting.SeriesFit> Anchors,
    [property: Id(4)] string Key = "");

/// <summary>A municipality's calibrated baseline.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.MunicipalityModelMessage")]
public sealed record MunicipalityModelMessage([property: Id(0)] MunicipalityModel Model);

/// <summary>An intervention's catalogue entry and the scenario's uses of it.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.InterventionRequest")]
public sealed record InterventionRequest(
    [property: Id(0)] Intervention Intervention,
    [property: Id(1)] ImmutableArray<InterventionUse> Uses,
    [property: Id(2)] BudgetSettings Budget,
    [property: Id(3)] Population Population,
    [property: Id(4)] string Key = "");

/// <summary>An intervention ready for the simulator: its effects and its costs.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.PlannedInterventionMessage")]
public sealed record PlannedInterventionMessage(
    [property: Id(0)] PlannedIntervention Planned,
    [property: Id(1)] PlannedCost Cost);

/// <summary>What a theme grain needs to summarise a run for its theme.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.ThemeRequest")]
public sealed record ThemeRequest(
    [property: Id(0)] string ScenarioId,
    [property: Id(1)] Theme Theme,
    [property: Id(2)] ImmutableArray<string> Interventions,
    [property: Id(3)] RunAggregate Result);

/// <summary>A theme's summary rows.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.ThemeSummaryMessage")]
public sealed record ThemeSummaryMessage([property: Id(0)] ImmutableArray<ThemeSummaryRow> Rows);

/// <summary>The plans a worker simulates, on the same trajectories, sent to it once per run (one plan: a plain run).</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.WorkerPlan")]
public sealed record WorkerPlan([property: Id(0)] ImmutableArray<SimulationPlan> Plans);

/// <summary>
/// What one worker simulated since its last hand-over: a mergeable aggregate per plan, the paired counts between
/// the plans, and which batches (by first trajectory) that is.
/// </summary>
[GenerateSerializer, Immutable, Alias("ivpsim.WorkerResult")]
public sealed record WorkerResult(
    [property: Id(0)] ImmutableArray<RunAggregate> Aggregates,
    [property: Id(1)] Model.Comparison.ComparisonAggregate Paired,
    [property: Id(2)] ImmutableArray<long> Batches);

/// <summary>Scenarios to run on the same trajectories (one seed, one number of runs) and compare with the first.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.CompareRequest")]
/// <param name="Identity">Hash of every input and setting but the number of runs: a checkpoint of another run never mixes in.</param>
/// <param name="CheckpointKey">Where the coordinator keeps the run's checkpoint (a file, or a key in the cluster's Redis); null: none.</param>
public sealed record CompareRequest(
    [property: Id(0)] ImmutableArray<RunRequest> Scenarios,
    [property: Id(1)] string Identity = "",
    [property: Id(2)] string? CheckpointKey = null,
    [property: Id(3)] RunStart Start = RunStart.Fresh,
    [property: Id(4)] RunCheckpoint? From = null);

/// <summary>Each scenario's outcome, and the paired counts against the first.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.CompareOutcome")]
public sealed record CompareOutcome(
    [property: Id(0)] ImmutableArray<RunOutcome> Scenarios,
    [property: Id(1)] Model.Comparison.ComparisonAggregate Paired);

/// <summary>A backtest's data and options.</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.BacktestRequest")]
public sealed record BacktestRequest([property: Id(0)] Model.Backtest.BacktestInputs Inputs, [property: Id(1)] Model.Backtest.BacktestOptions Options);

/// <summary>
/// Every forecast a backtest scored, one row per forecast and method, the coverage the model expects where forecasts
/// share an outcome, what was learned at each origin, and every progress line (for those a busy silo did not get to tell).
/// </summary>
[GenerateSerializer, Immutable, Alias("ivpsim.BacktestResult")]
public sealed record BacktestResult([property: Id(0)] ImmutableArray<Model.Backtest.BacktestRow> Rows,
    [property: Id(1)] ImmutableArray<Model.Backtest.SharedOutcomeCheck> SharedOutcomes, [property: Id(2)] ImmutableArray<string> SmallCounts,
    [property: Id(3)] ImmutableArray<Model.Backtest.LearnedAtOrigin> Learned, [property: Id(4)] ImmutableArray<string> Progress);

/// <summary>What a grain that keeps its data has done since it was activated: loads and fits (a cache hit is neither).</summary>
[GenerateSerializer, Immutable, Alias("ivpsim.GrainWork")]
public sealed record GrainWork([property: Id(0)] int Loads, [property: Id(1)] int Calibrations);
