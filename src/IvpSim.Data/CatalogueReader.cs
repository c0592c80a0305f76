using System.Collections.Immutable;
using IvpSim.Data.Yaml;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;

namespace IvpSim.Data;

/// <summary>
/// Reads and validates the catalogue (scenarios/interventions.yaml): themes and interventions with their
/// priors. Every problem is reported, one line each, with file, line and field.
/// </summary>
public static class CatalogueReader
{
    private static readonly string[] Strengths = ["strong", "moderate", "weak", "none"];

    public static Catalogue Read(string path)
    {
        var root = YamlDocument.LoadRoot(path);
        var problems = new InputProblems();
        var themeMaps = root.OptionalMapList("themes");
        var themes = themeMaps.Select(m => problems.Try(() => ReadTheme(m))).OfType<Theme>().ToList();
        // A theme with an error is reported once; its id still counts, so that its interventions do not add misleading errors.
        var themeIds = themeMaps.Select(m => m.OptionalString("id")).OfType<string>().ToHashSet();
        var interventions = new List<Intervention>();
        foreach (var map in root.OptionalMapList("interventions"))
        {
            var intervention = problems.Try(() => ReadIntervention(map, themeIds));
            if (intervention is null) continue;
            if (interventions.Any(i => i.Id == intervention.Id))
                problems.Add(map.ErrorAt("id", $"interventie '{intervention.Id}' staat twee keer in de catalogus"));
            else
                interventions.Add(intervention);
        }
        foreach (var duplicate in themes.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            problems.Add(new InputException(path, null, "themes", $"thema '{duplicate.Key}' staat twee keer in de catalogus"));
        problems.Try(() => { root.RejectUnknownKeys(); return true; });
        problems.ThrowIfAny();
        return new Catalogue([.. themes], [.. interventions]);
    }

    private static Theme ReadTheme(YamlMap map)
    {
        var id = map.RequiredId("id");
        var kind = map.RequiredString("kind") switch
        {
            "joint" => ThemeKind.Joint,
            "local" => ThemeKind.Local,
            "continued" => ThemeKind.Continued,
            var other => throw map.ErrorAt("kind", $"'{other}' moet joint, local of continued zijn"),
        };
        var theme = new Theme(id, map.RequiredString("name"), kind,
            Municipalities(map), [.. map.OptionalStringList("indicators").Select(x => KnownIndicator(map, "indicators", x.Value, Indicators.IsKnown))]);
        map.RejectUnknownKeys();
        return theme;
    }

    private static Intervention ReadIntervention(YamlMap map, IReadOnlySet<string> themeIds)
    {
        var id = map.RequiredId("id");
        var themes = map.OptionalStringList("themes").Select(t => themeIds.Contains(t.Value)
            ? t.Value : throw map.ErrorAt("themes", $"onbekend thema '{t.Value}'")).ToImmutableArray();
        var status = map.RequiredString("status");
        if (status is not ("existing" or "new"))
            throw map.ErrorAt("status", $"'{status}' moet existing (bestaand beleid) of new (nieuw) zijn");
        var effects = map.OptionalMapList("effects").Select(ReadEffect).ToImmutableArray();
        var duplicateEffect = effects.GroupBy(e => e.Indicator).FirstOrDefault(g => g.Count() > 1);
        if (duplicateEffect is not null)
            throw map.ErrorAt("effects", $"indicator '{duplicateEffect.Key}' staat twee keer bij de effecten");
        var cost = ReadCost(map.OptionalMap("cost") ?? throw map.ErrorAt("cost", "ontbreekt"));
        var evidenceMap = map.OptionalMap("evidence") ?? throw map.ErrorAt("evidence", "ontbreekt");
        var strength = evidenceMap.RequiredString("strength");
        if (!Strengths.Contains(strength))
            throw evidenceMap.ErrorAt("strength", $"'{strength}' moet strong, moderate, weak of none zijn");
        var evidence = new Evidence(strength, evidenceMap.RequiredString("source"));
        evidenceMap.RejectUnknownKeys();
        var intervention = new Intervention(id, map.RequiredString("name"), themes, Municipalities(map),
            status == "existing",
            (int)(map.OptionalInteger("ramp_up_years", 1, 10) ?? 1),
            map.OptionalDouble("local_deviation_sd", 0, 1) ?? 0,
            effects, cost, evidence);
        map.RejectUnknownKeys();
        return intervention;
    }

    private static InterventionEffect ReadEffect(YamlMap map)
    {
        var indicator = KnownIndicator(map, "indicator", map.RequiredString("indicator"), Indicators.SimulatedCounts.Contains);
        var coverage = map.OptionalDouble("coverage", 0, 1) ?? 1;
        var registration = map.OptionalString("registration") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw map.ErrorAt("registration", $"'{other}' moet true of false zijn"),
        };
        var effectMap = map.OptionalMap("effect") ?? throw map.ErrorAt("effect", "ontbreekt");
        var effect = new InterventionEffect(indicator, DistributionReader.Read(effectMap, minimum: -1), coverage, registration);
        map.RejectUnknownKeys();
        return effect;
    }

    internal static InterventionCost ReadCost(YamlMap map)
    {
        var yearly = DistributionReader.Read(map.OptionalMap("yearly") ?? throw map.ErrorAt("yearly", "ontbreekt"), minimum: -1e-9);
        var oneOff = map.OptionalMap("one_off") is { } o ? DistributionReader.Read(o, minimum: -1e-9) : Distribution.Fixed(0);
        var cost = new InterventionCost(yearly, oneOff, map.OptionalString("unit") ?? "euro per jaar",
            (int)(map.OptionalInteger("price_year", 2000, 2040) ?? 2020));
        map.RejectUnknownKeys();
        return cost;
    }

    /// <summary>The municipalities a theme or intervention applies to; <c>all</c> (or nothing) means all three.</summary>
    internal static ImmutableArray<string> Municipalities(YamlMap map)
    {
        var listed = map.OptionalStringList("municipalities");
        if (listed.Count == 0 || listed is [("all", _)]) return Regions.Municipalities;
        return [.. listed.Select(m => Regions.Municipalities.Contains(m.Value)
            ? m.Value
            : throw map.ErrorAt("municipalities", $"onbekende gemeente '{m.Value}' (bekend: {string.Join(", ", Regions.Municipalities)})"))];
    }

    private static string KnownIndicator(YamlMap map, string field, string id, Func<string, bool> allowed) =>
        allowed(id) ? id : throw map.ErrorAt(field, $"onbekende of niet toegestane indicator '{id}'");
}
