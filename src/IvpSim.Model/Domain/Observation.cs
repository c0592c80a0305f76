namespace IvpSim.Model.Domain;

/// <summary>One observed value: a police registration count or a published survey score.</summary>
public sealed record Observation(string Region, string Indicator, int Year, double Value, string Source);
