using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Storage;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>
/// A lab whose database holds three finished runs (LSTM, GRU, RNN on one uploaded corpus) with
/// 100-iteration curves, written straight into the run store: no training needed.
/// </summary>
public sealed class CompareLabFixture : IAsyncLifetime
{
    public const string Lstm = "20250101-000000-a001", Gru = "20250101-000000-a002", Rnn = "20250101-000000-a003";

    public LabHost Lab { get; private set; } = null!;
    public string CorpusId { get; private set; } = "";
    public IReadOnlyList<string> RunIds { get; } = [Lstm, Gru, Rnn];

    public async Task InitializeAsync()
    {
        Lab = await LabHost.StartAsync();
        CorpusId = await Lab.AddCorpusAsync();
        var store = Lab.Service<RunStore>();
        foreach (var (id, cell) in new[] { (Lstm, "lstm"), (Gru, "gru"), (Rnn, "rnn") })
        {
            var run = ComparedRuns.Run(id, cell, corpusId: CorpusId);
            store.Insert(run);
            store.Append(run, ComparedRuns.Curve(id, 100), []);
        }
    }

    /// <summary>Adds iterations to a stored run's curve (as training on would).</summary>
    public void Extend(string runId, int from, int count)
    {
        var store = Lab.Service<RunStore>();
        var run = store.FindRun(runId)!;
        var points = ComparedRuns.Curve(runId, from + count - 1).Skip(from - 1).ToList();
        store.Append(run with { Iteration = from + count - 1 }, points, []);
    }

    public Task DisposeAsync() => Lab.DisposeAsync().AsTask();
}
