using System.CommandLine;
using IvpSim.Data;
using Spectre.Console;

namespace IvpSim.Cli.Commands;

/// <summary><c>validate &lt;file …&gt;</c>: checks scenario files and the data they name without running anything.</summary>
public static class ValidateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var files = new Argument<string[]>("scenario") { Description = "Scenariobestand(en) om te controleren", Arity = ArgumentArity.OneOrMore };
        var data = new Option<string?>("--data") { Description = "Nieuwere gegevens (lange CSV) om mee te controleren" };
        var command = new Command("validate", "Controleer scenariobestanden (of de catalogus interventions.yaml) en hun gegevens zonder iets te draaien");
        command.Arguments.Add(files);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            foreach (var file in parse.GetValue(files) ?? [])
            {
                if (ScenarioFiles.IsCatalogue(file))
                {
                    var catalogue = CatalogueReader.Read(file);
                    console.MarkupLine($"[green]in orde[/]: {Markup.Escape(file)} (catalogus: {catalogue.Themes.Length} thema's, " +
                        $"{catalogue.Interventions.Length} interventies)");
                    continue;
                }
                var inputs = ScenarioInputs.Load(file, parse.GetValue(data));
                console.MarkupLine($"[green]in orde[/]: {Markup.Escape(file)} (scenario '{Markup.Escape(inputs.Scenario.Id)}', " +
                    $"{inputs.Observations.Items.Length} waarnemingen, {inputs.Targets.Length} doelen, " +
                    $"{inputs.Scenario.Interventions.Select(u => u.InterventionId).Distinct().Count()} interventies)");
            }
            return 0;
        });
        return command;
    }
}
