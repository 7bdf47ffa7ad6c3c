using System.Security.Cryptography;
using System.Text;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Corpora;

public class GeneratorDeterminismTests
{
    /// <summary>
    /// SHA-256 of each shipped corpus. If a generator change alters one on purpose, update the hash
    /// here AND bump <see cref="CorpusLibrary.GeneratorVersion"/> so users' cached copies are regenerated.
    /// </summary>
    [Theory]
    [InlineData("dialogue", "46852c99ddaf44e6370806ddfcd6191baec281979e41e172083c78a6b1deef12")]
    [InlineData("wiki", "0d0d9b8f65d40406a3bf99853516d62bd829baf05b6db3647411b757f27fc4d8")]
    [InlineData("code", "d606ccba95ff00b25ee92c24160279a5652bab289801576a36b262c1106ec9ab")]
    [InlineData("mixed", "0c127fa5acbf41431ac3a6dce403b97efc9899d26eb184c70ee01d4b6ed824bd")]
    public void Shipped_corpora_are_pinned_byte_for_byte(string id, string sha256)
    {
        var text = BundledCorpora.Get(id).Text;
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        Assert.Equal(3, CorpusLibrary.GeneratorVersion);
    }

    [Theory]
    [InlineData("dialogue")]
    [InlineData("wiki")]
    [InlineData("code")]
    [InlineData("mixed")]
    public void Same_config_gives_the_same_text_and_tracks(string generator)
    {
        var config = BundledCorpora.Small(generator, seed: 99);
        var a = Generators.Generate(config);
        var b = Generators.Generate(config);
        Assert.Equal(a.Text, b.Text);
        Assert.All(CorpusTracks.All, t => Assert.Equal(a.Tracks[t], b.Tracks[t]));
        Assert.InRange(a.Text.Length, config.SizeBytes, config.SizeBytes + 40_000);
        Assert.NotEqual(a.Text, Generators.Generate(config with { Seed = 100 }).Text);
    }

    [Theory]
    [InlineData("dialogue")]
    [InlineData("wiki")]
    [InlineData("code")]
    [InlineData("mixed")]
    public void Text_without_tracks_is_the_same_text(string generator)
    {
        var config = BundledCorpora.Small(generator, seed: 7);
        var textOnly = Generators.Generate(config, withTracks: false);
        Assert.Equal(Generators.Generate(config).Text, textOnly.Text);
        Assert.Empty(textOnly.Tracks);
    }

    [Fact]
    public void Shipped_configs_are_the_four_corpora_of_about_a_megabyte()
    {
        Assert.Equal(["dialogue", "wiki", "code", "mixed"], GeneratorConfig.Bundled.Select(c => c.Id));
        Assert.All(GeneratorConfig.Bundled, c => Assert.InRange(c.SizeBytes, 500_000, 2_000_000));
        Assert.All(GeneratorConfig.Bundled, c => Assert.InRange(BundledCorpora.Get(c.Id).Text.Length, c.SizeBytes, c.SizeBytes + 60_000));
    }

    [Theory]
    [InlineData("""{"id":"x","generator":"poetry","name":"n","description":"d"}""", "generator 'poetry' is unknown")]
    [InlineData("""{"id":"x","generator":"code","name":"n","description":"d","sizeBytes":5}""", "sizeBytes 5 is outside")]
    [InlineData("""{"id":"x","generator":"code","name":"n","description":"d","maxDepth":3}""", "maxDepth 3 is outside")]
    [InlineData("""{"id":"x","generator":"dialogue","name":"n","description":"d","wrapWidth":20}""", "wrapWidth 20 is outside")]
    [InlineData("""{"id":"Bad Id","generator":"code","name":"n","description":"d"}""", "id 'Bad Id'")]
    [InlineData("""{"id":"x","generator":"code","name":"n","description":"d","colour":"red"}""", "not valid")]
    [InlineData("""{"id":"x","generator":"code"}""", "not valid")]
    public void Bad_configs_are_refused_with_the_reason(string json, string reason)
    {
        var ex = Assert.Throws<CorpusException>(() => GeneratorConfig.Parse(json, "test.json"));
        Assert.Contains(reason, ex.Message);
        Assert.Contains("test.json", ex.Message);
    }

    [Fact]
    public void Unknown_generator_names_list_the_known_ones()
    {
        var ex = Assert.Throws<CorpusException>(() => Generators.Get("limericks"));
        Assert.Contains("dialogue, wiki, code, mixed", ex.Message);
    }
}
