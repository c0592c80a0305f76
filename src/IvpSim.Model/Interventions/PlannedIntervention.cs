using System.Collections.Immutable;

namespace IvpSim.Model.Interventions;

/// <summary>An intervention's effect on one indicator in one municipality, with overrides applied.</summary>
public sealed record PlannedEffect(string Indicator, Distribution Effect, double Scale);

/// <summary>Where and from when an intervention runs, and how its effects reach the indicators there.</summary>
public sealed record PlannedUse(string Municipality, int StartYear, int RampUpYears, ImmutableArray<PlannedEffect> Effects);

/// <summary>
/// An intervention ready to simulate: its uses per municipality. The effect per indicator is drawn once per
/// trajectory from its own stream and shared by every municipality that uses it (if a measure works less well
/// than thought, it does so everywhere); a municipality's strength may deviate by a factor e^(sd·z), sd =
/// <see cref="LocalDeviationSd"/>.
/// </summary>
public sealed record PlannedIntervention(string Id, double LocalDeviationSd, ImmutableArray<PlannedUse> Uses)
{
    /// <summary>
    /// Resolves a catalogue entry and the scenario's uses of it. Existing policy is already in the observed trend,
    /// so only the change in its intensity counts (1 = unchanged, 1.5 = half as much again, 0 = stopped);
    /// a new measure counts with its whole intensity.
    /// </summary>
    /// <param name="shares">Each use's part of a shared measure (see <c>PlannedCost.UseShares</c>); null: all 1.</param>
    public static PlannedIntervention Create(Intervention intervention, IReadOnlyList<InterventionUse> uses,
        IReadOnlyList<double>? shares = null) =>
        new(intervention.Id, intervention.LocalDeviationSd, [.. uses.Select((use, i) => new PlannedUse(
            use.Municipality, use.StartYear, use.RampUpYears ?? intervention.RampUpYears,
            [.. intervention.Effects.Select(e => new PlannedEffect(e.Indicator,
                use.EffectOverrides.GetValueOrDefault(e.Indicator) ?? e.Effect,
                (use.Coverage ?? e.Coverage) * ExtraIntensity(intervention, use) * (shares?[i] ?? 1)))]))]);

    /// <summary>The intensity beyond what the baseline trend already contains.</summary>
    public static double ExtraIntensity(Intervention intervention, InterventionUse use) =>
        intervention.IsExisting ? use.Intensity - 1 : use.Intensity;

    /// <summary>False for an intervention that changes nothing (existing policy at unchanged intensity, or no modelled effect).</summary>
    public bool HasEffect => Uses.Any(u => u.Effects.Any(e => e.Scale != 0));

    /// <summary>The share of full strength in <paramref name="year"/>: 0 before the start, rising linearly over the ramp-up.</summary>
    public static double Ramp(int year, int startYear, int rampUpYears)
    {
        if (year < startYear) return 0;
        return rampUpYears <= 1 ? 1 : Math.Min(1.0, (year - startYear + 1) / (double)rampUpYears);
    }
}
