using IvpSim.Model.Aggregation;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Comparison;

/// <summary>
/// Runs several plans on the same trajectories: trajectory t of every plan draws the same baseline random numbers
/// (streams depend on seed and trajectory only), so differences between plans are the plans', not chance's. Each
/// plan accumulates its own results as in a single run; the pairs are counted on top. One plan is a plain run.
/// </summary>
/// <remarks>Not thread-safe: one runner per thread, reused across batches.</remarks>
public sealed class ComparisonRunner
{
    private readonly BatchRunner[] _runners;
    private readonly int[][] _match;        // [k][j]: plan k's index of the first plan's target j, or −1
    private readonly bool[] _atMost;        // the first plan's targets: lower is better
    private readonly long[] _better, _onlyThis, _onlyFirst;
    private long _trajectories;

    public ComparisonRunner(IReadOnlyList<SimulationPlan> plans)
    {
        if (plans.Count == 0) throw new ArgumentException("at least one plan", nameof(plans));
        if (plans.Any(p => p.Seed != plans[0].Seed))
            throw new ModelInputException("scenario's vergelijken kan alleen met dezelfde seed (gemeenschappelijke toevalsgetallen)");
        _runners = [.. plans.Select(p => new BatchRunner(p))];
        var first = plans[0].Targets;
        _atMost = [.. first.Select(t => t.Operator == Targets.TargetOperator.AtMost)];
        _match = [.. plans.Select(p => first.Select(t => ComparisonTable.IndexOf(p.Targets, t)).ToArray())];
        var pairs = (plans.Count - 1) * first.Length;
        _better = new long[pairs];
        _onlyThis = new long[pairs];
        _onlyFirst = new long[pairs];
    }

    public int Plans => _runners.Length;

    /// <summary>Plan <paramref name="plan"/>'s own accumulator, as in a single run of it.</summary>
    public RunAccumulator Accumulator(int plan) => _runners[plan].Accumulator;

    /// <param name="cancellationToken">Looked at every 1,024 trajectories.</param>
    public void Run(long first, int count, CancellationToken cancellationToken = default)
    {
        for (var t = first; t < first + count; t++)
        {
            if (((t - first) & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            foreach (var runner in _runners) runner.Trajectory(t);
            Pair();
        }
    }

    /// <summary>The pairs counted since the last hand-over.</summary>
    public ComparisonAggregate Paired() =>
        _runners.Length == 1 ? ComparisonAggregate.Empty
            : new(_trajectories, _atMost.Length, [.. _better], [.. _onlyThis], [.. _onlyFirst]);

    /// <summary>Empties every accumulator after a hand-over.</summary>
    public void Clear()
    {
        foreach (var runner in _runners) runner.Accumulator.Clear();
        Array.Clear(_better);
        Array.Clear(_onlyThis);
        Array.Clear(_onlyFirst);
        _trajectories = 0;
    }

    private void Pair()
    {
        if (_runners.Length == 1) return;
        _trajectories++;
        var reference = _runners[0];
        var targets = _atMost.Length;
        for (var k = 1; k < _runners.Length; k++)
        {
            var runner = _runners[k];
            for (var j = 0; j < targets; j++)
            {
                var m = _match[k][j];
                if (m < 0) continue;
                var i = (k - 1) * targets + j;
                var mine = runner.TargetValue(m);
                var theirs = reference.TargetValue(j);
                if (_atMost[j] ? mine < theirs : mine > theirs) _better[i]++;
                var meets = runner.TargetMet(m);
                var firstMeets = reference.TargetMet(j);
                if (meets && !firstMeets) _onlyThis[i]++;
                else if (firstMeets && !meets) _onlyFirst[i]++;
            }
        }
    }
}
