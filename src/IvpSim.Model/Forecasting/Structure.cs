using System.Collections.Immutable;

namespace IvpSim.Model.Forecasting;

public enum StructureKind
{
    /// <summary>The last observation carried forward: no smoothing, no trend (the naive forecast with honest spread).</summary>
    RandomWalk,
    /// <summary>The log level is a random walk: no trend is carried forward.</summary>
    LocalLevel,
    /// <summary>A level and a slope; the slope is carried forward, damped by φ each year (φ = 1: a straight line).</summary>
    Trend,
    /// <summary>The series follows the national series of the same kind, with its own offset that drifts.</summary>
    Anchored,
}

/// <summary>One structural assumption about how a count series moves on: the part that four data points cannot settle.</summary>
public sealed record Structure(string Id, StructureKind Kind, double Damping, string NameNl)
{
    /// <summary>Σ φʲ for j = 1 … h: how far the current slope carries after h years.</summary>
    public double SlopeReach(int h)
    {
        if (Kind != StructureKind.Trend) return 0;
        double sum = 0, power = 1;
        for (var j = 0; j < h; j++)
        {
            power *= Damping;
            sum += power;
        }
        return sum;
    }
}

/// <summary>The structures IvpSim weighs against each other; their weights are learned out of sample.</summary>
public static class Structures
{
    public const string RandomWalkId = "random-walk";
    public const string LocalLevelId = "local-level";
    public const string AnchoredId = "national-anchored";

    public static readonly ImmutableArray<Structure> All =
    [
        new(RandomWalkId, StructureKind.RandomWalk, 0, "random walk (laatste waarde, geen trend)"),
        new(LocalLevelId, StructureKind.LocalLevel, 0, "lokaal niveau (gladgestreken, geen trend)"),
        new("damped-0.5", StructureKind.Trend, 0.5, "sterk gedempte trend (φ = 0,5)"),
        new("damped-0.8", StructureKind.Trend, 0.8, "gedempte trend (φ = 0,8)"),
        new("damped-0.9", StructureKind.Trend, 0.9, "licht gedempte trend (φ = 0,9)"),
        new("linear-trend", StructureKind.Trend, 1.0, "lineaire trend (φ = 1)"),
        new(AnchoredId, StructureKind.Anchored, 0, "volgt de landelijke reeks"),
    ];

    public static int IndexOf(string id) => All.IndexOf(All.FirstOrDefault(s => s.Id == id)!);

    public static bool IsKnown(string id) => All.Any(s => s.Id == id);
}
