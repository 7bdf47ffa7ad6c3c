using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Web.Contracts;

// Payloads of the SignalR hub at /hubs/training (documented in docs/signalr.md) and of the
// in-process notifier the pages listen to. Plain records: they serialize as camelCase JSON.

/// <summary>One training iteration. Losses are in nats per character.</summary>
/// <param name="SmoothedLoss">Exponential moving average of <paramref name="TrainLoss"/> (debiased).</param>
/// <param name="ValidationLoss">Set on iterations where the validation split was evaluated.</param>
/// <param name="Eta">Estimated seconds until the run's last iteration, when known.</param>
public sealed record ProgressEvent(
    string RunId,
    int Iteration,
    int TotalIterations,
    double Epoch,
    double TrainLoss,
    double SmoothedLoss,
    double? ValidationLoss,
    double LearningRate,
    double GradientNorm,
    double CharsPerSecond,
    double ElapsedSeconds,
    double? Eta);

/// <summary>A sample the trainer generated at <paramref name="Iteration"/> (text is plain text, never HTML).</summary>
public sealed record SampleEvent(string RunId, int Iteration, double Temperature, string Text, double Loss);

/// <summary>A run changed state; <paramref name="Message"/> says why when it stopped or failed.</summary>
public sealed record StateEvent(string RunId, RunState State, string? Message);

/// <summary>What GetHistory returns: the run, its loss curve (at most Lab:MaxChartPoints points,
/// bucket-averaged for long runs) and every training sample, oldest first.</summary>
/// <param name="BestValidationLoss">The lowest validation loss the run measured, even where the curve's buckets keep only their latest.</param>
public sealed record RunHistory(RunSummary Run, IReadOnlyList<ProgressEvent> Progress, IReadOnlyList<SampleEvent> Samples,
    double? BestValidationLoss = null);

/// <summary>Text sampled on request, with each symbol's probability and top candidates.</summary>
/// <param name="Iteration">The training iteration of the weights sampled from.</param>
public sealed record SampleResult(
    string RunId,
    int Iteration,
    double Temperature,
    string Prime,
    string Text,
    IReadOnlyList<SampledSymbol> Symbols);
