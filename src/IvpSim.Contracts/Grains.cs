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
    [ResponseTimeout("01:00:00")]
    [Alias("Run")]
    Task<RunOutcome> Run(RunRequest request);

    [AlwaysInterleave]
    [Alias("GetProgress")]
    Task<RunProgress> GetProgress();
}

/// <summary>
/// One municipality in one run: its data, its calibration and its calibrated model.
/// Key: <c>{municipality}@{run id}</c> (see <see cref="GrainKeys"/>).
/// </summary>
[Alias("ivpsim.IMunicipalityGrain")]
public interface IMunicipalityGrain : IGrainWithStringKey
{
    [Alias("Load")]
    Task<CalibrationSeriesSet> Load(MunicipalityData data);

    [Alias("Calibrate")]
    Task<MunicipalityModelMessage> Calibrate(CalibrationRequest request);
}

/// <summary>
/// A worker of one run: holds the run's plan (sent once) and its simulation tables, simulates the batches the
/// coordinator hands it, one at a time, into one accumulator of its own, and hands that over at the end. A run has
/// a worker per core. Key: <c>{run id}/{worker}</c>.
/// </summary>
[Alias("ivpsim.IRunWorkerGrain")]
public interface IRunWorkerGrain : IGrainWithStringKey
{
    [Alias("Prepare")]
    Task Prepare(SimulationPlan plan);

    [ResponseTimeout("00:10:00")]
    [Alias("Simulate")]
    Task<BatchDone> Simulate(long first, int count);

    /// <summary>Everything this worker simulated, as one mergeable aggregate; then the worker lets go of the run.</summary>
    [ResponseTimeout("00:10:00")]
    [Alias("Collect")]
    Task<RunAggregate> Collect();
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
/// One intervention in one run: turns its catalogue priors and the scenario's uses (start years, intensity,
/// overrides) into what the simulator draws from. Key: <c>{intervention}@{run id}</c>.
/// </summary>
[Alias("ivpsim.IInterventionGrain")]
public interface IInterventionGrain : IGrainWithStringKey
{
    [Alias("Prepare")]
    Task<PlannedInterventionMessage> Prepare(InterventionRequest request);
}

/// <summary>One theme of the plan in one run: aggregates the run's results for its indicators and interventions. Key: <c>{theme}@{run id}</c>.</summary>
[Alias("ivpsim.IThemeGrain")]
public interface IThemeGrain : IGrainWithStringKey
{
    [Alias("Summarize")]
    Task<ThemeSummaryMessage> Summarize(ThemeRequest request);
}

/// <summary>How grain keys are formed, in one place.</summary>
public static class GrainKeys
{
    public static string Municipality(string municipality, string runId) => $"{municipality}@{runId}";

    public static string Intervention(string intervention, string runId) => $"{intervention}@{runId}";

    public static string Theme(string theme, string runId) => $"{theme}@{runId}";

    public static string Worker(string runId, int worker) => $"{runId}/{worker}";

    public static string SiloInfo(string siloAddress) => $"silo/{siloAddress}";

    public static string MunicipalityOf(string key) => key[..key.IndexOf('@')];
}
