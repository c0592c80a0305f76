using IvpSim.Model.Domain;

namespace IvpSim.Model.Budget;

/// <summary>
/// Where each (region, cost item, year) cost lives in a flat array: items in plan order, then the total
/// (<see cref="TotalId"/>); regions in <see cref="Regions.All"/> order. Costs are kept in units of €100.
/// </summary>
public sealed class CostLayout(IReadOnlyList<string> items, int firstYear, int lastYear)
{
    public const string TotalId = "*";
    public const int EurosPerUnit = 100;

    public IReadOnlyList<string> Items { get; } = [.. items, TotalId];

    public int FirstYear { get; } = firstYear;

    public int LastYear { get; } = lastYear;

    public int Years => LastYear - FirstYear + 1;

    public int Size => Regions.All.Length * Items.Count * Years;

    public int Slot(int region, int item, int year) => ((region * Items.Count) + item) * Years + (year - FirstYear);

    public IEnumerable<(int Slot, string Region, string Item, int Year)> Keys()
    {
        for (var r = 0; r < Regions.All.Length; r++)
            for (var i = 0; i < Items.Count; i++)
                for (var y = FirstYear; y <= LastYear; y++)
                    yield return (Slot(r, i, y), Regions.All[r].Id, Items[i], y);
    }
}
