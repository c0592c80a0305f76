using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Reporting;
using IvpSim.Reporting.Results;
using Spectre.Console;

namespace IvpSim.Cli.Output;

/// <summary>The Dutch claim summary: per municipality the extra money for the claim year and its largest items.</summary>
public static class BudgetSummary
{
    public static void Write(IAnsiConsole console, ScenarioReport result)
    {
        var scenario = result.Scenario;
        var year = scenario.Budget.ClaimYear;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]Extra kosten {year}: {Markup.Escape(scenario.NameNl)}[/] ({DutchFormat.Number(scenario.Run.Runs)} trajecten, seed {scenario.Run.Seed})")
            .AddColumn("Gemeente")
            .AddColumn(new TableColumn("P50").RightAligned())
            .AddColumn(new TableColumn("P80").RightAligned())
            .AddColumn(new TableColumn("P95").RightAligned())
            .AddColumn("Grootste posten (gemiddeld)");
        foreach (var claim in result.Claim)
        {
            var items = result.Budget.Where(b => b.Region == claim.Region && b.Year == year && b.Intervention != CostLayout.TotalId && b.Mean > 0)
                .OrderByDescending(b => b.Mean).Take(3)
                .Select(b => $"{result.ShortName(b.Intervention)} € {DutchFormat.Number(b.Mean)}");
            table.AddRow(Regions.Get(claim.Region).NameNl, Euro(claim.P50), Euro(claim.P80), Euro(claim.P95),
                Markup.Escape(items.Any() ? string.Join("; ", items) : "-"));
        }
        console.Write(table);
        console.MarkupLine($"[grey]Alleen nieuw beleid en extra inzet op bestaand beleid tellen mee; gedeelde maatregelen verdeeld naar " +
            $"{KeyName(scenario.Budget.Key)}; kostenoverschrijdingen gecorreleerd (ρ = {scenario.Budget.CostCorrelation.ToString("0.##", DutchFormat.Numbers)}). " +
            "Veluwe-West is in elk traject de som van de drie gemeenten.[/]");
        foreach (var target in result.TargetGains.Where(g => g.Rank is >= 1 and <= 3).GroupBy(g => (g.Region, g.Indicator)))
        {
            var cheapest = target.OrderBy(g => g.Rank).Select(g =>
                $"{result.ShortName(g.Intervention)} (€ {DutchFormat.Number(g.CostPerPoint ?? 0)} per procentpunt)");
            console.MarkupLine(Markup.Escape($"Goedkoopst voor het doel {Indicators.Get(target.Key.Indicator).ShortLabelNl} in " +
                $"{Regions.Get(target.Key.Region).NameNl}: {string.Join(", ", cheapest)}"));
        }
        var whole = result.ValueForMoney.FirstOrDefault(v => v.Intervention == CostLayout.TotalId);
        if (whole is not null)
        {
            console.MarkupLine($"Hele scenario 2020-2024: gemiddeld {DutchFormat.Number(whole.AvoidedMean, 0)} misdrijven vermeden in Veluwe-West " +
                $"voor € {DutchFormat.Number(whole.CostMean)}" +
                (whole.CostPerAvoided is { } c ? $" (€ {DutchFormat.Number(c)} per vermeden misdrijf)." : "."));
        }
    }

    private static string Euro(double euros) => "€ " + DutchFormat.Number(euros);

    private static string KeyName(SplitKey key) => key switch
    {
        SplitKey.Equal => "gelijke delen",
        SplitKey.Explicit => "opgegeven aandelen",
        _ => "inwonertal",
    };
}
