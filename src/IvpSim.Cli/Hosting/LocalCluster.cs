using IvpSim.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IvpSim.Cli.Hosting;

/// <summary>
/// A single-process Orleans silo with localhost clustering: no external service. The co-hosted client talks
/// to the grains in the same process.
/// </summary>
public sealed class LocalCluster : IRunCluster
{
    private readonly IHost _host;

    private LocalCluster(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public string Description => "lokaal (één silo in dit proces)";

    public static async Task<LocalCluster> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        CliLogging.Configure(builder.Logging);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next()).AddIvpSim());
        builder.Services.AddSingleton<IRunCheckpointStore, FileCheckpointStore>();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new LocalCluster(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}
