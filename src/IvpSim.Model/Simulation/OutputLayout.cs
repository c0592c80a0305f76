using IvpSim.Model.Domain;

namespace IvpSim.Model.Simulation;

/// <summary>
/// Where each (region, indicator, year) value of a trajectory lives in a flat array: regions in
/// <see cref="Regions.All"/> order, indicators in <see cref="Indicators.All"/> order, then years.
/// </summary>
public sealed class OutputLayout
{
    private readonly Dictionary<string, int> _region;
    private readonly Dictionary<string, int> _indicator;

    public OutputLayout(int startYear, int endYear)
    {
        StartYear = startYear;
        EndYear = endYear;
        _region = Regions.All.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _indicator = Indicators.All.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    public int StartYear { get; }

    public int EndYear { get; }

    public int Years => EndYear - StartYear + 1;

    public int Size => Regions.All.Length * Indicators.All.Length * Years;

    public int Slot(string region, string indicator, int year) =>
        Slot(_region[region], _indicator[indicator], year);

    public int Slot(int region, int indicator, int year) =>
        ((region * Indicators.All.Length) + indicator) * Years + (year - StartYear);

    public int IndicatorIndex(string indicator) => _indicator[indicator];

    public int RegionIndex(string region) => _region[region];

    /// <summary>All slots with their keys, in slot order.</summary>
    public IEnumerable<(int Slot, string Region, string Indicator, int Year)> Keys()
    {
        for (var r = 0; r < Regions.All.Length; r++)
            for (var i = 0; i < Indicators.All.Length; i++)
                for (var y = StartYear; y <= EndYear; y++)
                    yield return (Slot(r, i, y), Regions.All[r].Id, Indicators.All[i].Id, y);
    }
}
