using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Core.Tests.Corpora;

public sealed class CorpusLibraryTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private static readonly GeneratorConfig SmallCode = BundledCorpora.Small("code") with { Id = "code", Name = "C-like code" };

    public void Dispose() => _data.Dispose();

    private CorpusLibrary Library(params GeneratorConfig[] bundled) =>
        new(_data.Path, bundled: bundled.Length > 0 ? bundled : null);

    [Fact]
    public void Lists_bundled_catalogue_and_source_corpora()
    {
        var list = Library().List();
        Assert.Equal(["dialogue", "wiki", "code", "mixed"], list.Where(c => c.Kind == CorpusKinds.Bundled).Select(c => c.Id));
        Assert.All(list.Where(c => c.Kind == CorpusKinds.Bundled), c => Assert.True(c.Available && c.Path is null && c.SizeBytes > 0));
        var tiny = list.Single(c => c.Id == "tiny-shakespeare");
        Assert.Equal((CorpusKinds.Catalog, false, 1_115_394L, (string?)null), (tiny.Kind, tiny.Available, tiny.SizeBytes!.Value, tiny.Path));
        Assert.Equal(CorpusKinds.Source, list.Single(c => c.Id == SourceCorpus.Id).Kind);
    }

    [Fact]
    public void A_bundled_corpus_is_generated_on_first_use_then_served_from_the_cache()
    {
        var library = Library(SmallCode);
        string path = library.EnsureAvailable("code");
        Assert.Equal(Path.Combine(_data.Path, "corpora", "bundled", "code.txt"), path);
        Assert.Equal(Generators.Generate(SmallCode).Text, File.ReadAllText(path));
        Assert.Equal(path, library.Get("code").Path);

        File.AppendAllText(path, "// marker");                                     // cached: not regenerated
        Assert.EndsWith("// marker", File.ReadAllText(Library(SmallCode).EnsureAvailable("code")));

        var reseeded = SmallCode with { Seed = 8 };                              // config changed: regenerated
        Assert.Equal(Generators.Generate(reseeded).Text, File.ReadAllText(Library(reseeded).EnsureAvailable("code")));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Ground_truth_is_available_for_bundled_corpora_only()
    {
        var library = Library(SmallCode);
        var corpus = library.GenerateWithTracks("code");
        Assert.Equal(File.ReadAllText(library.EnsureAvailable("code")), corpus.Text);
        Assert.True(corpus.Tracks[CorpusTracks.Indent].Max() >= 1);
        Assert.Contains("only for bundled corpora", Assert.Throws<CorpusException>(() => library.GenerateWithTracks("tiny-shakespeare")).Message);
    }

    [Fact]
    public void Unfetched_and_unknown_corpora_say_what_to_do()
    {
        var library = Library();
        Assert.Contains("charrnn corpora fetch tiny-shakespeare", Assert.Throws<CorpusException>(() => library.EnsureAvailable("tiny-shakespeare")).Message);
        var unknown = Assert.Throws<CorpusException>(() => library.EnsureAvailable("moby-dick"));
        Assert.Contains("no corpus 'moby-dick'", unknown.Message);
        Assert.Contains("dialogue", unknown.Message);
        Assert.Throws<CorpusException>(() => library.Get("moby-dick"));
    }

    [Fact]
    public async Task Fetched_corpora_are_listed_as_downloaded()
    {
        await using var server = new LocalHttpServer();
        byte[] content = "First Citizen:\nBefore we proceed any further, hear me speak.\n"u8.ToArray();
        server.Map("/input.txt", r => ServerReply.File(content, r));
        var catalog = new CorpusCatalog([new CatalogEntry("tiny", "Tiny", "d", server.Url("/input.txt"), content.Length, true, null, "l")]);
        var library = new CorpusLibrary(_data.Path, catalog);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        var result = await library.FetchAsync("tiny", http);
        var info = library.Get("tiny");
        Assert.Equal((CorpusKinds.Downloaded, true, result.Path, (long)content.Length), (info.Kind, info.Available, info.Path!, info.SizeBytes!.Value));
        Assert.Equal(result.Path, library.EnsureAvailable("tiny"));
        Assert.Contains("nothing to download", (await Assert.ThrowsAsync<CorpusException>(() => library.FetchAsync("dialogue", http))).Message);
    }

    [Fact]
    public void The_data_directory_defaults_to_charrnn_data_or_local_application_data()
    {
        string? saved = Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, _data.Path);
            Assert.Equal(_data.Path, DataDirectory.Default());
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, null);
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "CharRnnLab"), DataDirectory.Default());
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, saved);
        }
    }
}
