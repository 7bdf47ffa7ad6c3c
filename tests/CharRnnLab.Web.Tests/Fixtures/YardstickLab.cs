using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>A lab with one small uploaded corpus (6,000 characters of <see cref="TestCorpus"/>), for the yardsticks' tests.</summary>
public sealed class YardstickLab : IAsyncLifetime
{
    /// <summary>The runs' default split.</summary>
    public const double Fraction = 0.05;

    public LabHost Lab { get; private set; } = null!;
    public string CorpusId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Lab = await LabHost.StartAsync();
        CorpusId = await Lab.AddCorpusAsync();
    }

    public Corpus Corpus => Lab.Service<ILabCorpora>().Load(CorpusId);

    /// <summary>Core's own numbers for the corpus: what <c>charrnn ngram</c> prints.</summary>
    public NgramReport CoreReport(double fraction = Fraction) => NgramBaselines.Evaluate(Corpus, fraction);

    /// <summary>A finished run of the corpus (a stored summary; nothing trained).</summary>
    public RunSummary Run(string id = "20250101-000000-b001", string cell = "lstm") => ComparedRuns.Run(id, cell, corpusId: CorpusId);

    public Task DisposeAsync() => Lab.DisposeAsync().AsTask();
}
