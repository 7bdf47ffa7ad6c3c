using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Core.Tests.Corpora.Download;

/// <summary>$CHARRNN_CATALOG / --catalog: a file whose entries replace same-named ones or are added; "replace" drops the shipped ones.</summary>
public sealed class CatalogOverrideTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Override(string json) => _dir.File("mirror.json", json);

    private const string Mirror = """
        {"corpora": [
          {"name": "enwik8", "title": "enwik8 (mirror)", "description": "d", "licence": "l", "url": "http://mirror.local/enwik8.zip",
           "archive": "zip", "archiveEntry": "enwik8"},
          {"name": "kernel-c", "title": "C files", "description": "d", "licence": "l", "url": "http://mirror.local/k.tar.xz",
           "build": {"include": ["**/*.c"], "exclude": ["**/Documentation/**"], "separator": null}}
        ]}
        """;

    [Fact]
    public void Entries_of_the_same_name_are_replaced_and_new_ones_added()
    {
        var catalog = CorpusCatalog.Configured(Override(Mirror));
        Assert.Equal("http://mirror.local/enwik8.zip", catalog.Get("enwik8").Url.ToString());
        Assert.Equal(new CharRnnLab.Core.Corpora.Building.CorpusBuildOptions(["**/*.c"], ["**/Documentation/**"], null), catalog.Get("kernel-c").Build);
        Assert.Equal(CorpusCatalog.Default.Entries.Count + 1, catalog.Entries.Count);
        Assert.Equal(CorpusCatalog.Default.Get("war-and-peace"), catalog.Get("war-and-peace"));
    }

    [Fact]
    public void Replace_true_keeps_only_the_files_entries()
    {
        var catalog = CorpusCatalog.Configured(Override(Mirror.Replace("{\"corpora\"", "{\"replace\": true, \"corpora\"")));
        Assert.Equal(["enwik8", "kernel-c"], catalog.Entries.Select(e => e.Name));
    }

    [Fact]
    public void The_environment_variable_names_the_file_and_an_explicit_path_wins()
    {
        string path = Override(Mirror);
        Assert.NotNull(CorpusCatalog.Configured(null, v => v == CorpusCatalog.OverrideVariable ? path : null).Find("kernel-c"));
        Assert.Same(CorpusCatalog.Default, CorpusCatalog.Configured(null, _ => null));
        var explicitFile = Override(Mirror.Replace("kernel-c", "other-c"));
        Assert.NotNull(CorpusCatalog.Configured(explicitFile, _ => path).Find("other-c"));
    }

    [Fact]
    public void A_missing_override_file_names_where_it_was_set()
    {
        var ex = Assert.Throws<CorpusException>(() => CorpusCatalog.Configured(Path.Combine(_dir.Path, "nope.json")));
        Assert.Contains("Cannot read the corpus catalogue", ex.Message);
        Assert.Contains("$CHARRNN_CATALOG", ex.Message);
    }

    [Theory]
    [InlineData("""{"corpora": [{"name": "a", "title": "A", "description": "d", "licence": "l", "url": "https://x/y", "build": {"include": []}}]}""", "needs an \"include\" list")]
    [InlineData("""{"corpora": [{"name": "a", "title": "A", "description": "d", "licence": "l", "url": "https://x/y", "archive": "zip", "build": {"include": ["*"]}}]}""", "exclude each other")]
    public void A_bad_build_entry_is_refused_with_the_reason(string json, string reason)
    {
        var ex = Assert.Throws<CorpusException>(() => CorpusCatalog.Configured(Override(json)));
        Assert.Contains(reason, ex.Message);
        Assert.Contains("mirror.json", ex.Message);
    }
}
