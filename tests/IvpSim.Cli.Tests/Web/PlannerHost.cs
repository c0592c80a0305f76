using System.Net;
using IvpSim.Cli.Hosting;
using IvpSim.Cli.Web;

namespace IvpSim.Cli.Tests.Web;

/// <summary>A planner server on a free loopback port over a copy of the scenarios, for one test class.</summary>
public sealed class PlannerHost : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-serve-").FullName;
    private PlannerServer? _server;

    public string Scenarios { get; private set; } = "";

    public HttpClient Http { get; private set; } = null!;

    public Uri Address => _server!.Address;

    /// <summary>Trajectories per request at most (small, so that the limit is cheap to test).</summary>
    public const int MaxRuns = 200_000;

    public async Task InitializeAsync()
    {
        Scenarios = ScenarioCopy.Into(_dir);
        _server = await PlannerServer.StartAsync(new ServeSettings(IPAddress.Loopback, 0, Scenarios,
            new ClusterTarget(null, "test", TimeSpan.FromSeconds(30)), MaxRuns), CancellationToken.None);
        Http = new HttpClient { BaseAddress = _server.Address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
