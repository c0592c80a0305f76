using System.Text.RegularExpressions;
using IvpSim.Cli.Commands;
using IvpSim.Data;
using IvpSim.Model.Scenarios;

namespace IvpSim.Cli.Web;

/// <summary>
/// The scenario files the planner may read and write: only those in one folder (scenarios/), by plain file name. A
/// scenario in a request body is read as if it lay in that folder, and its data paths must stay inside it.
/// </summary>
public sealed partial class ScenarioLibrary(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The scenario files, by name (the catalogue is not a scenario).</summary>
    public IReadOnlyList<string> List() =>
        Directory.Exists(Folder)
            ? [.. Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).OfType<string>()
                .Where(f => f != ScenarioFiles.CatalogueFileName && !f.StartsWith('.')).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>A scenario file by its name in the folder; any other name is refused.</summary>
    public ScenarioInputs Load(string name)
    {
        if (!List().Contains(name)) throw new InputException(name, null, null, "geen scenario in de scenariomap");
        return ScenarioInputs.Load(Path.Combine(Folder, name));
    }

    /// <summary>A scenario sent as text, read as the file <c>scenarios/{name}</c> would be.</summary>
    public ScenarioInputs FromText(string text, string name = "verzoek.yaml") => ScenarioInputs.FromText(Path.Combine(Folder, name), text);

    /// <summary>The file a new scenario with this id goes to; null when the id is not a plain name.</summary>
    public string? PathFor(string id) => IdPattern().IsMatch(id) ? Path.Combine(Folder, id + ".yaml") : null;

    /// <summary>
    /// Writes a scenario as <c>{id}.yaml</c> in the folder, through a temporary file, so that a failed write leaves no
    /// half file. An existing file is replaced only when <paramref name="overwrite"/> says so.
    /// </summary>
    public string Save(Scenario scenario, bool overwrite, string comment)
    {
        var path = PathFor(scenario.Id) ?? throw new InputException("naam", null, null, $"'{scenario.Id}' mag alleen kleine letters, cijfers en '-' bevatten");
        if (Path.GetFileName(path) == ScenarioFiles.CatalogueFileName)
            throw new InputException(Path.GetFileName(path), null, null, "dat is de catalogus; kies een andere naam");
        if (File.Exists(path) && !overwrite)
            throw new InputException(Path.GetFileName(path), null, null, "bestaat al; kies een andere naam of vink 'vervangen' aan");
        AtomicFile.Write(path, ScenarioYamlWriter.Format(scenario with { SourceFile = path }, Folder, comment));
        return path;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
