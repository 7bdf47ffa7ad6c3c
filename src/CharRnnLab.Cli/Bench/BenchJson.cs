using System.Text.Json;
using CharRnnLab.Core.Benchmarks;

namespace CharRnnLab.Cli.Bench;

/// <summary>
/// The bench as one JSON object: every speed absolute (chars/s, GFLOP/s) and as a fraction of
/// the in-process GEMM rate (<c>ofGemm</c>); memory in MiB (2^20 bytes).
/// </summary>
internal static class BenchJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(BenchResult r) => JsonSerializer.Serialize(new
    {
        r.Suite,
        Gemm = new { r.Gemm.Size, Gflops = Round(r.Gemm.Gflops, 2) },
        r.Threads, r.Iterations, r.Warmup, r.Rounds, r.Corpus,
        Cases = r.Cases.Select(c => Case(c, r.Gemm)),
        PeakWorkingSetMib = Mebibytes(r.PeakWorkingSetBytes),
    }, Options);

    private static object Case(CaseResult c, GemmRate gemm)
    {
        var model = c.Case.Run.Model;
        return new
        {
            c.Case.Name, Cell = model.Cell.ToString().ToLowerInvariant(), model.Layers, model.Hidden, model.Embedding,
            c.Case.Run.Training.Batch, c.Case.Run.Training.Seq, c.Vocabulary,
            Training = new
            {
                MflopPerChar = Round(c.Training.Engine.FlopsPerChar / 1e6, 3),
                Engine = Speed(c.Training.Engine, gemm),
                EngineAutograd = Speed(c.Training.EngineAutograd, gemm),
                Bare = Speed(c.Training.Bare, gemm),
                EngineOverBare = Round(c.Training.EngineOverBare, 3),
                EngineOverAutograd = Round(c.Training.EngineOverAutograd, 3),
                EngineLastLoss = Round(c.Training.EngineLastLoss, 4),
                BareLastLoss = Round(c.Training.BareLastLoss, 4),
            },
            Sampling = c.Sampling.Select(s => new { s.Path, Speed = Speed(s.Speed, gemm) }),
            Fp16Agreement = new
            {
                c.Agreement.Characters, c.Agreement.GreedyIdentical,
                MaxProbabilityDifference = Math.Round(c.Agreement.MaxProbabilityDifference, 6),
            },
            EditedSampling = new
            {
                PairsPerSecond = Round(c.EditedSampling.PairsPerSecond, 1),
                PlainPerSecond = Round(c.EditedSampling.PlainPerSecond, 1),
                PerStreamRatio = Round(c.EditedSampling.PerStreamRatio, 3),
            },
            Recording = c.Recording is { } rec ? new
            {
                rec.Characters, rec.Streams, Seconds = Round(rec.Seconds, 3),
                Speed = Speed(new Throughput(rec.CharactersPerSecond, c.RecordingFlopsPerChar), gemm),
                PeakAboveBaselineMib = Mebibytes(rec.PeakBytesAboveBaseline),
                StoredMib = Mebibytes(rec.StoredBytes),
                TensorOpsSeconds = rec.TensorOpsSeconds is { } old ? Round(old, 3) : (double?)null,
                SpeedUpOverTensorOps = rec.SpeedUp is { } up ? Round(up, 3) : (double?)null,
            } : null,
            WorkingSet = c.WorkingSet.Select(p => new { p.Iteration, Mib = Mebibytes(p.Bytes) }),
        };
    }

    private static object Speed(Throughput t, GemmRate gemm) => new
    {
        CharsPerSecond = Round(t.CharsPerSecond, 1),
        Gflops = Round(t.FlopsPerSecond / 1e9, 3),
        OfGemm = Round(gemm.Fraction(t.FlopsPerSecond), 4),
    };

    private static double Round(double value, int digits) => Math.Round(value, digits);

    internal static double Mebibytes(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1); // MiB: 2^20 bytes
}
