using System.Text.RegularExpressions;
using IvpSim.Data.Yaml;
using IvpSim.Model.Calibration;
using IvpSim.Model.Interventions;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using System.Collections.Immutable;
using IvpSim.Model.Scenarios;

namespace IvpSim.Data;

/// <summary>Reads and validates a scenario file. Every field is documented in scenarios/README.md.</summary>
public static partial class ScenarioReader
{
    /// <summary>Reads a scenario; its interventions are checked against the catalogue it names.</summary>
    public static (Scenario Scenario, Catalogue Catalogue) Read(string path)
    {
        var root = YamlDocument.LoadRoot(path);
        var id = root.RequiredString("id");
        if (!IdPattern().IsMatch(id))
            throw root.ErrorAt("id", $"'{id}' mag alleen kleine letters, cijfers en '-' bevatten");
        var name = root.OptionalString("name") ?? id;
        var description = root.OptionalString("description") ?? "";
        var data = ReadData(path, root.OptionalMap("data"));
        var run = ReadRun(root.OptionalMap("run"));
        var problems = new InputProblems();
        var model = problems.Try(() => ReadModel(root.OptionalMap("model"))) ?? new ModelSettings();
        var items = problems.Try(() => root.OptionalMapList("interventions")) ?? [];
        var budget = problems.Try(() => ReadBudget(root.OptionalMap("budget"))) ?? BudgetSettings.Default;
        problems.Try(() => { root.RejectUnknownKeys(); return true; });
        problems.ThrowIfAny();
        var catalogue = items.Count == 0 && !File.Exists(data.Catalogue) ? Catalogue.Empty : CatalogueReader.Read(data.Catalogue);
        var uses = ScenarioInterventionReader.Read(items, catalogue);
        return (new Scenario(id, name, description, path, data, run, model, uses, budget), catalogue);
    }

    private static DataSources ReadData(string path, YamlMap? map)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string Resolve(string key, string fallback) =>
            Path.GetFullPath(Path.Combine(folder, map?.OptionalString(key) ?? fallback));
        var sources = new DataSources(
            Resolve("observations", "data/observations.csv"),
            Resolve("targets", "data/targets.csv"),
            Resolve("population", "data/population.csv"),
            Resolve("catalogue", "interventions.yaml"));
        map?.RejectUnknownKeys();
        return sources;
    }

    private static RunSettings ReadRun(YamlMap? map)
    {
        var d = RunSettings.Default;
        if (map is null) return d;
        var run = new RunSettings(
            (int)(map.OptionalInteger("runs", 1, 10_000_000) ?? d.Runs),
            (ulong)(map.OptionalInteger("seed", 0, long.MaxValue) ?? (long)d.Seed),
            (int)(map.OptionalInteger("batch_size", 1, 1_000_000) ?? d.BatchSize));
        map.RejectUnknownKeys();
        return run;
    }

    private static ModelSettings ReadModel(YamlMap? map)
    {
        var d = new ModelSettings();
        if (map is null) return d;
        var slopePrior = map.OptionalString("slope_prior_sd");
        var settings = new ModelSettings
        {
            TrendDamping = map.OptionalDouble("trend_damping", 0, 1) ?? d.TrendDamping,
            LevelDriftSd = map.OptionalDouble("level_drift_sd", 0, 1) ?? d.LevelDriftSd,
            SlopePriorSd = slopePrior switch
            {
                null => d.SlopePriorSd,
                "auto" => null,
                _ => map.OptionalDouble("slope_prior_sd", 0, 2),
            },
            SurveyScoreSe = map.OptionalDouble("survey_score_se", 0, 1) ?? d.SurveyScoreSe,
            ScoreStepSd = map.OptionalDouble("score_step_sd", 0, 1) ?? d.ScoreStepSd,
            ScoreTrendShrink = map.OptionalDouble("score_trend_shrink", 0, 1) ?? d.ScoreTrendShrink,
            ScoreTrendSd = map.OptionalDouble("score_trend_sd", 0, 1) ?? d.ScoreTrendSd,
            OverdispersionPriorDf = map.OptionalDouble("overdispersion_prior_df", 0, 100) ?? d.OverdispersionPriorDf,
            EndYear = (int)(map.OptionalInteger("end_year", 2020, 2040) ?? d.EndYear),
        };
        map.RejectUnknownKeys();
        return settings;
    }

    private static BudgetSettings ReadBudget(YamlMap? map)
    {
        var d = BudgetSettings.Default;
        if (map is null) return d;
        var key = map.OptionalString("split") switch
        {
            null or "inhabitants" => SplitKey.Inhabitants,
            "equal" => SplitKey.Equal,
            "explicit" => SplitKey.Explicit,
            var other => throw map.ErrorAt("split", $"'{other}' moet inhabitants, equal of explicit zijn"),
        };
        var shares = ImmutableDictionary.CreateBuilder<string, double>();
        if (map.OptionalMap("shares") is { } sharesMap)
        {
            foreach (var municipality in sharesMap.Keys.ToArray())
            {
                if (!Regions.Municipalities.Contains(municipality))
                    throw sharesMap.ErrorAt(municipality, $"onbekende gemeente '{municipality}'");
                shares[municipality] = sharesMap.OptionalDouble(municipality, 0, 1)!.Value;
            }
            sharesMap.RejectUnknownKeys();
        }
        if (key == SplitKey.Explicit && Math.Abs(shares.Values.Sum() - 1) > 1e-6)
            throw map.ErrorAt("shares", $"de aandelen van ermelo, harderwijk en putten moeten samen 1 zijn (nu {shares.Values.Sum():0.###})");
        if (key != SplitKey.Explicit && shares.Count > 0)
            throw map.ErrorAt("shares", "alleen bij split: explicit");
        var settings = new BudgetSettings(key, shares.ToImmutable(),
            map.OptionalDouble("cost_correlation", 0, 0.99) ?? d.CostCorrelation,
            map.OptionalDouble("indexation", -0.5, 0.5) ?? d.Indexation,
            (int)(map.OptionalInteger("claim_year", 2020, 2024) ?? d.ClaimYear));
        map.RejectUnknownKeys();
        return settings;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
