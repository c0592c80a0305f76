using System.Globalization;
using System.Text;
using IvpSim.Model.Domain;

namespace IvpSim.Data.Import;

/// <summary>Region ids for imported data: the plan's municipalities by name or CBS code, any other region as a slug.</summary>
public static class RegionIds
{
    public static string FromCbsCode(string code)
    {
        var trimmed = code.Trim();
        return Regions.All.FirstOrDefault(r => string.Equals(r.CbsCode, trimmed, StringComparison.OrdinalIgnoreCase))?.Id
            ?? Slug(trimmed);
    }

    public static string FromName(string name)
    {
        var trimmed = name.Trim();
        return Regions.All.FirstOrDefault(r => string.Equals(r.NameNl, trimmed, StringComparison.OrdinalIgnoreCase))?.Id
            ?? Slug(trimmed);
    }

    /// <summary>Lower case, accents dropped, anything else than letters and digits as '-'.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        return string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
