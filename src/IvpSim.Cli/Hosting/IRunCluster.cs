namespace IvpSim.Cli.Hosting;

/// <summary>Where a command's runs go: a silo in this process, or an Orleans cluster this process is a client of.</summary>
public interface IRunCluster : IAsyncDisposable
{
    IClusterClient Client { get; }

    /// <summary>For run.txt and the console: "lokaal" or the cluster's (password-free) address.</summary>
    string Description { get; }
}
