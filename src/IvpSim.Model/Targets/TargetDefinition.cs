using IvpSim.Model.Domain;

namespace IvpSim.Model.Targets;

public enum TargetOperator
{
    AtMost,
    AtLeast,
}

/// <summary>A 2024 target of the plan (chapter 3): e.g. total crimes excl. cybercrime ≤ 800 in Ermelo.</summary>
public sealed record TargetDefinition(string Region, string Indicator, int Year, TargetOperator Operator, double Value, string Source)
{
    public string OperatorSymbol => Operator == TargetOperator.AtMost ? "<=" : ">=";

    /// <summary>The year whose value decides the target: the target year for counts, the last survey before it for scores.</summary>
    public int DecisiveYear =>
        Indicators.Get(Indicator).Kind == IndicatorKind.Score ? SurveySchedule.DecisiveYear(Year) : Year;

    /// <summary>The target value in histogram units (see <see cref="IndicatorInfo.Scale"/>).</summary>
    public int Threshold => (int)Math.Round(Value * Indicators.Get(Indicator).Scale);

    /// <summary>Whether a value in histogram units meets the target.</summary>
    public bool IsMetBy(int scaledValue) => IsMet(Operator, Threshold, scaledValue);

    /// <summary>Whether <paramref name="scaledValue"/> meets a target with this operator and threshold (for hot loops that keep the threshold).</summary>
    public static bool IsMet(TargetOperator op, int threshold, int scaledValue) =>
        op == TargetOperator.AtMost ? scaledValue <= threshold : scaledValue >= threshold;
}
