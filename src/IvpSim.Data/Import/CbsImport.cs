using System.Collections.Immutable;
using IvpSim.Model.Domain;

namespace IvpSim.Data.Import;

/// <summary>What an import produced and what it left out, for the user's summary.</summary>
public sealed record ImportResult(ImmutableArray<Observation> Observations, string Format, int RowsRead, int UnusedCodeRows,
    int IncompleteYears, int ProvisionalValues);

/// <summary>
/// Turns CBS rows into IvpSim observations: monthly rows summed to years (only complete years; a yearly row wins),
/// codes mapped to indicators, provisional figures flagged in the source column.
/// </summary>
public static class CbsImport
{
    public static ImportResult Convert(string path, CbsShape shape, IReadOnlyList<CbsRow> rows)
    {
        var source = $"CBS/politie {(shape == CbsShape.Api ? "open data" : "StatLine")}: {Path.GetFileName(path)}";
        var yearly = new Dictionary<(string Code, string Region, int Year), (long Value, bool Provisional)>();
        var incomplete = 0;
        foreach (var group in rows.Where(r => r.Count is not null).GroupBy(r => (r.Code, r.Region, r.Period.Year)))
        {
            var year = group.FirstOrDefault(r => r.Period.Month is null);
            if (year is not null)
            {
                yearly[group.Key] = (year.Count!.Value, year.Period.Provisional);
                continue;
            }
            var months = group.Where(r => r.Period.Month is not null).ToArray();
            if (months.Select(r => r.Period.Month).Distinct().Count() == 12)
                yearly[group.Key] = (months.Sum(r => r.Count!.Value), months.Any(r => r.Period.Provisional));
            else
                incomplete++;
        }
        var observations = new List<Observation>();
        foreach (var ((code, region, year), (value, provisional)) in yearly)
        {
            if (CrimeCodes.Direct.TryGetValue(code, out var indicator))
                observations.Add(new Observation(region, indicator, year, value, Source(source, provisional)));
        }
        foreach (var (region, year) in yearly.Keys.Select(k => (k.Region, k.Year)).Distinct())
        {
            var parts = CrimeCodes.ViolenceParts.Select(c => yearly.TryGetValue((c, region, year), out var v) ? v : ((long, bool)?)null).ToArray();
            if (parts.All(p => p is not null))
                observations.Add(new Observation(region, Indicators.Violence, year, parts.Sum(p => p!.Value.Item1),
                    Source(source, parts.Any(p => p!.Value.Item2))));
        }
        var used = CrimeCodes.Direct.Keys.Concat(CrimeCodes.ViolenceParts).ToHashSet();
        return new ImportResult(
            [.. observations.OrderBy(o => o.Region, StringComparer.Ordinal).ThenBy(o => o.Indicator, StringComparer.Ordinal).ThenBy(o => o.Year)],
            shape == CbsShape.Api ? "cbs (open data/API)" : "cbs (StatLine)", rows.Count, rows.Count(r => !used.Contains(r.Code)),
            incomplete, observations.Count(o => o.Source.EndsWith("(voorlopig)", StringComparison.Ordinal)));
    }

    private static string Source(string source, bool provisional) => provisional ? $"{source} (voorlopig)" : source;
}
