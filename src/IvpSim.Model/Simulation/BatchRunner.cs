using IvpSim.Model.Aggregation;
using IvpSim.Model.Budget;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;

namespace IvpSim.Model.Simulation;

/// <summary>
/// Runs trajectories of one plan and folds them into a <see cref="RunAccumulator"/>: every output slot, the targets,
/// the structures, the costs, and with interventions each one's contribution on the same random numbers. A
/// contribution recounts only what the intervention reaches (its components, in the years where their multiplier
/// changes; only the Poisson inversion is repeated) and carries the change into the totals and the region those
/// counts feed. Everything is allocated once: the steady state allocates nothing per trajectory.
/// </summary>
/// <remarks>Not thread-safe: one runner per thread, reused across batches.</remarks>
public sealed class BatchRunner
{
    private readonly PlanLayout _components;
    private readonly TrajectorySimulator _simulator;
    private readonly EffectComposer _effects;
    private readonly CostComposer _costs;
    private readonly bool _anyEffect;
    private readonly int[] _variants;            // intervention index per variant, EffectComposer.All for the last
    private readonly bool[] _variantHasEffect;
    private readonly int[] _targetSlots;
    private readonly (Targets.TargetOperator Operator, int Threshold)[] _targets;
    private readonly int[][] _targetsFed;        // [component × years + year]: targets whose slot sums this count
    private readonly bool[] _inExclCyber;        // component is part of total crimes excluding cybercrime
    private readonly int[] _buffer, _costBuffer;
    private readonly double[] _multipliers, _without;
    private readonly bool[] _met;
    private readonly bool[] _isCount;            // per target: a count (crime) target, one of all crime targets
    private readonly long[] _targetDelta;

    public BatchRunner(SimulationPlan plan)
    {
        _components = new PlanLayout(plan);
        _simulator = new TrajectorySimulator(plan, _components);
        _effects = new EffectComposer(plan, _components);
        _costs = new CostComposer(plan);
        Accumulator = RunAccumulator.For(plan, _components.Output, _costs.Layout);
        _anyEffect = plan.Interventions.Any(i => i.HasEffect);
        _variants = plan.Interventions.IsEmpty ? [] : [.. Enumerable.Range(0, plan.Interventions.Length), EffectComposer.All];
        _variantHasEffect = [.. _variants.Select(v => v == EffectComposer.All ? _anyEffect : plan.Interventions[v].HasEffect)];
        var layout = _components.Output;
        _targetSlots = [.. plan.Targets.Select(t => layout.Slot(t.Region, t.Indicator, t.DecisiveYear))];
        _targets = [.. plan.Targets.Select(t => (t.Operator, t.Threshold))];
        _targetsFed = [.. Enumerable.Range(0, _components.Components * _components.Years).Select(i =>
        {
            var dependents = _components.Dependents(i / _components.Years, i % _components.Years).ToArray();
            return Enumerable.Range(0, _targetSlots.Length).Where(t => dependents.Contains(_targetSlots[t])).ToArray();
        })];
        _inExclCyber = [.. Enumerable.Range(0, _components.Components)
            .Select(c => Indicators.ExclCyberParts.Contains(_components.Indicators[c % _components.Indicators.Length]))];
        _buffer = new int[layout.Size];
        _costBuffer = new int[_costs.Layout.Size];
        _multipliers = new double[_components.Components * _components.Years];
        Array.Fill(_multipliers, 1.0);
        _without = new double[_components.Years];
        _met = new bool[_targetSlots.Length];
        _isCount = [.. plan.Targets.Select(t => Indicators.Get(t.Indicator).Kind == IndicatorKind.Count)];
        _targetDelta = new long[_targetSlots.Length];
    }

    public RunAccumulator Accumulator { get; }

