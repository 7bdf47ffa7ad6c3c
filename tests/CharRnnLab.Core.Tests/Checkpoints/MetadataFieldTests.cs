using System.Text.Json.Nodes;
using CharRnnLab.Core.Checkpoints;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;

namespace CharRnnLab.Core.Tests.Checkpoints;

/// <summary>A meta.json with a field missing or null is refused with a message naming the field.</summary>
public sealed class MetadataFieldTests
{
    public static TheoryData<string, Action<JsonObject>, string> Edits => new()
    {
        { "null corpus name", meta => meta["corpusName"] = null, "has no value for \"corpusName\" (missing or null)" },
        { "no corpus name", meta => meta.Remove("corpusName"), "has no value for \"corpusName\" (missing or null)" },
        { "no iteration", meta => meta.Remove("iteration"), "has no value for \"iteration\"" },
        { "null model", meta => meta["model"] = null, "has no value for \"model\"" },
        { "null device", meta => meta["training"]!["device"] = null, "has no value for \"training.device\"" },
        { "null sample text", meta => meta["samples"] = new JsonArray(new JsonObject { ["iteration"] = 1, ["temperature"] = 1.0, ["text"] = null, ["trainLoss"] = 2.0 }),
            "has no value for \"samples[0].text\"" },
        { "null symbol", meta => meta["vocabulary"]![0] = null, "vocabulary entry 0 is null, not one symbol" },
        { "two-letter symbol", meta => meta["vocabulary"]![1] = "ab", "vocabulary entry 1 is \"ab\", not one symbol" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task A_missing_or_null_field_is_named(string what, Action<JsonObject> edit, string expected)
    {
        using var dir = new TempDirectory();
        await RunToEnd(RepetitiveCorpus(), TinyModel(), TinyTraining(2), dir.Path);
        string edited = dir.File("edited.crnn");
        CheckpointRewriter.Replace(Path.Combine(dir.Path, CheckpointFile.FileName), edited, "meta.json", (bytes, to) =>
        {
            var meta = JsonNode.Parse(bytes)!.AsObject();
            edit(meta);
            to.Write(System.Text.Encoding.UTF8.GetBytes(meta.ToJsonString()));
        });

        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.Verify(edited, "shared.crnn"));

        Assert.True(error.Message.Contains(expected), $"{what}: {error.Message}");
        Assert.StartsWith("shared.crnn is not a readable CharRnnLab checkpoint", error.Message);
    }
}
