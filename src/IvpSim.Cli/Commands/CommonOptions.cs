using System.CommandLine;

namespace IvpSim.Cli.Commands;

/// <summary>Options shared by the commands that run scenarios.</summary>
public sealed class CommonOptions
{
    public Option<int?> Runs { get; } = new("--runs", "-n")
    {
        Description = "Aantal Monte Carlo-trajecten (standaard: uit het scenariobestand, anders 10.000)",
    };

    public Option<ulong?> Seed { get; } = new("--seed", "-s")
    {
        Description = "Startwaarde van de toevalsgenerator; zelfde scenario + seed + aantal = zelfde getallen",
    };

    public Option<int?> BatchSize { get; } = new("--batch-size")
    {
        Description = "Trajecten per batch (verdeling van het werk; verandert de uitkomsten niet)",
    };

    public Option<double?> Precision { get; } = new("--precision")
    {
        Description = "Ga door tot de standaardfout van elke kans (en in een vergelijking van elk verschil) hoogstens dit is, bv. 0,005 " +
            "(0.005): --runs is dan de eerste ronde",
    };

    public Option<int> MaxRuns { get; } = new("--max-runs")
    {
        Description = "Met --precision: nooit meer trajecten dan dit", DefaultValueFactory = _ => 10_000_000,
    };

    public Option<bool> Resume { get; } = new("--resume")
    {
        Description = "Een afgebroken run (proces gestopt, laptop dicht) verder laten gaan vanaf zijn laatste tussenstand; " +
            "zelfde opdracht, zelfde uitkomst als zonder onderbreking",
    };

    public Option<string?> Extend { get; } = new("--extend")
    {
        Description = "Een klare run (de uitvoermap van toen) verlengen tot --runs trajecten: zelfde uitkomst als een nieuwe run van die omvang",
    };

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Nieuwere waarnemingen (lange CSV) over die van het scenario heen: zelfde regio, indicator en jaar vervangt, de rest blijft",
    };

    public Argument<string[]> Scenarios { get; } = new("scenario")
    {
        Description = "Scenariobestand(en) (YAML). Zonder: alle scenario's in scenarios/",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string> Out { get; } = new("--out", "-o")
    {
        Description = "Uitvoermap (standaard: out). Bij meerdere scenario's komt elk in een eigen submap",
        DefaultValueFactory = _ => "out",
    };

    public Option<bool> NoCharts { get; } = new("--no-charts") { Description = "Geen grafieken maken (sneller)" };

    public ClusterCommandOptions Cluster { get; } = new();

    /// <summary>Adds the scenario argument, the run options and the output options.</summary>
    public void AddScenarioRunTo(Command command)
    {
        command.Arguments.Add(Scenarios);
        AddTo(command);
        command.Options.Add(Out);
        command.Options.Add(NoCharts);
        command.Options.Add(Resume);
        command.Options.Add(Extend);
        Cluster.AddTo(command);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Runs);
        command.Options.Add(Seed);
        command.Options.Add(BatchSize);
        command.Options.Add(Precision);
        command.Options.Add(MaxRuns);
        command.Options.Add(Data);
    }
}
