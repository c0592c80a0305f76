namespace IvpSim.Web;

/// <summary>One measure in one municipality as the page shows it: on or off, its intensity and start year.</summary>
/// <param name="Key">"{intervention}@{municipality}": the form field names carry it.</param>
public sealed record MixRow(string Key, string InterventionId, string NameNl, string Municipality, string MunicipalityNl, bool Existing,
    string Evidence, bool On, double Intensity, int StartYear);

/// <summary>A target's chance in the mix, with its ranges and simulation error, and against the starting scenario.</summary>
/// <param name="Ranges">"16-20% naar modelkeuze; 10-22% naar constanten; " as the console and the report show them (empty for a survey score).</param>
public sealed record ChanceRow(string Key, string MunicipalityNl, string IndicatorNl, string TargetText, double PMeet, string Ranges,
    double Se, double StartPMeet, double? Delta, double? DeltaSe);

/// <summary>The claim year's extra money of one municipality (P50/P80/P95), and the starting scenario's P80.</summary>
public sealed record ClaimRow(string MunicipalityNl, double P50, double P80, double P95, double StartP80);

/// <summary>A chart rendered on the server as a PNG data URI.</summary>
public sealed record ChartView(string Key, string Title, string DataUri);

/// <summary>What a run of the mix shows.</summary>
public sealed record PlannerResults(IReadOnlyList<ChanceRow> Chances, double PAll, double PAllStart, IReadOnlyList<ClaimRow> Claim, int ClaimYear,
    IReadOnlyList<ChartView> Charts, int Runs, ulong Seed, double Seconds);

/// <summary>Everything the planner page renders.</summary>
public sealed record PlannerView(
    IReadOnlyList<string> Scenarios,
    string StartScenario,
    string StartName,
    IReadOnlyList<MixRow> Mix,
    IReadOnlyList<int> StartYears,
    int Runs,
    PlannerResults? Results,
    string? Message,
    string? Error,
    string AntiforgeryField,
    string AntiforgeryToken,
    string SaveName);
