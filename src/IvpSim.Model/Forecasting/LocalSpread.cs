namespace IvpSim.Model.Forecasting;

/// <summary>
/// What the local drift and noise were split from: the cross-section's variance of a municipality's log change relative
/// to all municipalities over <paramref name="Years"/> years, beyond counting noise (α = years·q + 2ψ). Kept so that a
/// forward backtest can split it again with only the yearly changes seen up to each origin.
/// </summary>
public sealed record LocalSpread(double Variance, int Years);
