using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using IvpSim.Data;
using IvpSim.Model.Domain;
using IvpSim.Model.Optimisation;

namespace IvpSim.Cli.Commands;

/// <summary>The options of <c>optimise</c> and how they are read and checked.</summary>
public sealed class OptimiseOptions
{
    public Option<string> Candidates { get; } = new("--candidates")
    {
        Description = "Catalogus met de maatregelen waaruit gekozen wordt (standaard: scenarios/interventions.yaml)",
    };

    public Option<string> Scenario { get; } = new("--scenario")
    {
        Description = "Scenario waarvan gegevens, doelen en budgetinstellingen gebruikt worden (standaard: scenarios/baseline.yaml)",
    };

    public Option<string> Budget { get; } = new("--budget-2022")
    {
        Description = "Budget per gemeente voor de claim (P80 moet erbinnen blijven), bv. ermelo=150000,harderwijk=250000,putten=120000",
        Required = true,
    };

    public Option<double> MinProbability { get; } = new("--min-probability")
    {
        Description = "Minimale kans dat alle misdaaddoelen gehaald worden (bij --objective cost de eis; anders de toets)",
        DefaultValueFactory = _ => 0.6,
    };

    public Option<string> Objective { get; } = new("--objective")
    {
        Description = "probability: de hoogste kans binnen budget; cost: de laagste claim die de minimale kans haalt",
        DefaultValueFactory = _ => "probability",
    };

    public Option<int> Evaluations { get; } = new("--evaluations")
    {
        Description = "Beoordeelde portefeuilles per zoekmethode (optimalisatie en, ter vergelijking, willekeurig)",
        DefaultValueFactory = _ => 60,
    };

    public Option<string> StartYears { get; } = new("--start-years")
    {
        Description = "Toegestane startjaren, bv. 2021,2022 (standaard: 2021 tot en met het claimjaar; later starten kost in het claimjaar niets)",
    };

    public Option<int> Runs { get; } = new("--runs", "-n")
    {
        Description = "Trajecten per beoordeling (de drie beste per zoekmethode worden bevestigd op vier keer zoveel nieuwe trajecten)",
        DefaultValueFactory = _ => 10_000,
    };

    public Option<ulong> Seed { get; } = new("--seed", "-s") { Description = "Startwaarde van de toevalsgenerator", DefaultValueFactory = _ => 2020 };

    public Option<string> Out { get; } = new("--out", "-o") { Description = "Uitvoermap (standaard: out/optimalisatie)" };

    public Option<bool> NoCharts { get; } = new("--no-charts") { Description = "Geen grafiek maken" };

    public ClusterCommandOptions Cluster { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Candidates, Scenario, Budget, MinProbability, Objective, Evaluations, StartYears, Runs, Seed, Out, NoCharts })
            command.Options.Add(option);
        Cluster.AddTo(command);
    }

    /// <summary>"ermelo=150000,harderwijk=250000,putten=120000": every municipality once, amounts in euros.</summary>
    public static ImmutableDictionary<string, double> ParseBudgets(string text)
    {
        var budgets = ImmutableDictionary.CreateBuilder<string, double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !Regions.Municipalities.Contains(pair[0]))
                throw new InputException("--budget-2022", null, null, $"'{part}': verwacht gemeente=bedrag met gemeente ermelo, harderwijk of putten");
            if (!double.TryParse(pair[1].Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0 || amount > 1e9)
                throw new InputException("--budget-2022", null, null, $"'{pair[1]}' is geen bedrag in euro (0 – 1.000.000.000, zonder punten)");
            if (!budgets.TryAdd(pair[0], amount))
                throw new InputException("--budget-2022", null, null, $"{pair[0]} staat er twee keer in");
        }
        var missing = Regions.Municipalities.Where(m => !budgets.ContainsKey(m)).ToArray();
        if (missing.Length > 0)
            throw new InputException("--budget-2022", null, null, $"geen budget voor {string.Join(", ", missing)}");
        return budgets.ToImmutable();
    }

    public static SearchObjective ParseObjective(string text) => text switch
    {
        "probability" => SearchObjective.Probability,
        "cost" => SearchObjective.Cost,
        _ => throw new InputException("--objective", null, null, $"'{text}' moet probability of cost zijn"),
    };

    public static ImmutableArray<int> ParseStartYears(string? text, int claimYear, int endYear)
    {
        if (text is null) return [.. Enumerable.Range(2021, Math.Max(1, claimYear - 2021 + 1))];
        var years = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2020 || year > endYear)
                throw new InputException("--start-years", null, null, $"'{part}' is geen startjaar tussen 2020 en {endYear}");
            years.Add(year);
        }
        return years.Count > 0 ? [.. years.Distinct().Order()] : throw new InputException("--start-years", null, null, "noem minstens één jaar");
    }
}
