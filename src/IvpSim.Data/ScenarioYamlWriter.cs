using System.Globalization;
using System.Text;
using IvpSim.Model.Budget;
using IvpSim.Model.Interventions;
using IvpSim.Model.Scenarios;

namespace IvpSim.Data;

/// <summary>
/// Writes a scenario as a YAML file that <see cref="ScenarioReader"/> reads back to the same scenario: its data paths
/// relative to the file's folder, its run and budget settings, one line per intervention use. Used for a scenario
/// that IvpSim composes (the optimiser's best portfolio); model overrides are not written.
/// </summary>
public static class ScenarioYamlWriter
{
    public static string Format(Scenario scenario, string folder, string comment)
    {
        var yaml = new StringBuilder();
        foreach (var line in comment.Split('\n')) yaml.Append("# ").Append(line).Append('\n');
        yaml.Append($"id: {scenario.Id}\n");
        yaml.Append($"name: {Quote(scenario.NameNl)}\n");
        if (scenario.DescriptionNl.Length > 0) yaml.Append($"description: {Quote(scenario.DescriptionNl)}\n");
        var d = scenario.Data;
        yaml.Append("data:\n");
        Path("observations", d.BaseObservations ?? d.Observations);
        Path("targets", d.Targets);
        Path("population", d.Population);
        Path("catalogue", d.Catalogue);
        if (d.Reference is { } reference) Path("reference", reference);
        if (d.NationalMap is { } national) Path("national", national);
        if (d.Calibration is { } calibration) Path("calibration", calibration);
        yaml.Append($"run:\n  runs: {scenario.Run.Runs}\n  seed: {scenario.Run.Seed}\n");
        var b = scenario.Budget;
        yaml.Append("budget:\n").Append($"  split: {SplitName(b.Key)}\n");
        if (b.Key == SplitKey.Explicit)
            yaml.Append("  shares: {").Append(string.Join(", ", b.ExplicitShares.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {Number(s.Value)}"))).Append("}\n");
        yaml.Append($"  cost_correlation: {Number(b.CostCorrelation)}\n  indexation: {Number(b.Indexation)}\n  claim_year: {b.ClaimYear}\n");
        if (scenario.Interventions.IsEmpty)
        {
            yaml.Append("interventions: []\n");
            return yaml.ToString();
        }
        yaml.Append("interventions:\n");
        foreach (var use in scenario.Interventions)
        {
            yaml.Append($"  - {{id: {use.InterventionId}, municipalities: [{use.Municipality}], start_year: {use.StartYear}, intensity: {Number(use.Intensity)}");
            if (use.Shared) yaml.Append(", shared: true");
            yaml.Append("}\n");
        }
        return yaml.ToString();

        void Path(string key, string file) =>
            yaml.Append($"  {key}: {Quote(System.IO.Path.GetRelativePath(System.IO.Path.GetFullPath(folder), file).Replace('\\', '/'))}\n");
    }

    private static string SplitName(SplitKey key) => key switch
    {
        SplitKey.Equal => "equal",
        SplitKey.Explicit => "explicit",
        _ => "inhabitants",
    };

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A double-quoted YAML scalar: any text, safely.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "") + "\"";
}
