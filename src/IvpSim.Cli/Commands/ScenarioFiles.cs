using IvpSim.Data;

namespace IvpSim.Cli.Commands;

/// <summary>Finds the scenario files to run: those named, or every scenario in the default folder.</summary>
public static class ScenarioFiles
{
    public static string DefaultFolder()
    {
        var home = Environment.GetEnvironmentVariable("IVPSIM_HOME");
        return Path.Combine(string.IsNullOrEmpty(home) ? Directory.GetCurrentDirectory() : home, "scenarios");
    }

    /// <summary>The catalogue lives beside the scenarios under a fixed name.</summary>
    public static bool IsCatalogue(string path) => Path.GetFileName(path) == CatalogueFileName;

    public const string CatalogueFileName = "interventions.yaml";

    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> named)
    {
        if (named.FirstOrDefault(n => n.StartsWith('-')) is { } option)
            throw new InputException(option, null, null, "onbekende optie (zie --help)");
        if (named.Count > 0) return named;
        var folder = DefaultFolder();
        if (!Directory.Exists(folder))
            throw new InputException(folder, null, null, "geen scenariomap gevonden; noem een scenariobestand");
        var files = Directory.GetFiles(folder, "*.yaml").Where(f => !IsCatalogue(f)).Order(StringComparer.Ordinal).ToArray();
        return files.Length > 0 ? files : throw new InputException(folder, null, null, "bevat geen scenario's (*.yaml)");
    }
}
