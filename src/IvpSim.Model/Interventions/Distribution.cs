
namespace IvpSim.Model.Interventions;

public enum DistributionKind
{
    /// <summary>PERT (a smoothed triangular): low, mode, high.</summary>
    Pert,
    /// <summary>Triangular: low, mode, high.</summary>
    Triangular,
    /// <summary>Normal: mean (mode) and sd.</summary>
    Normal,
    /// <summary>
    /// Log-normal on the rate ratio 1 + x, with low and high its 5th and 95th percentiles and mode the median
    /// (the evidence README's suggestion): mu = ln(1 + mode), sigma = (ln(1 + high) − ln(1 + low)) / 3.29.
    /// </summary>
    LogNormal,
    /// <summary>A known value (mode).</summary>
    Fixed,
}

/// <summary>An uncertain quantity: a relative effect or a cost. Validated once, drawn through its <see cref="ScoreTable"/>.</summary>
public sealed record Distribution(DistributionKind Kind, double Low, double Mode, double High, double Sd = 0)
{
    public static Distribution Fixed(double value) => new(DistributionKind.Fixed, value, value, value);

    /// <summary>The distribution's mean, for summaries and sanity checks.</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Pert => (Low + 4 * Mode + High) / 6,
        DistributionKind.Triangular => (Low + Mode + High) / 3,
        DistributionKind.LogNormal => Math.Exp(Math.Log(1 + Mode) +
            0.5 * Math.Pow((Math.Log(1 + High) - Math.Log(1 + Low)) / 3.29, 2)) - 1,
        _ => Mode,
    };

    /// <summary>What is wrong with these parameters (Dutch), or nothing. <paramref name="minimum"/> is exclusive.</summary>
    public IEnumerable<(string Field, string Problem)> Problems(double minimum)
    {
        if (Kind is DistributionKind.Pert or DistributionKind.Triangular or DistributionKind.LogNormal)
        {
            if (Low > High) yield return ("low", $"low ({Low}) is groter dan high ({High})");
            else if (Mode < Low || Mode > High) yield return ("mode", $"mode ({Mode}) ligt niet tussen low ({Low}) en high ({High})");
        }
        if (Kind == DistributionKind.Normal && Sd < 0) yield return ("sd", "sd mag niet negatief zijn");
        var lowest = Kind == DistributionKind.Normal ? Mode : Math.Min(Low, Mode);
        if (lowest <= minimum) yield return (Kind == DistributionKind.Normal ? "mode" : "low",
            $"{lowest} moet groter zijn dan {minimum}");
    }
}
