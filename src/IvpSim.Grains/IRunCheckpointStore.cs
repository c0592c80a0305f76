namespace IvpSim.Grains;

/// <summary>
/// Where coordinators keep their runs' checkpoints, outside any silo's memory: a file beside the output (one process)
/// or the cluster's Redis. A silo without a store runs without checkpoints.
/// </summary>
public interface IRunCheckpointStore
{
    Task<byte[]?> ReadAsync(string key);

    /// <summary>Replaces the checkpoint under <paramref name="key"/> as a whole: a reader never sees half of one.</summary>
    Task WriteAsync(string key, byte[] checkpoint);

    Task DeleteAsync(string key);
}
