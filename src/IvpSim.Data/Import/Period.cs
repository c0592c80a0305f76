using System.Text.RegularExpressions;

namespace IvpSim.Data.Import;

/// <summary>A CBS period: a year, or a month of a year, possibly provisional.</summary>
public readonly partial record struct Period(int Year, int? Month, bool Provisional)
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>Reads "2019JJ00", "2023MM01" (API) or "2019", "2023*", "2023 januari", "2023 januari*" (StatLine); null if none.</summary>
    public static Period? Parse(string text)
    {
        var t = text.Trim();
        var provisional = t.EndsWith('*') || t.Contains("voorlopig", StringComparison.OrdinalIgnoreCase);
        t = t.TrimEnd('*').Replace("(voorlopig)", "", StringComparison.OrdinalIgnoreCase).Trim();
        var api = ApiPattern().Match(t);
        if (api.Success)
        {
            var year = int.Parse(api.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var number = int.Parse(api.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
            return api.Groups[2].Value switch
            {
                "JJ" when number == 0 => new Period(year, null, provisional),
                "MM" when number is >= 1 and <= 12 => new Period(year, number, provisional),
                _ => null,
            };
        }
        var web = WebPattern().Match(t);
        if (!web.Success) return null;
        var y = int.Parse(web.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (web.Groups[2].Value.Length == 0) return new Period(y, null, provisional);
        var month = Array.IndexOf(Months, web.Groups[2].Value.ToLowerInvariant());
        return month < 0 ? null : new Period(y, month + 1, provisional);
    }

    [GeneratedRegex(@"^(\d{4})(JJ|MM|KW)(\d{2})$")]
    private static partial Regex ApiPattern();

    [GeneratedRegex(@"^(\d{4})\s*([a-zA-Z]*)$")]
    private static partial Regex WebPattern();
}
