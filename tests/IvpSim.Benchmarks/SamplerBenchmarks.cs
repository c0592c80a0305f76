using BenchmarkDotNet.Attributes;
using IvpSim.Model.Random;

namespace IvpSim.Benchmarks;

/// <summary>The count and normal samplers: one draw each, from a precomputed table of normal scores.</summary>
[MemoryDiagnoser]
public class SamplerBenchmarks
{
    private readonly double[] _scores = new double[4096];
    private int _next;
    private RandomStream _stream = RandomStream.For(1, 2, 3);

    [Params(5.0, 30.0, 300.0, 3000.0)]
    public double Mean { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _scores.Length; i++) _scores[i] = _stream.NextStandardNormal();
    }

    [Benchmark(Description = "exact Poisson count at a normal score")]
    public int Poisson() => PoissonSampler.Sample(Mean, _scores[_next++ & 4095]);

    [Benchmark(Description = "ziggurat standard normal")]
    public double Normal() => _stream.NextStandardNormal();
}
