using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace IvpSim.Data.Import;

/// <summary>One row of a CBS export: a crime code, a region, a period and a count (null = missing).</summary>
public sealed record CbsRow(int Line, string Code, string Region, Period Period, long? Count);

public enum CbsShape
{
    /// <summary>CBS open-data API / OData: comma-separated, keys padded with spaces ("GM0233    ", "1.1.1 "), periods "2019JJ00".</summary>
    Api,
    /// <summary>StatLine web download: semicolon-separated, Dutch label headers, "." for missing.</summary>
    StatLine,
}

/// <summary>Reads both shapes of CBS police-crime exports (47013NED, 47022NED, 83648NED) with line numbers for every problem.</summary>
public static class CbsReader
{
    private sealed record Columns(int Code, int Region, int Period, int Count);

    public static (CbsShape Shape, IReadOnlyList<CbsRow> Rows) Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, null, "bestand bestaat niet");
        var firstLine = File.ReadLines(path).FirstOrDefault() ?? throw new InputException(path, 1, null, "leeg bestand");
        var shape = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? CbsShape.StatLine : CbsShape.Api;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = shape == CbsShape.StatLine ? ";" : ",",
            HasHeaderRecord = true,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        try
        {
            csv.Read();
            csv.ReadHeader();
            var header = csv.HeaderRecord ?? [];
            var columns = FindColumns(path, shape, header);
            var rows = new List<CbsRow>();
            var seen = new Dictionary<(string, string, Period), int>();
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var record = csv.Parser.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                if (record.Length != header.Length)
                    throw new InputException(path, line, null, $"verwacht {header.Length} kolommen, gevonden {record.Length}");
                var codeText = record[columns.Code];
                var code = CrimeCodes.Parse(codeText)
                    ?? throw new InputException(path, line, header[columns.Code], $"onbekende misdrijfsoort '{codeText.Trim()}'");
                var regionText = record[columns.Region];
                if (string.IsNullOrWhiteSpace(regionText)) throw new InputException(path, line, header[columns.Region], "regio ontbreekt");
                var region = shape == CbsShape.Api ? RegionIds.FromCbsCode(regionText) : RegionIds.FromName(regionText);
                var period = Period.Parse(record[columns.Period])
                    ?? throw new InputException(path, line, header[columns.Period], $"onbekende periode '{record[columns.Period].Trim()}'");
                var count = ParseCount(path, line, header[columns.Count], record[columns.Count]);
                var key = (code, region, period with { Provisional = false });
                if (seen.TryGetValue(key, out var first))
                    throw new InputException(path, line, null, $"dubbele rij voor {code} / {regionText.Trim()} / {record[columns.Period].Trim()} (eerder op regel {first})");
                seen[key] = line;
                rows.Add(new CbsRow(line, code, region, period, count));
            }
            return (shape, rows);
        }
        catch (CsvHelperException ex)
        {
            throw new InputException(path, ex.Context?.Parser?.RawRow, null, "onleesbare CSV: " + ex.Message.Split('\n')[0]);
        }
    }

    private static Columns FindColumns(string path, CbsShape shape, string[] header)
    {
        int Find(string what, Func<string, bool> match) =>
            Array.FindIndex(header, h => match(h.Trim())) is var i and >= 0 ? i
                : throw new InputException(path, 1, null, $"kolom '{what}' ontbreekt (kopregel: {string.Join(shape == CbsShape.StatLine ? ";" : ",", header)})");
        return shape == CbsShape.Api
            ? new Columns(
                Find("SoortMisdrijf", h => h.Equals("SoortMisdrijf", StringComparison.OrdinalIgnoreCase)),
                Find("RegioS", h => h.Equals("RegioS", StringComparison.OrdinalIgnoreCase)),
                Find("Perioden", h => h.Equals("Perioden", StringComparison.OrdinalIgnoreCase)),
                Find("GeregistreerdeMisdrijven_…", h => h.StartsWith("GeregistreerdeMisdrijven", StringComparison.OrdinalIgnoreCase) &&
                    !h.Contains("Relatief", StringComparison.OrdinalIgnoreCase) && !h.Contains("Per", StringComparison.Ordinal)))
            : new Columns(
                Find("Soort misdrijf", h => h.Equals("Soort misdrijf", StringComparison.OrdinalIgnoreCase)),
                Find("Regio's", h => h.Equals("Regio's", StringComparison.OrdinalIgnoreCase)),
                Find("Perioden", h => h.Equals("Perioden", StringComparison.OrdinalIgnoreCase)),
                Find("Geregistreerde misdrijven (aantal)", h => h.StartsWith("Geregistreerde misdrijven", StringComparison.OrdinalIgnoreCase) &&
                    !h.Contains("per", StringComparison.OrdinalIgnoreCase)));
    }

    private static long? ParseCount(string path, int line, string field, string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || t == ".") return null;
        if (!long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new InputException(path, line, field, $"'{t}' is geen aantal");
        if (value < 0) throw new InputException(path, line, field, $"negatief aantal {t}");
        return value;
    }
}
