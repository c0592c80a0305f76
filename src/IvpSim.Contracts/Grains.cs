using System.Collections.Immutable;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Simulation;
using Orleans.Concurrency;

namespace IvpSim.Contracts;

/// <summary>
/// Runs one scenario: calibrates through the municipality grains, splits the trajectories into batches, fans
/// them out over the cluster and merges the results. Key: a run id.
/// </summary>
[Alias("ivpsim.IRunCoordinatorGrain")]
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    /// <param name="cancellationToken">Cancels the run on every silo: no more batches go out, running ones stop.</param>
    [ResponseTimeout("01:00:00")]
    [Alias("Run")]
    Task<RunOutcome> Run(RunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Runs several scenarios on the same trajectories (common random numbers) and counts, per target, how they do
    /// against the first. All must have the same seed and number of runs.
    /// </summary>
    [ResponseTimeout("01:00:00")]
    [Alias("Compare")]
    Task<CompareOutcome> Compare(CompareRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Which uncertain inputs decide the targets of the first scenario, and with several scenarios (same seed and runs)
    /// the value of knowing each input before choosing among them; one pass over the trajectories, on this silo.
    /// </summary>
    [ResponseTimeout("01:00:00")]
    [Alias("Analyse")]
    Task<Model.Analysis.SensitivityResult> Analyse(CompareRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// How far the run is. Answers at once, also while the run goes on; a short timeout, so that a client notices
    /// within seconds when the coordinator's silo is gone.
    /// </summary>
    [AlwaysInterleave]
    [ResponseTimeout("00:00:05")]
    [Alias("GetProgress")]
    Task<RunProgress> GetProgress();
}

/// <summary>
/// One municipality with one set of data: keeps its data and its calibrated models between runs, so that a long-lived
/// silo fits a municipality again only when its data or the calibration's inputs change.
/// Key: <c>{municipality}@{hash of its data}</c> (see <see cref="GrainKeys"/>).
/// </summary>
[Alias("ivpsim.IMunicipalityGrain")]
public interface IMunicipalityGrain : IGrainWithStringKey
{
    [Alias("Load")]
    Task<CalibrationSeriesSet> Load(MunicipalityData data);

    /// <summary>The municipality's model; a request with a <see cref="CalibrationRequest.Key"/> it has seen is answered from memory.</summary>
    [Alias("Calibrate")]
    Task<MunicipalityModelMessage> Calibrate(CalibrationRequest request);

    /// <summary>How often this grain loaded data and fitted its series since it was activated (to see that it keeps them).</summary>
    [Alias("GetWork")]
    Task<GrainWork> GetWork();
}

/// <summary>
/// A worker of one run: holds the run's plan (sent once) and its simulation tables, simulates the batches the
/// coordinator hands it, one at a time, into one accumulator of its own, and hands that over now and then and at the
/// end. A run has a worker per core. Key: <c>{run id}/{worker}</c>.
/// </summary>
[Alias("ivpsim.IRunWorkerGrain")]
public interface IRunWorkerGrain : IGrainWithStringKey
{
    [Alias("Prepare")]
    Task Prepare(WorkerPlan plan);

    [ResponseTimeout("00:10:00")]
    [Alias("Simulate")]
    Task<BatchDone> Simulate(long first, int count, CancellationToken cancellationToken);

    /// <summary>The run is cancelled: let go of its plan and tables now (also while a batch still runs).</summary>
    [AlwaysInterleave]
    [Alias("Discard")]
    Task Discard();

    /// <summary>What this worker simulated since its last hand-over; it goes on with an empty accumulator.</summary>
    [ResponseTimeout("00:10:00")]
    [Alias("Checkpoint")]
    Task<WorkerResult> Checkpoint();

    /// <summary>What this worker simulated since its last hand-over; then the worker lets go of the run.</summary>
    [ResponseTimeout("00:10:00")]
    [Alias("Collect")]
    Task<WorkerResult> Collect();
}

/// <summary>
/// What a silo offers a run: its number of cores. Activated on the silo it describes (by a placement hint), so a
/// coordinator learns how many workers to place there. Key: the silo's address.
/// </summary>
[Alias("ivpsim.ISiloInfoGrain")]
public interface ISiloInfoGrain : IGrainWithStringKey
{
    [Alias("Cores")]
    Task<SiloCores> Cores();
}

/// <summary>
/// One intervention as the catalogue describes it: turns its priors and a scenario's uses (start years, intensity,
/// overrides) into what the simulator draws from, and keeps what it prepared for the next request with the same uses.
/// Key: <c>{intervention}@{hash of its catalogue entry}</c>.
/// </summary>
[Alias("ivpsim.IInterventionGrain")]
public interface IInterventionGrain : IGrainWithStringKey
{
    [Alias("Prepare")]
    Task<PlannedInterventionMessage> Prepare(InterventionRequest request);
}

/// <summary>
/// One theme of the plan: keeps its measures and indicators and aggregates a run's results for them.
/// Key: <c>{theme}@{hash of the theme and its measures}</c>.
/// </summary>
[Alias("ivpsim.IThemeGrain")]
public interface IThemeGrain : IGrainWithStringKey
{
    [Alias("Summarize")]
    Task<ThemeSummaryMessage> Summarize(ThemeRequest request);
}

/// <summary>
/// A rolling-origin backtest, run on a silo of the cluster (or the local one), so that a client does not need the
/// cores. Key: a backtest id.
/// </summary>
[Alias("ivpsim.IBacktestGrain")]
public interface IBacktestGrain : IGrainWithStringKey
{
    [ResponseTimeout("01:00:00")]
    [Alias("Run")]
    Task<BacktestResult> Run(BacktestRequest request, CancellationToken cancellationToken);

    /// <summary>The progress lines of the running backtest from line <paramref name="from"/> on (answered while it runs).</summary>
    [AlwaysInterleave]
    [Alias("Progress")]
    Task<ImmutableArray<string>> Progress(int from);
}

/// <summary>How grain keys are formed, in one place.</summary>
public static class GrainKeys
{
    /// <param name="contentKey">A hash of what the grain holds (its data): the same data find the same grain, and its calibration.</param>
    public static string Municipality(string municipality, string contentKey) => $"{municipality}@{contentKey}";

    public static string Intervention(string intervention, string contentKey) => $"{intervention}@{contentKey}";

    public static string Theme(string theme, string contentKey) => $"{theme}@{contentKey}";

    public static string Worker(string runId, int worker) => $"{runId}/{worker}";

    public static string SiloInfo(string siloAddress) => $"silo/{siloAddress}";

    public static string MunicipalityOf(string key) => key[..key.IndexOf('@')];
}
