using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Core.Tests.Corpora.Download;

public class CatalogTests
{
    private static CorpusCatalog Shipped => CorpusCatalog.Default;

    [Fact]
    public void Tiny_shakespeare_has_the_known_size_and_pinned_checksum()
    {
        var tiny = Shipped.Get("tiny-shakespeare");
        Assert.Equal("https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt", tiny.Url.ToString());
        Assert.Equal(1_115_394, tiny.ExpectedBytes);
        Assert.True(tiny.ExactSize);
        Assert.Equal("86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed", tiny.Sha256);
    }

    [Theory]
    [InlineData("war-and-peace", "gutenberg.org")]
    [InlineData("shakespeare-complete", "gutenberg.org")]
    [InlineData("enwik8", "mattmahoney.net")]
    [InlineData("linux-sched-core", "raw.githubusercontent.com")]
    [InlineData("baby-names", "raw.githubusercontent.com")]
    [InlineData("latex-stacks-algebra", "raw.githubusercontent.com")]
    public void Classic_corpora_are_listed_with_a_source_and_licence_and_no_invented_checksum(string name, string host)
    {
        var entry = Shipped.Get(name);
        Assert.Equal(host, entry.Url.Host.Replace("www.", ""));
        Assert.False(string.IsNullOrWhiteSpace(entry.Licence));
        Assert.False(string.IsNullOrWhiteSpace(entry.Description));
        Assert.True(entry.ExpectedBytes > 0);
        Assert.Null(entry.Sha256);
    }

    [Fact]
    public void Enwik8_is_unzipped_from_its_archive()
    {
        var enwik8 = Shipped.Get("enwik8");
        Assert.Equal("https://mattmahoney.net/dc/enwik8.zip", enwik8.Url.ToString());
        Assert.Equal(("zip", "enwik8", 100_000_000L), (enwik8.Archive, enwik8.ArchiveEntry, enwik8.ExpectedBytes!.Value));
    }

    [Theory]
    [InlineData("linux-kernel", "cdn.kernel.org", "**/*.c **/*.h", 400_000_000)]
    [InlineData("stacks-project", "github.com", "**/*.tex", 16_000_000)]
    public void The_posts_many_file_corpora_are_built_from_official_archives_at_the_posts_size(string name, string host, string globs, long atLeast)
    {
        var entry = Shipped.Get(name);
        Assert.Equal(host, entry.Url.Host);
        Assert.Equal(globs, string.Join(" ", entry.Build!.Include));
        Assert.True(entry.ExpectedBytes >= atLeast);
    }

    [Fact]
    public void Every_entry_says_what_the_post_trained_on_and_the_essays_say_why_they_are_not_fetched()
    {
        Assert.All(Shipped.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Post), e.Name));
        string essays = Shipped.Get("paul-graham-essay").Post!;
        Assert.Contains("neither ship nor fetch", essays);
        Assert.Contains("charrnn corpora add --from DIR", essays);
        Assert.Equal("https", Shipped.Get("enwik8").Url.Scheme);
    }

    [Fact]
    public void The_file_in_the_repository_is_the_embedded_default()
    {
        string root = SourceCorpus.FindRepoRoot(AppContext.BaseDirectory)!;
        var fromFile = CorpusCatalog.Load(Path.Combine(root, "corpora", "catalog.json"));
        Assert.Equal(Shipped.Entries, fromFile.Entries);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"corpora": null}""", "no \"corpora\" list")]
    [InlineData("""{"corpora": [{"name": "a", "title": "A", "description": "d", "licence": "l"}]}""", "\"url\" is missing")]
    [InlineData("""{"corpora": [{"name": "a", "title": "A", "description": "d", "licence": "l", "url": "ftp://x/y"}]}""", "not an http(s) URL")]
    [InlineData("""{"corpora": [{"name": "a", "title": "A", "description": "d", "licence": "l", "url": "https://x/y", "sha256": "abc"}]}""", "64 hex digits")]
    [InlineData("""{"corpora": [{"name": "a", "title": "A", "description": "d", "licence": "l", "url": "https://x/y", "archive": "rar"}]}""", "only zip")]
    [InlineData("""{"corpora": [{"name": "a", "title": "A", "description": "d", "licence": "l", "url": "https://x/y"}, {"name": "a", "title": "A", "description": "d", "licence": "l", "url": "https://x/z"}]}""", "lists 'a' twice")]
    public void Bad_catalogues_are_refused_with_the_reason(string json, string reason)
    {
        var ex = Assert.Throws<CorpusException>(() => CorpusCatalog.Parse(json, "my-catalog.json"));
        Assert.Contains(reason, ex.Message);
        Assert.Contains("my-catalog.json", ex.Message);
    }

    [Fact]
    public void Unknown_names_list_the_known_ones()
    {
        var ex = Assert.Throws<CorpusException>(() => Shipped.Get("moby-dick"));
        Assert.Contains("tiny-shakespeare", ex.Message);
    }
}
