using CharRnnLab.Core.Evaluation;
using CharRnnLab.Core.Yardsticks.Errors;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>One run's errors on the analysed text.</summary>
/// <param name="Run">The run.</param>
/// <param name="Iteration">The iteration of the weights analysed.</param>
/// <param name="Breakdown">Core's table and per-symbol categories.</param>
public sealed record RunErrors(RunSummary Run, int Iteration, ErrorBreakdown Breakdown);

/// <summary>The error analysis of a run (and optionally a second one) on one text: the run's validation split, cut to a length.</summary>
/// <param name="Text">The text analysed.</param>
/// <param name="A">The run's errors.</param>
/// <param name="B">The second run's, on the same text; null for one run.</param>
/// <param name="Comparison">What B fixes of A's errors and what it breaks; null for one run.</param>
public sealed record ErrorView(string Text, RunErrors A, RunErrors? B, ErrorComparison? Comparison);

/// <summary>
/// The paper's error breakdown for runs of the lab, as <c>charrnn errors</c> computes it: the model's
/// probability of each character of the run's validation split (libtorch, on the compute lane, from a
/// zero state in one pass: <see cref="TextEvaluator.TargetProbabilities"/>), then Core's
/// <see cref="ErrorAnalyzer"/> against the training split (yardstick work). A second run is scored on
/// the same text (<see cref="ErrorComparison"/>).
/// </summary>
public sealed class ErrorAnalysisService(RunManager runs, RunFiles files, NgramIndexStore indexes, YardstickWork work)
{
    /// <summary>Characters analysed unless asked otherwise: a few seconds for a small model.</summary>
    public const int DefaultCharacters = 20_000;

    /// <param name="runId">The run whose validation split (and corpus) the text is.</param>
    /// <param name="versusRunId">A second run to score on the same text, or null.</param>
    /// <param name="characters">The text is the split's first this many characters (the whole split when shorter).</param>
    public async Task<ErrorView> AnalyzeAsync(string runId, string? versusRunId, int characters,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (characters < 2) throw new LabException($"The text to analyse needs at least 2 characters (got {characters}).");
        var run = Require(runId);
        var versus = versusRunId is null ? null : Require(versusRunId);
        var index = await indexes.OpenAsync(run.CorpusId, run.Config.Training.ValidationFraction, progress, cancellationToken);
        var analyzer = await work.RunAsync(() => new ErrorAnalyzer(index.Index, index.Corpus), cancellationToken);
        string text = string.Concat(analyzer.ValidationText.EnumerateRunes().Take(characters).Select(r => r.ToString()));
        var a = await ErrorsOfAsync(run, analyzer, text, progress, cancellationToken);
        if (versus is null) return new ErrorView(text, a, null, null);
        var b = await ErrorsOfAsync(versus, analyzer, text, progress, cancellationToken);
        return new ErrorView(text, a, b, ErrorComparison.Of(a.Breakdown, b.Breakdown));
    }

    private RunSummary Require(string runId)
    {
        var run = runs.Get(runId);
        if (!run.HasCorpus()) throw RunCorpus.Missing(run, "there is no validation split to analyse; use `charrnn errors --text FILE` instead");
        if (!run.CanSample) throw new LabException($"Run '{run.Name}' has no model to analyse yet: it stopped before its first checkpoint.");
        return run;
    }

    private async Task<RunErrors> ErrorsOfAsync(RunSummary run, ErrorAnalyzer analyzer, string text, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        progress?.Report($"{run.Name}: the model's probability of each of {text.Length:N0} characters…");
        var weights = await files.WeightsAsync(run.Id, runs.Live(run.Id), cancellationToken);
        var probabilities = await work.RunOnLaneAsync(() => TextEvaluator.TargetProbabilities(weights, text));
        progress?.Report($"{run.Name}: sorting its errors (n-gram oracle of order ≤ {analyzer.Options.OracleOrder}, rare words, …)…");
        var breakdown = await work.RunAsync(() => analyzer.Analyze(text, probabilities), cancellationToken);
        return new RunErrors(run, weights.Iteration, breakdown);
    }
}
