namespace IvpSim.Model.Domain;

/// <summary>
/// The Veiligheidsmonitor runs every two years (2019, 2021, 2023 …). A survey target for 2024 is decided by
/// the last survey before the plan is evaluated in the second half of 2024: autumn 2023.
/// </summary>
public static class SurveySchedule
{
    public const int ReferenceYear = 2019;

    public static bool IsSurveyYear(int year) => (year - ReferenceYear) % 2 == 0;

    /// <summary>The survey year whose published score decides a target set for <paramref name="targetYear"/>.</summary>
    public static int DecisiveYear(int targetYear) =>
        IsSurveyYear(targetYear) ? targetYear - 2 : targetYear - 1;
}
