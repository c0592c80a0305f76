using System.CommandLine;
using IvpSim.Cli.Hosting;
using IvpSim.Data;

namespace IvpSim.Cli.Commands;

/// <summary>--cluster and its companions: run on an Orleans cluster instead of in this process.</summary>
public sealed class ClusterCommandOptions
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Draai op een Orleans-cluster met lidmaatschap in Redis: redis://HOST:POORT (wachtwoord: redis://:WACHTWOORD@HOST:POORT). " +
                      "Zonder: alles in dit proces",
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "Naam van het cluster (silo's en client moeten dezelfde gebruiken)",
        DefaultValueFactory = _ => RedisCluster.DefaultClusterId,
    };

    public Option<double> Timeout { get; } = new("--cluster-timeout")
    {
        Description = "Seconden wachten op Redis en een silo voordat de opdracht opgeeft (exitcode 3)",
        DefaultValueFactory = _ => 30,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Cluster);
        command.Options.Add(ClusterId);
        command.Options.Add(Timeout);
    }

    /// <summary>The cluster address given, or null for a run in this process.</summary>
    public ClusterAddress? Address(ParseResult parse) =>
        parse.GetValue(Cluster) is { Length: > 0 } text ? ClusterAddress.Parse(text) : null;

    public string Id(ParseResult parse)
    {
        var id = parse.GetValue(ClusterId)!;
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new InputException("--cluster-id", null, null, "alleen letters, cijfers, - en _");
        return id;
    }

    public TimeSpan Wait(ParseResult parse)
    {
        var seconds = parse.GetValue(Timeout);
        if (seconds is <= 0 or > 3600) throw new InputException("--cluster-timeout", null, null, "moet tussen 0 en 3600 seconden liggen");
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Where the command's runs go, checked before any work starts.</summary>
    public ClusterTarget Resolve(ParseResult parse) => new(Address(parse), Id(parse), Wait(parse));
}
