using System.CommandLine;
using IvpSim.Data.Import;
using IvpSim.Reporting;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary><c>data import &lt;file&gt; [--format auto|ivpsim|cbs] --out &lt;file&gt; [--force]</c>.</summary>
public static class DataCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<string>("bestand") { Description = "IvpSim-CSV of CBS-export (open data/API of StatLine-download)" };
        var format = new Option<ImportFormat>("--format", "-f")
        {
            Description = "Formaat: auto (standaard), ivpsim of cbs",
            DefaultValueFactory = _ => ImportFormat.Auto,
        };
        var output = new Option<string>("--out", "-o") { Description = "Doelbestand, bijvoorbeeld scenarios/data/politie-2023.csv", Required = true };
        var force = new Option<bool>("--force") { Description = "Een bestaand doelbestand vervangen" };
        var import = new Command("import", "Lees politiecijfers (CBS/data.politie.nl of IvpSim-CSV) in als lange IvpSim-CSV");
        import.Arguments.Add(file);
        import.Options.Add(format);
        import.Options.Add(output);
        import.Options.Add(force);
        import.SetAction(parse =>
        {
            var target = parse.GetValue(output)!;
            var result = DataImport.Run(parse.GetValue(file)!, parse.GetValue(format), target, parse.GetValue(force));
            var observations = result.Observations;
            console.MarkupLine($"[green]Ingelezen[/] ({Markup.Escape(result.Format)}): {DutchFormat.Number(result.RowsRead)} rijen → " +
                $"{DutchFormat.Number(observations.Length)} waarnemingen, {observations.Select(o => o.Region).Distinct().Count()} regio's, " +
                $"jaren {observations.Min(o => o.Year)}-{observations.Max(o => o.Year)}, indicatoren: " +
                Markup.Escape(string.Join(", ", observations.Select(o => o.Indicator).Distinct().Order())));
            if (result.ProvisionalValues > 0)
                console.MarkupLine($"[yellow]{result.ProvisionalValues} voorlopige cijfers[/] (gemarkeerd in de kolom source).");
            if (result.UnusedCodeRows > 0)
                console.MarkupLine($"{DutchFormat.Number(result.UnusedCodeRows)} rijen met misdrijfsoorten die IvpSim niet gebruikt, overgeslagen.");
            if (result.IncompleteYears > 0)
                console.MarkupLine($"[yellow]{result.IncompleteYears} jaren met onvolledige maanden[/] niet meegenomen.");
            console.MarkupLine($"Geschreven: {Markup.Escape(Path.GetFullPath(target))}");
            return 0;
        });
        var data = new Command("data", "Gegevens beheren: politiecijfers importeren");
        data.Subcommands.Add(import);
        return data;
    }
}
