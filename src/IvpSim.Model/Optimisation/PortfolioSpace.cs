using System.Collections.Immutable;
using IvpSim.Model.Interventions;

namespace IvpSim.Model.Optimisation;

/// <summary>
/// One decision of a portfolio: an intervention in one municipality, at one of its intensity levels. Level 0 is the
/// level that costs nothing extra: off for a new measure, unchanged (intensity 1) for existing policy.
/// </summary>
public sealed record PortfolioOption(string InterventionId, string Municipality, bool Existing, ImmutableArray<double> Levels)
{
    public string Key => $"{InterventionId}@{Municipality}";

    /// <summary>The intensity beyond what the trend already contains at <paramref name="level"/> (what costs and works).</summary>
    public double Extra(int level) => Existing ? Levels[level] - 1 : Levels[level];
}

/// <summary>
/// What the search may choose: per option a level and a start year. New measures: off, ½, 1 or 1½ units; existing
/// policy: unchanged, 1½ or 2 times today's. Start years no later than the claim year by default: a measure that starts
/// after it costs nothing in the claim, and would be a way around the budget rather than within it.
/// </summary>
public sealed record PortfolioSpace(ImmutableArray<PortfolioOption> Options, ImmutableArray<int> StartYears)
{
    public static readonly ImmutableArray<double> NewLevels = [0, 0.5, 1, 1.5];
    public static readonly ImmutableArray<double> ExistingLevels = [1, 1.5, 2];

    /// <summary>Every intervention of the catalogue that has an effect, in every municipality the catalogue allows it.</summary>
    public static PortfolioSpace Of(Catalogue catalogue, IReadOnlyList<string> municipalities, ImmutableArray<int> startYears)
    {
        var options = catalogue.Interventions
            .Where(i => i.Effects.Length > 0)
            .SelectMany(i => municipalities.Where(m => i.Municipalities.Contains(m))
                .Select(m => new PortfolioOption(i.Id, m, i.IsExisting, i.IsExisting ? ExistingLevels : NewLevels)))
            .ToImmutableArray();
        return new PortfolioSpace(options, startYears);
    }

    public Portfolio Empty => new([.. Options.Select(_ => new PortfolioChoice(0, StartYears[0]))]);

    /// <summary>A random portfolio: each option on with a chance that is itself random, so that small and large mixes both occur.</summary>
    public Portfolio Random(System.Random rng)
    {
        var share = rng.NextDouble() * 0.3;
        return new([.. Options.Select(o => rng.NextDouble() < share
            ? new PortfolioChoice(1 + rng.Next(o.Levels.Length - 1), StartYears[rng.Next(StartYears.Length)])
            : new PortfolioChoice(0, StartYears[0]))]);
    }

    /// <summary>The scenario's interventions for a portfolio: one use per chosen option.</summary>
    public ImmutableArray<InterventionUse> Uses(Portfolio portfolio) =>
        [.. Options.Select((o, k) => (o, c: portfolio.Choices[k]))
            .Where(x => x.c.Level > 0)
            .Select(x => new InterventionUse(x.o.InterventionId, x.o.Municipality, x.c.StartYear, x.o.Levels[x.c.Level], null, null,
                ImmutableDictionary<string, Distribution>.Empty))];

    /// <summary>A short readable form: <c>bibob@ermelo×1.5/2021; …</c> (empty: nothing extra).</summary>
    public string Describe(Portfolio portfolio) =>
        string.Join("; ", Options.Select((o, k) => (o, c: portfolio.Choices[k])).Where(x => x.c.Level > 0)
            .Select(x => $"{x.o.Key}×{x.o.Levels[x.c.Level].ToString(System.Globalization.CultureInfo.InvariantCulture)}/{x.c.StartYear}"));
}

/// <summary>An option's level (index into its levels; 0: nothing extra) and start year.</summary>
public readonly record struct PortfolioChoice(int Level, int StartYear);

/// <summary>One choice per option of a <see cref="PortfolioSpace"/>, in its order.</summary>
public sealed record Portfolio(ImmutableArray<PortfolioChoice> Choices)
{
    /// <summary>Equal portfolios have equal keys (records compare arrays by reference).</summary>
    public string Key => string.Join(",", Choices.Select(c => c.Level == 0 ? "0" : $"{c.Level}/{c.StartYear}"));

    public int Size => Choices.Count(c => c.Level > 0);

    public Portfolio With(int option, PortfolioChoice choice) => new(Choices.SetItem(option, choice));
}
