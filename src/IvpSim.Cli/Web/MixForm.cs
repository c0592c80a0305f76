using System.Collections.Immutable;
using System.Globalization;
using IvpSim.Data;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Web;

namespace IvpSim.Cli.Web;

/// <summary>
/// The mix on the page and back: every catalogue measure in every municipality it may serve, on where the starting
/// scenario uses it; and from the posted form the scenario's uses. A use the form keeps on keeps the starting
/// scenario's other settings (coverage, ramp, effect and cost overrides, shared).
/// </summary>
public static class MixForm
{
    public static IReadOnlyList<MixRow> Rows(ScenarioInputs inputs)
    {
        var uses = inputs.Scenario.Interventions.ToDictionary(u => Key(u.InterventionId, u.Municipality));
        return [.. inputs.Catalogue.Interventions.SelectMany(i => Regions.Municipalities.Where(i.Municipalities.Contains).Select(m =>
        {
            var key = Key(i.Id, m);
            var use = uses.GetValueOrDefault(key);
            return new MixRow(key, i.Id, i.NameNl, m, Regions.Get(m).NameNl, i.IsExisting, i.Evidence.Strength, use is not null,
                use?.Intensity ?? 1, use?.StartYear ?? 2021);
        }))];
    }

    /// <summary>The uses the form asks for; a problem (an intensity that is no number) is one line naming the field.</summary>
    public static ImmutableArray<InterventionUse> Uses(ScenarioInputs start, IReadOnlyDictionary<string, string> form)
    {
        var existing = start.Scenario.Interventions.ToDictionary(u => Key(u.InterventionId, u.Municipality));
        var uses = ImmutableArray.CreateBuilder<InterventionUse>();
        foreach (var row in Rows(start))
        {
            if (form.GetValueOrDefault($"on:{row.Key}") != "true") continue;
            var intensity = Number(form, $"intensity:{row.Key}", row.Intensity, 0, 10);
            var year = (int)Number(form, $"start:{row.Key}", row.StartYear, 2020, start.Scenario.Model.EndYear);
            uses.Add(existing.TryGetValue(row.Key, out var use)
                ? use with { Intensity = intensity, StartYear = year }
                : new InterventionUse(row.InterventionId, row.Municipality, year, intensity, null, null, ImmutableDictionary<string, Distribution>.Empty));
        }
        return uses.ToImmutable();
    }

    /// <summary>The rows as the form left them (on, intensity, start year), wherever the form's values can be read.</summary>
    public static IReadOnlyList<MixRow> Overlay(IReadOnlyList<MixRow> rows, IReadOnlyDictionary<string, string> form) =>
        [.. rows.Select(r => r with
        {
            On = form.GetValueOrDefault($"on:{r.Key}") == "true",
            Intensity = double.TryParse(form.GetValueOrDefault($"intensity:{r.Key}")?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var i) ? i : r.Intensity,
            StartYear = int.TryParse(form.GetValueOrDefault($"start:{r.Key}"), out var y) ? y : r.StartYear,
        })];

    private static double Number(IReadOnlyDictionary<string, string> form, string field, double fallback, double min, double max)
    {
        if (!form.TryGetValue(field, out var text) || string.IsNullOrWhiteSpace(text)) return fallback;
        if (!double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new InputException(field, null, null, $"'{text}' moet een getal tussen {min} en {max} zijn");
        return value;
    }

    private static string Key(string intervention, string municipality) => $"{intervention}@{municipality}";
}
