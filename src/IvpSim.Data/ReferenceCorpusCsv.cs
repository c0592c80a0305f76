using System.Collections.Immutable;
using IvpSim.Model.Domain;

namespace IvpSim.Data;

/// <summary>
/// Reads the reference corpus (<c>series,kind,label,year,value</c>, lines starting with '#' are comments) and the
/// map from local indicators to national series (<c>indicator,series,sign</c>).
/// </summary>
public static partial class ReferenceCorpusCsv
{
    public static readonly string[] Header = ["series", "kind", "label", "year", "value"];
    public static readonly string[] MapHeader = ["indicator", "series", "sign"];

    public static bool HasHeader(string path) => LongCsvReader.FirstHeader(path, comments: true) is { } h && h.SequenceEqual(Header);

    public static ReferenceCorpus Read(string path)
    {
        var points = new Dictionary<string, (string Kind, string Label, SortedDictionary<int, double> Values)>();
        var order = new List<string>();
        foreach (var row in LongCsvReader.Read(path, Header, comments: true))
        {
            var id = row.Fields["series"];
            if (!IdPattern().IsMatch(id))
                throw new InputException(path, row.Line, "series", $"ongeldige reeks-id '{id}' (kleine letters, cijfers en '-')");
            var kind = row.Fields["kind"];
            if (kind.Length == 0) throw new InputException(path, row.Line, "kind", "ontbreekt");
            var year = LongCsvReader.ParseYear(path, row, "year");
            var value = LongCsvReader.ParseNumber(path, row, "value");
            if (value < 0 || value != Math.Floor(value))
                throw new InputException(path, row.Line, "value", $"'{row.Fields["value"]}' is geen aantal (geheel getal ≥ 0)");
            if (!points.TryGetValue(id, out var series))
            {
                series = (kind, row.Fields["label"], new SortedDictionary<int, double>());
                points[id] = series;
                order.Add(id);
            }
            else if (series.Kind != kind)
                throw new InputException(path, row.Line, "kind", $"reeks '{id}' heeft eerder soort '{series.Kind}'");
            if (!series.Values.TryAdd(year, value))
                throw new InputException(path, row.Line, null, $"dubbele rij voor {id}/{year}");
        }
        if (order.Count == 0) throw new InputException(path, null, null, "bevat geen reeksen (alleen een kopregel)");
        return new ReferenceCorpus([.. order.Select(id =>
        {
            var s = points[id];
            return new ReferenceSeries(id, s.Kind, s.Label, [.. s.Values.Keys], [.. s.Values.Values]);
        })]);
    }

    public static ImmutableArray<NationalTerm> ReadMap(string path)
    {
        var terms = ImmutableArray.CreateBuilder<NationalTerm>();
        foreach (var row in LongCsvReader.Read(path, MapHeader))
        {
            var indicator = row.Fields["indicator"];
            if (!Indicators.IsKnown(indicator))
                throw new InputException(path, row.Line, "indicator", $"onbekende indicator '{indicator}'");
            var sign = row.Fields["sign"] switch
            {
                "+1" or "1" => 1,
                "-1" => -1,
                var other => throw new InputException(path, row.Line, "sign", $"'{other}' moet +1 of -1 zijn"),
            };
            terms.Add(new NationalTerm(indicator, row.Fields["series"], sign));
        }
        return terms.ToImmutable();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}
