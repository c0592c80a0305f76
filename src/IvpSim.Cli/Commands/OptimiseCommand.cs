using System.Collections.Immutable;
using System.CommandLine;
using IvpSim.Cli.Hosting;
using IvpSim.Cli.Output;
using IvpSim.Data;
using IvpSim.Model.Optimisation;
using IvpSim.Reporting;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary>
/// <c>optimise --budget-2022 …</c>: searches the catalogue for the mix of measures (where, how intensely, from when)
/// with the best chance that every crime target is met while the 2022 claim's P80 stays within each municipality's
/// budget (or the cheapest that reaches a minimum chance), next to a random search with as many evaluations.
/// Every round's portfolios run together on the cluster, on the same trajectories.
/// </summary>
public static class OptimiseCommand
{
    /// <summary>Portfolios per method and round: one comparison on the cluster evaluates twice this many.</summary>
    public const int PerRound = 8;

    /// <summary>The best portfolios are confirmed on this many times the search's trajectories, from another seed.</summary>
    public const int ConfirmFactor = 4;

    /// <summary>Portfolios per method confirmed on fresh trajectories.</summary>
    public const int Finalists = 3;

    /// <summary>The share of each budget that the second group of finalists leaves unspent in the search.</summary>
    public const double BudgetRoom = 0.03;

