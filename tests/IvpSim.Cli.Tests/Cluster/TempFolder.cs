namespace IvpSim.Cli.Tests.Cluster;

/// <summary>A temporary folder for a test's outputs, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ivpsim-cluster-").FullName;

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
