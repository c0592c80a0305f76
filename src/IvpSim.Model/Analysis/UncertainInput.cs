namespace IvpSim.Model.Analysis;

/// <summary>What an uncertain input stands for in the model.</summary>
public enum InputKind
{
    /// <summary>An intervention's effect draw (shared by the municipalities that use it).</summary>
    Measure,
    /// <summary>The forecast's model structure (random walk, damped trend, …): a category.</summary>
    Structure,
    /// <summary>The baseline without measures: its level at the start or its development to the decisive year.</summary>
    Baseline,
    /// <summary>The chance in the decisive year itself: Poisson counting noise, or the survey's measurement.</summary>
    Noise,
    /// <summary>A measure's cost overrun, or the overrun all measures share (wages, prices): what drives a claim.</summary>
    Cost,
}

/// <summary>
/// One uncertain input of a run, as sensitivity analysis sees it: an id (<c>effect:{intervention}:{indicator}</c>,
/// <c>structure</c>, <c>level</c>, <c>development</c>, <c>noise</c>), a Dutch label, its kind and the strength of
/// its evidence (a catalogue grade for measures; <c>data</c> for what the forecast learns from the series).
/// </summary>
public sealed record UncertainInput(string Id, string LabelNl, InputKind Kind, string Evidence, string? ScoreLabel = null)
{
    /// <summary>The label for a target: a survey score names its own drivers.</summary>
    public string LabelFor(AnalysisTarget target) => target.IsScore ? ScoreLabel ?? LabelNl : LabelNl;

    public const string StructureId = "structure";
    public const string LevelId = "level";
    public const string DevelopmentId = "development";
    public const string NoiseId = "noise";
    public const string CommonCostId = "cost:common";

    public static string CostId(string intervention) => $"cost:{intervention}";

    public bool Categorical => Kind == InputKind.Structure;

    public static string EffectId(string intervention, string indicator) => $"effect:{intervention}:{indicator}";

    public string KindNl => Kind switch
    {
        InputKind.Measure => "maatregel",
        InputKind.Structure => "modelstructuur",
        InputKind.Baseline => "basislijn",
        InputKind.Cost => "kosten",
        _ => "toeval",
    };
}
