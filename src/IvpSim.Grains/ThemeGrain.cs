using IvpSim.Contracts;
using IvpSim.Model.Interventions;
using IvpSim.Model.Results;

namespace IvpSim.Grains;

/// <summary>A theme with its measures (its key says which): keeps them, and summarises a run for its indicators and measures.</summary>
public sealed class ThemeGrain : Grain, IThemeGrain
{
    private Theme? _theme;
    private System.Collections.Immutable.ImmutableArray<string> _measures = [];

    public Task<ThemeSummaryMessage> Summarize(ThemeRequest request)
    {
        // The key is a hash of the theme and its measures: a later request brings the same ones.
        if (_theme is null)
        {
            _theme = request.Theme;
            _measures = request.Interventions;
        }
        return Task.FromResult(new ThemeSummaryMessage(ThemeSummary.Build(request.ScenarioId, _theme, _measures, request.Result)));
    }
}
