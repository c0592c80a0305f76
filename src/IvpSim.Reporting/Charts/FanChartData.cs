using IvpSim.Model.Domain;
using IvpSim.Model.Results;
using IvpSim.Model.Targets;

namespace IvpSim.Reporting.Charts;

/// <summary>What a fan chart shows, prepared apart from drawing it.</summary>
public sealed record FanChartData(
    string FileName,
    string Title,
    string YLabel,
    double[] ObservedYears,
    double[] ObservedValues,
    double[] Years,
    double[] P05,
    double[] P25,
    double[] P50,
    double[] P75,
    double[] P95,
    double? Target,
    string? TargetLabel)
{
    /// <summary>Of the observed years, those derived from parts (drawn open: not published, but used by the fit).</summary>
    public double[] DerivedYears { get; init; } = [];

    public double[] DerivedValues { get; init; } = [];

    /// <summary>One chart per region and indicator that has projected rows; the target line where one exists.</summary>
    public static IEnumerable<FanChartData> From(IReadOnlyList<ProjectionRow> rows, IReadOnlyList<TargetDefinition> targets, string scenarioName)
    {
        foreach (var group in rows.GroupBy(r => (r.Region, r.Indicator)))
        {
            var observed = group.Where(r => r.Observed).OrderBy(r => r.Year).ToArray();
            // The fan shows the years after the last observation (a year the data skip is in projections.csv only)
            // and starts at that observation so that the bands join the observed line.
            var anchor = observed.LastOrDefault();
            var projected = group.Where(r => !r.Observed && r.Year > (anchor?.Year ?? int.MinValue)).OrderBy(r => r.Year).ToArray();
            if (projected.Length == 0) continue;
            var fan = anchor is null ? projected : [anchor, .. projected];
            var target = targets.FirstOrDefault(t => t.Region == group.Key.Region && t.Indicator == group.Key.Indicator);
            var indicator = Indicators.Get(group.Key.Indicator);
            yield return new FanChartData(
                $"{group.Key.Region}-{group.Key.Indicator}.png",
                $"{Regions.Get(group.Key.Region).NameNl}: {indicator.LabelNl} ({scenarioName})",
                $"{char.ToUpperInvariant(indicator.UnitNl[0])}{indicator.UnitNl[1..]}",
                [.. observed.Select(r => (double)r.Year)], [.. observed.Select(r => r.P50)],
                [.. fan.Select(r => (double)r.Year)], [.. fan.Select(r => r.P05)], [.. fan.Select(r => r.P25)],
                [.. fan.Select(r => r.P50)], [.. fan.Select(r => r.P75)], [.. fan.Select(r => r.P95)],
                target?.Value,
                target is null ? null : $"Doel {target.Year}: {target.OperatorSymbol.Replace("<=", "≤").Replace(">=", "≥")} {DutchFormat.Number(target.Value, target.Value % 1 == 0 ? 0 : 1)}")
            {
                DerivedYears = [.. observed.Where(r => r.Derived).Select(r => (double)r.Year)],
                DerivedValues = [.. observed.Where(r => r.Derived).Select(r => r.P50)],
            };
        }
    }
}