    public static Command Create(IAnsiConsole console)
    {
        var options = new OptimiseOptions();
        var command = new Command("optimise",
            "Zoek de mix van maatregelen met de grootste kans dat alle misdaaddoelen gehaald worden, met de claim (P80) per gemeente " +
            "binnen budget; of met --objective cost de goedkoopste die de minimale kans haalt. Vergelijkt met een willekeurige zoektocht " +
            "van dezelfde omvang; schrijft search.csv, pareto.csv, front.png en best.yaml (standaard in out/optimalisatie)");
        options.AddTo(command);
        command.SetAction((parse, ct) => ExecuteAsync(console, parse, options, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(IAnsiConsole console, ParseResult parse, OptimiseOptions options, CancellationToken ct)
    {
        var folder = ScenarioFiles.DefaultFolder();
        var basePath = parse.GetValue(options.Scenario) ?? Path.Combine(folder, "baseline.yaml");
        var candidatesPath = Path.GetFullPath(parse.GetValue(options.Candidates) ?? Path.Combine(folder, ScenarioFiles.CatalogueFileName));
        var outFolder = parse.GetValue(options.Out) ?? Path.Combine("out", "optimalisatie");
        var budgets = OptimiseOptions.ParseBudgets(parse.GetValue(options.Budget)!);
        var objective = OptimiseOptions.ParseObjective(parse.GetValue(options.Objective)!);
        var minimum = parse.GetValue(options.MinProbability);
        if (minimum is < 0 or > 1) throw new InputException("--min-probability", null, null, "moet tussen 0 en 1 liggen (bv. 0.6)");
        var evaluations = parse.GetValue(options.Evaluations);
        if (evaluations is < 2 or > 2_000) throw new InputException("--evaluations", null, null, "moet tussen 2 en 2.000 liggen");
        var runs = parse.GetValue(options.Runs);
        if (runs is < 1_000 or > 10_000_000) throw new InputException("--runs", null, null, "moet tussen 1.000 en 10.000.000 liggen");
        var seed = parse.GetValue(options.Seed);
        if (!File.Exists(candidatesPath)) throw new InputException(candidatesPath, null, null, "catalogus bestaat niet (--candidates)");

        var baseInputs = ScenarioInputs.Load(basePath);
        var catalogue = CatalogueReader.Read(candidatesPath);
        var budget = baseInputs.Scenario.Budget;
        var startYears = OptimiseOptions.ParseStartYears(parse.GetValue(options.StartYears), budget.ClaimYear, baseInputs.Scenario.Model.EndYear);
        baseInputs = baseInputs with
        {
            Catalogue = catalogue,
            Scenario = baseInputs.Scenario with { Data = baseInputs.Scenario.Data with { Catalogue = candidatesPath }, Run = new(runs, seed, null) },
        };
        var space = PortfolioSpace.Of(catalogue, Model.Domain.Regions.Municipalities, startYears);
        if (space.Options.IsEmpty) throw new InputException(candidatesPath, null, "interventions", "geen maatregel met een effect om uit te kiezen");
        var goal = new SearchGoal(budgets, objective, minimum);
        OutputFolder.EnsureWritable(outFolder);

        console.MarkupLine(Markup.Escape($"Zoeken in {space.Options.Length} keuzes (maatregel × gemeente, elk met intensiteit en startjaar {string.Join("/", startYears)}), " +
            $"{evaluations} beoordelingen per methode van {DutchFormat.Number(runs)} trajecten; budget {budget.ClaimYear}: " +
            string.Join(", ", budgets.Select(b => $"{b.Key} € {DutchFormat.Number(b.Value)}"))));
        await using var host = await options.Cluster.Resolve(parse).StartAsync(ct);
        var evaluator = new PortfolioRuns(host.Client, baseInputs, space);
        var total = 2L * evaluations * runs;
        var result = await ProgressDisplay.Show(console, "optimaliseren", total, onProgress =>
            PortfolioOptimiser.RunAsync(space, goal, seed, evaluations, PerRound,
                batch => evaluator.EvaluateAsync(batch, seed, runs, p => onProgress(p with
                {
                    Phase = $"beoordeling {evaluator.Done + 1}-{evaluator.Done + batch.Count} van {2 * evaluations}",
                    CompletedTrajectories = evaluator.Done * (long)runs + p.CompletedTrajectories,
                    TotalTrajectories = total,
                }), ct),
                cancellationToken: ct));

        // Chosen among many on the same trajectories, a best chance is a little flattering, and a claim just within its
        // budget may be so by chance: confirm each method's leading portfolios on fresh trajectories and keep the best there.
        var finalists = new[] { GuidedPortfolioSearch.Name, RandomPortfolioSearch.Name }
            .SelectMany(m => PortfolioOptimiser.Finalists(result.Evaluations, m, goal, Finalists, BudgetRoom)).Select(e => (e.Portfolio, e.Method)).ToList();
        var confirmSeed = seed + 1;
        var confirmRuns = runs * ConfirmFactor;
        console.MarkupLine($"Bevestigen op {DutchFormat.Number(confirmRuns)} nieuwe trajecten (seed {confirmSeed}) …");
        var confirmed = await evaluator.EvaluateAsync(finalists, confirmSeed, confirmRuns, null, ct);
        var best = PortfolioOptimiser.BestOf(confirmed, GuidedPortfolioSearch.Name, goal);
        var bestRandom = PortfolioOptimiser.BestOf(confirmed, RandomPortfolioSearch.Name, goal);

        var chosen = PortfolioOptimiser.Recommended(best, bestRandom, goal);
        var scenario = chosen is null ? null : evaluator.Scenario(chosen.Portfolio, "optimaal", "Beste portefeuille (optimalisatie)") with
        {
            DescriptionNl = $"Gevonden door ./run-sim.sh optimise ({(objective == SearchObjective.Probability ? "grootste kans" : "laagste claim")}, " +
                $"budget {budget.ClaimYear}: {string.Join(", ", budgets.Select(b => $"{b.Key} {b.Value:0}"))}). Kans alle misdaaddoelen " +
                $"{chosen.PAll:P1} op {confirmRuns} trajecten, seed {confirmSeed}.",
            Run = new(confirmRuns, confirmSeed, null),
        };
        OutputFolder.Write(outFolder, f => OptimisationFiles.Write(f, outFolder, result, space, goal, baseInputs.Targets, scenario, best, bestRandom,
            !parse.GetValue(options.NoCharts), new OptimisationFacts(runs, seed, confirmRuns, confirmSeed, evaluations, startYears, candidatesPath, basePath)));
        OptimisationSummary.Write(console, result, best, bestRandom, space, goal);
        console.MarkupLine($"Resultaten: [link]{Markup.Escape(Path.GetFullPath(outFolder))}[/]");
        return 0;
    }
}
