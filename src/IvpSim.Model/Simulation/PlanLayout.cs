using IvpSim.Model.Domain;

namespace IvpSim.Model.Simulation;

/// <summary>
/// Where the forecast's components (one count series per municipality and simulated indicator, in plan order) and
/// the totals derived from them live in a trajectory's output, and which output slots each component's count feeds:
/// its own slot, its municipality's totals, the region's slot for the indicator and the region's totals. Computed
/// once per plan; immutable, so threads share it.
/// </summary>
public sealed class PlanLayout
{
    private readonly int[] _slots;        // [component × years + year]
    private readonly int[][] _dependents; // [component × years + year]: every slot that sums this count

    public PlanLayout(SimulationPlan plan)
    {
        Output = new OutputLayout(plan.StartYear, plan.EndYear);
        Years = plan.YearCount;
        Municipalities = plan.Municipalities.Length;
        Indicators = plan.Municipalities[0].Counts.Select(c => c.Indicator).ToArray();
        Components = Municipalities * Indicators.Length;
        _slots = new int[Components * Years];
        _dependents = new int[Components * Years][];
        var region = Output.RegionIndex(Regions.VeluweWest);
        int exclCyber = Output.IndicatorIndex(Domain.Indicators.TotalCrimesExclCyber), total = Output.IndicatorIndex(Domain.Indicators.TotalCrimes);
        for (var c = 0; c < Components; c++)
        {
            var municipality = Output.RegionIndex(plan.Municipalities[c / Indicators.Length].Municipality);
            var id = Indicators[c % Indicators.Length];
            var indicator = Output.IndicatorIndex(id);
            var inExclCyber = Domain.Indicators.ExclCyberParts.Contains(id);
            var inTotal = inExclCyber || id == Domain.Indicators.OnlineTradeFraud;
            for (var y = 0; y < Years; y++)
            {
                var year = plan.StartYear + y;
                var slot = Output.Slot(municipality, indicator, year);
                _slots[c * Years + y] = slot;
                var dependents = new List<int> { slot, Output.Slot(region, indicator, year) };
                if (inExclCyber) dependents.AddRange([Output.Slot(municipality, exclCyber, year), Output.Slot(region, exclCyber, year)]);
                if (inTotal) dependents.AddRange([Output.Slot(municipality, total, year), Output.Slot(region, total, year)]);
                _dependents[c * Years + y] = [.. dependents];
            }
        }
    }

    public OutputLayout Output { get; }

    public int Components { get; }

    public int Years { get; }

    public int Municipalities { get; }

    /// <summary>The simulated indicators of each municipality, in component order.</summary>
    public string[] Indicators { get; }

    public int Component(string municipality, string indicator)
    {
        var m = Regions.Municipalities.IndexOf(municipality);
        var i = Array.IndexOf(Indicators, indicator);
        if (m < 0 || i < 0) throw new ArgumentException($"no component {municipality}/{indicator}");
        return m * Indicators.Length + i;
    }

    /// <summary>The output slot of component <paramref name="component"/> in year index <paramref name="year"/> (0 = the start year).</summary>
    public int Slot(int component, int year) => _slots[component * Years + year];

    /// <summary>Every output slot whose value includes this component's count in that year.</summary>
    public ReadOnlySpan<int> Dependents(int component, int year) => _dependents[component * Years + year];
}
