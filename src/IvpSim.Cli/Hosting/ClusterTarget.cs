namespace IvpSim.Cli.Hosting;

/// <summary>Where a command's runs go: no address, a silo in this process; else the cluster at that address.</summary>
public sealed record ClusterTarget(ClusterAddress? Address, string ClusterId, TimeSpan Timeout)
{
    public async Task<IRunCluster> StartAsync(CancellationToken cancellationToken) =>
        Address is null
            ? await LocalCluster.StartAsync(cancellationToken)
            : await RemoteCluster.ConnectAsync(Address, ClusterId, Timeout, cancellationToken);
}
