using System.Collections.Immutable;
using IvpSim.Model.Domain;
using IvpSim.Model.Targets;

namespace IvpSim.Data;

/// <summary>Reads the targets CSV: <c>municipality,indicator,year,operator,value,source</c>, operator <c>&lt;=</c> or <c>&gt;=</c>.</summary>
public static class TargetCsv
{
    public static readonly string[] Header = ["municipality", "indicator", "year", "operator", "value", "source"];

    public static ImmutableArray<TargetDefinition> Read(string path)
    {
        var result = ImmutableArray.CreateBuilder<TargetDefinition>();
        var seen = new HashSet<(string, string, int)>();
        foreach (var row in LongCsvReader.Read(path, Header))
        {
            var region = row.Fields["municipality"];
            if (!Regions.IsKnown(region))
                throw new InputException(path, row.Line, "municipality", $"onbekende gemeente '{region}'");
            var indicator = row.Fields["indicator"];
            if (!Indicators.IsKnown(indicator))
                throw new InputException(path, row.Line, "indicator", $"onbekende indicator '{indicator}'");
            var year = LongCsvReader.ParseYear(path, row, "year");
            var op = row.Fields["operator"] switch
            {
                "<=" => TargetOperator.AtMost,
                ">=" => TargetOperator.AtLeast,
                var other => throw new InputException(path, row.Line, "operator", $"'{other}' moet '<=' of '>=' zijn"),
            };
            var value = LongCsvReader.ParseNumber(path, row, "value");
            if (!seen.Add((region, indicator, year)))
                throw new InputException(path, row.Line, null, $"dubbel doel voor {region}/{indicator}/{year}");
            result.Add(new TargetDefinition(region, indicator, year, op, value, row.Fields["source"]));
        }
        return result.ToImmutable();
    }
}
