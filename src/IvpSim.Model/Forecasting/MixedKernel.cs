namespace IvpSim.Model.Forecasting;

/// <summary>
/// The forecast kernel over the constants of every calibration search (<see cref="ForecastSettings.Searched"/>): one
/// <see cref="ForecastKernel"/> per set, each with its own fits, all on the same seed. Trajectory j is projected by
/// set j mod n (<see cref="ForecastSettings.AlternativeOf"/>), so the mixture depends on the trajectory alone, not on
/// batches or silos, and every set draws the same random numbers for a trajectory. With one set it is that kernel.
/// </summary>
/// <remarks>Not thread-safe: one per thread.</remarks>
public sealed class MixedKernel
{
    private readonly ForecastKernel[] _kernels;
    private ForecastKernel _current;

    /// <param name="models">One model per set of constants, each with the same components in the same order.</param>
    public MixedKernel(IReadOnlyList<ForecastModel> models, ulong seed, int startYear, int endYear)
    {
        if (models.Count == 0) throw new ArgumentException("at least one model", nameof(models));
        _kernels = [.. models.Select(m => new ForecastKernel(m, seed, startYear, endYear))];
        _current = _kernels[0];
    }

    public int Years => _current.Years;

    /// <summary>The structure of the current trajectory (<see cref="ForecastKernel.Structure"/>).</summary>
    public int Structure => _current.Structure;

    /// <summary>Which set of constants projects the current trajectory (index into <see cref="ForecastSettings.Alternatives"/>).</summary>
    public int Constants { get; private set; }

    /// <summary>Draws what trajectory <paramref name="trajectory"/> shares, with its set's kernel (<see cref="ForecastKernel.Begin"/>).</summary>
    public void Begin(long trajectory, int structure = -1)
    {
        Constants = ForecastSettings.AlternativeOf(trajectory, _kernels.Length);
        _current = _kernels[Constants];
        _current.Begin(trajectory, structure);
    }

    public void Component(int component, Span<int> counts, ReadOnlySpan<double> multipliers) => _current.Component(component, counts, multipliers);

    public int Recount(int component, int year, double multiplier) => _current.Recount(component, year, multiplier);

    public double ExpectedCount(int component, int year) => _current.ExpectedCount(component, year);
}
