using System.IO.Compression;
using System.Net;
using CharRnnLab.Core;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>One lab with a tiny run trained to its final checkpoint, shared by the endpoint tests.</summary>
public sealed class TrainedRunFixture : IAsyncLifetime
{
    public LabHost Lab { get; private set; } = null!;
    public string CorpusId { get; private set; } = "";
    public string RunId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Lab = await LabHost.StartAsync();
        CorpusId = await Lab.AddCorpusAsync();
        var runs = Lab.Service<RunManager>();
        RunId = (await runs.StartAsync(LabHost.TinyRun(CorpusId, iterations: 20))).Id;
        await Poll.UntilAsync(() => runs.Get(RunId).State == RunState.Completed, "the tiny run to complete", seconds: 90, intervalMs: 50);
    }

    public Task DisposeAsync() => Lab.DisposeAsync().AsTask();
}
