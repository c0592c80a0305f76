using IvpSim.Contracts;
using IvpSim.Model.Results;

namespace IvpSim.Grains;

/// <summary>A theme: summarises a run for its municipalities, indicators and interventions.</summary>
public sealed class ThemeGrain : Grain, IThemeGrain
{
    public Task<ThemeSummaryMessage> Summarize(ThemeRequest request) =>
        Task.FromResult(new ThemeSummaryMessage(
            ThemeSummary.Build(request.ScenarioId, request.Theme, request.Interventions, request.Result)));
}
