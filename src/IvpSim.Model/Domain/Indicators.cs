using System.Collections.Immutable;

namespace IvpSim.Model.Domain;

public enum IndicatorKind
{
    /// <summary>Registered crimes or incidents per year: non-negative integers.</summary>
    Count,
    /// <summary>A survey score on a 1-10 scale, published with one decimal.</summary>
    Score,
}

/// <summary>An indicator of the plan. <see cref="Scale"/> turns a value into the integer the histograms hold.</summary>
public sealed record IndicatorInfo(string Id, string LabelNl, IndicatorKind Kind, string UnitNl, string? ShortLabel = null)
{
    /// <summary>A label short enough for a table column.</summary>
    public string ShortLabelNl => ShortLabel ?? LabelNl;

    public int Scale => Kind == IndicatorKind.Score ? 100 : 1;
}

/// <summary>The indicators of Table 2.1, the target indicator and the survey score.</summary>
public static class Indicators
{
    public const string TotalCrimes = "total_crimes";
    public const string TotalCrimesExclCyber = "total_crimes_excl_cyber";
    public const string Violence = "violence";
    public const string ResidentialBurglary = "residential_burglary";
    public const string VehicleTheftFrom = "vehicle_theft_from";
    public const string BicycleMopedTheft = "bicycle_moped_theft";
    public const string OtherCrimes = "other_crimes";
    public const string OnlineTradeFraud = "online_trade_fraud";
    public const string YouthNuisance = "youth_nuisance";
    public const string ConfusedBehaviour = "confused_behaviour";
    public const string SafetyScore = "safety_score";

    private const string Crimes = "misdrijven (politieregistratie)";
    private const string Incidents = "incidenten (politieregistratie)";

    public static readonly ImmutableArray<IndicatorInfo> All =
    [
        new(TotalCrimes, "Totaal misdrijven", IndicatorKind.Count, Crimes),
        new(TotalCrimesExclCyber, "Totaal misdrijven excl. cybercrime", IndicatorKind.Count, Crimes, "Misdrijven excl. cyber"),
        new(Violence, "Geweld", IndicatorKind.Count, Crimes),
        new(ResidentialBurglary, "Woninginbraak", IndicatorKind.Count, Crimes),
        new(VehicleTheftFrom, "Diefstal uit/vanaf motorvoertuigen", IndicatorKind.Count, Crimes),
        new(BicycleMopedTheft, "Diefstal brom-, snor-, fietsen", IndicatorKind.Count, Crimes),
        new(OtherCrimes, "Overige misdrijven (excl. cybercrime)", IndicatorKind.Count, Crimes),
        new(OnlineTradeFraud, "Fraude met online-handel", IndicatorKind.Count, Crimes),
        new(YouthNuisance, "Jeugdoverlast", IndicatorKind.Count, Incidents),
        new(ConfusedBehaviour, "Overlast personen met verward gedrag", IndicatorKind.Count, Incidents),
        new(SafetyScore, "Rapportcijfer veiligheid buurt", IndicatorKind.Score, "rapportcijfer (1-10)", "Veiligheid buurt (cijfer)"),
    ];

    /// <summary>The crime types that Table 2.1 lists; the rest of the total is <see cref="OtherCrimes"/>.</summary>
    public static readonly ImmutableArray<string> ListedCrimeTypes =
        [Violence, ResidentialBurglary, VehicleTheftFrom, BicycleMopedTheft];

    /// <summary>Count series that are simulated directly; the totals are sums of these in every trajectory.</summary>
    public static readonly ImmutableArray<string> SimulatedCounts =
        [.. ListedCrimeTypes, OtherCrimes, OnlineTradeFraud, YouthNuisance, ConfusedBehaviour];

    /// <summary>Parts of "total crimes excluding cybercrime"; adding online-trade fraud gives all crimes.</summary>
    public static readonly ImmutableArray<string> ExclCyberParts = [.. ListedCrimeTypes, OtherCrimes];

    /// <summary>The indicator with this id, or null for one IvpSim does not know (a corpus series).</summary>
    public static IndicatorInfo? Find(string id) => All.FirstOrDefault(i => i.Id == id);

    public static bool IsKnown(string id) => Find(id) is not null;

    public static IndicatorInfo Get(string id) => Find(id) ?? throw new ArgumentException($"unknown indicator '{id}'", nameof(id));

    /// <summary>What a reader sees for an indicator: its Dutch label, or the id itself for a series IvpSim does not know.</summary>
    public static string LabelNl(string id) => Find(id)?.LabelNl ?? id;

    /// <summary>As <see cref="LabelNl"/>, short enough for a table column or a list.</summary>
    public static string ShortLabelNl(string id) => Find(id)?.ShortLabelNl ?? id;
}
