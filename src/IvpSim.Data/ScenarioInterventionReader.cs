using System.Collections.Immutable;
using IvpSim.Data.Yaml;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;

namespace IvpSim.Data;

/// <summary>
/// Reads a scenario's <c>interventions:</c> list against the catalogue: ids must exist, municipalities must be
/// allowed for the intervention, start years lie in 2020-2024, overrides must be valid priors.
/// </summary>
public static class ScenarioInterventionReader
{
    public const int FirstStartYear = 2020;
    public const int LastStartYear = 2024;

    public static ImmutableArray<InterventionUse> Read(IReadOnlyList<YamlMap> items, Catalogue catalogue)
    {
        var problems = new InputProblems();
        var uses = new List<(InterventionUse Use, YamlMap Map)>();
        foreach (var map in items)
        {
            var read = problems.Try(() => ReadItem(map, catalogue));
            if (read is null) continue;
            foreach (var use in read)
            {
                if (uses.Any(u => u.Use.InterventionId == use.InterventionId && u.Use.Municipality == use.Municipality))
                    problems.Add(map.ErrorAt("municipalities", $"'{use.InterventionId}' staat al in dit scenario voor {use.Municipality}"));
                else
                    uses.Add((use, map));
            }
        }
        problems.ThrowIfAny();
        return [.. uses.Select(u => u.Use)];
    }

    private static IReadOnlyList<InterventionUse> ReadItem(YamlMap map, Catalogue catalogue)
    {
        var id = map.RequiredString("id");
        var intervention = catalogue.Find(id) ?? throw map.ErrorAt("id", $"onbekende interventie '{id}' (zie scenarios/interventions.yaml)");
        var municipalities = CatalogueReader.Municipalities(map);
        foreach (var m in municipalities.Where(m => !intervention.Municipalities.Contains(m)))
            throw map.ErrorAt("municipalities", $"'{id}' is in de catalogus niet voorzien voor {Regions.Get(m).NameNl}");
        var start = (int)(map.OptionalInteger("start_year", FirstStartYear, LastStartYear) ?? FirstStartYear);
        var intensity = map.OptionalDouble("intensity", 0, 10) ?? 1;
        var coverage = map.OptionalDouble("coverage", 0, 1);
        var ramp = (int?)map.OptionalInteger("ramp_up_years", 1, 10);
        var overrides = ImmutableDictionary.CreateBuilder<string, Distribution>();
        if (map.OptionalMap("effects") is { } effects)
        {
            foreach (var indicator in effects.Keys.ToArray())
            {
                if (intervention.Effects.All(e => e.Indicator != indicator))
                    throw effects.ErrorAt(indicator, $"'{id}' heeft in de catalogus geen effect op '{indicator}'");
                overrides[indicator] = DistributionReader.Read(effects.OptionalMap(indicator)!, minimum: -1);
            }
            effects.RejectUnknownKeys();
        }
        var cost = map.OptionalMap("cost") is { } costMap ? CatalogueReader.ReadCost(costMap) : null;
        var shared = map.OptionalString("shared") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw map.ErrorAt("shared", $"'{other}' moet true of false zijn"),
        };
        map.RejectUnknownKeys();
        var frozen = overrides.ToImmutable();
        return [.. municipalities.Select(m => new InterventionUse(id, m, start, intensity, coverage, ramp, frozen, cost, shared))];
    }
}
