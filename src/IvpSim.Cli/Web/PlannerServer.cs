using System.Net;
using IvpSim.Cli.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IvpSim.Cli.Web;

/// <summary>
/// The planner as a local web application: ASP.NET Core (Kestrel) with the page and the API, beside a warm Orleans
/// silo in the same process (or a client of a cluster). Disposing stops both.
/// </summary>
public sealed class PlannerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IRunCluster _cluster;

    private PlannerServer(WebApplication app, IRunCluster cluster, Uri address)
    {
        _app = app;
        _cluster = cluster;
        Address = address;
    }

    /// <summary>The address it listens on (the port it got when 0 was asked).</summary>
    public Uri Address { get; }

    public string ClusterDescription => _cluster.Description;

    public static async Task<PlannerServer> StartAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        var cluster = await settings.Cluster.StartAsync(cancellationToken);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(PlannerServer).Assembly.GetName().Name });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k =>
            {
                k.Listen(settings.Address, settings.Port);
                k.Limits.MaxRequestBodySize = ServeSettings.MaxBodyBytes;
                k.AddServerHeader = false;
            });
            builder.Services.AddRazorComponents();
            builder.Services.AddAntiforgery();
            builder.Services.AddSingleton(settings);
            builder.Services.AddSingleton(new ScenarioLibrary(settings.ScenarioFolder));
            builder.Services.AddSingleton(new PlannerEngine(cluster.Client, cluster.Description));
            var app = builder.Build();
            app.UseAntiforgery();
            ApiEndpoints.Map(app);
            PageEndpoints.Map(app);
            await app.StartAsync(cancellationToken);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new PlannerServer(app, cluster, new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    /// <summary>Loopback: this computer only. Anything else reaches the network, and the planner has no login.</summary>
    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address);
}
