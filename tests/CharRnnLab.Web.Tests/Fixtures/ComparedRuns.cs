using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>Runs and curves for Compare tests, with made-up ids and a loss that falls by 0.01 per iteration.</summary>
internal static class ComparedRuns
{
    public static RunSummary Run(string id, string cell = "lstm", int hidden = 16, int layers = 1, string corpusId = "", double? latestValidation = null) =>
        new(id, $"{cell} {layers}×{hidden}", "tiny", RunState.Completed, null, 100, 100, 2.0, latestValidation, null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
            corpusId, RunRequests.Read(new StartRunRequest { CorpusId = corpusId, Cell = cell, Layers = layers, Hidden = hidden, Batch = 4, Seq = 16 }).Config);

    /// <summary>Iterations 1..<paramref name="iterations"/>, a validation loss every 10th, elapsed 0.5 s per iteration.</summary>
    public static IReadOnlyList<ProgressEvent> Curve(string id, int iterations, double start = 4.0) =>
        Enumerable.Range(1, iterations).Select(i => new ProgressEvent(id, i, iterations, i / 100.0, start - 0.01 * i, start - 0.01 * i,
            i % 10 == 0 ? start + 0.1 - 0.01 * i : null, 2e-3, 1.0, 1000, i * 0.5, null)).ToList();
}
