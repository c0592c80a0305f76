using IvpSim.Model.Domain;

namespace IvpSim.Model.Budget;

/// <summary>
/// Where each (region, cost item, year) cost lives in a flat array: items in plan order, then the total
/// (<see cref="TotalId"/>); regions in <see cref="Regions.All"/> order. Costs are kept in units of €100.
/// </summary>
public sealed class CostLayout
{
    public const string TotalId = "*";
    public const int EurosPerUnit = 100;

    private readonly string[] _items;
    private readonly int _itemCount, _years;

    public CostLayout(IReadOnlyList<string> items, int firstYear, int lastYear)
    {
        _items = [.. items, TotalId];
        _itemCount = _items.Length;
        FirstYear = firstYear;
        LastYear = lastYear;
        _years = lastYear - firstYear + 1;
    }

    /// <summary>
    /// The costs of <paramref name="plan"/>'s measures over the budget years: those that cost something extra in
    /// some municipality (existing policy at its current level costs nothing and is left out), then the total.
    /// </summary>
    public static CostLayout For(Simulation.SimulationPlan plan) =>
        new([.. Charged(plan).Select(c => c.InterventionId)], CostComposer.FirstBudgetYear, plan.EndYear);

    /// <summary>The plan's measures with extra cost, in plan order.</summary>
    public static IEnumerable<PlannedCost> Charged(Simulation.SimulationPlan plan) => plan.Costs.Where(c => c.Shares.Any(s => s.Units != 0));

    public IReadOnlyList<string> Items => _items;

    public int FirstYear { get; }

    public int LastYear { get; }

    public int Years => _years;

    public int Size => Regions.All.Length * _itemCount * _years;

    public int Slot(int region, int item, int year) => ((region * _itemCount) + item) * _years + (year - FirstYear);

    public IEnumerable<(int Slot, string Region, string Item, int Year)> Keys()
    {
        for (var r = 0; r < Regions.All.Length; r++)
            for (var i = 0; i < _itemCount; i++)
                for (var y = FirstYear; y <= LastYear; y++)
                    yield return (Slot(r, i, y), Regions.All[r].Id, _items[i], y);
    }
}
