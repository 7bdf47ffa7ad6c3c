using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Evaluation;
using CharRnnLab.Core.Yardsticks.Errors;
using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>A lab with two tiny runs of one corpus trained to their last checkpoint (a short one and a longer one), for the error analysis.</summary>
public sealed class ErrorsLab : IAsyncLifetime
{
    public LabHost Lab { get; private set; } = null!;
    public string CorpusId { get; private set; } = "";
    public RunSummary Short { get; private set; } = null!;
    public RunSummary Longer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Lab = await LabHost.StartAsync();
        CorpusId = await Lab.AddCorpusAsync(length: 20_000);
        Short = await TrainAsync("short", 10);
        Longer = await TrainAsync("longer", 60);
    }

    private async Task<RunSummary> TrainAsync(string name, int iterations)
    {
        var runs = Lab.Service<RunManager>();
        string id = (await runs.StartAsync(LabHost.TinyRun(CorpusId, iterations) with { Name = name })).Id;
        await Poll.UntilAsync(() => runs.Get(id).State == RunState.Completed, $"run {name} to complete", seconds: 120, intervalMs: 50);
        return runs.Get(id);
    }

    /// <summary>Core's breakdown of a run on the first <paramref name="characters"/> of its validation split, as <c>charrnn errors</c> computes it.</summary>
    public ErrorBreakdown CoreBreakdown(RunSummary run, int characters, out string text)
    {
        var corpus = Lab.Service<ILabCorpora>().Load(CorpusId);
        var analyzer = new ErrorAnalyzer(NgramBaselines.Open(corpus, run.Config.Training.ValidationFraction).Index, corpus);
        text = new string(analyzer.ValidationText.Take(characters).ToArray());
        var weights = CheckpointFile.LoadWeights(Lab.Service<RunManager>().RunDirectory(run.Id));
        return analyzer.Analyze(text, TextEvaluator.TargetProbabilities(weights, text));
    }

    public Task DisposeAsync() => Lab.DisposeAsync().AsTask();
}
