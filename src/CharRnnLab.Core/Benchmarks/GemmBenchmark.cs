using System.Diagnostics;
using CharRnnLab.Core.Compute;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Benchmarks;

/// <summary>The machine's own float32 matrix-product rate: the yardstick every bench figure is a fraction of.</summary>
/// <param name="Size">N of the N×N·N×N product.</param>
/// <param name="BestSeconds">Fastest of the timed products.</param>
public sealed record GemmRate(int Size, double BestSeconds)
{
    public double Flops => 2.0 * Size * Size * Size / BestSeconds;
    public double Gflops => Flops / 1e9;

    /// <summary><paramref name="flopsPerSecond"/> as a fraction of this rate.</summary>
    public double Fraction(double flopsPerSecond) => flopsPerSecond / Flops;
}

/// <summary>
/// Times an N³ float32 libtorch matmul on the compute lane (so with the lane's thread count, as
/// training runs). Best of several products: other load on the machine only ever slows one down.
/// </summary>
public static class GemmBenchmark
{
    public const int DefaultSize = 2048;

    public static Task<GemmRate> MeasureAsync(ComputeLane lane, int size = DefaultSize, double minimumSeconds = 1.0) =>
        lane.Run(() => Measure(size, minimumSeconds));

    private static GemmRate Measure(int size, double minimumSeconds)
    {
        using var scope = NewDisposeScope();
        return new GemmRate(size, BestSeconds(rand(size, size), rand(size, size), 3, minimumSeconds));
    }

    /// <summary>The fastest of at least <paramref name="runs"/> products a·b, timed until
    /// <paramref name="minimumSeconds"/> have passed; the first, untimed, sizes libtorch's pools and wakes its threads.</summary>
    internal static double BestSeconds(Tensor a, Tensor b, int runs, double minimumSeconds)
    {
        torch.mm(a, b).Dispose();
        double best = double.MaxValue, total = 0;
        for (int n = 0; n < runs || total < minimumSeconds; n++)
        {
            var clock = Stopwatch.StartNew();
            torch.mm(a, b).Dispose();
            double seconds = clock.Elapsed.TotalSeconds;
            best = Math.Min(best, seconds);
            total += seconds;
        }
        return best;
    }
}
