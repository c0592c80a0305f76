using IvpSim.Model.Optimisation;
using IvpSim.Reporting;
using Spectre.Console;

namespace IvpSim.Cli.Output;

/// <summary>The console's account of a search: the best portfolio, the random search's best beside it, and plain words when nothing fits.</summary>
public static class OptimisationSummary
{
    public static void Write(IAnsiConsole console, SearchResult result, PortfolioEvaluation? best, PortfolioEvaluation? random, PortfolioSpace space,
        SearchGoal goal)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Beste portefeuille per zoekmethode (bevestigd op nieuwe trajecten)");
        table.AddColumns("Methode", "Kans alle misdaaddoelen", "Claim P80 ermelo", "Claim P80 harderwijk", "Claim P80 putten", "Binnen budget", "Maatregelen");
        foreach (var (label, e) in new[] { ("optimalisatie", best), ("willekeurig", random) })
        {
            if (e is null) continue;
            // The same portfolio's figure in the search (the confirmation may have kept another finalist than the search's best).
            var searched = result.Evaluations.First(x => x.Method == e.Method && x.Portfolio.Key == e.Portfolio.Key);
            table.AddRow(label, $"{Pct(e.PAll)} ± {Pct(e.PAllSe)} (zoektocht {Pct(searched.PAll)})",
                Euro(e, "ermelo"), Euro(e, "harderwijk"), Euro(e, "putten"), goal.WithinBudget(e) ? "ja" : "[red]nee[/]",
                e.Portfolio.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        console.Write(table);
        var chosen = PortfolioOptimiser.Recommended(best, random, goal);
        if (chosen is null) return;
        if (!goal.Acceptable(chosen) || chosen.PAll < goal.MinProbability)
        {
            console.MarkupLine(goal.WithinBudget(chosen)
                ? $"[yellow]Geen portefeuille binnen het budget haalt de minimale kans van {Pct(goal.MinProbability)}[/]: de beste haalt {Pct(chosen.PAll)}."
                : "[yellow]Geen enkele beoordeelde portefeuille blijft binnen het budget.[/]");
        }
        if (!ReferenceEquals(chosen, best))
            console.MarkupLine("[yellow]Op nieuwe trajecten doet de portefeuille van de willekeurige zoektocht het beter[/]" +
                (best is not null && !goal.WithinBudget(best) ? " (die van de optimalisatie gaat over het budget)" : "") + "; die wordt aanbevolen.");
        console.MarkupLine($"Beste portefeuille ({chosen.Portfolio.Size} maatregelen): {Markup.Escape(space.Describe(chosen.Portfolio))}");
        console.MarkupLine($"Als scenario: {Markup.Escape(OptimisationFiles.BestFile)} (draai met ./run-sim.sh run <uitvoermap>/{OptimisationFiles.BestFile}).");
    }

    private static string Euro(PortfolioEvaluation e, string municipality) => "€ " + DutchFormat.Number(e.ClaimP80.GetValueOrDefault(municipality));

    private static string Pct(double p) => DutchFormat.Number(p * 100, 1) + "%";
}
