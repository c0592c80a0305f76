using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Model.Random;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Budget;

/// <summary>
/// Draws one trajectory's costs. Each measure's unit costs (yearly and one-off) are drawn once per trajectory and
/// are the same wherever it is used. Overruns are correlated across measures through a Gaussian copula: the
/// normal score of every draw is √ρ·Z + √(1−ρ)·ε with Z shared by all measures, then mapped through the measure's
/// own inverse CDF (tabulated against the normal score), so each keeps its own distribution. Yearly costs run from
/// the start year, one-off costs fall in it; prices are indexed yearly from the price year. The region is the sum
/// of its municipalities.
/// </summary>
/// <remarks>Not thread-safe: one composer per thread.</remarks>
public sealed class CostComposer
{
    /// <summary>Budgets are claimed for the plan's years 2020-2024, whatever the data's last year.</summary>
    public const int FirstBudgetYear = 2020;

    private readonly ulong _seed;
    private readonly double _rho;
    private readonly Item[] _items;
    private readonly int[] _municipalityRegion;
    private readonly int _region;
    private readonly ulong _commonPurpose = RandomStreams.Purpose("cost-common");
    private readonly double[] _euros;

    /// <param name="Index">Per budget year: the price index from the price year.</param>
    private sealed record Item(ScoreTable Yearly, ScoreTable OneOff, ulong Purpose,
        (int Region, int StartYear, double Units)[] Shares, double[] Index);

    public CostComposer(SimulationPlan plan)
    {
        _seed = plan.Seed;
        _rho = plan.Budget.CostCorrelation;
        Layout = CostLayout.For(plan);
        _municipalityRegion = [.. Regions.Municipalities.Select(m => Regions.All.IndexOf(Regions.Get(m)))];
        _region = Regions.All.IndexOf(Regions.Get(Regions.VeluweWest));
        _items = [.. CostLayout.Charged(plan).Select(c => new Item(new ScoreTable(c.Yearly), new ScoreTable(c.OneOff),
            RandomStreams.Purpose($"cost/{c.InterventionId}"),
            [.. c.Shares.Select(s => (_municipalityRegion[Regions.Municipalities.IndexOf(s.Municipality)], s.StartYear, s.Units))],
            [.. Enumerable.Range(Layout.FirstYear, Layout.Years).Select(y => Math.Pow(1 + plan.Budget.Indexation, y - c.PriceYear))]))];
        _euros = new double[Layout.Size];
    }

    public CostLayout Layout { get; }

    /// <summary>Writes this trajectory's costs (units of €100) into <paramref name="output"/>.</summary>
    public void Simulate(long trajectory, Span<int> output)
    {
        Array.Clear(_euros);
        var key = RandomStreams.TrajectoryKey(_seed, trajectory);
        var commonRng = ShortStream.For(key, _commonPurpose);
        var common = commonRng.NextStandardNormal();
        var total = _items.Length;
        for (var k = 0; k < _items.Length; k++)
        {
            var item = _items[k];
            // The yearly and one-off unit costs: two independent draws from the measure's own stream.
            var own = ShortStream.For(key, item.Purpose);
            var yearly = item.Yearly.At(Correlated(common, own.NextStandardNormal()));
            var oneOff = item.OneOff.At(Correlated(common, own.NextStandardNormal()));
            foreach (var (region, startYear, units) in item.Shares)
            {
                for (var year = Math.Max(startYear, Layout.FirstYear); year <= Layout.LastYear; year++)
                {
                    var amount = units * (yearly + (year == startYear ? oneOff : 0)) * item.Index[year - Layout.FirstYear];
                    _euros[Layout.Slot(region, k, year)] += amount;
                    _euros[Layout.Slot(region, total, year)] += amount;
                }
            }
        }
        for (var i = 0; i < _euros.Length; i++) output[i] = (int)Math.Floor(_euros[i] * (1.0 / CostLayout.EurosPerUnit) + 0.5);
        // Region = sum of the municipalities' rounded amounts, so the totals add up in every trajectory.
        for (var k = 0; k <= total; k++)
        {
            for (var year = Layout.FirstYear; year <= Layout.LastYear; year++)
            {
                var sum = 0;
                foreach (var m in _municipalityRegion) sum += output[Layout.Slot(m, k, year)];
                output[Layout.Slot(_region, k, year)] = sum;
            }
        }
    }

    private double Correlated(double common, double own) => Math.Sqrt(_rho) * common + Math.Sqrt(1 - _rho) * own;
}
