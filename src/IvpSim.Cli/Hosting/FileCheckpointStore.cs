using IvpSim.Grains;

namespace IvpSim.Cli.Hosting;

/// <summary>
/// Checkpoints of a run in this process: the key is a file path beside the run's output. Written to a temporary file
/// and moved into place, so a process killed mid-write leaves the previous checkpoint whole.
/// </summary>
public sealed class FileCheckpointStore : IRunCheckpointStore
{
    public async Task<byte[]?> ReadAsync(string key) => File.Exists(key) ? await File.ReadAllBytesAsync(key) : null;

    public async Task WriteAsync(string key, byte[] checkpoint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(key))!);
        var temporary = key + ".tmp";
        await File.WriteAllBytesAsync(temporary, checkpoint);
        File.Move(temporary, key, overwrite: true);
    }

    public Task DeleteAsync(string key)
    {
        File.Delete(key);
        return Task.CompletedTask;
    }
}
