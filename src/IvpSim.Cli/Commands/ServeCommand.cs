using System.CommandLine;
using System.Net;
using IvpSim.Cli.Web;
using IvpSim.Data;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary><c>serve</c>: the planner in the browser and its API, on a warm engine, until Ctrl-C.</summary>
public static class ServeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var port = new Option<int>("--port") { Description = "Poort (standaard 5080; 0: een vrije)", DefaultValueFactory = _ => ServeSettings.DefaultPort };
        var address = new Option<string>("--address")
        {
            Description = "Adres om op te luisteren (standaard 127.0.0.1: alleen deze computer). Een ander adres maakt de planner " +
                "bereikbaar voor het netwerk, zonder login",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var maxRuns = new Option<int>("--max-runs")
        {
            Description = "Hoogstens zoveel trajecten per verzoek; meer wordt geweigerd", DefaultValueFactory = _ => ServeSettings.DefaultMaxRuns,
        };
        var scenarios = new Option<string?>("--scenarios") { Description = "Map met de scenario's (standaard: scenarios/)" };
        var cluster = new ClusterCommandOptions();
        var command = new Command("serve",
            "Start de planner in de browser (en de API die hij gebruikt) op deze computer: maatregelen aan/uit, intensiteit en startjaar " +
            "kiezen, kansen en claim zien, de mix opslaan als scenario. Stop met Ctrl-C");
        command.Options.Add(port);
        command.Options.Add(address);
        command.Options.Add(maxRuns);
        command.Options.Add(scenarios);
        cluster.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(address), out var ip))
                throw new InputException("--address", null, null, $"'{parse.GetValue(address)}' is geen IP-adres (bv. 127.0.0.1)");
            var p = parse.GetValue(port);
            if (p is < 0 or > 65535) throw new InputException("--port", null, null, "moet tussen 0 en 65535 liggen");
            var max = parse.GetValue(maxRuns);
            if (max is < 1_000 or > 100_000_000) throw new InputException("--max-runs", null, null, "moet tussen 1.000 en 100.000.000 liggen");
            var folder = parse.GetValue(scenarios) ?? ScenarioFiles.DefaultFolder();
            if (!Directory.Exists(folder)) throw new InputException(folder, null, null, "scenariomap bestaat niet (--scenarios)");
            if (!PlannerServer.IsLoopback(ip))
                console.MarkupLine($"[yellow]Let op:[/] de planner luistert op {Markup.Escape(ip.ToString())} en is dus bereikbaar voor anderen op het netwerk. Hij heeft geen login.");
            console.MarkupLine("De rekenkern start …");
            await using var server = await PlannerServer.StartAsync(new ServeSettings(ip, p, folder, cluster.Resolve(parse), max), ct);
            console.MarkupLine($"IvpSim-planner: [link]{server.Address}[/] (rekent {Markup.Escape(server.ClusterDescription)}). Stoppen: Ctrl-C.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                console.MarkupLine("Planner gestopt.");
            }
            return 0;
        });
        return command;
    }
}
