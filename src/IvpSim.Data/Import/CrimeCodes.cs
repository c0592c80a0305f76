using System.Text.RegularExpressions;
using IvpSim.Model.Domain;

namespace IvpSim.Data.Import;

/// <summary>
/// The police crime classification (CBS tables 47013NED, 47022NED, 83648NED) as IvpSim indicators:
/// 0.0.0 total crimes; 1.1.1 residential burglary; 1.2.1 theft from/of motor vehicles; 1.2.3 theft of mopeds and
/// bicycles; violence is the sum of the violent crimes 1.4.1-1.4.7 (sexual offences, murder/manslaughter, public
/// violence against persons, threat, assault, street robbery, hold-up), computed only where all seven are present.
/// Other codes are valid but not used.
/// </summary>
public static partial class CrimeCodes
{
    public static readonly IReadOnlyDictionary<string, string> Direct = new Dictionary<string, string>
    {
        ["0.0.0"] = Indicators.TotalCrimes,
        ["1.1.1"] = Indicators.ResidentialBurglary,
        ["1.2.1"] = Indicators.VehicleTheftFrom,
        ["1.2.3"] = Indicators.BicycleMopedTheft,
    };

    public static readonly IReadOnlyList<string> ViolenceParts = ["1.4.1", "1.4.2", "1.4.3", "1.4.4", "1.4.5", "1.4.6", "1.4.7"];

    /// <summary>The code of a key ("1.1.1 ") or label ("1.1.1 Diefstal/inbraak woning", "Totaal misdrijven"); null if it is none.</summary>
    public static string? Parse(string keyOrLabel)
    {
        var text = keyOrLabel.Trim();
        if (text.StartsWith("Totaal misdrijven", StringComparison.OrdinalIgnoreCase)) return "0.0.0";
        var match = CodePattern().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^(\d{1,2}\.\d{1,2}\.\d{1,2})(\s|$)")]
    private static partial Regex CodePattern();
}
