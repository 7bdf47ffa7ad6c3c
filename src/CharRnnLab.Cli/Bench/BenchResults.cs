using CharRnnLab.Core.Benchmarks;

namespace CharRnnLab.Cli.Bench;

/// <summary>A speed in characters per second and the nominal work per character (<see cref="ModelFlops"/>).</summary>
internal sealed record Throughput(double CharsPerSecond, double FlopsPerChar)
{
    public double FlopsPerSecond => CharsPerSecond * FlopsPerChar;
}

/// <summary>The engine, the engine with its autograd step (<see cref="CharRnnLab.Core.Training.StepPath.Autograd"/>)
/// and the bare TorchSharp loop on the same data in the same process, alternating, best round of each.</summary>
internal sealed record TrainingFigures(Throughput Engine, Throughput EngineAutograd, Throughput Bare, double EngineLastLoss, double BareLastLoss)
{
    public double EngineOverBare => Engine.CharsPerSecond / Bare.CharsPerSecond;
    public double EngineOverAutograd => Engine.CharsPerSecond / EngineAutograd.CharsPerSecond;
}

/// <summary>Batch-1 sampling through one stepper configuration (e.g. "fp32, 1 thread").</summary>
internal sealed record SamplingFigure(string Path, Throughput Speed);

/// <summary>Working set after <paramref name="Iteration"/> engine iterations.</summary>
internal sealed record WorkingSetPoint(int Iteration, long Bytes);

/// <summary>Everything measured for one <see cref="BenchCase"/>.</summary>
internal sealed record CaseResult(
    BenchCase Case,
    int Vocabulary,
    TrainingFigures Training,
    IReadOnlyList<SamplingFigure> Sampling,
    SamplingAgreement Agreement,
    InterventionSampling EditedSampling,
    RecorderBenchmarkResult? Recording,
    double RecordingFlopsPerChar,
    IReadOnlyList<WorkingSetPoint> WorkingSet);

/// <summary>The whole bench: the GEMM yardstick and every case.</summary>
internal sealed record BenchResult(string Suite, GemmRate Gemm, int Threads, int Iterations, int Warmup, int Rounds,
    string Corpus, IReadOnlyList<CaseResult> Cases, long PeakWorkingSetBytes);