    /// <summary>Simulates trajectories [first, first + count) into <see cref="Accumulator"/>.</summary>
    /// <param name="cancellationToken">Looked at every 1,024 trajectories, so that a cancelled run stops within milliseconds.</param>
    public void Run(long first, int count, CancellationToken cancellationToken = default)
    {
        for (var t = first; t < first + count; t++)
        {
            if (((t - first) & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            Trajectory(t);
        }
    }

    /// <summary>Trajectories [first, first + count) on their own, as a mergeable aggregate.</summary>
    public RunAggregate RunBatch(long first, int count)
    {
        Accumulator.Clear();
        Run(first, count);
        return Accumulator.ToAggregate();
    }

    /// <summary>The decisive (scaled) value of target <paramref name="target"/> in the trajectory just simulated.</summary>
    public int TargetValue(int target) => _buffer[_targetSlots[target]];

    /// <summary>The simulator of the trajectory just simulated: its kernel and survey drivers, for sensitivity analysis.</summary>
    public TrajectorySimulator Simulator => _simulator;

    /// <summary>Where each (region, cost item, year) cost lies in the trajectory's costs.</summary>
    public CostLayout CostLayout => _costs.Layout;

    /// <summary>A cost (units of €100) of the trajectory just simulated.</summary>
    public int Cost(int slot) => _costBuffer[slot];

    /// <summary>The layout of components, years and output slots.</summary>
    public PlanLayout Layout => _components;

    /// <summary>The multiplier that all interventions together put on a component's expected count in a year (index from the start year).</summary>
    public double Multiplier(int component, int year) => _anyEffect ? _multipliers[component * _components.Years + year] : 1;

    /// <summary>Whether target <paramref name="target"/> was met in the trajectory just simulated.</summary>
    public bool TargetMet(int target) => _met[target];

    /// <summary>Simulates trajectory <paramref name="t"/> into <see cref="Accumulator"/>; its targets stay readable until the next.</summary>
    public void Trajectory(long t)
    {
        var acc = Accumulator;
        _effects.Draw(t);
        // Components no intervention reaches keep multiplier 1 (set once, below); only the reached ones are composed.
        foreach (var c in _effects.AllReach) _effects.Compose(c, _multipliers.AsSpan(c * _components.Years, _components.Years));
        _simulator.Simulate(t, _buffer, _anyEffect ? _multipliers : []);
        acc.Trajectories++;
        for (var i = 0; i < _buffer.Length; i++) acc.Slots[i].Add(_buffer[i]);
        var structure = _simulator.Structure;
        acc.StructureTrajectories[structure]++;
        var search = _simulator.Constants;
        acc.SearchTrajectories[search]++;
        var allCounts = true;
        for (var j = 0; j < _targetSlots.Length; j++)
        {
            _met[j] = Met(j, _buffer[_targetSlots[j]]);
            if (_isCount[j] && !_met[j]) allCounts = false;
            if (!_met[j]) continue;
            acc.Met[j]++;
            acc.StructureMet[structure * _targetSlots.Length + j]++;
            acc.SearchMet[search * _targetSlots.Length + j]++;
        }
        if (allCounts) acc.CountTargetsAllMet++;
        _costs.Simulate(t, _costBuffer);
        for (var i = 0; i < _costBuffer.Length; i++) acc.Costs[i].Add(_costBuffer[i]);
        for (var v = 0; v < _variants.Length; v++) Contribution(v);
    }

    private bool Met(int target, int value) => Targets.TargetDefinition.IsMet(_targets[target].Operator, _targets[target].Threshold, value);

    /// <summary>What variant <paramref name="v"/> (an intervention, or all of them) changes in this trajectory.</summary>
    private void Contribution(int v)
    {
        var acc = Accumulator;
        long avoided = 0;
        Array.Clear(_targetDelta);
        if (_variantHasEffect[v])
        {
            var sums = acc.Sums[v];
            var years = _components.Years;
            foreach (var c in _effects.Reach(_variants[v]))
            {
                _effects.Compose(c, _without, _variants[v]);
                for (var y = 0; y < years; y++)
                {
                    // Where leaving the intervention out does not change the multiplier, the count stays as it was.
                    if (_without[y] == _multipliers[c * years + y]) continue;
                    var delta = _buffer[_components.Slot(c, y)] - _simulator.Recount(c, y, _without[y]);
                    if (delta == 0) continue;
                    foreach (var slot in _components.Dependents(c, y)) sums[slot] += delta;
                    foreach (var j in _targetsFed[c * years + y]) _targetDelta[j] += delta;
                    if (_inExclCyber[c]) avoided -= delta;
                }
            }
        }
        acc.Avoided[v].Add((int)avoided);
        for (var j = 0; j < _targetSlots.Length; j++)
        {
            var met = _targetDelta[j] == 0 ? _met[j] : Met(j, (int)(_buffer[_targetSlots[j]] - _targetDelta[j]));
            if (met) acc.MetWithout[v][j]++;
        }
    }
}
