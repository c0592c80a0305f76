using IvpSim.Model.Domain;
using IvpSim.Model.Random;
using IvpSim.Model.Simulation;
using MathNet.Numerics.Distributions;

namespace IvpSim.Model.Budget;

/// <summary>
/// Draws one trajectory's costs. Each measure's unit costs (yearly and one-off) are drawn once per trajectory and
/// are the same wherever it is used. Overruns are correlated across measures through a Gaussian copula: the
/// normal score of every draw is √ρ·Z + √(1−ρ)·ε with Z shared by all measures, then mapped through the measure's
/// own inverse CDF, so each keeps its own distribution. Yearly costs run from the start year, one-off costs fall
/// in it; prices are indexed yearly from the price year. The region is the sum of its municipalities.
/// </summary>
public sealed class CostComposer
{
    private readonly SimulationPlan _plan;
    private readonly (QuantileTable Yearly, QuantileTable OneOff, ulong YearlyPurpose, ulong OneOffPurpose)[] _items;
    private readonly ulong _commonPurpose = RandomStreams.Purpose("cost-common");
    private readonly int[] _municipalityRegion;
    private readonly int _region;

    public CostComposer(SimulationPlan plan)
    {
        _plan = plan;
        Layout = new CostLayout([.. plan.Costs.Select(c => c.InterventionId)], FirstBudgetYear, plan.EndYear);
        _items = [.. plan.Costs.Select(c => (new QuantileTable(c.Yearly), new QuantileTable(c.OneOff),
            RandomStreams.Purpose($"cost/{c.InterventionId}/yearly"), RandomStreams.Purpose($"cost/{c.InterventionId}/one-off")))];
        _municipalityRegion = [.. Regions.Municipalities.Select(m => Regions.All.IndexOf(Regions.Get(m)))];
        _region = Regions.All.IndexOf(Regions.Get(Regions.VeluweWest));
    }

    /// <summary>Budgets are claimed for the plan's years 2020-2024, whatever the data's last year.</summary>
    public const int FirstBudgetYear = 2020;

    public CostLayout Layout { get; }

    /// <summary>Writes this trajectory's costs (units of €100) into <paramref name="output"/>.</summary>
    public void Simulate(long trajectory, Span<int> output, Span<double> euros)
    {
        euros.Clear();
        var rho = _plan.Budget.CostCorrelation;
        var common = RandomStreams.For(_plan.Seed, trajectory, _commonPurpose).NextStandardNormal();
        var total = Layout.Items.Count - 1;
        for (var k = 0; k < _items.Length; k++)
        {
            var (yearlyTable, oneOffTable, yearlyPurpose, oneOffPurpose) = _items[k];
            var yearly = yearlyTable.At(Correlated(common, rho, RandomStreams.For(_plan.Seed, trajectory, yearlyPurpose)));
            var oneOff = oneOffTable.At(Correlated(common, rho, RandomStreams.For(_plan.Seed, trajectory, oneOffPurpose)));
            var cost = _plan.Costs[k];
            foreach (var share in cost.Shares)
            {
                var region = _municipalityRegion[Regions.Municipalities.IndexOf(share.Municipality)];
                for (var year = Math.Max(share.StartYear, Layout.FirstYear); year <= Layout.LastYear; year++)
                {
                    var amount = share.Units * (yearly + (year == share.StartYear ? oneOff : 0)) *
                        Math.Pow(1 + _plan.Budget.Indexation, year - cost.PriceYear);
                    euros[Layout.Slot(region, k, year)] += amount;
                    euros[Layout.Slot(region, total, year)] += amount;
                }
            }
        }
        for (var i = 0; i < euros.Length; i++) output[i] = (int)Math.Round(euros[i] / CostLayout.EurosPerUnit);
        // Region = sum of the municipalities' rounded amounts, so the totals add up in every trajectory.
        for (var k = 0; k < Layout.Items.Count; k++)
        {
            for (var year = Layout.FirstYear; year <= Layout.LastYear; year++)
            {
                var sum = 0;
                foreach (var m in _municipalityRegion) sum += output[Layout.Slot(m, k, year)];
                output[Layout.Slot(_region, k, year)] = sum;
            }
        }
    }

    private static double Correlated(double common, double rho, StreamRandom own) =>
        Normal.CDF(0, 1, Math.Sqrt(rho) * common + Math.Sqrt(1 - rho) * own.NextStandardNormal());
}
