using System.Collections.Immutable;

namespace IvpSim.Model.Interventions;

/// <summary>
/// The effect of an intervention on one indicator: the relative change in the treated unit at full strength,
/// and the share of the municipality that unit is (a label reaches only certified houses). The municipal effect
/// is effect × coverage × intensity. <see cref="Registration"/> marks effects on reporting, not on crime.
/// </summary>
public sealed record InterventionEffect(string Indicator, Distribution Effect, double Coverage, bool Registration);

/// <summary>Costs in euros of <see cref="PriceYear"/> per unit of intensity; used by the budget.</summary>
public sealed record InterventionCost(Distribution Yearly, Distribution OneOff, string UnitNl, int PriceYear);

/// <summary>Where an intervention's numbers come from and how strong the evidence is.</summary>
public sealed record Evidence(string Strength, string Source);

/// <summary>An intervention of the catalogue, as the plan names it, with its priors.</summary>
public sealed record Intervention(
    string Id,
    string NameNl,
    ImmutableArray<string> Themes,
    ImmutableArray<string> Municipalities,
    bool IsExisting,
    int RampUpYears,
    double LocalDeviationSd,
    ImmutableArray<InterventionEffect> Effects,
    InterventionCost Cost,
    Evidence Evidence);

public enum ThemeKind
{
    Joint,
    Local,
    Continued,
}

/// <summary>A theme of the plan: a joint priority (chapter 5), a local one or continued policy (chapter 6).</summary>
public sealed record Theme(string Id, string NameNl, ThemeKind Kind, ImmutableArray<string> Municipalities, ImmutableArray<string> Indicators);

/// <summary>The catalogue: themes and interventions. A theme's interventions are those that name it.</summary>
public sealed record Catalogue(ImmutableArray<Theme> Themes, ImmutableArray<Intervention> Interventions)
{
    public static Catalogue Empty { get; } = new([], []);

    public Intervention? Find(string id) => Interventions.FirstOrDefault(i => i.Id == id);

    public IEnumerable<Intervention> InterventionsOf(string themeId) => Interventions.Where(i => i.Themes.Contains(themeId));
}
