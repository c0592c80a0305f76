namespace IvpSim.Model.Analysis;

/// <summary>
/// One input's influence on one target: the first-order index of the decisive value and of meeting the target (each
/// with its standard error), and the chance of meeting it and the mean decisive value (crimes, score, euros) when the
/// input sits near its own 10th and 90th percentile (a category: the least and the most favourable one). A claim has
/// no chance: its chance fields are NaN.
/// </summary>
public sealed record SensitivityRow(string Target, string Region, string Indicator, string Input, string LabelNl, string KindNl,
    string Evidence, double Index, double IndexSe, double MeetIndex, double MeetIndexSe, double PMeet, double PMeetLow, double PMeetHigh,
    double ValueLow = double.NaN, double ValueHigh = double.NaN);

/// <summary>
/// For a choice among scenarios run on the same trajectories: how much the chance of meeting a target would gain if
/// an input were known before choosing (expected value of perfect information), with its standard error.
/// </summary>
public sealed record InformationRow(string Target, string Input, string LabelNl, string KindNl, string Evidence, string BestScenario,
    double PBest, double Value, double ValueSe);

public sealed record SensitivityResult(long Trajectories, IReadOnlyList<string> Scenarios, IReadOnlyList<SensitivityRow> Rows,
    IReadOnlyList<InformationRow> Information);
