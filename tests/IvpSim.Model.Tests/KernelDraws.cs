using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Tests;

/// <summary>Draws of one component from the forecast kernel, trajectory by trajectory, as a run would make them.</summary>
internal static class KernelDraws
{
    /// <summary>Component <paramref name="component"/>'s count in <paramref name="endYear"/>, in each of the first <paramref name="trajectories"/> trajectories.</summary>
    public static int[] LastYear(ForecastModel model, ulong seed, int startYear, int endYear, int trajectories, int component = 0)
    {
        var kernel = new ForecastKernel(model, seed, startYear, endYear);
        var counts = new int[endYear - startYear + 1];
        var last = new int[trajectories];
        for (var t = 0; t < trajectories; t++)
        {
            kernel.Begin(t);
            kernel.Component(component, counts, []);
            last[t] = counts[^1];
        }
        return last;
    }
}
