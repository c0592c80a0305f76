using IvpSim.Model.Interventions;

namespace IvpSim.Data.Yaml;

/// <summary>
/// Reads <c>{distribution: pert|triangular|normal|lognormal|fixed, low, mode, high, sd}</c> and checks it:
/// low ≤ mode ≤ high and every value above <paramref name="minimum"/> (−1 for a relative effect).
/// </summary>
public static class DistributionReader
{
    public static Distribution Read(YamlMap map, double minimum)
    {
        var kindText = map.OptionalString("distribution") ?? "pert";
        var kind = kindText switch
        {
            "pert" => DistributionKind.Pert,
            "triangular" => DistributionKind.Triangular,
            "normal" => DistributionKind.Normal,
            "lognormal" => DistributionKind.LogNormal,
            "fixed" => DistributionKind.Fixed,
            _ => throw map.ErrorAt("distribution", $"'{kindText}' moet pert, triangular, normal, lognormal of fixed zijn"),
        };
        Distribution distribution;
        if (kind is DistributionKind.Fixed)
        {
            var value = map.OptionalDouble("value") ?? map.OptionalDouble("mode") ?? throw map.ErrorAt("value", "ontbreekt");
            distribution = Distribution.Fixed(value);
        }
        else if (kind is DistributionKind.Normal)
        {
            var mean = map.OptionalDouble("mode") ?? throw map.ErrorAt("mode", "ontbreekt (het gemiddelde)");
            var sd = map.OptionalDouble("sd") ?? throw map.ErrorAt("sd", "ontbreekt");
            distribution = new Distribution(kind, mean, mean, mean, sd);
        }
        else
        {
            var low = map.OptionalDouble("low") ?? throw map.ErrorAt("low", "ontbreekt");
            var mode = map.OptionalDouble("mode") ?? throw map.ErrorAt("mode", "ontbreekt");
            var high = map.OptionalDouble("high") ?? throw map.ErrorAt("high", "ontbreekt");
            distribution = new Distribution(kind, low, mode, high);
        }
        map.RejectUnknownKeys();
        foreach (var (field, problem) in distribution.Problems(minimum))
        {
            throw map.ErrorAt(field, problem);
        }
        return distribution;
    }
}
