namespace IvpSim.Model.Backtest;

/// <summary>
/// A forecast as a quantile function. CRPS = 2∫₀¹ QS_τ(q_τ, y) dτ with the pinball loss
/// QS_τ = (1{y &lt; q_τ} − τ)(q_τ − y), evaluated on 99 levels: the same formula for every method.
/// </summary>
public static class QuantileForecast
{
    private const int Levels = 99;

    public static double Crps(Func<double, double> quantile, double observed)
    {
        double sum = 0;
        for (var k = 1; k <= Levels; k++)
        {
            var tau = k / (Levels + 1.0);
            var q = quantile(tau);
            sum += ((observed < q ? 1 : 0) - tau) * (q - observed);
        }
        return 2 * sum / Levels;
    }
}
