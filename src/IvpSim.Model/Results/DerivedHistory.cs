using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Results;

/// <summary>
/// The years of "total crimes excluding cybercrime" that the seed does not publish but the fit uses: the sum of its
/// parts (the four listed types and other crimes, whose online fraud is estimated where missing) for each
/// municipality, and for Veluwe-West the sum of its municipalities. Shown in the charts as derived points, so that
/// an adviser sees the 2016-2017 history that the projection starts from.
/// </summary>
public static class DerivedHistory
{
    public static IReadOnlyList<Observation> ExclCyber(ObservationSet observed)
    {
        var derived = new List<Observation>();
        var perMunicipality = new Dictionary<(string, int), double>();
        foreach (var municipality in Regions.Municipalities)
        {
            var parts = CalibrationInputs.CountSeries(observed, municipality).Where(s => Indicators.ExclCyberParts.Contains(s.Indicator)).ToArray();
            if (parts.Length != Indicators.ExclCyberParts.Length) continue;
            foreach (var year in parts[0].Years)
            {
                if (parts.Any(p => p.ValueIn(year) is null)) continue;
                var value = parts.Sum(p => p.ValueIn(year)!.Value);
                perMunicipality[(municipality, year)] = observed.Get(municipality, Indicators.TotalCrimesExclCyber, year) ?? value;
                if (observed.Get(municipality, Indicators.TotalCrimesExclCyber, year) is null)
                    derived.Add(new Observation(municipality, Indicators.TotalCrimesExclCyber, year, value, "afgeleid: som van de delen"));
            }
        }
        foreach (var year in perMunicipality.Keys.Select(k => k.Item2).Distinct().Order())
        {
            if (observed.Get(Regions.VeluweWest, Indicators.TotalCrimesExclCyber, year) is not null) continue;
            if (Regions.Municipalities.Any(m => !perMunicipality.ContainsKey((m, year)))) continue;
            derived.Add(new Observation(Regions.VeluweWest, Indicators.TotalCrimesExclCyber, year,
                Regions.Municipalities.Sum(m => perMunicipality[(m, year)]), "afgeleid: som van de gemeenten"));
        }
        return derived;
    }
}
