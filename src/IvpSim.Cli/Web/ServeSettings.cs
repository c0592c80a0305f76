using System.Net;
using IvpSim.Cli.Hosting;

namespace IvpSim.Cli.Web;

/// <summary>Where the planner listens, which scenarios it serves, where it runs and how much one request may ask.</summary>
public sealed record ServeSettings(IPAddress Address, int Port, string ScenarioFolder, ClusterTarget Cluster, int MaxRuns)
{
    public const int DefaultPort = 5080;
    public const int DefaultMaxRuns = 1_000_000;

    /// <summary>A request body larger than this is refused (a scenario is a few kilobytes).</summary>
    public const long MaxBodyBytes = 256 * 1024;

    /// <summary>What the page runs when nobody asks otherwise: about a second on a warm server.</summary>
    public const int PageRuns = 10_000;
}
