using IvpSim.Model.Simulation;

namespace IvpSim.Model.Analysis;

/// <summary>
/// Which uncertain inputs decide whether a target is met: one pass over the trajectories of one or more scenarios (on
/// the same random numbers), binning every input and summing the outcomes per bin; then first-order indices, tornado
/// chances and, with several scenarios, the value of information. Costs no model runs beyond the trajectories
/// themselves, and depends only on the seed and the number of trajectories.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>The pilot that sets the bin edges: the run's first trajectories.</summary>
    public const int PilotTrajectories = 2_000;

    private const int Chunk = 2_048;

    public static SensitivityResult Run(IReadOnlyList<SimulationPlan> plans, IReadOnlyDictionary<string, (string Name, string Evidence)> names,
        long trajectories, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (trajectories < 2 * PilotTrajectories)
            throw new ModelInputException($"een gevoeligheidsanalyse heeft minstens {2 * PilotTrajectories} trajecten nodig");
        var probe = new InputProbe(plans, names);
        var bins = Pilot(plans[0], probe);
        var chunks = (int)((trajectories + Chunk - 1) / Chunk);
        var total = new SensitivityAccumulator(probe.Targets.Length, probe.Inputs.Length, plans.Count);
        long done = 0;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken },
            () => new Worker(plans, probe, bins),
            (chunk, _, worker) =>
            {
                var first = (long)chunk * Chunk;
                var count = (int)Math.Min(Chunk, trajectories - first);
                for (var t = first; t < first + count; t++) worker.Trajectory(t);
                progress?.Invoke(Interlocked.Add(ref done, count));
                return worker;
            },
            worker => { lock (total) total.Merge(worker.Accumulator); });
        return new SensitivityResult(trajectories, [.. plans.Select(p => p.ScenarioId)], Rows(probe, total), Information(probe, total, plans));
    }

    private static InputBins Pilot(SimulationPlan plan, InputProbe probe)
    {
        var runner = new BatchRunner(plan);
        var pilot = new List<double[]>(PilotTrajectories);
        for (var t = 0; t < PilotTrajectories; t++)
        {
            runner.Trajectory(t);
            var values = new double[probe.Values];
            probe.Read(t, runner, values);
            pilot.Add(values);
        }
        return InputBins.From(pilot, probe.Targets.Length, probe.Inputs);
    }

    /// <summary>One thread's runners (one per scenario) and sums.</summary>
    private sealed class Worker(IReadOnlyList<SimulationPlan> plans, InputProbe probe, InputBins bins)
    {
        private readonly BatchRunner[] _runners = [.. plans.Select(p => new BatchRunner(p))];
        private readonly double[] _values = new double[probe.Values];
        private readonly bool[] _met = new bool[plans.Count];

        public SensitivityAccumulator Accumulator { get; } = new(probe.Targets.Length, probe.Inputs.Length, plans.Count);

        public void Trajectory(long t)
        {
            foreach (var runner in _runners) runner.Trajectory(t);
            probe.Read(t, _runners[0], _values);
            var group = (int)(t % SensitivityAccumulator.Groups);
            var inputs = probe.Inputs.Length;
            for (var j = 0; j < probe.Targets.Length; j++)
            {
                var target = probe.Targets[j];
                long value = probe.Value(target, _runners[0]);
                for (var d = 0; d < _runners.Length; d++) _met[d] = probe.Met(target, _runners[d]);
                for (var i = 0; i < inputs; i++)
                {
                    var cell = j * inputs + i;
                    var bin = bins.Bin(cell, _values[cell]);
                    if (bin >= 0) Accumulator.Add(j, i, group, bin, value, _met);
                }
            }
        }
    }

    private static List<SensitivityRow> Rows(InputProbe probe, SensitivityAccumulator acc)
    {
        var rows = new List<SensitivityRow>();
        const int b = InputBins.Count, g = SensitivityAccumulator.Groups;
        for (var j = 0; j < probe.Targets.Length; j++)
        {
            var target = probe.Targets[j];
            for (var i = 0; i < probe.Inputs.Length; i++)
            {
                var input = probe.Inputs[i];
                var start = SensitivityAccumulator.Index(acc.Inputs, j, i, 0, 0);
                var n = Pooled(acc.Trajectories, start);
                if (n.Sum() == 0) continue;
                var met = Pooled(acc.Met[0], start);
                var sum = Pooled(acc.Sum, start);
                var index = BinnedEstimates.FirstOrderIndex(n, sum, Pooled(acc.SumOfSquares, start));
                var meetIndex = target.IsClaim ? double.NaN : BinnedEstimates.FirstOrderIndex(n, met, met);
                var replicates = Enumerable.Range(0, g).Select(k =>
                {
                    var at = start + k * b;
                    var m = acc.Met[0].AsSpan(at, b);
                    return (Value: BinnedEstimates.FirstOrderIndex(acc.Trajectories.AsSpan(at, b), acc.Sum.AsSpan(at, b), acc.SumOfSquares.AsSpan(at, b)),
                        Meet: BinnedEstimates.FirstOrderIndex(acc.Trajectories.AsSpan(at, b), m, m));
                }).ToArray();
                var (low, high) = target.IsClaim ? (double.NaN, double.NaN) : Tornado(input, n, met);
                var (valueLow, valueHigh) = Tornado(input, n, sum);
                var unit = Unit(target);
                rows.Add(new SensitivityRow(target.Key, target.Region, target.Indicator, input.Id, input.LabelFor(target), input.KindNl, input.Evidence,
                    index, BinnedEstimates.Replicates(replicates.Select(r => r.Value)).Se,
                    meetIndex, target.IsClaim ? double.NaN : BinnedEstimates.Replicates(replicates.Select(r => r.Meet)).Se,
                    target.IsClaim ? double.NaN : (double)met.Sum() / n.Sum(), low, high, valueLow * unit, valueHigh * unit));
            }
        }
        // Per target, the most influential first: on meeting the target, then on its value.
        var order = probe.Targets.Select((t, k) => (t.Key, k)).ToDictionary(x => x.Key, x => x.k);
        return [.. rows.OrderBy(r => order[r.Target])
            .ThenByDescending(r => double.IsNaN(r.MeetIndex) ? -1 : r.MeetIndex).ThenByDescending(r => double.IsNaN(r.Index) ? -1 : r.Index)];
    }

    /// <summary>
    /// The mean of a per-bin sum (meets: the chance; values: the mean value) near the input's 10th and 90th percentile
    /// (bins 1-2 and 17-18 of 20: 5-15% and 85-95%); for a category the lowest and the highest that occurs.
    /// </summary>
    private static (double Low, double High) Tornado(UncertainInput input, long[] n, long[] sums)
    {
        static double Mean(long[] n, long[] sums, params int[] bins) =>
            bins.Sum(b => n[b]) is var count and > 0 ? (double)bins.Sum(b => sums[b]) / count : double.NaN;
        if (!input.Categorical) return (Mean(n, sums, 1, 2), Mean(n, sums, 17, 18));
        var means = Enumerable.Range(0, n.Length).Where(k => n[k] > 0).Select(k => (double)sums[k] / n[k]).ToArray();
        return (means.Min(), means.Max());
    }

    /// <summary>From histogram units to what people read: crimes, a score, euros.</summary>
    private static double Unit(AnalysisTarget target) => target.Kind switch
    {
        AnalysisTargetKind.Claim => Budget.CostLayout.EurosPerUnit,
        AnalysisTargetKind.AllCounts => 1,
        _ => 1.0 / Domain.Indicators.Get(target.Indicator).Scale,
    };

    private static List<InformationRow> Information(InputProbe probe, SensitivityAccumulator acc, IReadOnlyList<SimulationPlan> plans)
    {
        var rows = new List<InformationRow>();
        if (plans.Count < 2) return rows;
        const int b = InputBins.Count, g = SensitivityAccumulator.Groups;
        for (var j = 0; j < probe.Targets.Length; j++)
        {
            if (probe.Targets[j].IsClaim) continue;  // a claim is not met or missed
            for (var i = 0; i < probe.Inputs.Length; i++)
            {
                var input = probe.Inputs[i];
                var start = SensitivityAccumulator.Index(acc.Inputs, j, i, 0, 0);
                var n = Pooled(acc.Trajectories, start);
                if (n.Sum() == 0) continue;
                var met = acc.Met.Select(m => Pooled(m, start)).ToArray();
                var chances = met.Select(m => (double)m.Sum() / n.Sum()).ToArray();
                var best = Array.IndexOf(chances, chances.Max());
                var value = BinnedEstimates.ValueOfInformation(n, met);
                var se = BinnedEstimates.Replicates(Enumerable.Range(0, g).Select(k =>
                    BinnedEstimates.ValueOfInformation(acc.Trajectories.AsSpan(start + k * b, b), [.. acc.Met.Select(m => m.AsSpan(start + k * b, b).ToArray())]))).Se;
                rows.Add(new InformationRow(probe.Targets[j].Key, input.Id, input.LabelFor(probe.Targets[j]), input.KindNl, input.Evidence, plans[best].ScenarioId,
                    chances[best], value, se));
            }
        }
        return [.. rows.OrderBy(r => r.Target, StringComparer.Ordinal).ThenByDescending(r => r.Value)];
    }

    /// <summary>Per bin, summed over the groups of one (target, input) that starts at <paramref name="start"/>.</summary>
    private static long[] Pooled(long[] values, int start)
    {
        var pooled = new long[InputBins.Count];
        for (var k = 0; k < SensitivityAccumulator.Groups; k++)
            for (var b = 0; b < InputBins.Count; b++) pooled[b] += values[start + k * InputBins.Count + b];
        return pooled;
    }
}
