using System.Collections.Immutable;

namespace IvpSim.Model.Domain;

/// <summary>A municipality of the plan, or the police base team that they form together.</summary>
public sealed record RegionInfo(string Id, string NameNl, string? CbsCode, bool IsAggregate);

/// <summary>The places of the IVP 2020-2024: three municipalities and their police base team.</summary>
public static class Regions
{
    public const string Ermelo = "ermelo";
    public const string Harderwijk = "harderwijk";
    public const string Putten = "putten";
    public const string VeluweWest = "veluwe-west";

    public static readonly ImmutableArray<RegionInfo> All =
    [
        new(Ermelo, "Ermelo", "GM0233", false),
        new(Harderwijk, "Harderwijk", "GM0243", false),
        new(Putten, "Putten", "GM0273", false),
        new(VeluweWest, "Veluwe-West", null, true),
    ];

    /// <summary>The municipalities in their fixed order; the region is their sum.</summary>
    public static readonly ImmutableArray<string> Municipalities = [Ermelo, Harderwijk, Putten];

    public static bool IsKnown(string id) => All.Any(r => r.Id == id);

    public static RegionInfo Get(string id) =>
        All.FirstOrDefault(r => r.Id == id) ?? throw new ArgumentException($"unknown region '{id}'", nameof(id));
}
