using System.Text.RegularExpressions;
using IvpSim.Data.Yaml;
using IvpSim.Model.Calibration;
using IvpSim.Model.Forecasting;
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
    public static (Scenario Scenario, Catalogue Catalogue) Read(string path) => Read(path, YamlDocument.LoadRoot(path), confined: false);

    /// <summary>
    /// A scenario given as text (a request body), read as if it were the file <paramref name="path"/>: its data paths
    /// resolve beside it and must stay there (relative, no <c>..</c>), so that a request cannot make IvpSim read other files.
    /// </summary>
    public static (Scenario Scenario, Catalogue Catalogue) ReadText(string path, string text) => Read(path, YamlDocument.LoadText(path, text), confined: true);

    private static (Scenario Scenario, Catalogue Catalogue) Read(string path, YamlMap root, bool confined)
    {
        var id = root.RequiredString("id");
        if (!IdPattern().IsMatch(id))
            throw root.ErrorAt("id", $"'{id}' mag alleen kleine letters, cijfers en '-' bevatten");
        var name = root.OptionalString("name") ?? id;
        var description = root.OptionalString("description") ?? "";
        var data = ReadData(path, root.OptionalMap("data"), confined);
        var run = ReadRun(root.OptionalMap("run"));
        var problems = new InputProblems();
        var forecast = data.Calibration is { } calibration ? ForecastCalibrationFile.Read(calibration) : ForecastSettings.Uncalibrated;
        var model = problems.Try(() => ReadModel(root.OptionalMap("model"), forecast)) ?? new ModelSettings { Forecast = forecast };
        var items = problems.Try(() => root.OptionalMapList("interventions")) ?? [];
        var budget = problems.Try(() => ReadBudget(root.OptionalMap("budget"))) ?? BudgetSettings.Default;
        problems.Try(() => { root.RejectUnknownKeys(); return true; });
        problems.ThrowIfAny();
        var catalogue = items.Count == 0 && !File.Exists(data.Catalogue) ? Catalogue.Empty : CatalogueReader.Read(data.Catalogue);
        var uses = ScenarioInterventionReader.Read(items, catalogue);
        return (new Scenario(id, name, description, path, data, run, model, uses, budget), catalogue);
    }

    private static DataSources ReadData(string path, YamlMap? map, bool confined)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string Resolve(string key, string fallback)
        {
            var given = map?.OptionalString(key);
            if (confined && given is not null && (Path.IsPathRooted(given) || given.Replace('\\', '/').Split('/').Contains("..")))
                throw map!.ErrorAt(key, $"'{given}': alleen paden binnen de scenariomap zijn toegestaan (relatief, zonder '..')");
            return Path.GetFullPath(Path.Combine(folder, given ?? fallback));
        }
        // Named files must exist; a default that is not there means the scenario does without it.
        string? Optional(string key, string fallback)
        {
            var named = map?.Has(key) == true;
            var resolved = Resolve(key, fallback);
            if (File.Exists(resolved) || !named) return File.Exists(resolved) ? resolved : null;
            throw map!.ErrorAt(key, $"bestand {resolved} bestaat niet");
        }
        var sources = new DataSources(
            Resolve("observations", "data/observations.csv"),
            Resolve("targets", "data/targets.csv"),
            Resolve("population", "data/population.csv"),
            Resolve("catalogue", "interventions.yaml"),
            Optional("reference", DefaultReference),
            Optional("national", "data/national-series.csv"),
            Optional("calibration", "data/forecast-calibration.yaml"));
        map?.RejectUnknownKeys();
        return sources;
    }

    /// <summary>The reference corpus shipped with the scenarios.</summary>
    public const string DefaultReference = "data/nl-reference-2012-2019.csv";

    private static RunSettings ReadRun(YamlMap? map)
    {
        var d = RunSettings.Default;
        if (map is null) return d;
        var run = new RunSettings(
            (int)(map.OptionalInteger("runs", 1, 10_000_000) ?? d.Runs),
            (ulong)(map.OptionalInteger("seed", 0, long.MaxValue) ?? (long)d.Seed),
            (int?)map.OptionalInteger("batch_size", 1, 1_000_000) ?? d.BatchSize);
        map.RejectUnknownKeys();
        return run;
    }

    /// <summary>Fields of earlier versions whose job the calibration now does.</summary>
    private static readonly string[] Retired = ["trend_damping", "level_drift_sd", "slope_prior_sd", "overdispersion_prior_df"];

    private static ModelSettings ReadModel(YamlMap? map, ForecastSettings calibrated)
    {
        var d = new ModelSettings { Forecast = calibrated };
        if (map is null) return d;
        foreach (var key in Retired.Where(map.Has))
            throw map.ErrorAt(key, "vervallen: trend en spreiding komen nu uit de kalibratie (data/forecast-calibration.yaml); " +
                "kies desgewenst model.structure of model.weights");
        var forecast = calibrated;
        if (map.OptionalString("structure") is { } structure)
        {
            if (!Structures.IsKnown(structure))
                throw map.ErrorAt("structure", $"onbekende structuur '{structure}' (bekend: {string.Join(", ", Structures.All.Select(s => s.Id))})");
            if (structure == Structures.AnchoredId)
                throw map.ErrorAt("structure", "national-anchored kan geen structuur van de landelijke ontwikkeling zijn (de gemeentelijke reeksen volgen die al)");
            forecast = forecast.Only(Structures.IndexOf(structure));
        }
        if (map.OptionalMap("weights") is { } weights)
        {
            if (map.Has("structure")) throw map.ErrorAt("weights", "kies structure of weights, niet allebei");
            // The municipal series follow the national development, whose structure these weights choose.
            var chosen = ForecastCalibrationFile.ReadWeights(weights);
            if (chosen[Structures.IndexOf(Structures.AnchoredId)] > 0)
                throw map.ErrorAt("weights", "national-anchored kan geen structuur van de landelijke ontwikkeling zijn");
            forecast = forecast with { Weights = chosen, AnchorWeights = chosen, WeightSamples = [] };
        }
        var settings = new ModelSettings
        {
            Forecast = forecast,
            SurveyScoreSe = map.OptionalDouble("survey_score_se", 0, 1) ?? d.SurveyScoreSe,
            ScoreStepSd = map.OptionalDouble("score_step_sd", 0, 1) ?? d.ScoreStepSd,
            ScoreTrendShrink = map.OptionalDouble("score_trend_shrink", 0, 1) ?? d.ScoreTrendShrink,
            ScoreTrendSd = map.OptionalDouble("score_trend_sd", 0, 1) ?? d.ScoreTrendSd,
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
