using System.Collections.Immutable;
using IvpSim.Model.Domain;

namespace IvpSim.Data;

/// <summary>
/// Reads and writes IvpSim's long observation CSV: <c>municipality,indicator,year,value,source</c>.
/// </summary>
public static partial class ObservationCsv
{
    public static readonly string[] Header = ["municipality", "indicator", "year", "value", "source"];

    /// <summary>Reads observations; <paramref name="isKnownIndicator"/> decides which indicator ids are allowed.</summary>
    public static ImmutableArray<Observation> Read(string path, Func<string, bool>? isKnownIndicator = null)
    {
        isKnownIndicator ??= Indicators.IsKnown;
        var seen = new Dictionary<(string, string, int), int>();
        var result = ImmutableArray.CreateBuilder<Observation>();
        foreach (var row in LongCsvReader.Read(path, Header, comments: true))
        {
            var region = row.Fields["municipality"];
            // Regions beyond the plan's (imported from CBS) are kept for backtests; a run uses only its own.
            if (!Regions.IsKnown(region) && !RegionIdPattern().IsMatch(region))
            {
                throw new InputException(path, row.Line, "municipality",
                    $"ongeldige regio '{region}' (kleine letters, cijfers en '-'; bekend: {string.Join(", ", Regions.All.Select(r => r.Id))})");
            }
            var indicator = row.Fields["indicator"];
            if (!isKnownIndicator(indicator))
            {
                throw new InputException(path, row.Line, "indicator", $"onbekende indicator '{indicator}'");
            }
            var year = LongCsvReader.ParseYear(path, row, "year");
            var value = LongCsvReader.ParseNumber(path, row, "value");
            if (value < 0)
            {
                throw new InputException(path, row.Line, "value", $"negatieve waarde {row.Fields["value"]}");
            }
            if (Indicators.IsKnown(indicator) && Indicators.Get(indicator).Kind == IndicatorKind.Score && value is < 1 or > 10)
            {
                throw new InputException(path, row.Line, "value", $"rapportcijfer {row.Fields["value"]} ligt niet tussen 1 en 10");
            }
            if (Indicators.IsKnown(indicator) && Indicators.Get(indicator).Kind == IndicatorKind.Count && value != Math.Floor(value))
            {
                throw new InputException(path, row.Line, "value", $"aantal {row.Fields["value"]} is geen geheel getal");
            }
            if (seen.TryGetValue((region, indicator, year), out var first))
            {
                throw new InputException(path, row.Line, null,
                    $"dubbele rij voor {region}/{indicator}/{year} (eerder op regel {first})");
            }
            seen[(region, indicator, year)] = row.Line;
            result.Add(new Observation(region, indicator, year, value, row.Fields["source"]));
        }
        if (result.Count == 0) throw new InputException(path, null, null, "bevat geen waarnemingen (alleen een kopregel of leeg)");
        return result.ToImmutable();
    }

    /// <summary>Any id of lower-case letters, digits, '-' and '_': a series that IvpSim need not know (for backtests).</summary>
    public static bool IsSeriesId(string id) => SeriesIdPattern().IsMatch(id) && id != PopulationCsv.Indicator;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial System.Text.RegularExpressions.Regex RegionIdPattern();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial System.Text.RegularExpressions.Regex SeriesIdPattern();
}
