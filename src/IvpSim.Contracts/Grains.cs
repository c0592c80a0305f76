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

/// <summary>Simulates a batch of trajectories. Placed at random, so batches spread over all silos.</summary>
[Alias("ivpsim.ISimulationBatchGrain")]
public interface ISimulationBatchGrain : IGrainWithStringKey
{
    [ResponseTimeout("00:10:00")]
    [Alias("Simulate")]
    Task<BatchResult> Simulate(BatchRequest request);
}

/// <summary>How grain keys are formed, in one place.</summary>
public static class GrainKeys
{
    public static string Municipality(string municipality, string runId) => $"{municipality}@{runId}";

    public static string Batch(string runId, int batchIndex) => $"{runId}#{batchIndex}";

    public static string MunicipalityOf(string key) => key[..key.IndexOf('@')];
}
