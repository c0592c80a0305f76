using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;

namespace IvpSim.Cli.Hosting;

/// <summary>The ports a silo uses: between silos, for clients, and (optionally) for the dashboard on loopback.</summary>
public sealed record SiloPorts(int Silo, int Gateway, int? Dashboard);

/// <summary>
/// A silo of an IvpSim cluster (membership in Redis), hosted by the 'silo' command. With a dashboard port it also
/// serves the Orleans dashboard, bound to loopback only: it has no authentication.
/// </summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterSilo(IHost host) => _host = host;

    public static async Task<ClusterSilo> StartAsync(ClusterAddress address, string clusterId, IPAddress listenOn, SiloPorts ports,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = new StrongBox<bool>();
        var host = ports.Dashboard is { } dashboardPort
            ? WithDashboard(address, clusterId, listenOn, ports, dashboardPort, started)
            : Plain(address, clusterId, listenOn, ports, started);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await host.StartAsync(bounded.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new ClusterUnavailableException(
                $"silo kon niet meedoen in cluster '{clusterId}' via {address} binnen {timeout.TotalSeconds:0} s " +
                $"({(e is OperationCanceledException ? "geen antwoord van Redis" : e.GetBaseException().Message)}). Draait Redis op dat adres?");
        }
        started.Value = true;
        return new ClusterSilo(host);
    }

    private static IHost Plain(ClusterAddress address, string clusterId, IPAddress listenOn, SiloPorts ports, StrongBox<bool> started)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        CliLogging.Configure(builder.Logging, ivpsim: LogLevel.Information, orleans: LogLevel.Warning, () => started.Value);
        builder.UseOrleans(silo => silo.JoinRedisCluster(address, clusterId, listenOn, ports.Silo, ports.Gateway));
        return builder.Build();
    }

    private static WebApplication WithDashboard(ClusterAddress address, string clusterId, IPAddress listenOn, SiloPorts ports, int dashboardPort,
        StrongBox<bool> started)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        CliLogging.Configure(builder.Logging, ivpsim: LogLevel.Information, orleans: LogLevel.Warning, () => started.Value);
        builder.UseOrleans(silo => silo.JoinRedisCluster(address, clusterId, listenOn, ports.Silo, ports.Gateway).AddDashboard());
        builder.WebHost.UseUrls($"http://127.0.0.1:{dashboardPort}");
        var app = builder.Build();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        return app;
    }

    /// <summary>
    /// Stops the silo: it tells the cluster it leaves and hands over its grains. Bounded: with Redis gone, Orleans
    /// would keep trying to record the departure, and the process would never end.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var stop = _host.StopAsync(TimeSpan.FromSeconds(10));
        if (await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(15))) == stop) _host.Dispose();
        else StoppedUncleanly = true;
    }

    /// <summary>The silo did not finish stopping (Redis unreachable): the process must end without waiting for it.</summary>
    public bool StoppedUncleanly { get; private set; }
}
