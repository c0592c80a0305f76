using System.Text.RegularExpressions;

namespace IvpSim.Cli;

/// <summary>
/// System.CommandLine's parse errors in Dutch and without .NET type names: "'1e20' is geen geldige waarde voor
/// --seed (verwacht: een geheel getal ≥ 0)" rather than "… as expected type 'System.Nullable`1[System.UInt64]'".
/// </summary>
internal static partial class ParseErrorText
{
    public static string Dutch(string message)
    {
        if (CannotParse().Match(message) is { Success: true } m)
        {
            var choices = message.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.ToLowerInvariant()).ToArray();
            var expected = choices.Length > 0 ? "een van: " + string.Join(", ", choices) : Expected(m.Groups["type"].Value);
            return $"'{m.Groups["value"].Value}' is geen geldige waarde voor {m.Groups["option"].Value} (verwacht: {expected})";
        }
        if (Unrecognized().Match(message) is { Success: true } u) return $"onbekende opdracht, optie of waarde '{u.Groups["value"].Value}'";
        if (RequiredMissing().Match(message) is { Success: true } r) return $"optie {r.Groups["option"].Value} ontbreekt";
        if (MissingValue().Match(message) is { Success: true } v) return $"optie {v.Groups["option"].Value} heeft een waarde nodig";
        return TypeName().Replace(message, "");
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("UInt64") => "een geheel getal van 0 tot 18.446.744.073.709.551.615",
        _ when type.Contains("Int32") => "een geheel getal",
        _ when type.Contains("Double") => "een getal (punt als decimaalteken)",
        _ when type.Contains("Boolean") => "true of false",
        _ => "een andere waarde (zie --help)",
    };

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<value>.*)'")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Option '(?<option>[^']+)' is required")]
    private static partial Regex RequiredMissing();

    [GeneratedRegex(@"^Required argument missing for option: '(?<option>[^']+)'")]
    private static partial Regex MissingValue();

    [GeneratedRegex(@"\s*as expected type '[^']+'")]
    private static partial Regex TypeName();
}
