using System.Collections.Immutable;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Calibration;

/// <summary>
/// Builds the series that the model simulates from the observations. "Other crimes" is the part of the total
/// excluding cybercrime that Table 2.1 does not list: total − online-trade fraud − the four listed types.
/// Where a municipality's online-trade fraud is missing (2016-2017 in the seed) but the region's is known, the
/// municipality's fraud is taken as its share of the region's in the years where both are known; those points
/// are marked as imputed. Where neither is known (newer data without fraud figures), the municipality's usual
/// ratio of fraud to total is used, also marked imputed. Fraud is a small part of the total, so the error is small.
/// </summary>
public static class CalibrationInputs
{
    /// <summary>
    /// What one municipality's calibration reads: its own observations and the region's (fraud shares, the regional
    /// score), not the other municipalities'.
    /// </summary>
    public static ObservationSet ForMunicipality(ObservationSet data, string municipality) =>
        new([.. data.Items.Where(o => o.Region == municipality || o.Region == Regions.VeluweWest)]);
    public static ImmutableArray<CalibrationSeries> CountSeries(ObservationSet data, string municipality) =>
        [.. Indicators.SimulatedCounts
            .Select(indicator => indicator == Indicators.OtherCrimes
                ? OtherCrimes(data, municipality)
                : Observed(data, municipality, indicator))];

    /// <summary>A series as observed, every point as given (none imputed).</summary>
    public static CalibrationSeries Observed(ObservationSet data, string region, string indicator)
    {
        var points = data.Series(region, indicator);
        return new(region, indicator, [.. points.Select(p => p.Year)], [.. points.Select(p => p.Value)],
            [.. points.Select(_ => false)]);
    }

    private static CalibrationSeries OtherCrimes(ObservationSet data, string municipality)
    {
        var years = new List<int>();
        var values = new List<double>();
        var imputed = new List<bool>();
        var fraudShare = FraudShare(data, municipality);
        foreach (var (year, total) in data.Series(municipality, Indicators.TotalCrimes))
        {
            var listed = Indicators.ListedCrimeTypes.Select(i => data.Get(municipality, i, year)).ToArray();
            if (listed.Any(v => v is null)) continue;
            var fraud = data.Get(municipality, Indicators.OnlineTradeFraud, year);
            var exclCyber = data.Get(municipality, Indicators.TotalCrimesExclCyber, year);
            double? other = exclCyber is { } e ? e - listed.Sum(v => v!.Value)
                : fraud is { } f ? total - f - listed.Sum(v => v!.Value)
                : null;
            var isImputed = false;
            if (other is null && fraudShare is { } share &&
                data.Get(Regions.VeluweWest, Indicators.OnlineTradeFraud, year) is { } regionFraud)
            {
                other = total - share * regionFraud - listed.Sum(v => v!.Value);
                isImputed = true;
            }
            if (other is null && FraudRatio(data, municipality) is { } ratio)
            {
                // No fraud figure at all for this year (new data without it): the municipality's usual fraud share of the total.
                other = total * (1 - ratio) - listed.Sum(v => v!.Value);
                isImputed = true;
            }
            if (other is not { } o) continue;
            years.Add(year);
            values.Add(Math.Max(0, Math.Round(o)));
            imputed.Add(isImputed);
        }
        return new(municipality, Indicators.OtherCrimes, [.. years], [.. values], [.. imputed]);
    }

    private static double? FraudRatio(ObservationSet data, string municipality)
    {
        double fraud = 0, total = 0;
        foreach (var (year, value) in data.Series(municipality, Indicators.OnlineTradeFraud))
        {
            if (data.Get(municipality, Indicators.TotalCrimes, year) is not { } t) continue;
            fraud += value;
            total += t;
        }
        return total > 0 ? fraud / total : null;
    }

    private static double? FraudShare(ObservationSet data, string municipality)
    {
        double own = 0, region = 0;
        foreach (var (year, value) in data.Series(municipality, Indicators.OnlineTradeFraud))
        {
            if (data.Get(Regions.VeluweWest, Indicators.OnlineTradeFraud, year) is not { } r) continue;
            own += value;
            region += r;
        }
        return region > 0 ? own / region : null;
    }
}
