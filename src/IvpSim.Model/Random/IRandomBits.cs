namespace IvpSim.Model.Random;

/// <summary>A source of 64 random bits at a time; implemented by value types so that samplers specialise without calls.</summary>
public interface IRandomBits
{
    ulong NextUInt64();
}
