using CharRnnLab.Core;
using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Yardsticks;

namespace CharRnnLab.Web.Tests.Yardsticks;

/// <summary>The lab's n-gram baselines against Core's (what <c>charrnn ngram</c> prints), on the runs' split.</summary>
public sealed class NgramBaselineServiceTests(YardstickLab lab) : IClassFixture<YardstickLab>
{
    private NgramBaselineService Service => lab.Lab.Service<NgramBaselineService>();

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.1)]
    public async Task Every_order_scores_what_Core_scores_on_that_split(double fraction)
    {
        var baseline = await Service.BaselineAsync(lab.CorpusId, fraction);

        var core = lab.CoreReport(fraction).Orders;
        Assert.Equal(NgramIndex.MaxOrder, baseline.Orders.Count);
        Assert.Equal(core.Select(o => o.Nats), baseline.Orders.Select(o => o.Nats));
        Assert.Equal(core.MinBy(o => o.Nats)!.Order, baseline.Best.Order);
        Assert.Equal(fraction, baseline.ValidationFraction);
    }

    [Fact]
    public async Task Another_split_is_another_baseline()
    {
        var a = await Service.BaselineAsync(lab.CorpusId, 0.05);
        var b = await Service.BaselineAsync(lab.CorpusId, 0.2);

        Assert.NotEqual(a.Orders[2].Nats, b.Orders[2].Nats);
    }

    [Fact]
    public async Task The_index_is_cached_in_a_file_in_the_data_directory_and_scored_once()
    {
        var pages = await Task.WhenAll(Service.BaselineAsync(lab.CorpusId, 0.15), Service.BaselineAsync(lab.CorpusId, 0.15));

        Assert.Same(pages[0], pages[1]);
        Assert.Same(pages[0], await Service.BaselineAsync(lab.CorpusId, 0.15));
        string cache = NgramIndexCache.PathFor(lab.Corpus, 0.15)!;
        Assert.True(File.Exists(cache), cache);
        Assert.StartsWith(lab.Lab.DataDirectory, cache);
    }

    [Fact]
    public async Task A_split_without_validation_symbols_is_refused_with_Cores_message()
    {
        var refusal = await Assert.ThrowsAnyAsync<CharRnnException>(() => Service.BaselineAsync(lab.CorpusId, 0));

        Assert.Contains("validation fraction is 0", refusal.Message);
    }

    [Fact]
    public async Task Asking_for_an_unknown_corpus_fails_with_the_catalogues_message()
    {
        var refusal = await Assert.ThrowsAnyAsync<CharRnnException>(() => Service.BaselineAsync("upload-nothing-here", 0.05));

        Assert.Contains("nothing-here", refusal.Message);
    }
}

/// <summary>Which baselines pages compute by themselves: small corpora, and indexes in memory or in a cache file.</summary>
public sealed class NgramQuickTests : IAsyncLifetime
{
    private LabHost _lab = null!;
    private string _corpusId = "";

    public async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync(dataDirectory: null, ("Lab:NgramAutoBuildBytes", "0"));
        _corpusId = await _lab.AddCorpusAsync();
    }

    public Task DisposeAsync() => _lab.DisposeAsync().AsTask();

    [Fact]
    public async Task A_corpus_over_the_size_is_quick_once_its_index_is_in_memory()
    {
        var service = _lab.Service<NgramBaselineService>();
        Assert.False(service.IsQuick(_corpusId, 0.05));

        await service.BaselineAsync(_corpusId, 0.05);

        Assert.True(service.IsQuick(_corpusId, 0.05));
        Assert.False(service.IsQuick(_corpusId, 0.1));
    }

    [Fact]
    public void A_corpus_over_the_size_is_quick_when_its_cache_file_exists()
    {
        var store = _lab.Service<NgramIndexStore>();
        Assert.False(store.IsQuick(_corpusId, 0.1));

        NgramBaselines.Open(_lab.Service<CharRnnLab.Web.Corpora.ILabCorpora>().Load(_corpusId), 0.1); // Core writes the file

        Assert.True(store.IsQuick(_corpusId, 0.1));
        Assert.False(store.IsQuick(_corpusId, 0.2));
    }
}
