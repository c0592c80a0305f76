using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace IvpSim.Data;

/// <summary>One data row of a long-form CSV with the line it came from.</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// Reads a comma-separated file with an exact header into rows, reporting the file and line of every problem.
/// </summary>
public static class LongCsvReader
{
    /// <param name="comments">Whether lines starting with '#' are comments (as in the reference corpus).</param>
    public static IReadOnlyList<CsvRow> Read(string path, IReadOnlyList<string> header, bool comments = false)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new InputException(path, null, null, "bestand bestaat niet");
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
            AllowComments = comments,
            Comment = '#',
        };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                throw new InputException(path, 1, null, "leeg bestand: kopregel ontbreekt");
            }
            var actual = csv.HeaderRecord ?? [];
            if (!actual.SequenceEqual(header))
            {
                throw new InputException(path, 1, null,
                    $"kopregel moet '{string.Join(',', header)}' zijn, maar is '{string.Join(',', actual)}'");
            }
            var rows = new List<CsvRow>();
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var record = csv.Parser.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                if (record.Length != header.Count)
                {
                    throw new InputException(path, line, null,
                        $"verwacht {header.Count} kolommen, gevonden {record.Length}");
                }
                rows.Add(new CsvRow(line, header.Select((h, i) => (h, record[i])).ToDictionary(x => x.h, x => x.Item2)));
            }
            return rows;
        }
        catch (CsvHelperException ex)
        {
            throw new InputException(path, ex.Context?.Parser?.RawRow, null, "onleesbare CSV: " + ex.Message.Split('\n')[0]);
        }
    }

    /// <summary>The header of a CSV file (after any comment lines), or null if the file is missing or empty.</summary>
    public static string[]? FirstHeader(string path, bool comments = false)
    {
        if (!System.IO.File.Exists(path)) return null;
        foreach (var line in System.IO.File.ReadLines(path))
        {
            if (comments && line.StartsWith('#')) continue;
            if (string.IsNullOrWhiteSpace(line)) continue;
            return [.. line.Split(',').Select(f => f.Trim().Trim('"'))];
        }
        return null;
    }

    public static int ParseYear(string path, CsvRow row, string field)
    {
        if (!int.TryParse(row.Fields[field], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) ||
            year is < 1900 or > 2100)
        {
            throw new InputException(path, row.Line, field, $"'{row.Fields[field]}' is geen jaartal");
        }
        return year;
    }

    public static double ParseNumber(string path, CsvRow row, string field)
    {
        var text = row.Fields[field];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
            !double.IsFinite(value))
        {
            throw new InputException(path, row.Line, field,
                $"'{text}' is geen getal (gebruik een punt als decimaalteken, geen duizendtalscheiding)");
        }
        return value;
    }
}
