using System.Collections.Immutable;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// A count series fitted for projection: its noise, the filtered state under each structure at its last observed
/// year, the gaps inside its observed range, and its observed values (kept so that trajectories reproduce them).
/// </summary>
/// <param name="Anchor">Index of the national series this one follows (in the model's anchors), or −1.</param>
/// <param name="Offset">The estimated log offset to that national series; meaningful only with an anchor.</param>
public sealed record SeriesFit(
    string Region,
    string Indicator,
    double Noise,
    TrendEstimate Trend,
    LevelEstimate Level,
    int Anchor,
    LevelEstimate Offset,
    ImmutableArray<GapEstimate> Gaps,
    ImmutableArray<int> ObservedYears,
    ImmutableArray<double> ObservedValues)
{
    public int LastYear => ObservedYears[^1];

    /// <summary>
    /// A municipal series: it follows its national series (<see cref="Anchor"/>) times the municipality's local factor,
    /// whatever structure the trajectory draws for the national series; it has no trend of its own.
    /// </summary>
    public bool Local { get; init; }

    /// <summary>
    /// How far this series wanders compared with the shared constants: the multiplier of its level and slope drift
    /// variances (1: the shared constants; see <see cref="DriftScaleEstimator"/>).
    /// </summary>
    public double DriftScale { get; init; } = 1;

    /// <summary>The chance that the last observed year was a year of upheaval, as the trend filter judges it.</summary>
    public double LastUpheaval { get; init; }

    public bool HasAnchor => Anchor >= 0;
}
