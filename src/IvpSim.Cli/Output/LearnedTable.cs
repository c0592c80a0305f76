using IvpSim.Model.Backtest;
using IvpSim.Model.Forecasting;
using IvpSim.Reporting;
using Spectre.Console;

namespace IvpSim.Cli.Output;

/// <summary>
/// What a forward backtest learned at each origin: the weight of each structure of a national path and the constants
/// that set a band's width most. How far they move from one origin to the next shows how far the data pin them down.
/// </summary>
public static class LearnedTable
{
    public static void Print(IAnsiConsole console, IReadOnlyList<LearnedAtOrigin> learned)
    {
        if (learned.Count == 0) return;
        var structures = Structures.All.Select((s, i) => (s, i)).Where(x => x.s.Kind != StructureKind.Anchored).ToArray();
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Geleerd per beginjaar[/] (gewicht per structuur van een landelijke reeks)")
            .AddColumn(new TableColumn("Beginjaar").RightAligned());
        foreach (var (s, _) in structures) table.AddColumn(new TableColumn(Short(s)).RightAligned());
        table.AddColumn(new TableColumn("Drift").RightAligned()).AddColumn(new TableColumn("Trenddrift").RightAligned())
            .AddColumn(new TableColumn("Sprongen").RightAligned());
        foreach (var l in learned)
        {
            var f = l.Settings;
            table.AddRow([$"{l.Origin}", .. structures.Select(x => DutchFormat.Percent(f.AnchorWeights[x.i])),
                WithSpread(f, c => c.LevelDriftSd), WithSpread(f, c => c.SlopeDriftSd),
                $"{DutchFormat.Percent(f.JumpProbability)}×{DutchFormat.Number(f.JumpSd, 1)}"]);
        }
        console.Write(table);
        console.MarkupLine("[grey]Drift en trenddrift: sd per jaar van de drift van niveau en helling (die laatste bepaalt vooral hoe breed de band van een " +
            "landelijke reeks over een paar jaar is); de mediaan van de zoektochten, tussen haakjes van laagste tot hoogste (elk traject " +
            "rekent met die van één zoektocht). Sprongen: kans op een jaar van omwenteling × sd van de sprong. " +
            "Alle constanten per beginjaar en per zoektocht: backtest-learned.csv.[/]");
    }

    /// <summary>A constant's median and, when the searches disagree, their lowest and highest value.</summary>
    private static string WithSpread(ForecastSettings settings, Func<ForecastConstants, double> get)
    {
        var median = DutchFormat.Number(get(ForecastConstants.Of(settings)), 2);
        return SearchSpread.Of(settings.Searched, get, 2) is { } spread ? $"{median} ({spread})" : median;
    }

    /// <summary>A column head short enough for a terminal: the structure's kind, a trend by its damping φ.</summary>
    private static string Short(Structure s) => s.Kind switch
    {
        StructureKind.RandomWalk => "random walk",
        StructureKind.LocalLevel => "niveau",
        _ when s.Damping >= 1 => "lijn",
        _ => $"φ {DutchFormat.Number(s.Damping, 1)}",
    };
}
