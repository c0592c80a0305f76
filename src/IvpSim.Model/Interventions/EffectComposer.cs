using IvpSim.Model.Domain;
using IvpSim.Model.Random;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Interventions;

/// <summary>
/// Draws every intervention's effects for a trajectory and composes them into one multiplier per (component, year)
/// of the forecast: Π (1 + effect × scale × ramp), each factor floored at zero so no measure can make a count
/// negative. The draws are made once per trajectory, so the composition can be repeated without one intervention
/// (common random numbers for contributions), for just the components that intervention reaches.
/// </summary>
/// <remarks>Not thread-safe: one composer per thread.</remarks>
public sealed class EffectComposer
{
    /// <summary>Pass as the excluded intervention to leave every intervention out: the baseline of the same trajectory.</summary>
    public const int All = int.MinValue;

    private readonly ulong _seed;
    private readonly int _years;
    private readonly SharedDraw[] _draws;
    private readonly Entry[] _entries;
    private readonly int[][] _byComponent;
    private readonly int[][] _reach;
    private readonly double[] _shared;
    private readonly double[] _effects;

    /// <summary>One prior drawn per trajectory and shared by every municipality that uses the intervention.</summary>
    private sealed record SharedDraw(ulong Purpose, ScoreTable Table);

    /// <param name="Scale">Per year of the plan: coverage × extra intensity × share × ramp (zero before the start).</param>
    private sealed record Entry(int Intervention, int Draw, ulong LocalPurpose, double LocalSd, int Component, double[] Scale);

    public EffectComposer(SimulationPlan plan, PlanLayout layout)
    {
        _seed = plan.Seed;
        _years = plan.YearCount;
        var draws = new Dictionary<ulong, int>();
        var drawList = new List<SharedDraw>();
        var entries = new List<Entry>();
        for (var i = 0; i < plan.Interventions.Length; i++)
        {
            var intervention = plan.Interventions[i];
            foreach (var use in intervention.Uses)
            {
                foreach (var effect in use.Effects)
                {
                    // An effect at scale zero (existing policy at its current level) changes nothing: it is left out.
                    if (effect.Scale == 0) continue;
                    var purpose = RandomStreams.Purpose($"intervention/{intervention.Id}/{effect.Indicator}");
                    if (!draws.TryGetValue(purpose, out var draw))
                    {
                        draw = drawList.Count;
                        draws[purpose] = draw;
                        drawList.Add(new SharedDraw(purpose, new ScoreTable(effect.Effect)));
                    }
                    double[] scale = [.. Enumerable.Range(plan.StartYear, _years)
                        .Select(year => effect.Scale * PlannedIntervention.Ramp(year, use.StartYear, use.RampUpYears))];
                    entries.Add(new Entry(i, draw, RandomStreams.Purpose($"intervention/{intervention.Id}/{use.Municipality}/{effect.Indicator}"),
                        intervention.LocalDeviationSd, layout.Component(use.Municipality, effect.Indicator), scale));
                }
            }
        }
        _draws = [.. drawList];
        _entries = [.. entries];
        _byComponent = [.. Enumerable.Range(0, layout.Components)
            .Select(c => Enumerable.Range(0, _entries.Length).Where(k => _entries[k].Component == c).ToArray())];
        _reach = [.. Enumerable.Range(0, plan.Interventions.Length)
            .Select(i => _entries.Where(e => e.Intervention == i).Select(e => e.Component).Distinct().Order().ToArray())];
        AllReach = [.. _entries.Select(e => e.Component).Distinct().Order()];
        _shared = new double[_draws.Length];
        _effects = new double[_entries.Length];
    }

    /// <summary>The components that intervention <paramref name="intervention"/> can change.</summary>
    public ReadOnlySpan<int> Reach(int intervention) => intervention == All ? AllReach : _reach[intervention];

    /// <summary>The components that any intervention can change.</summary>
    public int[] AllReach { get; }

    /// <summary>
    /// Draws this trajectory's effects. Every municipality's draw of an intervention's effect on an indicator comes
    /// from the same stream, so they share one value; the local deviation, from a stream of its own, scales that
    /// effect's strength (effect × e^(sd·z)), so it never turns a reduction into an increase.
    /// </summary>
    public void Draw(long trajectory)
    {
        var key = RandomStreams.TrajectoryKey(_seed, trajectory);
        for (var d = 0; d < _draws.Length; d++)
        {
            var rng = ShortStream.For(key, _draws[d].Purpose);
            _shared[d] = _draws[d].Table.At(rng.NextStandardNormal());
        }
        for (var k = 0; k < _entries.Length; k++)
        {
            var e = _entries[k];
            var local = 0.0;
            if (e.LocalSd > 0)
            {
                var rng = ShortStream.For(key, e.LocalPurpose);
                local = e.LocalSd * rng.NextStandardNormal();
            }
            _effects[k] = _shared[e.Draw] * Math.Exp(local);
        }
    }

    /// <summary>The multipliers of every component (component-major, then year), leaving out <paramref name="excluded"/> (−1: none).</summary>
    public void Compose(Span<double> multipliers, int excluded = -1)
    {
        for (var c = 0; c < _byComponent.Length; c++) Compose(c, multipliers.Slice(c * _years, _years), excluded);
    }

    /// <summary>The multipliers of one component per year, leaving out intervention <paramref name="excluded"/> (−1: none; <see cref="All"/>: all).</summary>
    public void Compose(int component, Span<double> multipliers, int excluded = -1)
    {
        multipliers.Fill(1.0);
        if (excluded == All) return;
        foreach (var k in _byComponent[component])
        {
            var e = _entries[k];
            if (e.Intervention == excluded) continue;
            var effect = _effects[k];
            for (var y = 0; y < _years; y++)
            {
                if (e.Scale[y] != 0) multipliers[y] *= Math.Max(0, 1 + effect * e.Scale[y]);
            }
        }
    }
}
