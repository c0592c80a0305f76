using System.CommandLine;
using System.Net;
using IvpSim.Cli.Hosting;
using IvpSim.Data;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>'silo': this process joins an IvpSim cluster as a silo and works for its runs until stopped.</summary>
public static class SiloCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var cluster = new ClusterCommandOptions();
        cluster.Cluster.Required = true;
        var port = new Option<int>("--port") { Description = "Poort voor verkeer tussen silo's", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Poort waarop clients (run --cluster) verbinden", DefaultValueFactory = _ => 30000 };
        var address = new Option<string>("--address")
        {
            Description = "IP-adres waarop de silo luistert en dat hij de andere silo's opgeeft (standaard alleen deze machine: 127.0.0.1)",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var dashboard = new Option<int?>("--dashboard")
        {
            Description = "Orleans-dashboard op http://127.0.0.1:POORT/dashboard (alleen op deze machine)",
        };
        var command = new Command("silo",
            "Start een silo die meedoet in een Orleans-cluster (lidmaatschap in Redis) en rekent voor runs met --cluster; stoppen met Ctrl-C");
        cluster.AddTo(command);
        foreach (var o in new Option[] { port, gatewayPort, address, dashboard }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var redis = cluster.Address(parse)!;
            var listenOn = IPAddress.TryParse(parse.GetValue(address), out var ip)
                ? ip : throw new InputException("--address", null, null, "geen IP-adres (bijvoorbeeld 10.0.0.5)");
            var ports = new SiloPorts(Port(parse.GetValue(port), "--port"), Port(parse.GetValue(gatewayPort), "--gateway-port"),
                parse.GetValue(dashboard) is { } d ? Port(d, "--dashboard") : null);
            var id = cluster.Id(parse);
            var silo = await ClusterSilo.StartAsync(redis, id, listenOn, ports, cluster.Wait(parse), ct);
            console.MarkupLine(Markup.Escape($"Silo {listenOn}:{ports.Silo} (gateway {ports.Gateway}) doet mee in cluster '{id}' via {redis}, " +
                $"{Environment.ProcessorCount} kernen.") + (ports.Dashboard is { } dp ? $" Dashboard: http://127.0.0.1:{dp}/dashboard." : "") +
                " Stoppen: Ctrl-C.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                console.MarkupLine("Silo stopt …");
            }
            await silo.DisposeAsync();
            if (silo.StoppedUncleanly)
            {
                // Orleans' own threads would keep the process alive, retrying Redis.
                console.MarkupLine(Markup.Escape($"Silo gestopt zonder afmelding: {redis} was niet bereikbaar."));
                Environment.Exit(0);
            }
            return 0;
        });
        return command;
    }

    private static int Port(int value, string option) =>
        value is >= 1 and <= 65535 ? value : throw new InputException(option, null, null, "poort moet tussen 1 en 65535 liggen");
}
