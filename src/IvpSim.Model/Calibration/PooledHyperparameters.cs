namespace IvpSim.Model.Calibration;

/// <summary>
/// What all series of a run share, estimated across them because one four-point series cannot tell it: the
/// typical yearly noise on the log scale (the prior centre of each series' own noise) and how strongly the series
/// move together (the correlation of their yearly shocks and level shifts).
/// </summary>
public sealed record PooledHyperparameters(double Noise, double CommonCorrelation);
