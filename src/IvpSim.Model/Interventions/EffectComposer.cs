using IvpSim.Model.Random;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Interventions;

/// <summary>
/// Draws every intervention's effects for a trajectory and composes them into one multiplier per
/// (municipality, indicator, year) slot. Effects on one indicator multiply: Π (1 + effect × scale × ramp), each
/// factor floored at zero so no measure can make a count negative. The draws are made once per trajectory,
/// so the composition can be repeated without one intervention (common random numbers for contributions).
/// </summary>
public sealed class EffectComposer
{
    private readonly SimulationPlan _plan;
    private readonly OutputLayout _layout;
    private readonly List<Entry> _entries = [];
    private readonly double[] _effects;

    private sealed record Entry(int Intervention, ulong SharedPurpose, ulong LocalPurpose, double LocalSd,
        Distribution Effect, double Scale, int StartYear, int RampUpYears, int Region, int Indicator);

    public EffectComposer(SimulationPlan plan, OutputLayout layout)
    {
        _plan = plan;
        _layout = layout;
        for (var i = 0; i < plan.Interventions.Length; i++)
        {
            var intervention = plan.Interventions[i];
            foreach (var use in intervention.Uses)
            {
                foreach (var effect in use.Effects)
                {
                    _entries.Add(new Entry(i,
                        RandomStreams.Purpose($"intervention/{intervention.Id}/{effect.Indicator}"),
                        RandomStreams.Purpose($"intervention/{intervention.Id}/{use.Municipality}/{effect.Indicator}"),
                        intervention.LocalDeviationSd, effect.Effect, effect.Scale, use.StartYear, use.RampUpYears,
                        layout.RegionIndex(use.Municipality), layout.IndicatorIndex(effect.Indicator)));
                }
            }
        }
        _effects = new double[_entries.Count];
    }

    public int InterventionCount => _plan.Interventions.Length;

    /// <summary>
    /// Draws this trajectory's effects. Every municipality's draw of an intervention's effect on an indicator
    /// comes from the same stream, so they share one value; the local deviation, from a stream of its own, scales
    /// that effect's strength (effect × e^(sd·z)), so it never turns a reduction into an increase.
    /// </summary>
    public void Draw(long trajectory)
    {
        for (var k = 0; k < _entries.Count; k++)
        {
            var e = _entries[k];
            var shared = e.Effect.Sample(RandomStreams.For(_plan.Seed, trajectory, e.SharedPurpose));
            var local = e.LocalSd > 0
                ? e.LocalSd * RandomStreams.For(_plan.Seed, trajectory, e.LocalPurpose).NextStandardNormal()
                : 0;
            _effects[k] = shared * Math.Exp(local);
        }
    }

    /// <summary>Writes the multipliers of the drawn effects, leaving out intervention <paramref name="excluded"/> (−1: none left out; <see cref="All"/>: all left out).</summary>
    public void Compose(Span<double> multipliers, int excluded = -1)
    {
        multipliers.Fill(1.0);
        if (excluded == All) return;
        for (var k = 0; k < _entries.Count; k++)
        {
            var e = _entries[k];
            if (e.Intervention == excluded) continue;
            for (var year = _layout.StartYear; year <= _layout.EndYear; year++)
            {
                var ramp = PlannedIntervention.Ramp(year, e.StartYear, e.RampUpYears);
                if (ramp == 0) continue;
                multipliers[_layout.Slot(e.Region, e.Indicator, year)] *= Math.Max(0, 1 + _effects[k] * e.Scale * ramp);
            }
        }
    }

    /// <summary>Pass to <see cref="Compose"/> to leave every intervention out: the baseline of the same trajectory.</summary>
    public const int All = int.MinValue;
}
